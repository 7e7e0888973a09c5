import { sql, type Compilable, type Kysely, type QueryCreator } from 'kysely';
import { recentAttempts, recordAttempt } from '../auth/auth.repository.ts';
import { compiledOnce, runCompiledOnce } from './compiled-once.ts';
import { statementBuilder, type EmbeddedReader } from './read-in-school.ts';
import type { DB } from './schema.ts';
import { withSchool as inSchoolTransaction, withSchoolForRetention, type SchoolTx } from './school-scope.ts';

declare const scoped: unique symbol;

/**
 * The database as a module holds it. It has no query methods: the only way in is a transaction
 * scoped to one school (`withSchool`), in which row-level security hides every other school. The
 * few questions that must look across schools (which school a URN or a secret link belongs to,
 * the list of schools for a nightly job) are the named functions below, in the platform.
 */
export interface SchoolDatabase {
  readonly [scoped]: true;
}

const unscopedOf = new WeakMap<SchoolDatabase, { db: Kysely<DB>; reader: EmbeddedReader | null }>();

/** The handle for a database; `reader` reads one statement in one exchange on the embedded database (read-in-school.ts). */
export function schoolDatabase(db: Kysely<DB>, reader: EmbeddedReader | null = null): SchoolDatabase {
  const handle = Object.freeze({}) as SchoolDatabase;
  unscopedOf.set(handle, { db, reader });
  return handle;
}

function opened(handle: SchoolDatabase) {
  const found = unscopedOf.get(handle);
  if (!found) throw new Error('Not a school database handle');
  return found;
}

const unscoped = (handle: SchoolDatabase): Kysely<DB> => opened(handle).db;

/** Runs `work` in one school's transaction, as the unprivileged role with that school set. */
export function withSchool<T>(handle: SchoolDatabase, schoolId: string, work: (tx: SchoolTx) => Promise<T>): Promise<T> {
  return inSchoolTransaction(unscoped(handle), schoolId, work);
}

/**
 * A busy page's one question, when it is the whole of what the page reads: a plain SELECT built and
 * compiled once per `key` (compiled-once.ts: `key` names everything that shapes it besides `values`),
 * read in a transaction of its own in the school, as `withSchool` would. On the embedded database it
 * goes as one exchange that does not hold the connection while it runs (read-in-school.ts); on
 * PostgreSQL, as a school's transaction of one statement. `build` gets a builder that cannot run
 * anything, only build.
 */
export function readInSchool<Values extends Record<string, string>, Row>(
  handle: SchoolDatabase,
  schoolId: string,
  key: string,
  values: Values,
  build: (values: Values, q: QueryCreator<DB>) => Compilable<Row>,
): Promise<Row[]> {
  const { db, reader } = opened(handle);
  if (!reader) return inSchoolTransaction(db, schoolId, async (tx) => (await runCompiledOnce(tx, key, values, (v) => build(v, tx))).rows);
  const { sql: text, parameters } = compiledOnce(key, values, (v) => build(v, statementBuilder));
  return reader.read<Row>(schoolId, text, parameters);
}

export interface SchoolSummary {
  id: string;
  name: string;
  urn: string;
}

/** Every school, for the nightly jobs; each then works inside its own `withSchool`. */
export function listSchools(handle: SchoolDatabase): Promise<SchoolSummary[]> {
  return unscoped(handle).selectFrom('schools').select(['id', 'name', 'urn']).orderBy('name').execute();
}

/** The school with this URN (public pages are addressed by URN), or undefined. */
export function findSchoolByUrn(handle: SchoolDatabase, urn: string): Promise<SchoolSummary | undefined> {
  return unscoped(handle).selectFrom('schools').select(['id', 'name', 'urn']).where('urn', '=', urn.trim()).executeTakeFirst();
}

