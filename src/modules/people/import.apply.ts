/**
 * The import's writer: applies a checked roster to one school's tables inside the caller's
 * transaction. It is repository-like — its SQL (batched inserts and one UPDATE … FROM VALUES per
 * batch) stays here rather than in people.repository.ts, because the batching is the import's
 * own logic. Its steps for staff (import.staff.ts) and class teachers (import.class-teachers.ts)
 * are part of the same writer.
 */
import { sql, type Insertable } from 'kysely';
import type { PupilTable } from '../../platform/db/schema.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import type { RosterPackage, RosterUser } from './oneroster/oneroster.model.ts';
import { applyClassTeachers } from './import.class-teachers.ts';
import { chunk, type Counts, type ImportOutcome } from './import.outcome.ts';
import { applyStaff } from './import.staff.ts';
import { personName } from './names.ts';

export type { Counts, EmailChangeHeld, ImportOutcome, ImportSummary } from './import.outcome.ts';

interface PupilUpdate {
  id: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  dateOfBirth: string | null;
  classId: string | null;
}

/** One UPDATE … FROM (VALUES …) for many pupils, instead of one statement each. */
async function updatePupils(tx: SchoolTx, batch: PupilUpdate[]): Promise<void> {
  const rows = batch.map(
    (u) => sql`(${u.id}::uuid, ${u.givenName}::text, ${u.familyName}::text, ${u.preferredName}::text, ${u.dateOfBirth}::date, ${u.classId}::uuid)`,
  );
  await sql`UPDATE pupils AS p SET given_name = v.given_name, family_name = v.family_name, preferred_name = v.preferred_name,
      date_of_birth = v.date_of_birth, class_id = v.class_id, on_roll = true, leaving_date = NULL, updated_at = now()
    FROM (VALUES ${sql.join(rows)}) AS v(id, given_name, family_name, preferred_name, date_of_birth, class_id)
    WHERE p.id = v.id`.execute(tx);
}

interface LinkRow {
  pupil_id: string;
  carer_id: string;
  relationship: string;
  parental_responsibility: boolean;
  priority: number | null;
  court_order: boolean;
}

const zero = (): Counts => ({ created: 0, updated: 0, left: 0 });
const today = () => new Date().toISOString().slice(0, 10);
// Parents and guardians have parental responsibility; other relatives usually do not.
const hasParentalResponsibility = (relationship: string) => relationship !== 'relative';

/**
 * Applies a checked OneRoster package to one school, keyed by sourcedId: creates, updates in
 * place, moves pupils between classes, and marks leavers — never deletes. Runs inside the
 * caller's transaction, so a refusal or a preview leaves nothing written.
 */
