import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { NotFound, ValidationError } from '../../src/platform/http/errors.ts';
import { createConcernsService, type ConcernsService } from '../../src/modules/concerns/concerns.service.ts';
import { defaultSettings } from '../../src/modules/settings/settings.defaults.ts';
import { saveSettings } from '../../src/modules/settings/settings.service.ts';
import { aReport, makeConcernSchool, type ConcernSchool } from '../helpers/concerns.ts';
import { createTestDatabase, databaseKinds } from '../helpers/database.ts';

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);

describe.each(databaseKinds())('concerns: reporting, routing, access and the timeline (%s)', (kind) => {
  let database: Database;
  let s: ConcernSchool;
  let other: ConcernSchool;
  let concerns: ConcernsService;
  let mailNudges = 0;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    concerns = createConcernsService(database.schools, loadConfig({ NODE_ENV: 'test' }, { baseUrl: 'https://esafety.example' }), () => {
      mailNudges++;
    });
    s = await makeConcernSchool(database.db);
    other = await makeConcernSchool(database.db, 'Birch Primary');
  });
  afterAll(() => database.close());

  const outbox = (schoolId: string) => withSchool(database.db, schoolId, (tx) => tx.selectFrom('outbox').selectAll().orderBy('created_at').execute());
  const audit = (schoolId: string, action: string) =>
    withSchool(database.db, schoolId, (tx) => tx.selectFrom('audit_log').selectAll().where('action', '=', action).execute());

  it('records a cyber-bullying report, routes it to the class teacher and the DSL, and e-mails them a link without details', async () => {
    const before = (await outbox(s.school.id)).length;
    const nudges = mailNudges;
    const reported = await concerns.report(s.actors.teacher, aReport({ pupilIds: [s.pupilId], others: ['Year 6 group admin'] }));
    expect(reported).toMatchObject({ type: 'cyber-bullying', status: 'open', reportedBy: s.staff.teacher.id, fileRefused: false });
    expect(reported.routedTo).toEqual([
      { userId: s.staff.classTeacher.id, reason: 'Class teacher of Amelia Clarke' },
      { userId: s.staff.dsl.id, reason: 'Designated safeguarding lead' },
    ]);
    const mail = (await outbox(s.school.id)).slice(before);
    expect(mail.map((m) => m.to_address).sort()).toEqual([s.staff.classTeacher.email, s.staff.dsl.email].sort());
    for (const m of mail) {
      expect(m.subject).toBe('A concern (Cyber bullying) needs you');
      expect(m.body_text).toContain(`https://esafety.example/concerns/${reported.id}`);
      expect(m.body_text).not.toMatch(/Amelia|WhatsApp|Unkind|names/);
    }
    expect(mailNudges).toBe(nudges + 1);
    expect((await audit(s.school.id, 'concern.reported')).map((a) => a.subject_id)).toContain(reported.id);
  });

  it('refuses an invalid report, naming each field, and a person from another school', async () => {
    const problems = async (input: ReturnType<typeof aReport>) => {
      const error = await concerns.report(s.actors.volunteer, input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).problems.map((p) => p.field);
    };
    expect(await problems(aReport({ type: 'gossip', summary: ' ', details: '', occurredAt: null, location: 'home' }))).toEqual([
      'type',
      'summary',
      'details',
      'occurredAt',
      'location',
    ]);
    expect(await problems(aReport({ occurredAt: new Date(Date.now() + 86_400_000) }))).toEqual(['occurredAt']);
    expect(await problems(aReport({ pupilIds: [other.pupilId] }))).toEqual(['pupilIds']);
    expect(await problems(aReport({ links: ['javascript:alert(1)'] }))).toEqual(['links']);
  });

  it('lets only the DSL group and the head see a safeguarding record; the reporter sees what they wrote; views are audited', async () => {
    const { id } = await concerns.report(
      s.actors.support,
      aReport({ type: 'safeguarding', summary: 'An adult asked a pupil for photos', pupilIds: [s.pupilId] }),
    );
    await concerns.addAction(s.actors.dsl, id, { kind: 'outside-agency-referral', note: 'Referred to children’s social care', dueAt: null });
    for (const actor of [s.actors.teacher, s.actors.classTeacher, s.actors.deputy, s.actors.senior, s.actors.office, s.actors.governor]) {
      await expect(concerns.concern(actor, id)).rejects.toBeInstanceOf(NotFound);
    }
    const asReporter = await concerns.concern(s.actors.support, id);
    expect(asReporter).toMatchObject({ access: 'reporter', status: 'open', timeline: [], routes: [] });
    expect(asReporter.text.summary).toBe('An adult asked a pupil for photos');
    const asDsl = await concerns.concern(s.actors.dsl, id);
    expect(asDsl.timeline.map((t) => t.note)).toEqual(['Referred to children’s social care']);
    // The DSL sees who has viewed it: the reporter, and the DSL themselves (this view included).
    expect(asDsl.views.map((v) => v.actor_label)).toEqual(expect.arrayContaining([s.actors.support.name, s.actors.dsl.name]));
    const views = (await audit(s.school.id, 'concern.viewed')).filter((a) => a.subject_id === id);
    expect(views.map((v) => v.actor_id)).toEqual(expect.arrayContaining([s.staff.support.id, s.staff.dsl.id]));
  });

  it('never stores a file when the report involves nude images of a child, and routes it to the DSL at once', async () => {
    const reported = await concerns.report(s.actors.teacher, aReport({ involvesNudeImages: true, pupilIds: [s.pupilId] }), [
      { fileName: 'screenshot.png', contentType: 'image/png', bytes: png },
    ]);
    expect(reported.fileRefused).toBe(true);
    expect(reported.routedTo.map((r) => r.userId)).toEqual([s.staff.dsl.id]);
    const evidence = await withSchool(database.db, s.school.id, (tx) =>
      tx.selectFrom('concern_evidence').select('id').where('concern_id', '=', reported.id).execute(),
    );
    expect(evidence).toEqual([]);
    const mail = (await outbox(s.school.id)).filter((m) => m.body_text.includes(reported.id));
    expect(mail.map((m) => [m.to_address, m.subject])).toEqual([[s.staff.dsl.email, 'Act now: a concern (Cyber bullying) needs you']]);
    // The class teacher the policy names for cyber bullying may not see it: said to the reporter, the DSL and the audit, never dropped silently.
    expect(reported.notTold).toEqual([
      {
        userId: s.staff.classTeacher.id,
        reason: expect.stringMatching(/Class teacher of Amelia Clarke: not told, because a report about nude or sexual images/),
      },
    ]);
    expect(mail[0].body_text).toContain('The policy also names these people, who have not been told');
    expect(mail[0].body_text).toContain('Class teacher of Amelia Clarke: not told');
    const logged = (await audit(s.school.id, 'concern.reported')).find((a) => a.subject_id === reported.id)!;
    expect((logged.detail as { notTold: { staffId: string }[] }).notTold.map((n) => n.staffId)).toEqual([s.staff.classTeacher.id]);
    await expect(concerns.concern(s.actors.classTeacher, reported.id)).rejects.toBeInstanceOf(NotFound);
    await expect(
      concerns.addEvidence(s.actors.dsl, reported.id, { links: [], file: { fileName: 'a.png', contentType: 'image/png', bytes: png } }),
    ).rejects.toMatchObject({ problems: [{ field: 'evidence', message: expect.stringContaining('Go to the designated safeguarding lead now') }] });
  });

  it('keeps screenshots and refuses files that are not pictures or PDFs', async () => {
    const reported = await concerns.report(s.actors.teacher, aReport(), [{ fileName: 'chat.png', contentType: 'image/png', bytes: png }]);
    const [evidence] = (await concerns.concern(s.actors.dsl, reported.id)).evidence;
    expect(evidence).toMatchObject({ file_name: 'chat.png', size_bytes: png.length });
    expect((await concerns.evidenceFile(s.actors.dsl, reported.id, evidence.id)).content.equals(png)).toBe(true);
    await expect(
      concerns.report(s.actors.teacher, aReport(), [{ fileName: 'chat.png', contentType: 'image/png', bytes: Buffer.from('MZ not a picture') }]),
    ).rejects.toMatchObject({ problems: [{ field: 'evidence' }] });
  });

  it('adds actions only of the kinds the school’s settings have, and keeps the original text under corrections', async () => {
    const { id } = await concerns.report(s.actors.teacher, aReport({ pupilIds: [s.pupilId] }));
    await concerns.addAction(s.actors.dsl, id, { kind: 'carers-informed', note: 'Told Amelia’s mother; advised closing the account', dueAt: null });
    await expect(concerns.addAction(s.actors.dsl, id, { kind: 'expelled', note: 'x', dueAt: null })).rejects.toMatchObject({ problems: [{ field: 'kind' }] });
    await expect(concerns.addAction(s.actors.office, id, { kind: 'note', note: 'x', dueAt: null })).rejects.toBeInstanceOf(NotFound);

    // A school whose policy has no "site blocked" action: the same request is refused, without a code change.
    await withSchool(database.db, s.school.id, (tx) =>
      saveSettings(
        tx,
        s.school.id,
        { id: null, label: 'test' },
        { ...defaultSettings, concerns: { ...defaultSettings.concerns, actions: defaultSettings.concerns.actions.filter((a) => a.key !== 'site-blocked') } },
      ),
    );
    await expect(concerns.addAction(s.actors.dsl, id, { kind: 'site-blocked', note: 'x', dueAt: null })).rejects.toMatchObject({
      problems: [{ field: 'kind' }],
    });
    await withSchool(database.db, s.school.id, (tx) => saveSettings(tx, s.school.id, { id: null, label: 'test' }, defaultSettings));

    await concerns.amend(s.actors.dsl, id, { field: 'details', text: 'The messages were on Snapchat, not WhatsApp.', reason: 'Amelia corrected the app' });
    const record = await concerns.concern(s.actors.dsl, id);
    expect(record.text).toMatchObject({ details: 'The messages were on Snapchat, not WhatsApp.', amended: true });
    expect(record.original.details).toBe('Amelia showed me messages calling her names.');
    expect(record.timeline.map((t) => t.what)).toEqual([
      'Carers of the pupils involved told, with advice on closing accounts',
      'Correction to the description',
    ]);
  });

  it('is append-only: the database refuses to change or delete a concern or its history, even for the owner', async () => {
    // A row in every table, so that each trigger has something to refuse.
    const { id } = await concerns.report(s.actors.teacher, aReport({ pupilIds: [s.pupilId], links: ['https://example.org/post/1'] }));
    await concerns.markRead(s.actors.dsl, id);
    await concerns.addAction(s.actors.dsl, id, { kind: 'note', note: 'Spoke to Amelia', dueAt: null });
    for (const table of ['concerns', 'concern_people', 'concern_evidence', 'concern_routes', 'concern_reads', 'concern_entries']) {
      await expect(sql`UPDATE ${sql.table(table)} SET school_id = school_id`.execute(database.db)).rejects.toThrow(/append-only/);
      await expect(sql`DELETE FROM ${sql.table(table)}`.execute(database.db)).rejects.toThrow(/append-only/);
    }
    await expect(
      withSchool(database.db, s.school.id, (tx) => tx.updateTable('concerns').set({ summary: 'rewritten' }).where('id', '=', id).execute()),
    ).rejects.toThrow();
    expect((await concerns.concern(s.actors.dsl, id)).text.summary).toBe('Unkind messages in a class group chat');
  });

  it('marks read, tracks follow-ups and closes with an outcome; nothing more can then be added', async () => {
    const { id } = await concerns.report(s.actors.teacher, aReport());
    expect((await concerns.lists(s.actors.dsl)).attention.map((c) => c.id)).toContain(id);
    await concerns.markRead(s.actors.dsl, id);
    expect((await concerns.lists(s.actors.dsl)).attention.map((c) => c.id)).not.toContain(id);
    await concerns.addAction(s.actors.dsl, id, {
      kind: 'removal-requested',
      note: 'Asked the group admin to delete the messages',
      dueAt: new Date(Date.now() - 86_400_000),
    });
    const overdue = (await concerns.overview(s.actors.dsl)).overdue.filter((o) => o.concernId === id);
    expect(overdue.map((o) => o.what)).toEqual(['Removal requested']);
    const followUp = (await concerns.concern(s.actors.dsl, id)).followUps[0];
    expect(followUp.overdue).toBe(true);
    await concerns.completeFollowUp(s.actors.dsl, id, followUp.id);
    expect((await concerns.overview(s.actors.dsl)).overdue.filter((o) => o.concernId === id)).toEqual([]);
    await expect(concerns.close(s.actors.dsl, id, ' ')).rejects.toMatchObject({ problems: [{ field: 'outcome' }] });
    await concerns.close(s.actors.dsl, id, 'Messages removed; carers spoke to both children.');
    const closed = await concerns.concern(s.actors.teacher, id);
    expect(closed).toMatchObject({ status: 'closed', access: 'reporter' });
    await expect(concerns.addAction(s.actors.dsl, id, { kind: 'note', note: 'late', dueAt: null })).rejects.toMatchObject({ statusCode: 409 });
  });

  it('records the out-of-hours decision with its grounds and reasons', async () => {
    const { id } = await concerns.report(s.actors.teacher, aReport());
    await expect(concerns.decideOutOfHours(s.actors.dsl, id, { acts: true, grounds: [], reasons: 'x' })).rejects.toMatchObject({
      problems: [{ field: 'grounds' }],
    });
    await concerns.decideOutOfHours(s.actors.dsl, id, { acts: true, grounds: ['threatens-community'], reasons: 'The messages threaten a pupil here.' });
    expect((await concerns.concern(s.actors.dsl, id)).decision).toMatchObject({
      acts: true,
      grounds: ['threatens-community'],
      note: 'The messages threaten a pupil here.',
    });
    const inSchool = await concerns.report(s.actors.teacher, aReport({ location: 'in-school', outOfHours: false }));
    await expect(concerns.decideOutOfHours(s.actors.dsl, inSchool.id, { acts: true, grounds: ['threatens-community'], reasons: 'x' })).rejects.toBeInstanceOf(
      NotFound,
    );
  });

  it('shows a carer’s earlier posts and suggests the police after repeats (001 §8, 003 §2.6)', async () => {
    const first = await concerns.report(s.actors.office, aReport({ type: 'community-post', carerIds: [s.carerId] }));
    await concerns.addAction(s.actors.head, first.id, { kind: 'removal-requested', note: 'Phoned and asked for the post to come down', dueAt: null });
    const second = await concerns.report(s.actors.office, aReport({ type: 'community-post', carerIds: [s.carerId] }));
    const [repeat] = (await concerns.concern(s.actors.head, second.id)).repeats;
    expect(repeat.person.name).toBe('Pat Clarke');
    expect(repeat.earlier.map((e) => e.id)).toEqual([first.id]);
    expect(repeat.nextStep?.text).toContain('referred to the police as harassment');
  });

  it('gives a chronology per pupil in date order, with only what the caller may see', async () => {
    const pupil = { kind: 'pupil' as const, id: s.exPupilId };
    const bullying = await concerns.report(s.actors.teacher, aReport({ pupilIds: [s.exPupilId], summary: 'Ex-pupil messages' }));
    const safeguarding = await concerns.report(s.actors.teacher, aReport({ type: 'safeguarding', pupilIds: [s.exPupilId], summary: 'Worrying contact' }));
    await concerns.addAction(s.actors.dsl, bullying.id, { kind: 'new-school-contacted', note: 'Called the new school', dueAt: null });
    const asDsl = await concerns.chronology(s.actors.dsl, pupil);
    expect(asDsl.items.map((i) => [i.what, i.note])).toEqual([
      ['Reported', 'Ex-pupil messages'],
      ['Reported', 'Worrying contact'],
      ['The new school contacted', 'Called the new school'],
    ]);
    const asDeputy = await concerns.chronology(s.actors.deputy, pupil);
    expect(asDeputy.items.map((i) => i.concernId)).toEqual([bullying.id, bullying.id]);
    const asClassTeacher = await concerns.chronology(s.actors.classTeacher, pupil);
    expect(asClassTeacher.items).toEqual([]);
    expect(safeguarding.routedTo.map((r) => r.userId).sort()).toEqual([s.staff.dsl.id, s.staff.head.id].sort());
  });

  it('routes to a class teacher only while they are active and hold the teacher role', async () => {
    const elm = await makeConcernSchool(database.db, 'Elm Primary');
    const teacherId = elm.staff.classTeacher.id;
    const classTeacherRoutes = async () =>
      (await concerns.report(elm.actors.teacher, aReport({ pupilIds: [elm.pupilId] }))).routedTo.filter((r) => r.reason.startsWith('Class teacher'));
    expect(await classTeacherRoutes()).toEqual([{ userId: teacherId, reason: 'Class teacher of Amelia Clarke' }]);
    await withSchool(database.db, elm.school.id, (tx) => tx.deleteFrom('staff_roles').where('staff_id', '=', teacherId).execute());
    expect(await classTeacherRoutes()).toEqual([]);
    await withSchool(database.db, elm.school.id, async (tx) => {
      await tx.insertInto('staff_roles').values({ school_id: elm.school.id, staff_id: teacherId, role: 'teacher' }).execute();
      await tx.updateTable('staff').set({ active: false }).where('id', '=', teacherId).execute();
    });
    expect(await classTeacherRoutes()).toEqual([]);
  });

  it('keeps schools apart: another school’s concern is not found', async () => {
    const { id } = await concerns.report(other.actors.teacher, aReport());
    await expect(concerns.concern(s.actors.head, id)).rejects.toBeInstanceOf(NotFound);
    await expect(concerns.addAction(s.actors.dsl, id, { kind: 'note', note: 'x', dueAt: null })).rejects.toBeInstanceOf(NotFound);
  });
});

