import { describe, expect, it } from 'vitest';
import { defaultSettings } from './settings.defaults.ts';
import { concernsSection, photosSection, rulesSection } from './settings-editor.forms.ts';
import { validateSettings } from './settings.service.ts';
import { withDefaults } from './settings.rules.ts';
import type { PolicySettings } from './settings.schema.ts';

describe('the settings editor turns forms into settings', () => {
  it('concerns: routes, restriction and a new action, still a valid document', () => {
    const form: Record<string, unknown> = { newAction: 'Parents’ meeting held' };
    defaultSettings.concerns.routes.forEach((r, i) => {
      form[`notify-${i}`] = r.type === 'community-post' ? ['headteacher', 'deputy-headteacher'] : r.notify;
      if (r.restricted) form[`restricted-${i}`] = 'yes';
      if (r.immediate) form[`immediate-${i}`] = 'yes';
    });
    const { next, problems } = concernsSection(defaultSettings, form);
    expect(problems).toEqual([]);
    expect(next.concerns.routes.find((r) => r.type === 'community-post')!.notify).toEqual(['headteacher', 'deputy-headteacher']);
    expect(next.concerns.routes.find((r) => r.type === 'safeguarding')).toMatchObject({ restricted: true, immediate: true });
    expect(next.concerns.actions.at(-1)).toEqual({ key: 'parents-meeting-held', label: 'Parents’ meeting held' });
    expect(() => validateSettings(next)).not.toThrow();
  });

  it('concerns: a type with nobody to tell is refused, naming it', () => {
    const { problems } = concernsSection(defaultSettings, {});
    expect(problems[0]).toEqual({ field: 'notify-0', message: 'Choose who hears about: Safeguarding concern' });
  });

  it('photos: a new prohibited occasion, approvals, sizes checked', () => {
    const ok = photosSection(defaultSettings, {
      newContext: 'Residential trip',
      prohibited: ['swimming'],
      'approval-5': 'yes',
      maxUploadMegabytes: '30',
      publishedLongestSide: '1600',
    });
    expect(ok.problems).toEqual([]);
    expect(ok.next.photos.contexts).toContain('residential-trip');
    expect(ok.next.photos.channels.filter((c) => c.headteacherApproval).map((c) => c.key)).toEqual(['press']);
    expect(ok.next.photos.publishedLongestSide).toBe(1600);
    const bad = photosSection(defaultSettings, { maxUploadMegabytes: 'lots', publishedLongestSide: '10' });
    expect(bad.problems.map((p) => p.field)).toEqual(['maxUploadMegabytes', 'publishedLongestSide']);
  });

  it('concerns: a restricted type routed to anyone but the DSL group and the head is refused, in the editor and when saved', () => {
    const form: Record<string, unknown> = {};
    defaultSettings.concerns.routes.forEach((r, i) => {
      form[`notify-${i}`] = r.type === 'safeguarding' ? ['dsl', 'headteacher', 'line-manager'] : r.notify;
      if (r.restricted) form[`restricted-${i}`] = 'yes';
    });
    const { next, problems } = concernsSection(defaultSettings, form);
    expect(problems).toEqual([
      {
        field: 'notify-0',
        message:
          'Safeguarding concern: only the designated safeguarding leads and the headteacher may see these records, so only they can be told. ' +
          'Remove The reporter’s line manager or untick “Only the designated safeguarding leads and the headteacher may see these records”',
      },
    ]);
    expect(() => validateSettings(next)).toThrow(/only the designated safeguarding leads and the headteacher may see these records/);
    // Not restricted: the line manager may hear.
    expect(concernsSection(defaultSettings, { ...form, 'restricted-0': undefined }).problems).toEqual([]);
  });

  it('concerns: adds a type of concern and retires an action; a retired action keeps its label', () => {
    const form: Record<string, unknown> = {
      newTypeLabel: 'Gaming contact',
      newTypeExplanation: 'A stranger contacted a pupil through a game.',
      newTypeNotify: ['dsl'],
      newTypeImmediate: 'yes',
      'retired-10': 'yes',
    };
    defaultSettings.concerns.routes.forEach((r, i) => {
      form[`notify-${i}`] = r.notify;
      if (r.restricted) form[`restricted-${i}`] = 'yes';
    });
    const { next, problems } = concernsSection(defaultSettings, form);
    expect(problems).toEqual([]);
    expect(next.concerns.routes.at(-1)).toEqual({
      type: 'gaming-contact',
      label: 'Gaming contact',
      explanation: 'A stranger contacted a pupil through a game.',
      notify: ['dsl'],
      immediate: true,
      restricted: false,
    });
    expect(next.concerns.actions[10]).toEqual({ key: 'computer-ban', label: 'Ban from school computers except under supervision', retired: true });
    expect(() => validateSettings(next)).not.toThrow();
    const bad = concernsSection(defaultSettings, {
      ...form,
      newTypeKey: 'safeguarding',
      newTypeExplanation: '',
      newTypeNotify: ['line-manager'],
      newTypeRestricted: 'yes',
    });
    expect(bad.problems.map((p) => p.field)).toEqual(['newTypeKey', 'newTypeExplanation', 'newTypeNotify']);
  });

  it('photos: each prohibited occasion carries the policy’s own sentence; a new channel names its consent', () => {
    const { next, problems } = photosSection(defaultSettings, {
      prohibited: ['swimming'],
      newContext: 'Changing rooms',
      newContextProhibited: 'yes',
      newContextWording: 'No cameras in changing rooms, ever.',
      newChannelLabel: 'Parish magazine',
      newChannelPurpose: 'publications',
      newChannelExpress: 'yes',
      maxUploadMegabytes: '25',
      publishedLongestSide: '2048',
    });
    expect(problems).toEqual([]);
    expect(next.photos.prohibitedContexts).toEqual(['swimming', 'changing-rooms']);
    expect(next.photos.prohibitedWording).toEqual({
      swimming: defaultSettings.photos.prohibitedWording!.swimming,
      'changing-rooms': 'No cameras in changing rooms, ever.',
    });
    expect(next.photos.channels.at(-1)).toEqual({
      key: 'parish-magazine',
      label: 'Parish magazine',
      purpose: 'publications',
      headteacherApproval: false,
      expressPermission: true,
    });
    expect(() => validateSettings(next)).not.toThrow();
    expect(
      photosSection(defaultSettings, {
        newChannelLabel: 'Parish magazine',
        newChannelPurpose: 'gossip',
        maxUploadMegabytes: '25',
        publishedLongestSide: '2048',
      }).problems.map((p) => p.field),
    ).toEqual(['newChannelPurpose']);
  });

  it('rules: retention, who approves publishing and who decides filtering requests; the settings nothing reads yet are kept, not offered', () => {
    const { next, problems } = rulesSection(defaultSettings, {
      archivePhotosAtYearEnd: 'yes',
      deletePhotosAfterYears: '2',
      deletionNoticeDays: '30',
      monitoringAlertMonths: '24',
      consentAnswersYearsAfterLeaving: '2',
      safeguardingYearsAfterBirth: '30',
      socialMediaMinimumAge: '16',
      schoolSocialMediaAccounts: ['office'],
      blockedContentRequests: ['ict-lead'],
      unblock: ['deputy-headteacher', 'headteacher'],
      photoPublication: 'deputy-headteacher',
    });
    expect(problems).toEqual([]);
    expect(next.retention).toEqual({
      archivePhotosAtYearEnd: true,
      deletePhotosAfterYears: 2,
      deletionNoticeDays: 30,
      monitoringAlertMonths: 24,
      consentAnswersYearsAfterLeaving: 2,
      safeguardingYearsAfterBirth: 30,
    });
    expect(next.decisions).toEqual({
      ...defaultSettings.decisions,
      photoPublication: ['deputy-headteacher'],
      blockedContentRequests: ['ict-lead'],
      unblock: ['deputy-headteacher', 'headteacher'],
    });
    expect(next.ageLimits).toEqual(defaultSettings.ageLimits);
    expect(
      rulesSection(defaultSettings, {
        deletePhotosAfterYears: '1',
        deletionNoticeDays: '14',
        monitoringAlertMonths: '12',
        consentAnswersYearsAfterLeaving: '1',
        safeguardingYearsAfterBirth: '24',
      }).problems.map((p) => p.field),
    ).toEqual(['photoPublication', 'unblock', 'blockedContentRequests', 'safeguardingYearsAfterBirth']);
  });
});

