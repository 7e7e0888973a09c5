import { sql } from 'kysely';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import type { Channel } from './messages.rules.ts';

/** The only file of the messages module that speaks SQL. */

const fullName = (alias: string) => sql<string>`${sql.ref(`${alias}.given_name`)} || ' ' || ${sql.ref(`${alias}.family_name`)}`;
const none = '00000000-0000-0000-0000-000000000000';

export interface AudienceFilter {
  classIds?: string[];
  yearGroups?: number[];
  everyone?: boolean;
  newAdmissionsSince?: string;
  pupilIds?: string[];
}

/** Pupils on roll in any part of the audience (classes, year groups, new admissions, named pupils, or everyone). */
export async function pupilsIn(tx: SchoolTx, audience: AudienceFilter): Promise<string[]> {
  const rows = await tx
    .selectFrom('pupils as p')
    .leftJoin('classes as c', 'c.id', 'p.class_id')
    .select('p.id')
    .where('p.on_roll', '=', true)
    .where((eb) => {
      if (audience.everyone) return eb.val(true);
      const parts = [];
      if (audience.classIds?.length) parts.push(eb('p.class_id', 'in', audience.classIds));
      if (audience.yearGroups?.length) parts.push(eb('c.year_group', 'in', audience.yearGroups));
      if (audience.newAdmissionsSince) parts.push(eb('p.admission_date', '>=', audience.newAdmissionsSince));
      if (audience.pupilIds?.length) parts.push(eb('p.id', 'in', audience.pupilIds));
      return parts.length ? eb.or(parts) : eb.val(false);
    })
    .execute();
  return rows.map((r) => r.id);
}

/** Active carers with parental responsibility for these pupils, each once. */
export function carersOf(tx: SchoolTx, pupilIds: string[]) {
  return tx
    .selectFrom('carers as k')
    .select(['k.id', 'k.email', 'k.phone', 'k.given_name', 'k.family_name'])
    .select(fullName('k').as('name'))
    .where('k.active', '=', true)
    .where(
      'k.id',
      'in',
      (eb) =>
        eb
          .selectFrom('pupil_carers')
          .select('carer_id')
          .where('pupil_id', 'in', pupilIds.length ? pupilIds : [none])
          .where('parental_responsibility', '=', true)
          .where('court_order', '=', false), // a court order: never sent a letter (issue 20)
    )
    .orderBy('k.family_name')
    .orderBy('k.given_name')
    .execute();
}

export async function existingClassIds(tx: SchoolTx, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  return new Set((await tx.selectFrom('classes').select('id').where('id', 'in', ids).execute()).map((r) => r.id));
}

export { activeClasses } from '../people/people.repository.ts';

export function pupilsOfConcern(tx: SchoolTx, concernId: string) {
  return tx
    .selectFrom('concern_people')
    .select('pupil_id')
    .where('concern_id', '=', concernId)
    .where('pupil_id', 'is not', null)
    .execute()
    .then((rows) => rows.map((r) => r.pupil_id!));
}

export function currentSchool(tx: SchoolTx) {
  return tx.selectFrom('schools').select(['id', 'name', 'urn']).executeTakeFirstOrThrow();
}

export async function insertMessage(
  tx: SchoolTx,
  values: {
    schoolId: string;
    template: string | null;
    subject: string;
    body: string;
    audience: Record<string, unknown>;
    audienceLabel: string;
    channels: Channel[];
    agreementId: string | null;
    concernId: string | null;
    createdBy: string;
    createdByLabel: string;
  },
): Promise<string> {
  const row = await tx
    .insertInto('messages')
    .values({
      school_id: values.schoolId,
      template: values.template,
      subject: values.subject,
      body: values.body,
      audience: JSON.stringify(values.audience),
      audience_label: values.audienceLabel,
      channels: values.channels,
      agreement_id: values.agreementId,
      concern_id: values.concernId,
      created_by: values.createdBy,
      created_by_label: values.createdByLabel,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertRecipient(
  tx: SchoolTx,
  values: { schoolId: string; messageId: string; carerId: string; channel: Channel; address: string | null; outboxId: string | null },
) {
  await tx
    .insertInto('message_recipients')
    .values({
      school_id: values.schoolId,
      message_id: values.messageId,
      carer_id: values.carerId,
      channel: values.channel,
      address: values.address,
      outbox_id: values.outboxId,
      state: values.channel === 'letter' ? 'to-print' : 'queued',
    })
    .execute();
}

export function findMessage(tx: SchoolTx, id: string) {
  return tx
    .selectFrom('messages')
    .select(['id', 'template', 'subject', 'body', 'audience_label', 'channels', 'agreement_id', 'concern_id', 'created_by_label', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listMessages(tx: SchoolTx, limit = 100) {
  return tx
    .selectFrom('messages as m')
    .select(['m.id', 'm.subject', 'm.audience_label', 'm.created_at', 'm.created_by_label'])
    .select(sql<number>`(SELECT count(DISTINCT r.carer_id)::int FROM message_recipients r WHERE r.message_id = m.id)`.as('recipients'))
    .orderBy('m.created_at', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Each recipient's delivery state: e-mail from the outbox (sent, still trying, or given up after
 * the last attempt), texts and letters from their own row.
 */
export function recipientsOf(tx: SchoolTx, messageId: string) {
  return tx
    .selectFrom('message_recipients as r')
    .innerJoin('carers as k', 'k.id', 'r.carer_id')
    .leftJoin('outbox as o', 'o.id', 'r.outbox_id')
    .select(['r.id', 'r.carer_id', 'r.channel', 'r.address', 'r.error', 'r.sent_at'])
    .select(fullName('k').as('name'))
    .select(
      sql<'queued' | 'sent' | 'failed' | 'to-print' | 'printed'>`CASE
        WHEN r.channel <> 'email' THEN r.state
        WHEN o.sent_at IS NOT NULL THEN 'sent'
        WHEN o.failed_at IS NOT NULL THEN 'failed'
        ELSE 'queued' END`.as('state'),
    )
    .select(sql<string | null>`CASE WHEN r.channel = 'email' THEN o.last_error ELSE r.error END`.as('problem'))
    .where('r.message_id', '=', messageId)
    .orderBy('k.family_name')
    .orderBy('k.given_name')
    .execute();
}

export async function markLettersPrinted(tx: SchoolTx, messageId: string): Promise<number> {
  const rows = await tx
    .updateTable('message_recipients')
    .set({ state: 'printed', sent_at: new Date() })
    .where('message_id', '=', messageId)
    .where('channel', '=', 'letter')
    .where('state', '=', 'to-print')
    .returning('id')
    .execute();
  return rows.length;
}

/** Texts waiting to go, with what they say. */
export function textsToSend(tx: SchoolTx, limit: number) {
  return tx
    .selectFrom('message_recipients as r')
    .innerJoin('messages as m', 'm.id', 'r.message_id')
    .select(['r.id', 'r.address', 'r.attempts', 'm.subject', 'm.body'])
    .where('r.channel', '=', 'sms')
    .where('r.state', '=', 'queued')
    .orderBy('m.created_at')
    .limit(limit)
    .execute();
}

export async function textSent(tx: SchoolTx, id: string) {
  await tx.updateTable('message_recipients').set({ state: 'sent', sent_at: new Date(), error: null }).where('id', '=', id).execute();
}

export async function textFailed(tx: SchoolTx, id: string, error: string, giveUp: boolean) {
  await tx
    .updateTable('message_recipients')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), error: error.slice(0, 500), state: giveUp ? 'failed' : 'queued' }))
    .where('id', '=', id)
    .execute();
}
