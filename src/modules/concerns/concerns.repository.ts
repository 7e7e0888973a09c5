import { byName } from '../people/names.ts';
import { sql, type Insertable } from 'kysely';
import type { OutsideRecipient } from '../settings/settings.schema.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import type { ConcernEntryTable, ConcernFamilyContactTable } from '../../platform/db/schema.ts';
import { staffHoldingRoles, staffRolesOf } from '../people/staff-roles.repository.ts';

/**
 * The only file of this module that speaks SQL. Every concern table is append-only (the database
 * refuses UPDATE and DELETE), so there are only inserts and selects here, and a test keeps it so.
 */

const fullName = (alias: string) => sql<string>`${sql.ref(`${alias}.given_name`)} || ' ' || ${sql.ref(`${alias}.family_name`)}`;

export function activeStaffWithRoles(tx: SchoolTx) {
  return tx
    .selectFrom('staff as s')
    .select(['s.id', 's.email', 's.line_manager_id', 's.given_name', 's.family_name'])
    .select(fullName('s').as('name'))
    .select(staffRolesOf.as('roles'))
    .where('s.active', '=', true)
    .orderBy('s.family_name')
    .orderBy('s.given_name')
    .execute()
    .then(byName);
}

/** Class teachers of these pupils: staff linked to the pupil's class who still hold the teacher role (and are active). */
export async function classTeachersOf(tx: SchoolTx, pupilIds: string[]): Promise<{ staffId: string; pupilName: string }[]> {
  if (pupilIds.length === 0) return [];
  const teachers = new Set((await staffHoldingRoles(tx, ['teacher'])).map((s) => s.id));
  const linked = await tx
    .selectFrom('pupils as p')
    .innerJoin('class_teachers as ct', 'ct.class_id', 'p.class_id')
    .select(['ct.staff_id as staffId'])
    .select(fullName('p').as('pupilName'))
    .where('p.id', 'in', pupilIds)
    .execute();
  return linked.filter((l) => teachers.has(l.staffId));
}

export async function setClassTeachers(tx: SchoolTx, schoolId: string, classId: string, staffIds: string[]): Promise<void> {
  await tx.deleteFrom('class_teachers').where('class_id', '=', classId).execute();
  if (staffIds.length)
    await tx
      .insertInto('class_teachers')
      .values(staffIds.map((staff_id) => ({ school_id: schoolId, class_id: classId, staff_id })))
      .execute();
}

export function pupilsForPicker(tx: SchoolTx) {
  return tx
    .selectFrom('pupils as p')
    .leftJoin('classes as c', 'c.id', 'p.class_id')
    .select(['p.id', 'p.on_roll', 'c.title as class_title', 'c.year_group'])
    .select(fullName('p').as('name'))
    .orderBy(sql`p.on_roll DESC`)
    .orderBy(sql`c.year_group NULLS LAST`)
    .orderBy('c.title')
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .execute();
}

export function carersForPicker(tx: SchoolTx) {
  return tx
    .selectFrom('carers as k')
    .select(['k.id', 'k.given_name', 'k.family_name'])
    .select(fullName('k').as('name'))
    .where('k.active', '=', true)
    .orderBy('k.family_name')
    .orderBy('k.given_name')
    .execute()
    .then(byName);
}