describe('settings stored before a field existed', () => {
  it('still validate, and read the defaults', () => {
    const old = structuredClone<PolicySettings>(defaultSettings);
    delete old.concerns.repeatMisconduct;
    delete old.concerns.outOfHours;
    delete old.photos.prohibitedWording;
    for (const r of old.concerns.routes) {
      delete r.misconduct;
      delete r.suggestedAction;
    }
    expect(() => validateSettings(old)).not.toThrow();
    expect(withDefaults(old)).toEqual(defaultSettings);
  });
});

describe('issue 19: the rules real policies keep, in the editor', () => {
  const routeForm = (extra: Record<string, unknown>) => {
    const form: Record<string, unknown> = { routeRules: 'yes', ...extra };
    defaultSettings.concerns.routes.forEach((r, i) => {
      form[`notify-${i}`] = r.notify;
      if (r.restricted) form[`restricted-${i}`] = 'yes';
      if (r.immediate) form[`immediate-${i}`] = 'yes';
    });
    return form;
  };

  it('concerns: who outside the staff is told and the time to act are saved, and a valid document results', () => {
    const { next, problems } = concernsSection(defaultSettings, routeForm({ 'tell-0': ['police', 'social-care'], 'deadline-0': 'same-day', 'deadline-1': '' }));
    expect(problems).toEqual([]);
    expect(next.concerns.routes[0]).toMatchObject({ type: 'safeguarding', tell: ['police', 'social-care'], deadline: 'same-day' });
    expect(next.concerns.routes[1].tell).toBeUndefined();
    expect(next.concerns.routes[1].deadline).toBeUndefined();
    expect(() => validateSettings(next)).not.toThrow();
  });

  it('concerns: an unknown recipient or time is refused, naming the field', () => {
    const { problems } = concernsSection(defaultSettings, routeForm({ 'tell-2': 'the-press', 'deadline-3': 'next-week' }));
    expect(problems).toEqual([
      { field: 'tell-2', message: 'Inappropriate content: choose who outside the staff must be told from the list' },
      { field: 'deadline-3', message: 'Contact between staff and pupils or carers: choose the time to act from the list' },
    ]);
  });

  it('concerns: a form without the new fields keeps what the settings say', () => {
    const settings = {
      ...defaultSettings,
      concerns: {
        ...defaultSettings.concerns,
        routes: defaultSettings.concerns.routes.map((r, i) => (i === 0 ? { ...r, tell: ['police' as const], deadline: '24-hours' as const } : r)),
      },
    };
    const form = routeForm({});
    delete form.routeRules;
    expect(concernsSection(settings, form).next.concerns.routes[0]).toMatchObject({ tell: ['police'], deadline: '24-hours' });
  });

  it('photos: naming and tagging per channel; an unknown naming is refused, naming the field', () => {
    const ok = photosSection(defaultSettings, {
      channelRules: 'yes',
      'naming-1': 'first-names',
      'naming-4': 'none',
      'tagging-1': 'yes',
      maxUploadMegabytes: '25',
      publishedLongestSide: '2048',
    });
    expect(ok.problems).toEqual([]);
    expect(ok.next.photos.channels[1]).toMatchObject({ key: 'website', naming: 'first-names', tagging: true });
    expect(ok.next.photos.channels[4]).toMatchObject({ key: 'social-media', naming: 'none', tagging: false });
    expect(() => validateSettings(ok.next)).not.toThrow();
    const bad = photosSection(defaultSettings, { channelRules: 'yes', 'naming-0': 'surnames', maxUploadMegabytes: '25', publishedLongestSide: '2048' });
    expect(bad.problems).toEqual([{ field: 'naming-0', message: 'Display in school: choose how children may be named' }]);
  });

  it('a document whose outside-school purpose is opt-out or public task is refused, saying why', () => {
    const purposes = defaultSettings.consent.purposes.map((p) =>
      p.key === 'website' ? { ...p, basis: 'opt-out' as const } : p.key === 'press' ? { ...p, basis: 'public-task' as const } : p,
    );
    expect(() => validateSettings({ ...defaultSettings, consent: { ...defaultSettings.consent, purposes } })).toThrow(/consent for publication must be given/);
    const inside = defaultSettings.consent.purposes.map((p) => (p.key === 'displays' ? { ...p, basis: 'public-task' as const } : p));
    expect(() => validateSettings({ ...defaultSettings, consent: { ...defaultSettings.consent, purposes: inside } })).not.toThrow();
  });
});
