import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { createTestApp, csrfFrom, TestBrowser, type TestApp } from '../helpers/app.ts';
import { makeSchool, makeStaff } from '../helpers/factories.ts';
import { multipart } from '../helpers/photos.ts';
import { defaultSettings } from '../../src/modules/settings/settings.defaults.ts';

describe('the headteacher edits the policy settings (POL-6)', () => {
  let t: TestApp;
  let head: TestBrowser;
  let schoolId: string;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    schoolId = (await makeSchool(t.database.db)).id;
    head = new TestBrowser(t.app);
    await head.signIn(await makeStaff(t.database.db, schoolId, ['headteacher']));
  });
  afterAll(() => t.close());

  it('shows each section with the clause it comes from', async () => {
    for (const section of ['concerns', 'photos', 'rules']) {
      const page = await head.get(`/settings/edit/${section}`);
      expect(page.statusCode, section).toBe(200);
      expect(page.body).toContain('What a model policy says:');
    }
    expect((await head.get('/settings/edit/anything')).statusCode).toBe(404);
  });

  it('saves a change as a new version, says what changed, and the modules obey it', async () => {
    const page = await head.get('/settings/edit/rules');
    const saved = await head.post('/settings/edit/rules', {
      _csrf: csrfFrom(page.body),
      archivePhotosAtYearEnd: 'yes',
      deletePhotosAfterYears: '2',
      deletionNoticeDays: '21',
      socialMediaMinimumAge: '13',
      schoolSocialMediaAccounts: 'headteacher',
      blockedContentRequests: 'headteacher',
      unblock: 'headteacher',
      monitoringAlertMonths: '12',
      consentAnswersYearsAfterLeaving: '1',
      safeguardingYearsAfterBirth: '25',
      photoPublication: ['headteacher', 'deputy-headteacher'],
    });
    expect(saved.headers.location).toBe('/settings');
    const settings = await head.get('/settings');
    expect(settings.body).toContain('saved as a new version');
    const change = settings.body.slice(settings.body.indexOf('<h2 class="govuk-heading-m">Changes</h2>'), settings.body.indexOf('Academic years and terms'));
    expect(change).toMatch(/<td data-label="Version" class="govuk-table__cell">2<\/td>[\s\S]*(who decides, retention|retention, who decides)/);
    const stored = await t.database.db
      .selectFrom('school_settings')
      .select(['version', 'document'])
      .where('school_id', '=', schoolId)
      .orderBy('version', 'desc')
      .executeTakeFirstOrThrow();
    expect(stored.version).toBe(2);
    expect((stored.document as { retention: { deletePhotosAfterYears: number } }).retention.deletePhotosAfterYears).toBe(2);
  });

  it('explains a mistake and changes nothing', async () => {
    const page = await head.get('/settings/edit/photos');
    const bad = await head.post('/settings/edit/photos', { _csrf: csrfFrom(page.body), maxUploadMegabytes: '0', publishedLongestSide: '2048' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('The largest upload must be a whole number from 1 to 200');
    const versions = await t.database.db.selectFrom('school_settings').select('version').where('school_id', '=', schoolId).execute();
    expect(versions).toHaveLength(2);
  });

  it('only the headteacher may change them', async () => {
    const deputy = new TestBrowser(t.app);
    await deputy.signIn(await makeStaff(t.database.db, schoolId, ['deputy-headteacher']));
    expect((await deputy.get('/settings/edit/concerns')).statusCode).toBe(403);
    expect((await deputy.get('/settings')).body).not.toContain('/settings/edit/concerns');
  });

  it('keeps every settings version: the database refuses to change or delete one, even for the owner', async () => {
    const db = t.database.db;
    await expect(sql`UPDATE school_settings SET document = document`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM school_settings`.execute(db)).rejects.toThrow(/append-only/);
    // The app's own role has no UPDATE or DELETE grant at all.
    await expect(
      withSchool(db, schoolId, (tx) => tx.updateTable('school_settings').set({ version: 99 }).where('school_id', '=', schoolId).execute()),
    ).rejects.toThrow(/permission denied/);
    await expect(withSchool(db, schoolId, (tx) => tx.deleteFrom('school_settings').where('school_id', '=', schoolId).execute())).rejects.toThrow(
      /permission denied/,
    );
    expect((await db.selectFrom('school_settings').select('version').where('school_id', '=', schoolId).execute()).length).toBeGreaterThan(0);
  });

  it('does not offer the settings nothing reads yet (who approves accounts, the minimum age), and offers who decides website requests', async () => {
    const page = await head.get('/settings/edit/rules');
    expect(page.statusCode).toBe(200);
    for (const gone of ['socialMediaMinimumAge', 'schoolSocialMediaAccounts', 'Minimum age', 'social media accounts']) expect(page.body).not.toContain(gone);
    for (const offered of [
      'name="photoPublication"',
      'name="unblock"',
      'name="blockedContentRequests"',
      'name="monitoringAlertMonths"',
      'name="safeguardingYearsAfterBirth"',
    ])
      expect(page.body).toContain(offered);
    expect((await head.get('/settings')).body).not.toContain('Minimum age for social media');
    // Posted anyway, they change nothing: the document keeps them for the modules that will read them.
    await head.post('/settings/edit/rules', {
      _csrf: csrfFrom(page.body),
      deletePhotosAfterYears: '1',
      deletionNoticeDays: '14',
      monitoringAlertMonths: '12',
      consentAnswersYearsAfterLeaving: '1',
      safeguardingYearsAfterBirth: '25',
      photoPublication: 'headteacher',
      socialMediaMinimumAge: '16',
      schoolSocialMediaAccounts: 'office',
      blockedContentRequests: 'ict-lead',
      unblock: 'deputy-headteacher',
    });
    const stored = await t.database.db
      .selectFrom('school_settings')
      .select('document')
      .where('school_id', '=', schoolId)
      .orderBy('version', 'desc')
      .executeTakeFirstOrThrow();
    expect(stored.document).toMatchObject({
      ageLimits: defaultSettings.ageLimits,
      decisions: {
        schoolSocialMediaAccounts: defaultSettings.decisions.schoolSocialMediaAccounts,
        blockedContentRequests: ['ict-lead'],
        unblock: ['deputy-headteacher'],
      },
    });
  });

  it('refuses to route a restricted type to someone who may not see it, saying why', async () => {
    const form: Record<string, string | string[]> = {};
    defaultSettings.concerns.routes.forEach((r, i) => {
      form[`notify-${i}`] = r.type === 'safeguarding' ? ['dsl', 'headteacher', 'line-manager'] : r.notify;
      if (r.restricted) form[`restricted-${i}`] = 'yes';
    });
    const before = await t.database.db.selectFrom('school_settings').select('version').where('school_id', '=', schoolId).execute();
    const refused = await head.submit('/settings/edit/concerns', '/settings/edit/concerns', form);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#notify-0"');
    expect(refused.body).toContain(
      'Safeguarding concern: only the designated safeguarding leads and the headteacher may see these records, so only they can be told.',
    );
    expect(await t.database.db.selectFrom('school_settings').select('version').where('school_id', '=', schoolId).execute()).toHaveLength(before.length);
  });

  it('adds a type of concern that staff can then report, and retires an action', async () => {
    const form: Record<string, string | string[]> = {
      newTypeLabel: 'Gaming contact',
      newTypeExplanation: 'A stranger contacted a pupil through a game.',
      newTypeNotify: 'dsl',
      'retired-10': 'yes',
    };
    defaultSettings.concerns.routes.forEach((r, i) => {
      form[`notify-${i}`] = r.notify;
      if (r.restricted) form[`restricted-${i}`] = 'yes';
    });
    expect((await head.submit('/settings/edit/concerns', '/settings/edit/concerns', form)).headers.location).toBe('/settings');
    expect((await head.get('/concerns/new')).body).toContain('A stranger contacted a pupil through a game.');
    expect((await head.get('/settings/edit/concerns')).body).toMatch(/name="retired-10" type="checkbox" value="yes" checked/);
  });

  it('quotes the school’s own sentence when a photograph of a prohibited occasion is refused', async () => {
    const photos = await head.get('/settings/edit/photos');
    expect(photos.body).toContain('Photographs will not be taken of children when wearing swimming costumes');
    const saved = await head.post('/settings/edit/photos', {
      _csrf: csrfFrom(photos.body),
      prohibited: 'swimming',
      newContext: 'Changing rooms',
      newContextProhibited: 'yes',
      newContextWording: 'No camera is ever used in the changing rooms.',
      maxUploadMegabytes: '25',
      publishedLongestSide: '2048',
    });
    expect(saved.headers.location).toBe('/settings');
    const upload = await head.get('/photos/new');
    const body = multipart(
      { _csrf: csrfFrom(upload.body), event: 'PE', 'takenOn-day': '12', 'takenOn-month': '6', 'takenOn-year': '2026', contexts: 'changing-rooms' },
      { name: 'pe.jpg', content: Buffer.from('not looked at') },
    );
    const refused = await head.request({ method: 'POST', url: '/photos', payload: body.payload, headers: body.headers });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('The policy says: “No camera is ever used in the changing rooms.”');
    expect(refused.body).not.toContain('swimming costumes');
  });
});
