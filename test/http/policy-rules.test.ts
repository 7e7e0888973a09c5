import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfFrom, TestBrowser } from '../helpers/app.ts';
import { makeStaff } from '../helpers/factories.ts';
import { multipart, phoneJpeg, photoSchool, type PhotoSchool } from '../helpers/photos.ts';

/**
 * Issue 19, the rules real policies keep: what a purpose rests on (consent, opt-out, the school's
 * public task), the pupil who must never be photographed, and naming and tagging per channel.
 */
describe('rules real policies keep: consent bases, never photographed, naming and tagging', () => {
  let s: PhotoSchool;
  let head: TestBrowser;
  let office: TestBrowser;
  let dsl: TestBrowser;
  let teacher: TestBrowser;
  let amelia: { id: string; class_id: string | null };
  let oliver: { id: string; class_id: string | null };
  type List = { may: string[]; mayNot: string[]; noAnswer: string[]; doNotPhotograph: string[] };
  const photoList = async (purpose: string) =>
    (await s.api('GET', `/api/v1/classes/${amelia.class_id}/photo-list?purpose=${purpose}`, s.tokens.teacher)).json<List>();
  const upload = async (pupilIds: string) => {
    const body = multipart({ event: 'Sports Day', takenOn: '2026-06-12', contexts: 'sports-day', pupilIds }, { name: 'race.jpg', content: await phoneJpeg() });
    const response = await s.t.app.inject({
      method: 'POST',
      url: '/api/v1/media',
      payload: body.payload,
      headers: { ...body.headers, authorization: `Bearer ${s.tokens.teacher}` },
    });
    return response.json<{ id: string }>().id;
  };
  const consentForm = (changes: Record<string, string>) => {
    // The consent settings page as it stands, with these changes.
    const form: Record<string, string> = { lapse: 'never', reminderAfterDays: '7' };
    ['displays', 'class-photo', 'publications', 'website', 'social-media', 'press'].forEach((_key, i) => {
      form[`active-${i}`] = 'yes';
      if (i >= 2) form[`external-${i}`] = 'yes';
      form[`basis-${i}`] = 'consent';
    });
    return { ...form, ...changes };
  };

  beforeAll(async () => {
    s = await photoSchool('pglite');
    const db = s.t.database.db;
    head = new TestBrowser(s.t.app);
    await head.signIn(s.head);
    office = new TestBrowser(s.t.app);
    await office.signIn(await makeStaff(db, s.schoolId, ['office']));
    dsl = new TestBrowser(s.t.app);
    await dsl.signIn(await makeStaff(db, s.schoolId, ['dsl']));
    teacher = new TestBrowser(s.t.app);
    await teacher.signIn(s.teacher);
    amelia = await s.pupil('stu-001');
    oliver = await s.pupil('stu-002');
  });
  afterAll(() => s.close());

  it('refuses opt-out or the public task for a purpose used outside school, saying why and naming the field', async () => {
    const refused = await head.submit('/consent/settings', '/consent/settings', consentForm({ 'basis-3': 'opt-out', 'basis-5': 'public-task' }));
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#basis-3"');
    expect(refused.body).toContain('School website: used outside school, so it cannot be opt-out — consent for publication must be given');
    expect(refused.body).toContain('href="#basis-5"');
    const saved = await head.submit('/consent/settings', '/consent/settings', consentForm({ 'basis-0': 'public-task', 'basis-1': 'opt-out' }));
    expect(saved.statusCode).toBe(303);
    const page = await head.get('/consent/settings');
    expect(page.body).toMatch(/id="basis-0"[^>]*value="public-task"[^>]*checked|value="public-task" checked/);
  });

  it('a public-task purpose needs no answer and takes none; an opt-out purpose reads no answer as yes, and a refusal still wins', async () => {
    const displays = await photoList('displays');
    expect(displays.may).toContain(amelia.id);
    expect(displays.noAnswer).toEqual([]);
    const carer = (await s.t.database.db.selectFrom('pupil_carers').select('carer_id').where('pupil_id', '=', oliver.id).executeTakeFirstOrThrow()).carer_id;
    const answer = await s.api('PUT', `/api/v1/pupils/${oliver.id}/consents/displays`, s.tokens.office, {
      decision: 'refused',
      carerId: carer,
      method: 'paper',
    });
    expect(answer.statusCode).toBe(422);
    expect(answer.json<{ message: string }>().message).toContain('no consent asked — the school’s public task');

    expect((await photoList('class-photo')).may).toContain(oliver.id);
    await s.consent(oliver.id, 'class-photo', 'refused');
    const classPhoto = await photoList('class-photo');
    expect(classPhoto.mayNot).toContain(oliver.id);
    expect(classPhoto.may).toContain(amelia.id);
    // Outside school nothing changed: no answer is still no.
    expect((await photoList('website')).noAnswer).toContain(amelia.id);

    const sheet = await teacher.get(`/consent/classes/${amelia.class_id}`);
    expect(sheet.body).toContain('(no consent asked — the school’s public task)');
  });

  it('the carer’s form does not ask about the public task but says so, and says an opt-out use goes ahead unless they say no', async () => {
    const db = s.t.database.db;
    const sent = await office.submit('/consent/requests/new', '/consent/requests', { scope: 'class', classId: amelia.class_id!, confirm: 'yes' });
    expect(sent.statusCode, sent.body).toBe(303);
    const request = await db
      .selectFrom('consent_requests')
      .select('id')
      .where('school_id', '=', s.schoolId)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    const link = await db.selectFrom('consent_links').select('carer_id').where('request_id', '=', request.id).executeTakeFirstOrThrow();
    const paper = await office.get(`/consent/requests/${request.id}/paper/${link.carer_id}`);
    expect(paper.statusCode).toBe(200);
    expect(paper.body).toContain('What the school does without asking');
    expect(paper.body).toMatch(/<li><strong>Displays in school<\/strong>: .* No consent asked — the school’s public task/);
    // Asked: not the public task; the opt-out class photograph says what no answer means.
    expect(paper.body).not.toMatch(/<strong>Displays in school<\/strong><br>/);
    expect(paper.body).toMatch(/<strong>Class photograph<\/strong><br>.* We use photographs for this unless you say no\./);
    expect(paper.body).toMatch(/<strong>School website<\/strong><br>/);
  });

  it('the DSL or the office marks a pupil never to be photographed, with a reason; a teacher may not', async () => {
    expect((await teacher.get(`/pupils/${amelia.id}/do-not-photograph`)).statusCode).toBe(403);
    const missing = await office.submit(`/pupils/${amelia.id}/do-not-photograph`, `/pupils/${amelia.id}/do-not-photograph`, {
      doNotPhotograph: 'yes',
      reason: '',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('href="#reason"');
    const saved = await office.submit(`/pupils/${amelia.id}/do-not-photograph`, `/pupils/${amelia.id}/do-not-photograph`, {
      doNotPhotograph: 'yes',
      reason: 'Court order of 3 November',
    });
    expect(saved.statusCode).toBe(303);
    const audit = await s.t.database.db.selectFrom('audit_log').select(['action', 'detail']).where('subject_id', '=', amelia.id).execute();
    expect(audit.map((a) => a.action)).toContain('pupil.do-not-photograph-set');
    expect(JSON.stringify(audit)).not.toContain('Court order');
  });

  it('overrides every consent: on every "may not" list with a neutral marker, and in the publication check', async () => {
    await s.consent(amelia.id, 'website', 'granted');
    for (const purpose of ['displays', 'class-photo', 'website']) {
      const list = await photoList(purpose);
      expect(list.mayNot, purpose).toContain(amelia.id);
      expect(list.may, purpose).not.toContain(amelia.id);
      expect(list.doNotPhotograph, purpose).toEqual([amelia.id]);
    }
    const trip = await teacher.get(`/consent/classes/${amelia.class_id}?purpose=website`);
    expect(trip.body).toMatch(/Amelia Clarke<\/strong> <strong class="govuk-tag govuk-tag--red">Do not photograph<\/strong>/);
    expect((await teacher.get(`/consent/classes/${amelia.class_id}`)).body).toContain('Do not photograph');

    expect((await teacher.get(`/classes/${amelia.class_id}`)).body).toMatch(
      /Amelia Clarke<\/a> <strong class="govuk-tag govuk-tag--red">Do not photograph<\/strong>/,
    );
    const id = await upload(amelia.id);
    expect((await teacher.get(`/photos/${id}/tag`)).body).toMatch(
      /Amelia Clarke\s*<\/label>\s*<div[^>]*class="govuk-hint govuk-checkboxes__hint">\s*Do not photograph/,
    );
    const refused = await s.api('POST', `/api/v1/media/${id}/publications`, s.tokens.teacher, { channel: 'display', blurFaces: 'all' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ reasons: { reason: string }[] }>().reasons.map((r) => r.reason)).toContain(
      'Amelia Clarke may not appear in any photograph that is published: Do not photograph',
    );
  });

  it('the reason is read only by the DSL and the headteacher; everyone else sees the marker', async () => {
    const forTeacher = await teacher.get(`/pupils/${amelia.id}`);
    expect(forTeacher.body).toContain('Do not photograph');
    expect(forTeacher.body).not.toContain('Court order');
    expect((await office.get(`/pupils/${amelia.id}`)).body).not.toContain('Court order');
    expect((await dsl.get(`/pupils/${amelia.id}`)).body).toContain('Reason: Court order of 3 November');
    expect((await office.get(`/pupils/${amelia.id}/do-not-photograph`)).body).not.toContain('Court order');

    type Pupil = { id: string; doNotPhotograph: boolean; doNotPhotographReason?: string | null };
    const asTeacher = (await s.api('GET', '/api/v1/pupils', s.tokens.teacher)).json<Pupil[]>();
    expect(asTeacher.find((p) => p.id === amelia.id)).toMatchObject({ doNotPhotograph: true });
    expect(asTeacher.find((p) => p.id === amelia.id)).not.toHaveProperty('doNotPhotographReason');
    expect(asTeacher.find((p) => p.id === oliver.id)).toMatchObject({ doNotPhotograph: false });
    const asHead = (await s.api('GET', '/api/v1/pupils', s.tokens.head)).json<Pupil[]>();
    expect(asHead.find((p) => p.id === amelia.id)).toMatchObject({ doNotPhotograph: true, doNotPhotographReason: 'Court order of 3 November' });
  });

  it('cleared, the pupil follows their carers’ consent again', async () => {
    const cleared = await dsl.submit(`/pupils/${amelia.id}/do-not-photograph`, `/pupils/${amelia.id}/do-not-photograph`, { doNotPhotograph: 'no', reason: '' });
    expect(cleared.statusCode).toBe(303);
    expect((await photoList('website')).may).toContain(amelia.id);
  });

  it('naming rules and tagging per channel, from the settings editor, refuse what the policy forbids', async () => {
    const page = await head.get('/settings/edit/photos');
    expect(page.body).toContain('How children are named and tagged');
    const base = {
      channelRules: 'yes',
      prohibited: 'swimming',
      maxUploadMegabytes: '25',
      publishedLongestSide: '2048',
      'approval-1': 'yes',
      'approval-4': 'yes',
      'approval-5': 'yes',
    };
    const bad = await head.post('/settings/edit/photos', { _csrf: csrfFrom(page.body), ...base, 'naming-1': 'surnames' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#naming-1"');
    const saved = await head.submit('/settings/edit/photos', '/settings/edit/photos', {
      ...base,
      'naming-0': 'first-names',
      'naming-4': 'none',
      'tagging-0': 'yes',
    });
    expect(saved.statusCode).toBe(303);
    const overview = (await head.get('/settings')).body;
    expect(overview).toMatch(
      /School social media<\/td><td data-label="Children’s names" class="govuk-table__cell">No names at all<\/td><td data-label="Children may be tagged" class="govuk-table__cell">No<\/td>/,
    );
    expect(overview).toMatch(/<td data-label="Rests on" class="govuk-table__cell">No consent asked — the school’s public task<\/td>/);

    await s.consent(oliver.id, 'social-media', 'granted');
    const id = await upload(oliver.id);
    const named = await s.api('POST', `/api/v1/media/${id}/publications`, s.tokens.teacher, { channel: 'social-media', caption: 'Oliver wins the race' });
    expect(named.statusCode).toBe(409);
    expect(named.json<{ reasons: { reason: string }[] }>().reasons[0].reason).toBe(
      'The caption gives the name “Oliver” (Oliver Patel): School social media gives no child’s name',
    );
    const tagged = await s.api('POST', `/api/v1/media/${id}/publications`, s.tokens.teacher, { channel: 'social-media', tagChildren: true });
    expect(tagged.statusCode).toBe(409);
    expect(tagged.json<{ message: string }>().message).toContain('No child is tagged on School social media');
    const plain = await s.api('POST', `/api/v1/media/${id}/publications`, s.tokens.teacher, { channel: 'social-media', caption: 'The final race' });
    expect(plain.statusCode, plain.body).toBe(201);

    // First names only, inside school: a first name is fine, a family name is not.
    const first = await s.api('POST', `/api/v1/media/${id}/publications`, s.tokens.teacher, { channel: 'display', caption: 'Oliver Patel wins' });
    expect(first.statusCode).toBe(409);
    expect(first.json<{ message: string }>().message).toContain('Display in school gives first names only');
  });
});
