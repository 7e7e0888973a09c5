import { describe, expect, it } from 'vitest';
import { defaultSettings } from './settings.defaults.ts';
import { concernsSection, photosSection, rulesSection } from './settings-editor.forms.ts';
import { validateSettings } from './settings.service.ts';

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
    const ok = photosSection(defaultSettings, { newContext: 'Residential trip', prohibited: ['swimming'], 'approval-5': 'yes', maxUploadMegabytes: '30', publishedLongestSide: '1600' });
    expect(ok.problems).toEqual([]);
    expect(ok.next.photos.contexts).toContain('residential-trip');
    expect(ok.next.photos.channels.filter((c) => c.headteacherApproval).map((c) => c.key)).toEqual(['press']);
    expect(ok.next.photos.publishedLongestSide).toBe(1600);
    const bad = photosSection(defaultSettings, { maxUploadMegabytes: 'lots', publishedLongestSide: '10' });
    expect(bad.problems.map((p) => p.field)).toEqual(['maxUploadMegabytes', 'publishedLongestSide']);
  });

  it('rules: retention, age and who decides; nobody deciding is refused', () => {
    const { next, problems } = rulesSection(defaultSettings, { archivePhotosAtYearEnd: 'yes', deletePhotosAfterYears: '2', deletionNoticeDays: '30', socialMediaMinimumAge: '13',
      schoolSocialMediaAccounts: ['headteacher'], blockedContentRequests: ['headteacher', 'ict-lead'], photoPublication: 'deputy-headteacher' });
    expect(problems).toEqual([]);
    expect(next.retention).toEqual({ archivePhotosAtYearEnd: true, deletePhotosAfterYears: 2, deletionNoticeDays: 30 });
    expect(next.decisions.photoPublication).toEqual(['deputy-headteacher']);
    expect(rulesSection(defaultSettings, { deletePhotosAfterYears: '1', deletionNoticeDays: '14', socialMediaMinimumAge: '13' }).problems.map((p) => p.field))
      .toEqual(['schoolSocialMediaAccounts', 'blockedContentRequests', 'photoPublication']);
  });
});