describe('no route, service or repository of the concerns module can change a concern in place', () => {
  it('has no UPDATE or DELETE of a concern table anywhere in its source', () => {
    const folder = new URL('../../src/modules/concerns/', import.meta.url).pathname;
    const offending: string[] = [];
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
      const source = readFileSync(`${folder}${name}`, 'utf8');
      for (const match of source.matchAll(/(updateTable|deleteFrom)\(\s*['"`](\w+)|\b(UPDATE|DELETE FROM)\s+(\w+)/g)) {
        const table = match[2] ?? match[4];
        if (table.startsWith('concern')) offending.push(`${name}: ${match[0]}`);
      }
    }
    expect(offending).toEqual([]);
    // The one editable table is the class-teacher list, which is not part of any record.
    expect(readFileSync(`${folder}concerns.repository.ts`, 'utf8')).toMatch(/deleteFrom\('class_teachers'\)/);
  });
});

describe('the concerns module follows the house pattern (docs/ARCHITECTURE.md)', () => {
  const folder = new URL('../../src/modules/concerns/', import.meta.url).pathname;
  const sources = readdirSync(folder)
    .filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))
    .map((name) => ({ name, source: readFileSync(`${folder}${name}`, 'utf8') }));
  const where = (test: (name: string, source: string) => boolean) => sources.filter((f) => test(f.name, f.source)).map((f) => f.name);

  it('holds a SchoolDatabase, never the unscoped Kysely', () => {
    expect(where((_, s) => /\bKysely\b/.test(s))).toEqual([]);
    expect(readFileSync(`${folder}services.ts`, 'utf8')).toMatch(/\{ schools, config, onMail \}/);
  });

  it('types handlers from their route schemas: no casts of params or bodies, no local IdParams', () => {
    expect(where((_, s) => /as Static</.test(s))).toEqual([]);
    expect(where((_, s) => /const IdParams\b/.test(s))).toEqual([]);
    expect(where((n, s) => (n.endsWith('.routes.ts') || n.endsWith('.api.ts') ? !/: ModuleRoutes<ConcernsServices> = async/.test(s) : false))).toEqual([]);
  });

  it('reads forms and uploads with platform/http/form-body.ts, and keeps SQL in its repository', () => {
    expect(where((_, s) => /from '@fastify\/multipart'/.test(s))).toEqual([]);
    expect(where((n, s) => !n.endsWith('.repository.ts') && /selectFrom\(|insertInto\(|\bsql`|from 'kysely'/.test(s))).toEqual([]);
    expect(readFileSync(`${folder}concerns.repository.ts`, 'utf8')).not.toMatch(/FROM staff_roles|'staff_roles as/);
  });
});
