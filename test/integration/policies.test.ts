import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/platform/auth/actor.ts';
import type { Role } from '../../src/platform/auth/permissions.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { importJson, importPolicyFile } from '../../src/modules/policies/policies.import.service.ts';
import { createPoliciesService } from '../../src/modules/policies/policies.module.ts';
import { sendReviewReminders } from '../../src/modules/policies/policies.reminders.ts';
import { createTestDatabase, databaseKinds } from '../helpers/database.ts';
import { makeSchool, makeStaff } from '../helpers/factories.ts';

const seed = (name: string) => readFileSync(new URL(`../fixtures/policies/${name}.txt`, import.meta.url));
const cli = { id: null, label: 'test' };

describe.each(databaseKinds())('policies on a real database (%s)', (kind) => {
  let database: Database;
  let school: { id: string; urn: string; name: string };
  let service: ReturnType<typeof createPoliciesService>;
  const actors: Record<string, Actor> = {};

  const actorFor = async (roles: Role[], key: string) => {
    const staff = await makeStaff(database.db, school.id, roles, { twoFactor: false });
    const row = await database.db.selectFrom('staff').select(['given_name', 'family_name']).where('id', '=', staff.id).executeTakeFirstOrThrow();
    actors[key] = {
      staffId: staff.id,
      schoolId: school.id,
      schoolName: school.name,
      schoolUrn: school.urn,
      name: `${row.given_name} ${row.family_name}`,
      email: staff.email,
      roles,
      via: 'session',
      sessionHash: null,
      twoFactor: 'not-required',
    };
    return actors[key];
  };

  /** A policy approved on a given day: written, sent, signed by head and chair. */
  const approvedPolicy = async (title: string, approvedAt: Date) => {
    const created = await service.create(actors.head, {
      title,
      kind: 'other',
      ownerId: actors.head.staffId,
      intervalMonths: '12',
      appliesTo: ['teacher', 'governor'],
      links: '',
      body: `# ${title}\n\nText.`,
    });
    await service.saveDraft(actors.head, created.id, '1', { body: `# ${title}\n\nText.`, changeSummary: 'First version' });
    await service.sendForApproval(actors.head, created.id, {
      approvingBody: 'Governing body',
      meetingDate: { day: '1', month: '9', year: '2026' },
      minuteRef: '',
      signatories: [actors.head.staffId, actors.chair.staffId],
    });
    await service.sign(actors.head, created.id, '1', actors.head.name, approvedAt);
    expect(await service.sign(actors.chair, created.id, '1', actors.chair.name, approvedAt)).toEqual({ approved: true });
    return created.id;
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    school = await makeSchool(database.db, { name: 'Trent CE Primary' });
    service = createPoliciesService({ schools: database.schools, baseUrl: 'https://esafety.example', onMail: () => {} });
    await actorFor(['headteacher'], 'head');
    await actorFor(['governor'], 'chair');
    await actorFor(['teacher'], 'teacher');
  });
  afterAll(() => database.close());

  it('imports all four seed policies cleanly, each a draft with its original file, saying only what each says', async () => {
    const results = [];
    for (const name of ['000_900ebe4bba8b35d7', '001_39f3c72a91680229', '003_efa9659321415c13', '004_153aa0418b67876c']) {
      results.push(importJson(await importPolicyFile({ schools: database.schools, baseUrl: '', onMail: () => {} }, school.id, cli, `${name}.txt`, seed(name))));
    }
    expect(results.map(({ id: _id, ...rest }) => ({ ...rest, signatories: rest.signatories.length }))).toEqual([
      { title: 'Social Media Policy', approvedOn: null, lastReviewed: 'April 2017', nextReviewDue: null, signatories: 1, sections: 4 },
      {
        title: 'Social Media Policy — Low Ash Primary School',
        approvedOn: '2021-10-20',
        lastReviewed: '2021-10-21',
        nextReviewDue: 'Autumn 2022',
        signatories: 3,
        sections: 12,
      },
      {
        title: 'Use of Social Media & Networking Policy',
        approvedOn: null,
        lastReviewed: 'Autumn 2015',
        nextReviewDue: 'Autumn 2018',
        signatories: 0,
        sections: 5,
      },
      { title: 'Social Media Policy', approvedOn: null, lastReviewed: null, nextReviewDue: null, signatories: 2, sections: 11 },
    ]);
    const rows = await withSchool(database.db, school.id, (tx) =>
      tx
        .selectFrom('policies as p')
        .innerJoin('policy_versions as v', 'v.policy_id', 'p.id')
        .select(['p.slug', 'p.status', 'v.number', 'v.status as version_status', 'v.original_name', sql<number>`length(v.original_file)`.as('bytes')])
        .orderBy('p.created_at')
        .execute(),
    );
    expect(rows.map((r) => r.slug)).toEqual(['social-media-policy', 'social-media-policy-2', 'use-of-social-media-networking-policy', 'social-media-policy-3']);
    expect(rows.every((r) => r.status === 'draft' && r.version_status === 'draft' && r.number === 1 && r.bytes > 1000)).toBe(true);
    const links = await withSchool(database.db, school.id, (tx) => tx.selectFrom('policy_links').select('linked_title').orderBy('linked_title').execute());
    expect(links.map((l) => l.linked_title)).toEqual(['Anti-Bullying', 'Staff Code of Conduct', 'Use of Mobile Phones', 'Use of Photographs']);
  });

  it('locks an approved version: the database itself refuses to change or delete it', async () => {
    const id = await approvedPolicy('Acceptable Use Policy', new Date('2026-09-10T10:00:00Z'));
    const change = withSchool(database.db, school.id, (tx) =>
      tx.updateTable('policy_versions').set({ body_markdown: 'rewritten' }).where('policy_id', '=', id).execute(),
    );
    await expect(change).rejects.toThrow(/approved and cannot be changed/);
    const remove = withSchool(database.db, school.id, (tx) => tx.deleteFrom('policy_versions').where('policy_id', '=', id).execute());
    await expect(remove).rejects.toThrow(/approved and cannot be changed/);
    const signatures = withSchool(database.db, school.id, (tx) => tx.deleteFrom('policy_signatures').execute());
    await expect(signatures).rejects.toThrow();
    const version = await withSchool(database.db, school.id, (tx) =>
      tx.selectFrom('policy_versions').selectAll().where('policy_id', '=', id).executeTakeFirstOrThrow(),
    );
    expect(version).toMatchObject({
      status: 'approved',
      approved_on: '2026-09-10',
      last_reviewed: '2026-09-10',
      next_review_due: '2027-09-10',
      next_review_term: 'Autumn 2027',
    });
  });

  it('reminds the owner once, six weeks before the review, across a simulated year; then shows it overdue', async () => {
    const id = await approvedPolicy('Mobile Phones Policy', new Date('2026-10-01T09:00:00Z'));
    const remindersFor = async () =>
      database.db
        .selectFrom('outbox')
        .select(['to_address', 'body_text', 'created_at'])
        .where('subject', '=', 'A school policy is due for review')
        .where('body_text', 'like', `%${id}%`)
        .execute();
    // Every morning for a year and a bit: the review is due 1 October 2027, six weeks before is 20 August 2027.
    let firstDay: string | null = null;
    for (let day = new Date('2026-10-02T06:00:00Z'); day < new Date('2027-11-01T00:00:00Z'); day = new Date(day.getTime() + 86_400_000)) {
      await sendReviewReminders(database.schools, 'https://esafety.example', day);
      if (!firstDay && (await remindersFor()).length) firstDay = day.toISOString().slice(0, 10);
    }
    expect(firstDay).toBe('2027-08-20');
    const sent = await remindersFor();
    expect(sent).toHaveLength(1);
    expect(sent[0].to_address).toBe(actors.head.email);
    expect(sent[0].body_text).toContain(`https://esafety.example/policies/${id}`);
    const before = await service.dashboard(actors.head, new Date('2027-10-01T12:00:00Z'));
    expect(before!.overdue.map((p) => p.title)).not.toContain('Mobile Phones Policy');
    const after = await service.dashboard(actors.head, new Date('2027-10-02T12:00:00Z'));
    expect(after!.overdue.map((p) => p.title)).toContain('Mobile Phones Policy');
    const teacherView = await service.dashboard(actors.teacher, new Date('2027-10-02T12:00:00Z'));
    expect(teacherView!.overdue).toEqual([]);
  });

  it('tracks who has read each version; a new starter meets the outstanding ones; staff it does not apply to are not asked', async () => {
    const id = await approvedPolicy('Staff Code of Conduct', new Date('2026-11-01T09:00:00Z'));
    expect((await service.outstanding(actors.teacher)).map((p) => p.title)).toContain('Staff Code of Conduct');
    expect(await service.acknowledge(actors.teacher, id, '1')).toBe(true);
    expect(await service.acknowledge(actors.teacher, id, '1')).toBe(false);
    expect((await service.outstanding(actors.teacher)).map((p) => p.title)).not.toContain('Staff Code of Conduct');
    const starter = await actorFor(['teacher'], 'starter');
    expect((await service.outstanding(starter)).map((p) => p.title)).toEqual(expect.arrayContaining(['Staff Code of Conduct', 'Acceptable Use Policy']));
    const office = await actorFor(['office'], 'office');
    expect(await service.outstanding(office)).toEqual([]);
    await expect(service.acknowledge(office, id, '1')).rejects.toThrow('Page not found');
    const { people } = await service.completion(actors.head, id);
    expect(people.filter((p) => p.acknowledgedAt).map((p) => p.id)).toEqual([actors.teacher.staffId]);
    expect(people.map((p) => p.id)).toEqual(expect.arrayContaining([actors.chair.staffId, starter.staffId]));
    expect(people.map((p) => p.id)).not.toContain(office.staffId);
  });

  it('keeps the history: a new version starts from the approved text, and the old one stays as it was', async () => {
    const id = await approvedPolicy('Complaints Policy', new Date('2026-11-02T09:00:00Z'));
    expect(await service.startNewVersion(actors.head, id)).toBe(2);
    expect(await service.startNewVersion(actors.head, id)).toBe(2);
    await service.saveDraft(actors.head, id, '2', { body: '# Complaints Policy\n\nNew text.', changeSummary: 'Updated and reviewed' });
    const { versions, current } = await service.policy(actors.head, id);
    expect(versions.map((v) => [v.number, v.status, v.change_summary])).toEqual([
      [2, 'draft', 'Updated and reviewed'],
      [1, 'approved', 'First version'],
    ]);
    expect(current?.number).toBe(1);
    expect((await service.version(actors.head, id, '1')).version.body_markdown).toBe('# Complaints Policy\n\nText.');
    await expect(service.version(actors.teacher, id, '2')).rejects.toThrow('Page not found');
  });

  it('takes a version back from approval: its signature stays with it, it is locked, and the text goes on in a new draft', async () => {
    const { id } = await service.create(actors.head, {
      title: 'Data Protection Policy',
      kind: 'data-protection',
      ownerId: '',
      intervalMonths: '24',
      appliesTo: ['teacher'],
      links: '',
      body: 'Text v1',
    });
    await service.sendForApproval(actors.head, id, {
      approvingBody: 'Resources committee',
      meetingDate: { day: '2', month: '12', year: '2026' },
      minuteRef: 'RC/4',
      signatories: [actors.head.staffId, actors.chair.staffId],
    });
    await service.sign(actors.head, id, '1', actors.head.name);
    expect(await service.withdraw(actors.head, id, '1')).toBe(2);
    await expect(service.sign(actors.chair, id, '1', actors.chair.name)).rejects.toThrow('Page not found');
    await expect(service.saveDraft(actors.head, id, '1', { body: 'x', changeSummary: 'y' })).rejects.toThrow(/withdrawn from approval/);
    const { versions, policy } = await service.policy(actors.head, id);
    expect(versions.map((v) => [v.number, v.status])).toEqual([
      [2, 'draft'],
      [1, 'withdrawn'],
    ]);
    expect(policy.status).toBe('draft');
    expect((await service.version(actors.head, id, '2')).version.body_markdown).toBe('Text v1');
    expect((await service.version(actors.head, id, '1')).signatures.map((s) => s.role_title)).toEqual(['Headteacher']);
  });

  it('offers as signatories the active staff who may sign, and reminds the active headteachers of a policy without an owner', async () => {
    const coHead = await actorFor(['headteacher'], 'coHead');
    const leaver = await actorFor(['headteacher', 'governor'], 'leaver');
    await database.db.updateTable('staff').set({ active: false }).where('id', '=', leaver.staffId).execute();
    const { id } = await service.create(actors.head, {
      title: 'Remote Learning Policy',
      kind: 'other',
      ownerId: '',
      intervalMonths: '12',
      appliesTo: ['teacher'],
      links: '',
      body: 'Text',
    });
    const { signers } = await service.approvalChoices(actors.head, id);
    expect(signers.map((s) => s.id).sort()).toEqual([actors.head.staffId, actors.chair.staffId, coHead.staffId].sort());
    await service.sendForApproval(actors.head, id, {
      approvingBody: 'Governing body',
      meetingDate: { day: '1', month: '12', year: '2026' },
      minuteRef: '',
      signatories: [actors.head.staffId, actors.chair.staffId],
    });
    await service.sign(actors.head, id, '1', actors.head.name, new Date('2026-12-05T09:00:00Z'));
    await service.sign(actors.chair, id, '1', actors.chair.name, new Date('2026-12-05T09:00:00Z'));
    await sendReviewReminders(database.schools, 'https://esafety.example', new Date('2027-11-20T06:00:00Z'));
    const sent = await database.db
      .selectFrom('outbox')
      .select('to_address')
      .where('subject', '=', 'A school policy is due for review')
      .where('body_text', 'like', `%${id}%`)
      .execute();
    expect(sent.map((m) => m.to_address).sort()).toEqual([actors.head.email, coHead.email].sort());
  });

  it('keeps each school’s policies to itself', async () => {
    const other = await makeSchool(database.db, { name: 'Wendover CE Junior' });
    const visible = await withSchool(database.db, other.id, (tx) => tx.selectFrom('policies').select('id').execute());
    expect(visible).toEqual([]);
    await expect(service.publishedPolicies(other.urn)).resolves.toMatchObject({ policies: [] });
  });
});
