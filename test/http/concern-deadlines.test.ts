import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConcernsService } from '../../src/modules/concerns/concerns.service.ts';
import { createDeadlineReminders } from '../../src/modules/concerns/concerns.deadlines.ts';
import { defaultSettings } from '../../src/modules/settings/settings.defaults.ts';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { addApiToken } from '../../src/modules/school/school.service.ts';
import { aReport, makeConcernSchool, type ConcernSchool } from '../helpers/concerns.ts';
import { createTestApp, csrfFrom, TestBrowser, type TestApp } from '../helpers/app.ts';

/**
 * Issue 19: a type of concern can require that people outside the staff be told (a required action
 * open until recorded: who, when, how), and carry a time to act; concerns past it with nothing done
 * are overdue on the home page and in the chronology, and those routed are reminded once.
 */
describe('concerns: people outside the staff told, and the time to act', () => {
  let t: TestApp;
  let s: ConcernSchool;
  let head: TestBrowser;
  let dsl: TestBrowser;
  let reported: string;
  let old: string;
  const safeguarding = defaultSettings.concerns.routes.findIndex((r) => r.type === 'safeguarding');

  beforeAll(async () => {
    t = await createTestApp('pglite');
    s = await makeConcernSchool(t.database.db);
    head = new TestBrowser(t.app);
    await head.signIn(s.staff.head);
    dsl = new TestBrowser(t.app);
    await dsl.signIn(s.staff.dsl);
  });
  afterAll(() => t.close());

  it('the headteacher sets who outside the staff is told and the time to act; a wrong value is refused, naming the field', async () => {
    const page = await head.get('/settings/edit/concerns');
    expect(page.body).toContain('Who outside the staff must be told');
    expect(page.body).toContain('By the next school day');
    const form: Record<string, string | string[]> = { _csrf: csrfFrom(page.body), routeRules: 'yes' };
    defaultSettings.concerns.routes.forEach((r, i) => {
      form[`notify-${i}`] = r.notify;
      if (r.restricted) form[`restricted-${i}`] = 'yes';
      if (r.immediate) form[`immediate-${i}`] = 'yes';
    });
    const bad = await head.post('/settings/edit/concerns', { ...form, [`deadline-${safeguarding}`]: 'next-week' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(`href="#deadline-${safeguarding}"`);
    const saved = await head.submit('/settings/edit/concerns', '/settings/edit/concerns', {
      ...form,
      [`tell-${safeguarding}`]: ['police', 'social-care'],
      [`deadline-${safeguarding}`]: 'same-day',
    });
    expect(saved.statusCode).toBe(303);
    expect((await head.get('/settings/edit/concerns')).body).toMatch(/name="deadline-0" type="radio" value="same-day" checked/);
    const overview = (await head.get('/settings')).body;
    expect(overview).toMatch(
      /<td data-label="Also told" class="govuk-table__cell">The police, Children’s social care<\/td><td data-label="Time to act" class="govuk-table__cell">The same day<\/td>/,
    );
  });

  it('a concern of that type carries "Tell the police" and "Tell children’s social care" until each is recorded', async () => {
    const concerns = createConcernsService(t.database.schools, t.config);
    reported = (await concerns.report(s.actors.teacher, aReport({ type: 'safeguarding', pupilIds: [s.pupilId] }))).id;
    const page = await dsl.get(`/concerns/${reported}`);
    expect(page.body).toContain('Required actions');
    expect(page.body).toMatch(/Tell the police:\s*<strong class="govuk-tag govuk-tag--red">Not yet done/);
    expect(page.body).toMatch(/Tell children’s social care:\s*<strong class="govuk-tag govuk-tag--red">Not yet done/);
    expect(page.body).toContain('The policy says to act the same day');

    const missing = await dsl.submit(`/concerns/${reported}`, `/concerns/${reported}/told`, { recipient: 'police', toldWho: '', toldHow: '' });
    expect(missing.statusCode).toBe(400);
    for (const field of ['toldWho', 'toldAt', 'toldHow']) expect(missing.body).toContain(`href="#${field}"`);
    const today = new Date();
    const told = await dsl.submit(`/concerns/${reported}`, `/concerns/${reported}/told`, {
      recipient: 'police',
      toldWho: 'PC Jones, Hazel Lane station',
      'toldAt-day': String(today.getUTCDate()),
      'toldAt-month': String(today.getUTCMonth() + 1),
      'toldAt-year': String(today.getUTCFullYear()),
      toldTime: '00:05',
      toldHow: 'By phone, reference 4411',
    });
    expect(told.statusCode, told.body).toBe(303);
    const after = await dsl.get(`/concerns/${reported}`);
    expect(after.body).toMatch(
      /Tell the police:\s*<strong class="govuk-tag govuk-tag--green">Done<\/strong> <span class="govuk-body-s">Told PC Jones, Hazel Lane station, .*By phone, reference 4411/,
    );
    expect(after.body).toMatch(/Tell children’s social care:\s*<strong class="govuk-tag govuk-tag--red">Not yet done/);
    const chronology = await dsl.get(`/pupils/${s.pupilId}/chronology`);
    expect(chronology.body).toContain('Tell the police: done');
  });

  it('a concern past its time with nothing done is overdue on the home page, the concern and the chronology', async () => {
    // Reported two days ago (rows are only ever added): routed to the DSL.
    old = await withSchool(t.database.db, s.school.id, async (tx) => {
      const row = await tx
        .insertInto('concerns')
        .values({
          school_id: s.school.id,
          type: 'safeguarding',
          summary: 'Worrying messages from an adult',
          details: 'Seen on a tablet at break.',
          occurred_at: new Date(Date.now() - 50 * 3_600_000),
          location: 'in-school',
          reported_by: s.staff.teacher.id,
          reported_at: new Date(Date.now() - 48 * 3_600_000),
          restricted: true,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx.insertInto('concern_people').values({ school_id: s.school.id, concern_id: row.id, kind: 'pupil', pupil_id: s.pupilId }).execute();
      await tx
        .insertInto('concern_routes')
        .values({ school_id: s.school.id, concern_id: row.id, staff_id: s.staff.dsl.id, reason: 'Designated safeguarding lead' })
        .execute();
      return row.id;
    });
    expect((await dsl.get('/dashboard')).body).toMatch(/1 concern is overdue<\/a>/);
    expect((await dsl.get(`/concerns/${old}`)).body).toContain('Overdue: the policy says to act the same day');
    expect((await dsl.get(`/pupils/${s.pupilId}/chronology`)).body).toContain('<strong class="govuk-tag govuk-tag--red">Overdue</strong>');
    const token = await withSchool(t.database.db, s.school.id, (tx) => addApiToken(tx, s.school.id, { id: null, label: 'test' }, s.staff.dsl.email));
    const api = await t.app.inject({ method: 'GET', url: `/api/v1/concerns/${old}`, headers: { authorization: `Bearer ${token}` } });
    expect(api.json()).toMatchObject({
      requiredActions: [
        { tell: 'police', text: 'Tell the police', doneAt: null },
        { tell: 'social-care', text: 'Tell children’s social care', doneAt: null },
      ],
      deadline: { overdue: true },
    });
    // The one acted on (someone was told) is not overdue, even once its day is over.
    expect((await dsl.get(`/concerns/${reported}`)).body).not.toContain('Overdue:');
  });

  it('those routed are reminded once, with a link and no details', async () => {
    const reminders = createDeadlineReminders(t.database.schools, t.config);
    const outbox = () => t.database.db.selectFrom('outbox').selectAll().where('subject', '=', 'A concern is overdue and needs attention').execute();
    expect(await reminders.remindOverdue()).toBe(1);
    const [mail] = await outbox();
    expect(mail.to_address).toBe(s.staff.dsl.email);
    expect(mail.body_text).toContain(`http://localhost/concerns/${old}`);
    expect(mail.body_text).not.toContain('Worrying messages');
    expect(await reminders.remindOverdue()).toBe(0);
    expect(await outbox()).toHaveLength(1);
  });

  it('acting on it ends the overdue mark', async () => {
    const acted = await dsl.submit(`/concerns/${old}`, `/concerns/${old}/actions`, { kind: 'outside-agency-referral', note: 'Referred to the MASH' });
    expect(acted.statusCode).toBe(303);
    expect((await dsl.get('/dashboard')).body).not.toContain('overdue</a>');
  });
});