export async function applyRoster(tx: SchoolTx, schoolId: string, roster: RosterPackage): Promise<ImportOutcome> {
  const outcome: ImportOutcome = {
    summary: { pupils: zero(), carers: zero(), staff: zero(), classes: zero() },
    leavers: [],
    moves: [],
    emailChangesHeld: [],
    problems: [],
  };
  const bulk = roster.mode === 'bulk';
  const live = (u: RosterUser) => !u.toBeDeleted;

  // --- classes ---
  const classIds = new Map<string, string>();
  const classTitles = new Map<string, string>();
  const existingClasses = await tx.selectFrom('classes').select(['id', 'sourced_id', 'title', 'year_group', 'active']).execute();
  for (const c of existingClasses) classTitles.set(c.id, c.title);
  const classBySourced = new Map(existingClasses.filter((c) => c.sourced_id).map((c) => [c.sourced_id!, c]));
  const seenClasses = new Set<string>();
  for (const c of roster.classes) {
    seenClasses.add(c.sourcedId);
    const existing = classBySourced.get(c.sourcedId);
    if (c.toBeDeleted) {
      if (existing?.active) {
        await tx.updateTable('classes').set({ active: false, updated_at: new Date() }).where('id', '=', existing.id).execute();
        outcome.summary.classes.left++;
      }
      continue;
    }
    if (!existing) {
      const row = await tx
        .insertInto('classes')
        .values({ school_id: schoolId, sourced_id: c.sourcedId, title: c.title, year_group: c.yearGroup })
        .returning('id')
        .executeTakeFirstOrThrow();
      classIds.set(c.sourcedId, row.id);
      classTitles.set(row.id, c.title);
      outcome.summary.classes.created++;
    } else {
      classIds.set(c.sourcedId, existing.id);
      classTitles.set(existing.id, c.title);
      if (existing.title !== c.title || existing.year_group !== c.yearGroup || !existing.active) {
        await tx
          .updateTable('classes')
          .set({ title: c.title, year_group: c.yearGroup, active: true, updated_at: new Date() })
          .where('id', '=', existing.id)
          .execute();
        outcome.summary.classes.updated++;
      }
    }
  }
  for (const c of existingClasses) if (c.sourced_id && !classIds.has(c.sourced_id)) classIds.set(c.sourced_id, c.id);
  if (bulk && roster.classes.length > 0) {
    const gone = existingClasses.filter((c) => c.sourced_id && c.active && !seenClasses.has(c.sourced_id));
    for (const c of gone) await tx.updateTable('classes').set({ active: false, updated_at: new Date() }).where('id', '=', c.id).execute();
    outcome.summary.classes.left += gone.length;
  }

  // A pupil's class is their first live student enrolment; the earliest start of one is when they joined.
  const classOfPupil = new Map<string, string>();
  const joinedOn = new Map<string, string>();
  for (const e of roster.enrollments) {
    if (e.toBeDeleted || e.role !== 'student') continue;
    const earlier = joinedOn.get(e.userSourcedId);
    if (e.beginDate && (!earlier || e.beginDate < earlier)) joinedOn.set(e.userSourcedId, e.beginDate);
    if (classOfPupil.has(e.userSourcedId)) continue;
    const id = classIds.get(e.classSourcedId);
    if (id) classOfPupil.set(e.userSourcedId, id);
  }
  const hasEnrollments = roster.enrollments.length > 0;

  // --- pupils ---
  const pupilsIn = roster.users.filter((u) => u.kind === 'pupil');
  const existingPupils = await tx
    .selectFrom('pupils')
    .select(['id', 'sourced_id', 'given_name', 'family_name', 'preferred_name', 'date_of_birth', 'class_id', 'on_roll'])
    .execute();
  const pupilBySourced = new Map(existingPupils.filter((p) => p.sourced_id).map((p) => [p.sourced_id!, p]));
  const pupilIds = new Map<string, string>();
  // The first import brings the whole school, not new admissions: without a start date from the
  // export, their admission date is unknown. Pupils first seen by a later import joined about now.
  const firstImport = !existingPupils.some((p) => p.sourced_id);
  const newPupils: { sourced: string; values: Insertable<PupilTable> }[] = [];
  // Changes are gathered and written in batches: each September every pupil moves class.
  const leaverIds = new Set<string>();
  const pupilUpdates: PupilUpdate[] = [];
  const leave = async (p: (typeof existingPupils)[number]) => {
    if (!p.on_roll || leaverIds.has(p.id)) return;
    leaverIds.add(p.id);
    outcome.summary.pupils.left++;
    outcome.leavers.push(personName(p));
  };
  for (const u of pupilsIn) {
    const existing = pupilBySourced.get(u.sourcedId);
    if (!live(u)) {
      if (existing) await leave(existing);
      continue;
    }
    const dateOfBirth = roster.birthDates.get(u.sourcedId) ?? existing?.date_of_birth ?? null;
    const classId = classOfPupil.get(u.sourcedId) ?? (hasEnrollments && bulk ? null : (existing?.class_id ?? null));
    if (!existing) {
      newPupils.push({
        sourced: u.sourcedId,
        values: {
          school_id: schoolId,
          sourced_id: u.sourcedId,
          given_name: u.givenName,
          family_name: u.familyName,
          preferred_name: u.preferredName,
          date_of_birth: dateOfBirth,
          class_id: classId,
          admission_date: joinedOn.get(u.sourcedId) ?? (firstImport ? null : today()),
        },
      });
      continue;
    }
    pupilIds.set(u.sourcedId, existing.id);
    const changed =
      existing.given_name !== u.givenName ||
      existing.family_name !== u.familyName ||
      existing.preferred_name !== u.preferredName ||
      existing.date_of_birth !== dateOfBirth ||
      existing.class_id !== classId ||
      !existing.on_roll;
    if (!changed) continue;
    if (existing.class_id !== classId && existing.on_roll) {
      outcome.moves.push({
        name: `${u.givenName} ${u.familyName}`,
        from: existing.class_id ? (classTitles.get(existing.class_id) ?? null) : null,
        to: classId ? (classTitles.get(classId) ?? null) : null,
      });
    }
    pupilUpdates.push({ id: existing.id, givenName: u.givenName, familyName: u.familyName, preferredName: u.preferredName, dateOfBirth, classId });
    outcome.summary.pupils.updated++;
  }
  for (const batch of chunk(pupilUpdates)) await updatePupils(tx, batch);
  for (const batch of chunk(newPupils)) {
    const rows = await tx
      .insertInto('pupils')
      .values(batch.map((b) => b.values))
      .returning(['id', 'sourced_id'])
      .execute();
    for (const r of rows) pupilIds.set(r.sourced_id!, r.id);
  }
  outcome.summary.pupils.created += newPupils.length;
  if (bulk) {
    const present = new Set(pupilsIn.map((u) => u.sourcedId));
    for (const p of existingPupils) if (p.sourced_id && !present.has(p.sourced_id)) await leave(p);
  }
  for (const batch of chunk([...leaverIds])) {
    await tx.updateTable('pupils').set({ on_roll: false, leaving_date: today(), updated_at: new Date() }).where('id', 'in', batch).execute();
  }

  // --- carers ---
  const carersIn = roster.users.filter((u) => u.kind === 'carer');
  const existingCarers = await tx.selectFrom('carers').select(['id', 'sourced_id', 'given_name', 'family_name', 'email', 'phone', 'active']).execute();
  const carerBySourced = new Map(existingCarers.filter((k) => k.sourced_id).map((k) => [k.sourced_id!, k]));
  const carerIds = new Map<string, string>();
  const deactivateCarer = async (k: (typeof existingCarers)[number]) => {
    if (!k.active) return;
    await tx.updateTable('carers').set({ active: false, updated_at: new Date() }).where('id', '=', k.id).execute();
    await tx.deleteFrom('pupil_carers').where('carer_id', '=', k.id).execute();
    outcome.summary.carers.left++;
  };
  const newCarers: { school_id: string; sourced_id: string; given_name: string; family_name: string; email: string | null; phone: string | null }[] = [];
  for (const u of carersIn) {
    const existing = carerBySourced.get(u.sourcedId);
    if (!live(u)) {
      if (existing) await deactivateCarer(existing);
      continue;
    }
    if (!existing) {
      newCarers.push({ school_id: schoolId, sourced_id: u.sourcedId, given_name: u.givenName, family_name: u.familyName, email: u.email, phone: u.phone });
      continue;
    }
    carerIds.set(u.sourcedId, existing.id);
    if (
      existing.given_name !== u.givenName ||
      existing.family_name !== u.familyName ||
      existing.email !== u.email ||
      existing.phone !== u.phone ||
      !existing.active
    ) {
      await tx
        .updateTable('carers')
        .set({ given_name: u.givenName, family_name: u.familyName, email: u.email, phone: u.phone, active: true, updated_at: new Date() })
        .where('id', '=', existing.id)
        .execute();
      outcome.summary.carers.updated++;
    }
  }
  for (const batch of chunk(newCarers)) {
    const rows = await tx.insertInto('carers').values(batch).returning(['id', 'sourced_id']).execute();
    for (const r of rows) carerIds.set(r.sourced_id!, r.id);
  }
  outcome.summary.carers.created += newCarers.length;
  if (bulk) {
    const present = new Set(carersIn.map((u) => u.sourcedId));
    for (const k of existingCarers) if (k.sourced_id && !present.has(k.sourced_id)) await deactivateCarer(k);
  }

  // --- links between pupils and carers (either side may list the other) ---
  const links = new Map<string, LinkRow>();
  const link = (pupilSourced: string, carerSourced: string, detail: Omit<LinkRow, 'pupil_id' | 'carer_id'>) => {
    const pupilId = pupilIds.get(pupilSourced);
    const carerId = carerIds.get(carerSourced);
    if (!pupilId || !carerId) return;
    links.set(`${pupilId}:${carerId}`, { pupil_id: pupilId, carer_id: carerId, ...detail });
  };
  if (roster.contactLinks) {
    // A plain CSV says per link who has parental responsibility, in what order, and any court order.
    for (const l of roster.contactLinks.values()) {
      link(l.pupilSourcedId, l.carerSourcedId, {
        relationship: l.relationship,
        parental_responsibility: l.parentalResponsibility,
        priority: l.priority,
        court_order: l.courtOrder,
      });
    }
  } else {
    const fromRole = (carerSourced: string) => {
      const relationship = roster.relationships.get(carerSourced) ?? 'parent';
      return { relationship, parental_responsibility: hasParentalResponsibility(relationship), priority: null, court_order: false };
    };
    for (const u of roster.users) {
      if (!live(u)) continue;
      if (u.kind === 'pupil') for (const agent of u.agentSourcedIds) link(u.sourcedId, agent, fromRole(agent));
      if (u.kind === 'carer') for (const agent of u.agentSourcedIds) link(agent, u.sourcedId, fromRole(u.sourcedId));
    }
  }
  const touchedPupils = [...new Set([...links.values()].map((l) => l.pupil_id))];
  const existingLinks = new Map<string, LinkRow>();
  for (const batch of chunk(bulk ? [...pupilIds.values()] : touchedPupils, 1000)) {
    if (batch.length === 0) continue;
    const rows = await tx
      .selectFrom('pupil_carers')
      .select(['pupil_id', 'carer_id', 'relationship', 'parental_responsibility', 'priority', 'court_order'])
      .where('pupil_id', 'in', batch)
      .execute();
    for (const l of rows) existingLinks.set(`${l.pupil_id}:${l.carer_id}`, l);
  }
  const toInsert = [...links.entries()].filter(([key]) => !existingLinks.has(key)).map(([, l]) => ({ ...l, school_id: schoolId }));
  for (const batch of chunk(toInsert)) await tx.insertInto('pupil_carers').values(batch).execute();
  for (const [key, l] of links) {
    const before = existingLinks.get(key);
    if (
      before !== undefined &&
      (before.relationship !== l.relationship ||
        before.parental_responsibility !== l.parental_responsibility ||
        before.priority !== l.priority ||
        before.court_order !== l.court_order)
    ) {
      await tx
        .updateTable('pupil_carers')
        .set({ relationship: l.relationship, parental_responsibility: l.parental_responsibility, priority: l.priority, court_order: l.court_order })
        .where('pupil_id', '=', l.pupil_id)
        .where('carer_id', '=', l.carer_id)
        .execute();
    }
  }
  if (bulk) {
    // A bulk file is the whole truth about the families of the pupils in it.
    for (const key of existingLinks.keys()) {
      if (links.has(key)) continue;
      const [pupilId, carerId] = key.split(':') as [string, string];
      await tx.deleteFrom('pupil_carers').where('pupil_id', '=', pupilId).where('carer_id', '=', carerId).execute();
    }
  }

  await applyStaff(tx, schoolId, roster, outcome);
  await applyClassTeachers(tx, schoolId, roster, classIds);
  return outcome;
}
