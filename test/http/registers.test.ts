import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { addApiToken } from '../../src/modules/school/school.service.ts';
import { createImportService } from '../../src/modules/people/import.service.ts';
import { currentSettings, saveSettings } from '../../src/modules/settings/settings.service.ts';
import { londonDay } from '../../src/modules/registers/registers.rules.ts';
import { createConcernsService } from '../../src/modules/concerns/concerns.service.ts';
import { actorFor, aReport } from '../helpers/concerns.ts';
import { TestBrowser } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/database.ts';
import { makeStaff, type TestStaff } from '../helpers/factories.ts';
import { multipart, phoneJpeg, photoSchool, type PhotoSchool } from '../helpers/photos.ts';

const fixtureDir = new URL('../fixtures/oneroster/basic', import.meta.url).pathname;

/** The registers' and the post check's API contract (issue 11), and the pages that go with them. */
describe.each(databaseKinds())('registers and the post check (%s)', (kind) => {
  let s: PhotoSchool;
  let governor: string;
  let ictLead: TestStaff;
  let ict: string;
  let amelia: string;
  let hazel: string;
  let oliver: string;
  const db = () => s.t.database.db;
  const tokenFor = (email: string) => withSchool(db(), s.schoolId, (tx) => addApiToken(tx, s.schoolId, { id: null, label: 'test' }, email));
  const staffId = async (email: string) => (await db().selectFrom('staff').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const instagram = { name: 'School Instagram', kind: 'social-media-account', url: 'https://www.instagram.com/johnclifford', purpose: 'Sharing school events' };

  beforeAll(async () => {
    s = await photoSchool(kind);
    governor = await tokenFor((await makeStaff(db(), s.schoolId, ['governor'])).email);
    ictLead = await makeStaff(db(), s.schoolId, ['ict-lead', 'teacher']);
    ict = await tokenFor(ictLead.email);
    const pupil = await s.pupil('stu-001');
    amelia = pupil.id;
    hazel = pupil.class_id!;
    oliver = (await s.pupil('stu-002')).id;
  }, 180_000);
  afterAll(() => s?.close());

  describe('accounts and services (REG-1)', () => {
    it('a teacher’s new account is a request; the head’s or deputy’s own is approved at once', async () => {
      const asked = await s.api('POST', '/api/v1/accounts', s.tokens.teacher, instagram);
      expect(asked.statusCode, asked.body).toBe(201);
      expect(asked.json()).toEqual({ id: expect.any(String), status: 'requested' });
      const byHead = await s.api('POST', '/api/v1/accounts', s.tokens.head, { ...instagram, name: 'School YouTube', url: 'https://youtube.com/@jc' });
      expect(byHead.json()).toMatchObject({ status: 'approved' });
      const byDeputy = await s.api('POST', '/api/v1/accounts', s.tokens.deputy, {
        ...instagram,
        name: 'Times Tables Rock Stars',
        kind: 'online-service',
        url: 'https://ttrockstars.com',
      });
      expect(byDeputy.json()).toMatchObject({ status: 'approved' });
      const listed = (await s.api('GET', '/api/v1/accounts', s.tokens.office)).json<{ id: string; name: string; status: string }[]>();
      expect(listed.find((a) => a.id === asked.json<{ id: string }>().id)).toMatchObject({ name: 'School Instagram', status: 'requested' });
      expect(listed.find((a) => a.name === 'School YouTube')).toMatchObject({ status: 'approved' });
      // The head was e-mailed that something waits, with a link and no details.
      const mail = await db()
        .selectFrom('outbox')
        .select(['subject', 'body_text'])
        .where('subject', '=', 'A school account is waiting for your approval')
        .execute();
      expect(mail.length).toBeGreaterThan(0);
      expect(mail[0].body_text).toContain(`/accounts/${asked.json<{ id: string }>().id}`);
      expect(mail[0].body_text).not.toContain('Instagram');
    });

    it('only the deciding role decides: 403 for others, 200 for the head, 409 the second time', async () => {
      const { id } = (await s.api('POST', '/api/v1/accounts', s.tokens.teacher, { ...instagram, name: 'Class blog', url: 'https://blog.example.org' })).json<{
        id: string;
      }>();
      for (const token of [s.tokens.teacher, s.tokens.office, governor, ict]) {
        const refused = await s.api('POST', `/api/v1/accounts/${id}/decision`, token, { decision: 'approved', note: 'fine' });
        expect(refused.statusCode).toBe(403);
        expect(refused.json()).toMatchObject({ error: 'forbidden' });
      }
      const approved = await s.api('POST', `/api/v1/accounts/${id}/decision`, s.tokens.head, { decision: 'approved', note: 'Agreed at SLT' });
      expect(approved.statusCode, approved.body).toBe(200);
      expect(approved.json()).toEqual({ id, status: 'approved' });
      expect((await s.api('POST', `/api/v1/accounts/${id}/decision`, s.tokens.deputy, { decision: 'refused', note: 'no' })).statusCode).toBe(409);
      const listed = (await s.api('GET', '/api/v1/accounts', s.tokens.teacher)).json<{ id: string; status: string }[]>();
      expect(listed.find((a) => a.id === id)?.status).toBe('approved');
    });

    it('a refusal needs reasons; a missing account is 404; bad input names the field', async () => {
      const { id } = (await s.api('POST', '/api/v1/accounts', s.tokens.teacher, { ...instagram, name: 'TikTok', url: 'https://tiktok.com/@jc' })).json<{
        id: string;
      }>();
      const noReason = await s.api('POST', `/api/v1/accounts/${id}/decision`, s.tokens.deputy, { decision: 'refused', note: ' ' });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json()).toMatchObject({ field: 'note' });
      const refused = await s.api('POST', `/api/v1/accounts/${id}/decision`, s.tokens.deputy, { decision: 'refused', note: 'Pupils are under 13' });
      expect(refused.json()).toEqual({ id, status: 'refused' });
      expect((await s.api('POST', `/api/v1/accounts/${crypto.randomUUID()}/decision`, s.tokens.head, { decision: 'approved', note: '' })).statusCode).toBe(404);
      const badUrl = await s.api('POST', '/api/v1/accounts', s.tokens.teacher, { ...instagram, url: 'instagram' });
      expect(badUrl.statusCode).toBe(400);
      expect(badUrl.json()).toMatchObject({ error: 'invalid', field: 'url' });
      const badHolder = await s.api('POST', '/api/v1/accounts', s.tokens.teacher, { ...instagram, credentialsHolderId: crypto.randomUUID() });
      expect(badHolder.json()).toMatchObject({ field: 'credentialsHolderId' });
      const badKind = await s.api('POST', '/api/v1/accounts', s.tokens.teacher, { ...instagram, kind: 'blog' });
      expect(badKind.statusCode).toBe(400);
      expect((await s.api('POST', '/api/v1/accounts', governor, instagram)).statusCode).toBe(403);
    });

    it('the settings name who decides (decisions.accounts): with the head alone, the deputy asks like anyone else', async () => {
      await withSchool(db(), s.schoolId, async (tx) => {
        const settings = (await currentSettings(tx, s.schoolId)).settings;
        await saveSettings(tx, s.schoolId, { id: null, label: 'test' }, { ...settings, decisions: { ...settings.decisions, accounts: ['headteacher'] } });
      });
      try {
        const asked = await s.api('POST', '/api/v1/accounts', s.tokens.deputy, { ...instagram, name: 'School X', url: 'https://x.com/jc' });
        expect(asked.json()).toMatchObject({ status: 'requested' });
        const { id } = asked.json<{ id: string }>();
        expect((await s.api('POST', `/api/v1/accounts/${id}/decision`, s.tokens.deputy, { decision: 'approved', note: '' })).statusCode).toBe(403);
        expect((await s.api('POST', `/api/v1/accounts/${id}/decision`, s.tokens.head, { decision: 'approved', note: '' })).statusCode).toBe(200);
      } finally {
        await withSchool(db(), s.schoolId, async (tx) => {
          const settings = (await currentSettings(tx, s.schoolId)).settings;
          await saveSettings(
            tx,
            s.schoolId,
            { id: null, label: 'test' },
            { ...settings, decisions: { ...settings.decisions, accounts: ['headteacher', 'deputy-headteacher'] } },
          );
        });
      }
    });

    it('an approved account is a place to publish photographs, checked against the consent of its kind', async () => {
      const body = multipart(
        { event: 'Book Week', takenOn: '2026-03-05', contexts: 'lesson', pupilIds: oliver },
        { name: 'b.jpg', content: await phoneJpeg() },
      );
      const upload = await s.t.app.inject({
        method: 'POST',
        url: '/api/v1/media',
        payload: body.payload,
        headers: { ...body.headers, authorization: `Bearer ${s.tokens.teacher}` },
      });
      expect(upload.statusCode, upload.body).toBe(201);
      const mediaId = upload.json<{ id: string }>().id;
      const { id } = (
        await s.api('POST', '/api/v1/accounts', s.tokens.teacher, { ...instagram, name: 'Book Week Instagram', url: 'https://instagram.com/bookweek' })
      ).json<{ id: string }>();
      const teacher = new TestBrowser(s.t.app);
      await teacher.signIn(s.teacher);
      // Asked for, not yet approved: not a channel.
      expect((await teacher.get(`/photos/${mediaId}/publish`)).body).not.toContain('Book Week Instagram');
      expect((await s.api('POST', `/api/v1/media/${mediaId}/publications`, s.tokens.teacher, { channel: `account-${id}` })).statusCode).toBe(400);
      await s.api('POST', `/api/v1/accounts/${id}/decision`, s.tokens.head, { decision: 'approved', note: 'Agreed' });
      const page = await teacher.get(`/photos/${mediaId}/publish`);
      expect(page.body).toContain('Book Week Instagram');
      expect(page.body).toContain(`value="account-${id}"`);
      // Oliver's carers have not agreed to social media: refused, naming him.
      const refused = await s.api('POST', `/api/v1/media/${mediaId}/publications`, s.tokens.teacher, { channel: `account-${id}` });
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.body).toContain('Oliver');
      await s.consent(oliver, 'social-media', 'granted');
      // As the settings' social media channel: the headteacher decides.
      const asked = await s.api('POST', `/api/v1/media/${mediaId}/publications`, s.tokens.teacher, { channel: `account-${id}` });
      expect(asked.statusCode, asked.body).toBe(201);
      expect(asked.json()).toMatchObject({ status: 'awaiting-approval' });
      const head = new TestBrowser(s.t.app);
      await head.signIn(s.head);
      expect((await head.get('/photos/approvals')).body).toContain('Book Week Instagram');
    });

    it('when the credentials holder leaves (the MIS import marks them left), the ICT lead is asked to change the passwords on the home page', async () => {
      const tom = await staffId('t.baker@hazelwood.example.org');
      const created = await s.api('POST', '/api/v1/accounts', s.tokens.head, {
        ...instagram,
        name: 'School Facebook page',
        url: 'https://facebook.com/jc',
        credentialsHolderId: tom,
      });
      const { id } = created.json<{ id: string }>();
      const dir = await mkdtemp(join(tmpdir(), 'esafety-leaver-'));
      try {
        await cp(fixtureDir, dir, { recursive: true });
        const users = await readFile(join(dir, 'users.csv'), 'utf8');
        await writeFile(join(dir, 'users.csv'), users.replace('stf-002,active', 'stf-002,tobedeleted'));
        const outcome = await createImportService(s.t.database.schools).importFromPath(s.schoolId, { id: null, label: 'test' }, dir, false);
        expect(outcome).toMatchObject({ ok: true, outcome: { summary: { staff: { left: 1 } } } });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
      const ictBrowser = new TestBrowser(s.t.app);
      await ictBrowser.signIn(ictLead);
      const home = await ictBrowser.get('/dashboard');
      expect(home.body).toContain('Change the passwords of 1 school account');
      const page = await ictBrowser.get(`/accounts/${id}`);
      expect(page.body).toContain('the person who held them has left');
      expect(page.body).toContain('(has left)');
      const done = await ictBrowser.submit(`/accounts/${id}`, `/accounts/${id}/passwords-changed`, {});
      expect(done.statusCode).toBe(303);
      expect((await ictBrowser.get('/dashboard')).body).not.toContain('Change the passwords of');
      // Handing the passwords on to someone else asks again.
      await ictBrowser.submit(`/accounts/${id}`, `/accounts/${id}/holder`, { credentialsHolderId: ictLead.id });
      await ictBrowser.submit(`/accounts/${id}`, `/accounts/${id}/holder`, { credentialsHolderId: s.teacher.id });
      expect((await ictBrowser.get('/dashboard')).body).toContain('Change the passwords of 1 school account');
    });
  });

  describe('phones (REG-2)', () => {
    it('handed in, returned, and the day’s lists', async () => {
      const oliver = (await s.pupil('stu-002')).id;
      for (const pupilId of [amelia, oliver]) {
        const tapped = await s.api('POST', '/api/v1/phones', s.tokens.office, { pupilId, action: 'handed-in' });
        expect(tapped.statusCode, tapped.body).toBe(201);
      }
      // A double tap records it once.
      expect((await s.api('POST', '/api/v1/phones', s.tokens.office, { pupilId: amelia, action: 'handed-in' })).statusCode).toBe(201);
      expect((await s.api('POST', '/api/v1/phones', s.tokens.office, { pupilId: amelia, action: 'returned' })).statusCode).toBe(201);
      const today = londonDay();
      const day = await s.api('GET', `/api/v1/phones?date=${today}`, s.tokens.office);
      expect(day.statusCode).toBe(200);
      const lists = day.json<{ handedIn: string[]; returned: string[]; notReturned: string[] }>();
      expect(lists.handedIn.sort()).toEqual([amelia, oliver].sort());
      expect(lists.returned).toEqual([amelia]);
      expect(lists.notReturned).toEqual([oliver]);
      expect(await db().selectFrom('phone_events').select('id').where('pupil_id', '=', amelia).execute()).toHaveLength(2);
      // Another day has nothing.
      expect((await s.api('GET', '/api/v1/phones?date=2020-01-06', s.tokens.office)).json()).toMatchObject({ handedIn: [], returned: [], notReturned: [] });
    });

    it('refuses what cannot be: returned before handed in, a bad date, a pupil who does not exist, a governor', async () => {
      const isla = (await s.pupil('stu-003')).id;
      const early = await s.api('POST', '/api/v1/phones', s.tokens.office, { pupilId: isla, action: 'returned' });
      expect(early.statusCode).toBe(409);
      expect(early.json<{ message: string }>().message).toContain('was not handed in today');
      const badDate = await s.api('GET', '/api/v1/phones?date=2026-02-30', s.tokens.office);
      expect(badDate.statusCode).toBe(400);
      expect(badDate.json()).toMatchObject({ field: 'date' });
      expect((await s.api('POST', '/api/v1/phones', s.tokens.office, { pupilId: crypto.randomUUID(), action: 'handed-in' })).statusCode).toBe(404);
      expect((await s.api('POST', '/api/v1/phones', s.tokens.office, { pupilId: isla, action: 'lost' })).statusCode).toBe(400);
      expect((await s.api('POST', '/api/v1/phones', governor, { pupilId: isla, action: 'handed-in' })).statusCode).toBe(403);
    });

    it('the office’s page taps one pupil at a time without JavaScript; exempt pupils have no button', async () => {
      const office = new TestBrowser(s.t.app);
      await office.signIn(await makeStaff(db(), s.schoolId, ['office']));
      const harry = (await s.pupil('stu-003')).id;
      const exempt = await office.submit(`/phones/pupils/${harry}`, `/phones/pupils/${harry}/exemption`, { note: '' });
      expect(exempt.statusCode).toBe(400);
      expect(exempt.body).toContain('href="#note"');
      await office.submit(`/phones/pupils/${harry}`, `/phones/pupils/${harry}/exemption`, { note: 'Diabetes monitor app' });
      const page = await office.get(`/phones?class=${hazel}`);
      expect(page.body).toContain('Keeps their phone: Diabetes monitor app');
      expect(page.body).not.toContain(`value="handed-in:${harry}"`);
      const tap = await office.submit(`/phones?class=${hazel}`, '/phones/taps', { class: hazel, tap: `returned:${(await s.pupil('stu-002')).id}` });
      expect(tap.statusCode).toBe(303);
      expect(tap.headers.location).toContain(`/phones?class=${hazel}#pupil-`);
      const notCollected = await office.get('/phones/not-collected');
      expect(notCollected.body).toContain('Every phone handed in has been returned');
    });
    it('a mistaken tap is undone with one button, audited, and the tap stays in the history', async () => {
      const office = new TestBrowser(s.t.app);
      const clerk = await makeStaff(db(), s.schoolId, ['office']);
      await office.signIn(clerk);
      const muhammad = (await s.pupil('stu-004')).id;
      await office.submit(`/phones?class=${hazel}`, '/phones/taps', { class: hazel, tap: `handed-in:${muhammad}` });
      const page = await office.get(`/phones?class=${hazel}`);
      expect(page.body).toContain('Your last tap: Muhammad Khan, handed in.');
      const tapId = /name="tapId" value="([^"]+)"/.exec(page.body)![1];
      const undone = await office.submit(`/phones?class=${hazel}`, '/phones/taps/undo', { class: hazel, tapId });
      expect(undone.statusCode).toBe(303);
      expect(undone.headers.location).toBe(`/phones?class=${hazel}#pupil-${muhammad}`);
      const after = await office.get(`/phones?class=${hazel}`);
      expect(after.body).toContain('Undone: Muhammad Khan is no longer marked handed in');
      expect(after.body).toContain(`value="handed-in:${muhammad}"`);
      expect(after.body).not.toContain('Your last tap: Muhammad Khan');
      const day = (await s.api('GET', `/api/v1/phones?date=${londonDay()}`, s.tokens.office)).json<{ handedIn: string[] }>();
      expect(day.handedIn).not.toContain(muhammad);
      // Once only, and only the person's own tap.
      expect((await office.submit(`/phones?class=${hazel}`, '/phones/taps/undo', { class: hazel, tapId })).statusCode).toBe(409);
      const audit = await db().selectFrom('audit_log').select(['action', 'actor_label']).where('action', '=', 'phone.tap-undone').execute();
      expect(audit).toHaveLength(1);
      expect((await office.get(`/phones/pupils/${muhammad}`)).body).toContain('Tap undone');
    });
  });

  describe('press enquiries (REG-3)', () => {
    it('goes to the head at once: 201 with routedTo, and an e-mail that says where to look', async () => {
      const before = await db().selectFrom('outbox').select('id').where('subject', '=', 'A press enquiry needs your answer').execute();
      const response = await s.api('POST', '/api/v1/press-enquiries', s.tokens.teacher, {
        outlet: 'Hazelwood Gazette',
        contact: 'Jo Reporter, 01632 960001',
        summary: 'Asked about the sports day',
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toEqual({ id: expect.any(String), routedTo: [{ id: s.head.id, name: expect.any(String) }] });
      const after = await db().selectFrom('outbox').select(['to_address', 'body_text']).where('subject', '=', 'A press enquiry needs your answer').execute();
      expect(after.length).toBe(before.length + 1);
      expect(after.at(-1)!.to_address).toBe(s.head.email);
      expect(after.at(-1)!.body_text).not.toContain('Gazette');
      const missing = await s.api('POST', '/api/v1/press-enquiries', s.tokens.teacher, { outlet: ' ', contact: 'x', summary: 'y' });
      expect(missing.statusCode).toBe(400);
      expect(missing.json()).toMatchObject({ field: 'outlet' });
    });

    it('the head records the reply; another teacher cannot see the enquiry', async () => {
      const { id } = (
        await s.api('POST', '/api/v1/press-enquiries', s.tokens.teacher, { outlet: 'BBC Radio', contact: 'Producer', summary: 'Interview about phones' })
      ).json<{ id: string }>();
      const head = new TestBrowser(s.t.app);
      await head.signIn(s.head);
      expect((await head.get('/dashboard')).body).toContain('waiting for your answer');
      const replied = await head.submit(`/press/${id}`, `/press/${id}/reply`, { reply: 'No comment at this time' });
      expect(replied.statusCode).toBe(303);
      expect((await head.get(`/press/${id}`)).body).toContain('No comment at this time');
      const other = new TestBrowser(s.t.app);
      await other.signIn(await makeStaff(db(), s.schoolId, ['teacher']));
      expect((await other.get(`/press/${id}`)).statusCode).toBe(404);
    });
  });

  describe('declarations (REG-4)', () => {
    it('for the signed-in person: by carer or by name; neither is refused naming the field', async () => {
      const carer = await db().selectFrom('carers').select('id').where('email', '=', 'sarah.clarke@example.com').executeTakeFirstOrThrow();
      const byCarer = await s.api('POST', '/api/v1/declarations', s.tokens.teacher, {
        carerId: carer.id,
        platform: 'Facebook',
        note: 'At university together',
      });
      expect(byCarer.statusCode, byCarer.body).toBe(201);
      const row = await db().selectFrom('staff_declarations').selectAll().where('id', '=', byCarer.json<{ id: string }>().id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ staff_id: s.teacher.id, carer_id: carer.id, platform: 'Facebook' });
      expect(
        (await s.api('POST', '/api/v1/declarations', s.tokens.office, { name: 'Pat Neighbour', platform: 'WhatsApp', note: 'Neighbours' })).statusCode,
      ).toBe(201);
      const neither = await s.api('POST', '/api/v1/declarations', s.tokens.teacher, { platform: 'Facebook', note: 'x' });
      expect(neither.statusCode).toBe(400);
      expect(neither.json()).toMatchObject({ field: 'name' });
      expect((await s.api('POST', '/api/v1/declarations', s.tokens.teacher, { carerId: crypto.randomUUID(), platform: 'x', note: 'x' })).json()).toMatchObject({
        field: 'carerId',
      });
      const head = new TestBrowser(s.t.app);
      await head.signIn(s.head);
      expect((await head.get('/dashboard')).body).toContain('declarations are waiting to be acknowledged');
      await head.submit('/declarations', `/declarations/${row.id}/acknowledge`, {});
      expect((await head.get('/dashboard')).body).toContain('1 declaration is waiting');
      // A concern about contact between staff and that carer shows the declaration beside it.
      const school = await db().selectFrom('schools').select(['id', 'name', 'urn']).where('id', '=', s.schoolId).executeTakeFirstOrThrow();
      const concern = await createConcernsService(s.t.database.schools, s.t.config).report(
        actorFor(school, s.head),
        aReport({ type: 'contact-attempt', summary: 'Friend request from a parent', carerIds: [carer.id], location: 'out-of-school' }),
      );
      const page = await head.get(`/concerns/${concern.id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('declared a friendship with Sarah Clarke (Facebook): At university together');
    });
  });

  describe('the post check (REG-5)', () => {
    let account: string;
    beforeAll(async () => {
      account = (
        await s.api('POST', '/api/v1/accounts', s.tokens.head, { ...instagram, name: 'Checked Instagram', url: 'https://instagram.com/checked' })
      ).json<{
        id: string;
      }>().id;
    });
    const check = (body: object, token = s.tokens.teacher) => s.api('POST', '/api/v1/post-checks', token, body);

    it('a draft naming a pupil on roll is not allowed, the name in the excerpt; the weather is ok; nothing is stored but the count', async () => {
      const before = await db().selectFrom('post_check_counts').select('checks').where('verdict', '=', 'not-allowed').executeTakeFirst();
      const named = await check({ text: 'Well done to Amelia Clarke for her swimming badge!', audience: 'school-account', accountId: account });
      expect(named.statusCode, named.body).toBe(200);
      expect(named.json()).toMatchObject({ verdict: 'not-allowed', findings: [{ rule: 'pupil-named', excerpt: 'Amelia Clarke', clause: expect.any(String) }] });
      const weather = await check({ text: 'Lovely weather for the weekend', audience: 'personal' });
      expect(weather.json()).toEqual({ verdict: 'ok', findings: [] });
      const after = await db().selectFrom('post_check_counts').select('checks').where('verdict', '=', 'not-allowed').executeTakeFirstOrThrow();
      expect(after.checks).toBe((before?.checks ?? 0) + 1);
      expect(await db().selectFrom('post_questions').select('id').execute()).toEqual([]);
    });

    it('a personal post may not identify the school or a class, nor invite contact; a negative word means ask', async () => {
      const school = await check({ text: 'Great day at John Clifford today', audience: 'personal' });
      expect(school.json()).toMatchObject({ verdict: 'not-allowed', findings: [{ rule: 'identifies-school', clause: '004 §6.13', excerpt: 'John Clifford' }] });
      expect((await check({ text: 'So proud of Year 3 Hazel', audience: 'personal' })).json()).toMatchObject({
        verdict: 'not-allowed',
        findings: [{ excerpt: 'Year 3 Hazel' }],
      });
      expect(
        (await check({ text: 'Parents, message me on 07700 900123', audience: 'personal' }))
          .json<{ findings: { rule: string }[] }>()
          .findings.map((f) => f.rule),
      ).toEqual(['personal-contact', 'personal-contact']);
      const moan = await check({ text: 'Another awful staff meeting', audience: 'personal' });
      expect(moan.json()).toMatchObject({ verdict: 'ask', findings: [{ rule: 'negative-comment', excerpt: 'awful' }] });
    });

    it('a photograph: never on a personal account; on a school account only if it passes the publishing check', async () => {
      const body = multipart(
        { event: 'Sports Day', takenOn: '2026-06-12', contexts: 'sports-day', pupilIds: amelia },
        { name: 'a.jpg', content: await phoneJpeg() },
      );
      const upload = await s.t.app.inject({
        method: 'POST',
        url: '/api/v1/media',
        payload: body.payload,
        headers: { ...body.headers, authorization: `Bearer ${s.tokens.teacher}` },
      });
      const mediaId = upload.json<{ id: string }>().id;
      expect((await check({ text: 'Sports day!', audience: 'personal', mediaId })).json()).toMatchObject({
        verdict: 'not-allowed',
        findings: [{ rule: 'photo-on-personal-account' }],
      });
      const noConsent = await check({ text: 'Sports day!', audience: 'school-account', accountId: account, mediaId });
      expect(noConsent.json()).toMatchObject({ verdict: 'not-allowed', findings: [{ rule: 'photo-check', clause: '000 D' }] });
      await s.consent(amelia, 'social-media', 'granted');
      expect((await check({ text: 'Sports day!', audience: 'school-account', accountId: account, mediaId })).json()).toEqual({ verdict: 'ok', findings: [] });
      // The given name of a child in the photograph counts too.
      expect((await check({ text: 'Go Amelia!', audience: 'school-account', accountId: account, mediaId })).json()).toMatchObject({
        verdict: 'not-allowed',
        findings: [{ rule: 'pupil-named', excerpt: 'Amelia' }],
      });
    });

    it('bad input names the field', async () => {
      expect((await check({ text: 'Hello', audience: 'school-account' })).json()).toMatchObject({ field: 'accountId' });
      expect((await check({ text: '  ', audience: 'personal' })).json()).toMatchObject({ field: 'text' });
      expect((await check({ text: 'Hello', audience: 'everyone' })).statusCode).toBe(400);
      expect((await check({ text: 'Hello', audience: 'personal', mediaId: crypto.randomUUID() })).json()).toMatchObject({ field: 'mediaId' });
      expect((await check({ text: 'Hello', audience: 'personal' }, governor)).statusCode).toBe(403);
    });

    it('asking keeps the draft for the line manager, who answers in the app; without one, the head is asked', async () => {
      const manager = await makeStaff(db(), s.schoolId, ['senior-leader']);
      const asker = await makeStaff(db(), s.schoolId, ['teacher']);
      await db().updateTable('staff').set({ line_manager_id: manager.id }).where('id', '=', asker.id).execute();
      const teacher = new TestBrowser(s.t.app);
      await teacher.signIn(asker);
      const checked = await teacher.submit('/post-check', '/post-check', { text: 'Fed up with the awful parking', audience: 'personal' });
      expect(checked.statusCode).toBe(200);
      expect(checked.body).toContain('Ask your line manager before posting');
      const asked = await teacher.submit('/post-check', '/post-check/ask', {
        text: 'Fed up with the awful parking',
        audience: 'personal',
        accountId: '',
        mediaId: '',
      });
      expect(asked.statusCode).toBe(303);
      const stored = await db().selectFrom('post_questions').selectAll().where('asked_by', '=', asker.id).executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ asked_of: manager.id, verdict: 'ask', text: 'Fed up with the awful parking' });
      const boss = new TestBrowser(s.t.app);
      await boss.signIn(manager);
      expect((await boss.get('/dashboard')).body).toContain('asks you about a post');
      const noNote = await boss.submit(`/post-check/questions/${stored.id}`, `/post-check/questions/${stored.id}/answer`, { answer: 'do-not-post', note: '' });
      expect(noNote.statusCode).toBe(400);
      await boss.submit(`/post-check/questions/${stored.id}`, `/post-check/questions/${stored.id}/answer`, {
        answer: 'do-not-post',
        note: 'Leave the parking out',
      });
      expect((await teacher.get(`/post-check/questions/${stored.id}`)).body).toContain('Leave the parking out');
      // Someone else cannot read it.
      const other = new TestBrowser(s.t.app);
      await other.signIn(s.teacher);
      expect((await other.get(`/post-check/questions/${stored.id}`)).statusCode).toBe(404);
      // A draft the policy does not allow cannot be sent on instead of being changed.
      const blocked = await teacher.submit('/post-check', '/post-check/ask', {
        text: 'Well done Amelia Clarke',
        audience: 'personal',
        accountId: '',
        mediaId: '',
      });
      expect(blocked.statusCode).toBe(409);
      // No line manager: the head is asked.
      const alone = new TestBrowser(s.t.app);
      await alone.signIn(s.teacher);
      await alone.submit('/post-check', '/post-check/ask', { text: 'Is this fine: awful weather', audience: 'personal', accountId: '', mediaId: '' });
      expect((await db().selectFrom('post_questions').select('asked_of').where('asked_by', '=', s.teacher.id).executeTakeFirstOrThrow()).asked_of).toBe(
        s.head.id,
      );
    });

    it('the head edits the word list; the governors see the counts', async () => {
      const head = new TestBrowser(s.t.app);
      await head.signIn(s.head);
      await head.submit('/post-check/settings', '/post-check/settings', { words: 'dreadful\nshambles' });
      expect((await check({ text: 'What a dreadful play', audience: 'personal' })).json()).toMatchObject({ verdict: 'ask' });
      expect((await check({ text: 'Another awful staff meeting', audience: 'personal' })).json()).toMatchObject({ verdict: 'ok' });
      const gov = new TestBrowser(s.t.app);
      await gov.signIn(await makeStaff(db(), s.schoolId, ['governor']));
      const report = await gov.get('/post-check/report');
      expect(report.statusCode).toBe(200);
      expect(report.body).toContain('Checked: not allowed');
    });
  });
});
