import { sql } from 'kysely';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import type { PostFindingRow } from '../../platform/db/schema.ts';
import type { Verdict } from './post-check.rules.ts';

/** The SQL of the post check: the pupils it looks for, the count of checks, and the drafts staff asked about (REG-5). */
export function pupilsOnRoll(tx: SchoolTx) {
  return tx.selectFrom('pupils').select(['id', 'given_name', 'family_name', 'preferred_name']).where('on_roll', '=', true).execute();
}

export async function classTitles(tx: SchoolTx): Promise<string[]> {
  return (await tx.selectFrom('classes').select('title').where('active', '=', true).execute()).map((c) => c.title);
}

/** Counted, never stored: one more check of this verdict today. */
export async function countCheck(tx: SchoolTx, schoolId: string, date: string, verdict: Verdict) {
  await sql`INSERT INTO post_check_counts (school_id, on_date, verdict, checks) VALUES (${schoolId}, ${date}::date, ${verdict}, 1)
    ON CONFLICT (school_id, on_date, verdict) DO UPDATE SET checks = post_check_counts.checks + 1`.execute(tx);
}

/** Checks by verdict since a day, for the governors' report. */
export async function countsSince(tx: SchoolTx, since: string) {
  const rows = await tx
    .selectFrom('post_check_counts')
    .select(['verdict', sql<number>`sum(checks)::int`.as('checks')])
    .where('on_date', '>=', since)
    .groupBy('verdict')
    .execute();
  const counts = { ok: 0, ask: 0, 'not-allowed': 0 };
  for (const r of rows) counts[r.verdict] = r.checks;
  return counts;
}

export async function questionCountsSince(tx: SchoolTx, since: string) {
  return tx
    .selectFrom('post_questions')
    .select([
      sql<number>`count(*)::int`.as('asked'),
      sql<number>`count(*) FILTER (WHERE answer = 'go-ahead')::int`.as('goAhead'),
      sql<number>`count(*) FILTER (WHERE answer = 'do-not-post')::int`.as('doNotPost'),
    ])
    .where('asked_at', '>=', new Date(`${since}T00:00:00Z`))
    .executeTakeFirstOrThrow();
}

export function lineManagerOf(tx: SchoolTx, staffId: string) {
  return tx.selectFrom('staff').select(['line_manager_id']).where('id', '=', staffId).executeTakeFirst();
}

export function activeStaffMember(tx: SchoolTx, id: string) {
  return tx.selectFrom('staff').select(['id', 'given_name', 'family_name', 'email']).where('id', '=', id).where('active', '=', true).executeTakeFirst();
}

export function insertQuestion(
  tx: SchoolTx,
  schoolId: string,
  q: {
    askedBy: string;
    askedOf: string;
    text: string;
    mediaId: string | null;
    audience: 'personal' | 'school-account';
    accountId: string | null;
    verdict: 'ok' | 'ask';
    findings: PostFindingRow[];
  },
) {
  return tx
    .insertInto('post_questions')
    .values({
      school_id: schoolId,
      asked_by: q.askedBy,
      asked_of: q.askedOf,
      text: q.text,
      media_id: q.mediaId,
      audience: q.audience,
      account_id: q.accountId,
      verdict: q.verdict,
      findings: JSON.stringify(q.findings),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

const questions = (tx: SchoolTx) =>
  tx
    .selectFrom('post_questions as q')
    .innerJoin('staff as a', 'a.id', 'q.asked_by')
    .innerJoin('staff as m', 'm.id', 'q.asked_of')
    .leftJoin('school_accounts as acc', 'acc.id', 'q.account_id')
    .leftJoin('photos as ph', 'ph.id', 'q.media_id')
    .selectAll('q')
    .select([
      sql<string>`a.given_name || ' ' || a.family_name`.as('asked_by_name'),
      sql<string>`m.given_name || ' ' || m.family_name`.as('asked_of_name'),
      'acc.name as account_name',
      'ph.event_name as photo_event',
    ])
    .orderBy('q.asked_at', 'desc');

export const questionsAskedOf = (tx: SchoolTx, staffId: string) => questions(tx).where('q.asked_of', '=', staffId).limit(200).execute();
export const questionsAskedBy = (tx: SchoolTx, staffId: string) => questions(tx).where('q.asked_by', '=', staffId).limit(200).execute();
export const findQuestion = (tx: SchoolTx, id: string) => questions(tx).where('q.id', '=', id).executeTakeFirst();
export type QuestionRow = NonNullable<Awaited<ReturnType<typeof findQuestion>>>;

export async function answerQuestion(tx: SchoolTx, id: string, answer: 'go-ahead' | 'do-not-post', note: string | null, by: string): Promise<boolean> {
  const done = await tx
    .updateTable('post_questions')
    .set({ answer, answer_note: note, answered_by: by, answered_at: new Date() })
    .where('id', '=', id)
    .where('answer', 'is', null)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

export async function countWaitingFor(tx: SchoolTx, staffId: string): Promise<number> {
  const row = await tx
    .selectFrom('post_questions')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('asked_of', '=', staffId)
    .where('answer', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}