export async function existingIds(tx: SchoolTx, table: 'pupils' | 'staff' | 'carers', ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.selectFrom(table).select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export interface NewConcern {
  school_id: string;
  type: string;
  summary: string;
  details: string;
  occurred_at: Date;
  location: 'in-school' | 'out-of-school';
  out_of_hours: boolean;
  platform: string | null;
  involves_nude_images: boolean;
  restricted: boolean;
  reported_by: string | null;
}

export function insertConcern(tx: SchoolTx, concern: NewConcern) {
  return tx.insertInto('concerns').values(concern).returning(['id', 'reported_at']).executeTakeFirstOrThrow();
}

export interface NewPerson {
  kind: 'pupil' | 'staff' | 'carer' | 'other';
  pupil_id?: string;
  staff_id?: string;
  carer_id?: string;
  name?: string;
}

export async function insertPeople(tx: SchoolTx, schoolId: string, concernId: string, people: NewPerson[]): Promise<void> {
  if (people.length === 0) return;
  await tx
    .insertInto('concern_people')
    .values(
      people.map((p) => ({
        school_id: schoolId,
        concern_id: concernId,
        kind: p.kind,
        pupil_id: p.pupil_id ?? null,
        staff_id: p.staff_id ?? null,
        carer_id: p.carer_id ?? null,
        name: p.name ?? null,
      })),
    )
    .execute();
}

export async function insertRoutes(tx: SchoolTx, schoolId: string, concernId: string, routes: { staffId: string; reason: string }[]): Promise<void> {
  if (routes.length === 0) return;
  await tx
    .insertInto('concern_routes')
    .values(routes.map((r) => ({ school_id: schoolId, concern_id: concernId, staff_id: r.staffId, reason: r.reason })))
    .execute();
}

export async function insertEvidence(
  tx: SchoolTx,
  row: { school_id: string; concern_id: string; added_by: string | null; url?: string; file_name?: string; content_type?: string; content?: Buffer },
) {
  await tx
    .insertInto('concern_evidence')
    .values({ ...row, size_bytes: row.content ? row.content.length : null })
    .execute();
}

export async function markRead(tx: SchoolTx, schoolId: string, concernId: string, staffId: string): Promise<void> {
  await tx
    .insertInto('concern_reads')
    .values({ school_id: schoolId, concern_id: concernId, staff_id: staffId })
    .onConflict((oc) => oc.columns(['concern_id', 'staff_id']).doNothing())
    .execute();
}

export interface NewEntry {
  school_id: string;
  concern_id: string;
  kind: ConcernEntryTable['kind'];
  action_key: string | null;
  field: 'summary' | 'details' | null;
  note: string;
  reason: string | null;
  due_at: Date | null;
  refers_to: string | null;
  grounds?: string[] | null;
  acts: boolean | null;
  /** Issue 19: a 'told' entry's recipient, the person told, when and how. */
  told?: OutsideRecipient | null;
  told_who?: string | null;
  told_at?: Date | null;
  told_how?: string | null;
  created_by: string;
}

export function insertEntry(tx: SchoolTx, entry: NewEntry) {
  return tx
    .insertInto('concern_entries')
    .values({ ...entry, grounds: entry.grounds ? JSON.stringify(entry.grounds) : null })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
}

const concernColumns = [
  'c.id',
  'c.type',
  'c.summary',
  'c.details',
  'c.occurred_at',
  'c.location',
  'c.out_of_hours',
  'c.platform',
  'c.involves_nude_images',
  'c.restricted',
  'c.reported_by',
  'c.reported_at',
] as const;

/** Concerns with who reported them and who they were routed to; all of them, or some. */
/** Issue 19: open concerns of these types, for the deadline reminders. */
export function openConcernsOfTypes(tx: SchoolTx, types: string[]) {
  if (types.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('concerns as c')
    .select(['c.id', 'c.type', 'c.reported_at'])
    .select(sql<string[]>`coalesce((SELECT array_agg(r.staff_id::text) FROM concern_routes r WHERE r.concern_id = c.id), '{}')`.as('routed_to'))
    .where('c.type', 'in', types)
    .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM concern_entries e WHERE e.concern_id = c.id AND e.kind = 'closed')`)
    .execute();
}

export function concernsWithRoutes(tx: SchoolTx, ids?: string[]) {
  let query = tx
    .selectFrom('concerns as c')
    .leftJoin('staff as s', 's.id', 'c.reported_by')
    .select(concernColumns)
    .select(sql<string>`coalesce(s.given_name || ' ' || s.family_name, 'A family, through the school’s contact form')`.as('reporter_name'))
    .select(sql<string[]>`coalesce((SELECT array_agg(r.staff_id::text) FROM concern_routes r WHERE r.concern_id = c.id), '{}')`.as('routed_to'))
    .select(sql<boolean>`EXISTS (SELECT 1 FROM concern_entries e WHERE e.concern_id = c.id AND e.kind = 'closed')`.as('closed'))
    .orderBy('c.reported_at', 'desc');
  if (ids) {
    if (ids.length === 0) return Promise.resolve([]);
    query = query.where('c.id', 'in', ids);
  }
  return query.execute();
}
export type ConcernRow = Awaited<ReturnType<typeof concernsWithRoutes>>[number];

export function peopleOf(tx: SchoolTx, concernIds: string[]) {
  if (concernIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('concern_people as cp')
    .leftJoin('pupils as p', 'p.id', 'cp.pupil_id')
    .leftJoin('staff as s', 's.id', 'cp.staff_id')
    .leftJoin('carers as k', 'k.id', 'cp.carer_id')
    .select(['cp.concern_id', 'cp.kind', 'cp.pupil_id', 'cp.staff_id', 'cp.carer_id', 'p.on_roll'])
    .select(
      sql<string>`coalesce(p.given_name || ' ' || p.family_name, s.given_name || ' ' || s.family_name, k.given_name || ' ' || k.family_name, cp.name)`.as(
        'name',
      ),
    )
    .where('cp.concern_id', 'in', concernIds)
    .orderBy('cp.id')
    .execute();
}

/** Concerns that involve a person (a pupil, member of staff or carer), or an outsider by name. */
export async function concernIdsInvolving(
  tx: SchoolTx,
  who: { kind: 'pupil' | 'staff' | 'carer'; id: string } | { kind: 'other'; name: string },
): Promise<string[]> {
  const query = tx.selectFrom('concern_people').select('concern_id').distinct();
  const rows =
    who.kind === 'other'
      ? await query
          .where('kind', '=', 'other')
          .where(sql<boolean>`lower(trim(name)) = ${who.name.trim().toLowerCase()}`)
          .execute()
      : await query.where(who.kind === 'pupil' ? 'pupil_id' : who.kind === 'staff' ? 'staff_id' : 'carer_id', '=', who.id).execute();
  return rows.map((r) => r.concern_id);
}

export function evidenceOf(tx: SchoolTx, concernId: string) {
  return tx
    .selectFrom('concern_evidence as e')
    .leftJoin('staff as s', 's.id', 'e.added_by')
    .select(['e.id', 'e.url', 'e.file_name', 'e.content_type', 'e.size_bytes', 'e.added_by', 'e.added_at'])
    .select(sql<string>`coalesce(s.given_name || ' ' || s.family_name, 'The family')`.as('added_by_name'))
    .where('e.concern_id', '=', concernId)
    .orderBy('e.added_at')
    .execute();
}

export function evidenceFile(tx: SchoolTx, concernId: string, evidenceId: string) {
  return tx
    .selectFrom('concern_evidence')
    .select(['file_name', 'content_type', 'content', 'added_by'])
    .where('concern_id', '=', concernId)
    .where('id', '=', evidenceId)
    .where('content', 'is not', null)
    .executeTakeFirst();
}

export function routesOf(tx: SchoolTx, concernId: string) {
  return tx
    .selectFrom('concern_routes as r')
    .innerJoin('staff as s', 's.id', 'r.staff_id')
    .leftJoin('concern_reads as d', (j) => j.onRef('d.concern_id', '=', 'r.concern_id').onRef('d.staff_id', '=', 'r.staff_id'))
    .select(['r.staff_id', 'r.reason', 'r.routed_at', 'd.read_at'])
    .select(fullName('s').as('name'))
    .where('r.concern_id', '=', concernId)
    .orderBy('r.routed_at')
    .orderBy('s.family_name')
    .execute();
}

/** Concerns routed to this person that they have not marked as read. */
export async function unreadFor(tx: SchoolTx, staffId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('concern_routes as r')
    .leftJoin('concern_reads as d', (j) => j.onRef('d.concern_id', '=', 'r.concern_id').onRef('d.staff_id', '=', 'r.staff_id'))
    .select('r.concern_id')
    .where('r.staff_id', '=', staffId)
    .where('d.read_at', 'is', null)
    .execute();
  return rows.map((r) => r.concern_id);
}

export function entriesOf(tx: SchoolTx, concernIds: string[]) {
  if (concernIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('concern_entries as e')
    .innerJoin('staff as s', 's.id', 'e.created_by')
    .select([
      'e.id',
      'e.concern_id',
      'e.kind',
      'e.action_key',
      'e.field',
      'e.note',
      'e.reason',
      'e.due_at',
      'e.refers_to',
      'e.grounds',
      'e.acts',
      'e.told',
      'e.told_who',
      'e.told_at',
      'e.told_how',
      'e.created_by',
      'e.created_at',
    ])
    .select(fullName('s').as('author'))
    .where('e.concern_id', 'in', concernIds)
    .orderBy('e.created_at')
    .orderBy('e.id')
    .execute();
}
export type EntryRow = Awaited<ReturnType<typeof entriesOf>>[number];

export function staffContacts(tx: SchoolTx, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return tx.selectFrom('staff').select(['id', 'email']).where('id', 'in', ids).where('active', '=', true).where('email', 'is not', null).execute();
}

export function pupilName(tx: SchoolTx, id: string) {
  return tx.selectFrom('pupils as p').select(['p.id', 'p.on_roll']).select(fullName('p').as('name')).where('p.id', '=', id).executeTakeFirst();
}

export function personName(tx: SchoolTx, kind: 'staff' | 'carer', id: string) {
  return kind === 'staff'
    ? tx.selectFrom('staff as x').select(['x.id']).select(fullName('x').as('name')).where('x.id', '=', id).executeTakeFirst()
    : tx.selectFrom('carers as x').select(['x.id']).select(fullName('x').as('name')).where('x.id', '=', id).executeTakeFirst();
}

/** INC-7: who viewed a restricted record, from the audit log (newest first). */
export function viewsOf(tx: SchoolTx, concernId: string) {
  return tx
    .selectFrom('audit_log')
    .select(['actor_label', 'at'])
    .where('subject_type', '=', 'concern')
    .where('subject_id', '=', concernId)
    .where('action', '=', 'concern.viewed')
    .orderBy('id', 'desc')
    .limit(100)
    .execute();
}

/** How to reach the family who raised a concern through the contact form, and what they were told (none for staff reports). */
export function familyContactOf(tx: SchoolTx, concernId: string) {
  return tx
    .selectFrom('concern_family_contacts')
    .select(['reference', 'name', 'email', 'phone', 'relationship', 'told', 'created_at'])
    .where('concern_id', '=', concernId)
    .executeTakeFirst();
}

export async function familyReferenceTaken(tx: SchoolTx, reference: string): Promise<boolean> {
  return Boolean(await tx.selectFrom('concern_family_contacts').select('reference').where('reference', '=', reference).executeTakeFirst());
}

export function insertFamilyContact(tx: SchoolTx, row: Insertable<ConcernFamilyContactTable>) {
  return tx.insertInto('concern_family_contacts').values(row).execute();
}

export async function schoolName(tx: SchoolTx): Promise<string> {
  return (await tx.selectFrom('schools').select('name').executeTakeFirstOrThrow()).name;
}

/** Issue 19: which of these concerns have had their deadline reminder sent. */
export async function remindedAmong(tx: SchoolTx, concernIds: string[]): Promise<Set<string>> {
  if (concernIds.length === 0) return new Set();
  const rows = await tx.selectFrom('concern_deadline_reminders').select('concern_id').where('concern_id', 'in', concernIds).execute();
  return new Set(rows.map((r) => r.concern_id));
}

export async function recordReminder(tx: SchoolTx, schoolId: string, concernId: string): Promise<void> {
  await tx.insertInto('concern_deadline_reminders').values({ school_id: schoolId, concern_id: concernId }).execute();
}
