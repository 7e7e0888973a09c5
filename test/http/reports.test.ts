import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { addApiToken } from '../../src/modules/school/school.service.ts';
import { createTestApp, TestBrowser, type TestApp } from '../helpers/app.ts';
import { makeConcernSchool, type ConcernSchool } from '../helpers/concerns.ts';

type Count = number | '<5';
interface GovernorsJson {
  academicYear: number;
  concerns: {
    byType: Record<string, Count>;
    byTerm: Record<string, Count>;
    outOfHours: Count;
    actions: Record<string, Count>;
    medianDaysToFirstAction: number | null;
  };
  consent: { byPurpose: Record<string, { may: Count; mayNot: Count; noAnswer: Count }> };
  photos: { published: Count; refused: Count };
  policies: unknown[];
  agreements: {
    title: string;
    staff: Record<string, { signed: number; outstanding: number }>;
    families: Record<string, { signed: Count; outstanding: Count }>;
  }[];
  training: { completed: number; overdue: number; byCourse: { title: string; completed: number; overdue: number }[] };
  filtering: {
    review: { lastCompletedOn: string | null; nextDue: string | null; state: string; pointsMet: number; points: number };
    requests: Record<'block' | 'unblock', { decided: Count; pending: Count; approved: Count; refused: Count }>;
  };
  generatedAt: string;
}