export async function countSchools(handle: SchoolDatabase): Promise<number> {
  const row = await unscoped(handle)
    .selectFrom('schools')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A new school; the caller then adds its first headteacher inside `withSchool`. */
export function insertSchool(handle: SchoolDatabase, input: { name: string; urn: string }): Promise<SchoolSummary> {
  return unscoped(handle).insertInto('schools').values({ name: input.name, urn: input.urn }).returning(['id', 'name', 'urn']).executeTakeFirstOrThrow();
}

/** Tables whose rows are found by a secret link's hash before anyone has signed in. */
type SecretTable = 'consent_links' | 'agreement_links';

/** Which school a secret link belongs to: the hash is looked up, then everything else happens in that school. */
export async function schoolOfSecret(handle: SchoolDatabase, table: SecretTable, tokenHash: string): Promise<string | undefined> {
  const row = await unscoped(handle).selectFrom(table).select('school_id').where('token_hash', '=', tokenHash).executeTakeFirst();
  return row?.school_id;
}

/**
 * Throttling before anyone has signed in or any school is known (a public secret link), counted in
 * the database so every instance sees the same attempts: counts this attempt under `key` and
 * answers true, or answers false and counts nothing once `max` were made in the last `windowMinutes`.
 */
export async function takeAttempt(handle: SchoolDatabase, key: string, limit: { max: number; windowMinutes: number }): Promise<boolean> {
  const db = unscoped(handle);
  if ((await recentAttempts(db, key, limit.windowMinutes)) >= limit.max) return false;
  await recordAttempt(db, [key]);
  return true;
}

/** The tables whose planner statistics a bulk change (an MIS import) can leave stale. */
const refreshable = ['pupils', 'carers', 'pupil_carers', 'staff', 'staff_roles', 'classes', 'class_teachers'] as const;
export type RefreshableTable = (typeof refreshable)[number];

/**
 * ANALYZE after a bulk change, by autovacuum's own rule (more than 50 rows plus a tenth of the
 * table changed, or a table never analysed): without statistics PostgreSQL plans a school's
 * queries as if its tables were empty (a sequential scan of every school's pupils) until
 * autovacuum gets round to them, which on a busy or misconfigured server can be hours; a small
 * change is not worth the ANALYZE. Runs as the owner, outside any school's transaction (ANALYZE
 * reads whole tables, and only the owner may run it). Returns the tables it analysed.
 */
export async function refreshStatistics(handle: SchoolDatabase, changed: Partial<Record<RefreshableTable, number>>): Promise<RefreshableTable[]> {
  const db = unscoped(handle);
  const tables = refreshable.filter((table) => (changed[table] ?? 0) > 0);
  if (tables.length === 0) return [];
  const { rows } = await sql<{ relname: string; reltuples: number }>`
    SELECT relname, reltuples FROM pg_class WHERE oid IN (${sql.join(tables.map((t) => sql`to_regclass(${t})`))})`.execute(db);
  const estimate = new Map(rows.map((r) => [r.relname, Number(r.reltuples)]));
  const stale = tables.filter((table) => {
    const tuples = estimate.get(table) ?? -1;
    return tuples < 0 || changed[table]! > 50 + 0.1 * tuples;
  });
  for (const table of stale) await sql`ANALYZE ${sql.table(table)}`.execute(db);
  return stale;
}

/**
 * Destroys leavers' photo consent answers (and the finished takedown tasks that point at them) when
 * the retention job has found them due by the school's settings. The database holds the line too:
 * only pupils who have left, and none a live publication still relies on (a published photograph of
 * them not taken down, or a takedown not yet done), whatever ids are passed. `record` writes the
 * audit entries in the same transaction; returns how many answers each pupil had destroyed.
 */
export function destroyConsentAnswers(
  handle: SchoolDatabase,
  schoolId: string,
  pupilIds: readonly string[],
  record: (tx: SchoolTx, destroyed: Map<string, number>) => Promise<void>,
): Promise<Map<string, number>> {
  return withSchoolForRetention(unscoped(handle), schoolId, async (tx) => {
    const destroyed = new Map<string, number>();
    if (pupilIds.length === 0) return destroyed;
    const { rows } = await sql<{ id: string }>`
      SELECT p.id FROM pupils p
      WHERE p.school_id = ${schoolId} AND p.id IN (${sql.join([...pupilIds])})
        AND NOT p.on_roll AND p.leaving_date IS NOT NULL AND p.leaving_date <= current_date
        AND NOT EXISTS (SELECT 1 FROM takedown_tasks t WHERE t.pupil_id = p.id AND t.done_at IS NULL)
        AND NOT EXISTS (
          SELECT 1 FROM photo_pupils pp
          JOIN photos ph ON ph.id = pp.photo_id AND ph.deleted_at IS NULL
          JOIN photo_publications pub ON pub.photo_id = pp.photo_id
          WHERE pp.pupil_id = p.id AND NOT EXISTS (SELECT 1 FROM photo_publication_takedowns d WHERE d.publication_id = pub.id))`.execute(tx);
    const due = rows.map((r) => r.id);
    if (due.length === 0) return destroyed;
    await tx.deleteFrom('takedown_tasks').where('pupil_id', 'in', due).where('done_at', 'is not', null).execute();
    const gone = await tx.deleteFrom('consent_decisions').where('school_id', '=', schoolId).where('pupil_id', 'in', due).returning('pupil_id').execute();
    for (const row of gone) destroyed.set(row.pupil_id, (destroyed.get(row.pupil_id) ?? 0) + 1);
    await record(tx, destroyed);
    return destroyed;
  });
}

// --- trusts: the installation's own tables (20261201T1700), never granted to app_user ---

export interface TrustLed {
  id: string;
  name: string;
  schools: SchoolSummary[];
}

/**
 * The trust this member of staff leads, with its schools, or null. Whoever runs the server names
 * the lead (`esafety trust lead`); a school's own staff cannot. Only an active account counts.
 */
export async function trustLedBy(handle: SchoolDatabase, staffId: string): Promise<TrustLed | null> {
  const db = unscoped(handle);
  const trust = await db
    .selectFrom('trust_leads as l')
    .innerJoin('trusts as t', 't.id', 'l.trust_id')
    .innerJoin('staff as s', 's.id', 'l.lead_staff_id')
    .select(['t.id', 't.name'])
    .where('l.lead_staff_id', '=', staffId)
    .where('s.active', '=', true)
    .orderBy('t.name')
    .executeTakeFirst();
  if (!trust) return null;
  const schools = await db
    .selectFrom('trust_schools as m')
    .innerJoin('schools as s', 's.id', 'm.member_school_id')
    .select(['s.id', 's.name', 's.urn'])
    .where('m.trust_id', '=', trust.id)
    .orderBy('s.name')
    .execute();
  return { ...trust, schools };
}

/** Adds a school to a trust (made if new); a school belongs to one trust at most. */
export async function addSchoolToTrust(handle: SchoolDatabase, trustName: string, schoolId: string): Promise<{ trustId: string; added: boolean }> {
  const db = unscoped(handle);
  return db.transaction().execute(async (tx) => {
    const trust =
      (await tx.selectFrom('trusts').select('id').where('name', '=', trustName.trim()).executeTakeFirst()) ??
      (await tx.insertInto('trusts').values({ name: trustName.trim() }).returning('id').executeTakeFirstOrThrow());
    const elsewhere = await tx.selectFrom('trust_schools').select('trust_id').where('member_school_id', '=', schoolId).executeTakeFirst();
    if (elsewhere && elsewhere.trust_id !== trust.id) throw new Error('That school already belongs to another trust');
    if (elsewhere) return { trustId: trust.id, added: false };
    await tx.insertInto('trust_schools').values({ trust_id: trust.id, member_school_id: schoolId }).execute();
    return { trustId: trust.id, added: true };
  });
}

/** Names a member of staff of one of the trust's schools as its lead. */
export async function setTrustLead(handle: SchoolDatabase, trustName: string, staffId: string): Promise<void> {
  const db = unscoped(handle);
  const trust = await db.selectFrom('trusts').select('id').where('name', '=', trustName.trim()).executeTakeFirst();
  if (!trust) throw new Error(`No trust is called ${trustName}: add its schools first (esafety trust add)`);
  const member = await db
    .selectFrom('staff as s')
    .innerJoin('trust_schools as m', 'm.member_school_id', 's.school_id')
    .select('s.id')
    .where('s.id', '=', staffId)
    .where('m.trust_id', '=', trust.id)
    .executeTakeFirst();
  if (!member) throw new Error('The lead must be a member of staff of one of the trust’s schools');
  await db
    .insertInto('trust_leads')
    .values({ trust_id: trust.id, lead_staff_id: staffId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
