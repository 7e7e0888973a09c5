import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { SchoolTx } from '../db/school-scope.ts';

export interface Actor {
  id: string | null;
  /** Shown in the log even after the person has left: "Jane Smith", "CLI", "OneRoster import". */
  label: string;
}

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  detail?: Record<string, unknown>;
}

const genesis = '0'.repeat(64);

/** JSON with sorted keys, so the hash does not depend on how jsonb orders them. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function auditHash(
  prevHash: string,
  row: {
    schoolId: string;
    at: Date;
    actorId: string | null;
    actorLabel: string;
    action: string;
    subjectType: string;
    subjectId: string | null;
    detail: Record<string, unknown>;
  },
): string {
  const text = [
    prevHash,
    row.schoolId,
    row.at.toISOString(),
    row.actorId ?? '',
    row.actorLabel,
    row.action,
    row.subjectType,
    row.subjectId ?? '',
    canonical(row.detail),
  ].join('\n');
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Appends to the school's audit chain inside the caller's transaction, so the entry exists
 * exactly when the change does. Each entry carries the hash of the one before it.
 */
export async function recordAudit(tx: SchoolTx, schoolId: string, actor: Actor, entry: AuditEntry): Promise<void> {
  // One writer per school's chain at a time; released when the transaction ends.
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`audit:${schoolId}`}))`.execute(tx);
  const last = await tx.selectFrom('audit_log').select('hash').where('school_id', '=', schoolId).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const prevHash = last?.hash ?? genesis;
  const at = new Date();
  const detail = entry.detail ?? {};
  const row = {
    schoolId,
    at,
    actorId: actor.id,
    actorLabel: actor.label,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    detail,
  };
  await tx
    .insertInto('audit_log')
    .values({
      school_id: schoolId,
      at,
      actor_id: actor.id,
      actor_label: actor.label,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: row.subjectId,
      detail: JSON.stringify(detail),
      prev_hash: prevHash,
      hash: auditHash(prevHash, row),
    })
    .execute();
}

/** Which entries the headteacher wants to read (every field optional). */
export interface AuditFilter {
  /** The person who did it, as the log names them. */
  who?: string;
  /** Part of a pupil's name: entries about that pupil. */
  pupil?: string;
  /** The kind of record ("concern", "pupil", …). */
  type?: string;
  /** Days in England, YYYY-MM-DD, both included. */
  from?: string;
  to?: string;
}

/** The record's name when it still exists, so the log can say whose record it was. */
const subjectName = sql<string | null>`CASE a.subject_type
  WHEN 'pupil' THEN (SELECT coalesce(nullif(p.preferred_name, ''), p.given_name) || ' ' || p.family_name FROM pupils p WHERE p.id::text = a.subject_id)
  WHEN 'staff' THEN (SELECT s.given_name || ' ' || s.family_name FROM staff s WHERE s.id::text = a.subject_id)
  WHEN 'class' THEN (SELECT c.title FROM classes c WHERE c.id::text = a.subject_id)
  WHEN 'policy' THEN (SELECT po.title FROM policies po WHERE po.id::text = a.subject_id)
  WHEN 'photo' THEN (SELECT ph.event_name FROM photos ph WHERE ph.id::text = a.subject_id)
  END`;

/** The school's entries, newest first: `limit` of them, only those before entry `before` when it is given. */
export function auditEntries(tx: SchoolTx, { before, limit, filter = {} }: { before?: string; limit: number; filter?: AuditFilter }) {
  let query = tx
    .selectFrom('audit_log as a')
    .select(['a.id', 'a.at', 'a.actor_label', 'a.action', 'a.subject_type', 'a.subject_id', 'a.detail', subjectName.as('subject_name')])
    .orderBy('a.id', 'desc')
    .limit(limit);
  if (before) query = query.where('a.id', '<', before);
  if (filter.who) query = query.where('a.actor_label', '=', filter.who);
  if (filter.type) query = query.where('a.subject_type', '=', filter.type);
  if (filter.from) query = query.where(sql<boolean>`(a.at AT TIME ZONE 'Europe/London')::date >= ${filter.from}::date`);
  if (filter.to) query = query.where(sql<boolean>`(a.at AT TIME ZONE 'Europe/London')::date <= ${filter.to}::date`);
  if (filter.pupil) {
    const pattern = `%${filter.pupil.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query
      .where('a.subject_type', '=', 'pupil')
      .where(
        sql<boolean>`a.subject_id IN (SELECT p.id::text FROM pupils p WHERE (p.given_name || ' ' || p.family_name) ILIKE ${pattern} OR (coalesce(p.preferred_name, '') || ' ' || p.family_name) ILIKE ${pattern})`,
      );
  }
  return query.execute();
}

/** Everyone who appears in the school's log as having done something, for the "who" filter. */
export async function auditPeople(tx: SchoolTx): Promise<string[]> {
  const rows = await tx.selectFrom('audit_log').select('actor_label').distinct().orderBy('actor_label').limit(500).execute();
  return rows.map((r) => r.actor_label);
}

export type ChainCheck = { ok: true; entries: number } | { ok: false; entries: number; brokenId: string; schoolId: string; reason: string };

/** Walks every school's chain (as the database owner, across schools) and names the first broken link. */
export async function verifyAuditChain(db: Kysely<DB>): Promise<ChainCheck> {
  const schools = await db.selectFrom('schools').select('id').orderBy('created_at').execute();
  let entries = 0;
  for (const school of schools) {
    let prevHash = genesis;
    let afterId = '0';
    for (;;) {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('school_id', '=', school.id)
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(1000)
        .execute();
      if (rows.length === 0) break;
      for (const r of rows) {
        entries++;
        if (r.prev_hash !== prevHash) {
          return {
            ok: false,
            entries,
            brokenId: r.id,
            schoolId: school.id,
            reason: 'it does not follow the entry before it (an entry was removed or reordered)',
          };
        }
        const expected = auditHash(prevHash, {
          schoolId: r.school_id,
          at: r.at,
          actorId: r.actor_id,
          actorLabel: r.actor_label,
          action: r.action,
          subjectType: r.subject_type,
          subjectId: r.subject_id,
          detail: r.detail,
        });
        if (expected !== r.hash) return { ok: false, entries, brokenId: r.id, schoolId: school.id, reason: 'its contents were changed after it was written' };
        prevHash = r.hash;
        afterId = r.id;
      }
    }
  }
  return { ok: true, entries };
}