/** The governors' report (RPT-2) over HTTP: the JSON contract, small numbers, the page's charts and the PDF read back. */
describe('the governors’ report', () => {
  let t: TestApp;
  let s: ConcernSchool;
  const tokens = new Map<string, string>();
  const api = (who: string, url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokens.get(who)}` } });

  beforeAll(async () => {
    t = await createTestApp('pglite');
    s = await makeConcernSchool(t.database.db);
    await withSchool(t.database.db, s.school.id, async (tx) => {
      for (const who of ['head', 'governor', 'teacher'] as const)
        tokens.set(who, await addApiToken(tx, s.school.id, { id: null, label: 'test' }, s.staff[who].email));
      // Seven cyber-bullying concerns in the autumn term, two safeguarding ones, one in the spring of last year.
      const concern = (type: string, at: string, outOfHours = false) =>
        tx
          .insertInto('concerns')
          .values({
            school_id: s.school.id,
            type,
            summary: 'Amelia Clarke was upset',
            details: 'Names are never in the report',
            occurred_at: at,
            reported_at: new Date(at),
            location: outOfHours ? 'out-of-school' : 'in-school',
            out_of_hours: outOfHours,
            reported_by: s.staff.teacher.id,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
      for (let i = 0; i < 7; i++) {
        const c = await concern('cyber-bullying', `2026-10-0${i + 1}T10:00:00Z`, i < 5);
        await tx.insertInto('concern_people').values({ school_id: s.school.id, concern_id: c.id, kind: 'pupil', pupil_id: s.pupilId }).execute();
        await tx
          .insertInto('concern_entries')
          .values({
            school_id: s.school.id,
            concern_id: c.id,
            kind: 'action',
            action_key: 'carers-informed',
            created_by: s.staff.dsl.id,
            created_at: new Date(`2026-10-0${i + 2}T10:00:00Z`),
          })
          .execute();
      }
      await concern('safeguarding', '2026-11-10T09:00:00Z');
      await concern('safeguarding', '2026-11-12T09:00:00Z');
      await concern('cyber-bullying', '2026-02-12T09:00:00Z');
      await tx
        .insertInto('consent_decisions')
        .values({
          school_id: s.school.id,
          pupil_id: s.pupilId,
          purpose: 'website',
          decision: 'granted',
          carer_id: s.carerId,
          method: 'paper',
          form_version: 1,
          year_group: 3,
          recorded_by_label: 'test',
        })
        .execute();
      // Agreements, training and filtering (issues 12 and 13): the head signs the staff code of conduct and
      // completes induction; the teacher joined long ago and never did; six blocks approved, one unblock waiting.
      const code = await tx.selectFrom('agreements').select('id').where('key', '=', 'staff-code-of-conduct').executeTakeFirstOrThrow();
      await tx
        .insertInto('agreement_signatures')
        .values({
          school_id: s.school.id,
          agreement_id: code.id,
          version: 1,
          staff_id: s.staff.head.id,
          method: 'online',
          signed_on: '2026-10-01',
          recorded_by_label: 'test',
        })
        .execute();
      const induction = await tx.selectFrom('training_courses').select('id').where('key', '=', 'induction').executeTakeFirstOrThrow();
      await tx
        .insertInto('training_completions')
        .values({ school_id: s.school.id, staff_id: s.staff.head.id, course_id: induction.id, completed_on: '2026-10-01', recorded_by_label: 'test' })
        .execute();
      await tx
        .updateTable('staff')
        .set({ created_at: new Date('2020-01-06T09:00:00Z') })
        .where('id', '=', s.staff.teacher.id)
        .execute();
      const request = (kind: 'block' | 'unblock', status: 'approved' | 'with-decider', n: number) =>
        tx
          .insertInto('filter_requests')
          .values({
            school_id: s.school.id,
            kind,
            domain: `site${n}.example`,
            display_domain: `site${n}.example`,
            reason: 'Amelia Clarke saw it',
            duration: 'permanent',
            requested_by: s.staff.teacher.id,
            status,
            in_force_from: status === 'approved' ? new Date() : null,
          })
          .execute();
      for (let i = 0; i < 6; i++) await request('block', 'approved', i);
      await request('unblock', 'with-decider', 9);
      const review = await tx
        .insertInto('filtering_reviews')
        .values({ school_id: s.school.id, completed_on: '2026-09-15', next_due: '2027-09-15', participants: JSON.stringify([]), recorded_by: s.staff.head.id })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [key, met] of [
        ['roles', true],
        ['monitoring', false],
      ] as const)
        await tx
          .insertInto('filtering_review_points')
          .values({ school_id: s.school.id, review_id: review.id, key, met, evidence: 'Amelia Clarke', actions: '' })
          .execute();
    });
  }, 400_000);
  afterAll(() => t?.close());

  it('GET /api/v1/reports/governors gives the contract’s figures, with every count under 5 as "<5" and no names', async () => {
    const response = await api('governor', '/api/v1/reports/governors?academicYear=2026');
    expect(response.statusCode).toBe(200);
    const body = response.json<GovernorsJson>();
    expect(Object.keys(body)).toEqual(expect.arrayContaining(['academicYear', 'concerns', 'consent', 'photos', 'policies', 'generatedAt']));
    expect(body.academicYear).toBe(2026);
    expect(body.concerns.byType['cyber-bullying']).toBe(7);
    expect(body.concerns.byType.safeguarding).toBe('<5');
    expect(body.concerns.byTerm).toEqual({ autumn: 9, spring: '<5', summer: '<5' });
    expect(body.concerns.outOfHours).toBe(5);
    expect(body.concerns.actions['carers-informed']).toBe(7);
    expect(body.concerns.medianDaysToFirstAction).toBe(1);
    expect(body.consent.byPurpose.website).toEqual({ may: '<5', mayNot: '<5', noAnswer: '<5' });
    expect(body.photos).toMatchObject({ published: '<5', refused: '<5' });
    expect(Array.isArray(body.policies)).toBe(true);
    expect(Number.isNaN(Date.parse(body.generatedAt))).toBe(false);
    expect(response.body).not.toMatch(/Amelia|Clarke|upset/);
    // No cell anywhere gives a number from 1 to 4.
    const cells = JSON.stringify({ concerns: { ...body.concerns, medianDaysToFirstAction: null }, consent: body.consent, photos: body.photos });
    expect(cells).not.toMatch(/:[0-4][,}]/);
  });

  it('gives agreements by group, training completed and overdue, and filtering requests and the yearly review', async () => {
    const body = (await api('governor', '/api/v1/reports/governors?academicYear=2026')).json<GovernorsJson>();
    const code = body.agreements.find((a) => a.staff.staff);
    expect(code?.staff.staff.signed).toBe(1);
    expect(code?.staff.governors).toEqual({ signed: 0, outstanding: 1 });
    // One pupil on roll: the family and pupil agreements give "<5", never 0 or 1.
    const home = body.agreements.find((a) => a.families.carers);
    expect(home?.families.carers).toEqual({ signed: '<5', outstanding: '<5' });
    expect(body.training.completed).toBe(1);
    expect(body.training.byCourse.find((c) => c.title === 'E-safety induction')).toMatchObject({ completed: 1, overdue: 1 });
    expect(body.filtering.requests.block).toEqual({ decided: 6, pending: '<5', approved: 6, refused: '<5' });
    expect(body.filtering.requests.unblock.pending).toBe('<5');
    expect(body.filtering.review).toEqual({ lastCompletedOn: '2026-09-15', nextDue: '2027-09-15', state: 'in-date', pointsMet: 1, points: 2 });
    expect(JSON.stringify(body)).not.toMatch(/Amelia|Clarke|site\d\.example/);
    const browser = new TestBrowser(t.app);
    await browser.signIn(s.staff.governor);
    const page = await browser.get('/reports/governors?academicYear=2026');
    for (const title of ['Agreements signed', 'Staff training', 'Web filtering and monitoring', '15 September 2027']) expect(page.body).toContain(title);
    expect(page.body).toContain('id="filter-requests-table"');
  });

  it('refuses a year not yet started and a missing year with the API error shape; a teacher may not see it', async () => {
    const future = await api('head', '/api/v1/reports/governors?academicYear=2031');
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ error: expect.any(String), field: 'academicYear' });
    expect((await api('head', '/api/v1/reports/governors')).statusCode).toBe(400);
    expect([403, 404]).toContain((await api('teacher', '/api/v1/reports/governors?academicYear=2026')).statusCode);
  });

  it('the page draws each chart as SVG with its table beside it, saying "fewer than 5"', async () => {
    const browser = new TestBrowser(t.app);
    await browser.signIn(s.staff.governor);
    const page = await browser.get('/reports/governors?academicYear=2026');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<svg');
    expect(page.body).toContain('id="concerns-by-type-table"');
    expect(page.body).toContain('fewer than 5');
    expect(page.body).not.toMatch(/Amelia|Clarke/);
    const teacher = new TestBrowser(t.app);
    await teacher.signIn(s.staff.teacher);
    expect([403, 404]).toContain((await teacher.get('/reports/governors')).statusCode);
  });

  it('GET /reports/governors/2026.pdf is a PDF whose text reads back with the figures, and the download is audited', async () => {
    const browser = new TestBrowser(t.app);
    await browser.signIn(s.staff.head);
    const response = await browser.get('/reports/governors/2026.pdf');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = await getDocumentProxy(new Uint8Array(response.rawPayload));
    const { text } = await extractText(pdf, { mergePages: true });
    expect(text).toContain('Hazel Lane Primary');
    expect(text).toContain('Concerns by type');
    expect(text).toContain('Cyber bullying');
    expect(text).toContain('fewer than 5');
    expect(text).toMatch(/7 concerns|9 concerns|10 concerns/);
    expect(text).not.toMatch(/Amelia|Clarke/);
    const audited = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('school_id', '=', s.school.id)
      .where('action', '=', 'report.exported')
      .execute();
    expect(audited).toHaveLength(1);
    expect((await browser.get('/reports/governors/2099.pdf')).statusCode).toBe(404);
  });
});
