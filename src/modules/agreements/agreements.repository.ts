import { sql } from 'kysely';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { staffRolesOf } from '../people/staff-roles.repository.ts';
import type { DefaultAgreement } from './agreements.defaults.ts';

/** The only file of the agreements module that speaks SQL. */

const fullName = (alias: string) => sql<string>`${sql.ref(`${alias}.given_name`)} || ' ' || ${sql.ref(`${alias}.family_name`)}`;

/** Every agreement with its latest published version number (0 before the first is published). */
export function listAgreements(tx: SchoolTx) {
  return tx
    .selectFrom('agreements as a')
    .select(['a.id', 'a.key', 'a.title', 'a.audience', 'a.renewal', 'a.active'])
    .select(
      sql<number>`coalesce((SELECT max(v.version) FROM agreement_versions v WHERE v.agreement_id = a.id AND v.published_at IS NOT NULL), 0)`.as('version'),
    )
    .orderBy('a.created_at')
    .orderBy('a.key')
    .execute();
}
export type AgreementRow = Awaited<ReturnType<typeof listAgreements>>[number];

export async function findAgreement(tx: SchoolTx, id: string): Promise<AgreementRow | undefined> {
  return (await listAgreements(tx)).find((a) => a.id === id);
}

export function versionsOf(tx: SchoolTx, agreementId: string) {
  return tx
    .selectFrom('agreement_versions as v')
    .leftJoin('staff as s', 's.id', 'v.published_by')
    .select(['v.id', 'v.version', 'v.body', 'v.change_note', 'v.published_at', 'v.created_at'])
    .select(fullName('s').as('published_by_name'))
    .where('v.agreement_id', '=', agreementId)
    .orderBy('v.version', 'desc')
    .execute();
}

export async function insertAgreement(tx: SchoolTx, schoolId: string, a: DefaultAgreement, publishedBy: string | null, note: string): Promise<string> {
  const row = await tx
    .insertInto('agreements')
    .values({ school_id: schoolId, key: a.key, title: a.title, audience: a.audience, renewal: a.renewal })
    .onConflict((oc) => oc.columns(['school_id', 'key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (row)
    await tx
      .insertInto('agreement_versions')
      .values({ school_id: schoolId, agreement_id: row.id, version: 1, body: a.body, change_note: note, published_at: new Date(), published_by: publishedBy })
      .execute();
  return row?.id ?? '';
}

export async function keyTaken(tx: SchoolTx, key: string): Promise<boolean> {
  return Boolean(await tx.selectFrom('agreements').select('id').where('key', '=', key).executeTakeFirst());
}

export async function updateAgreement(
  tx: SchoolTx,
  id: string,
  changes: { title: string; audience: string[]; renewal: 'never' | 'each-september' | 'new-version' },
) {
  await tx.updateTable('agreements').set(changes).where('id', '=', id).execute();
}

export async function saveDraft(tx: SchoolTx, schoolId: string, agreementId: string, body: string, note: string | null): Promise<number> {
  const draft = await tx
    .selectFrom('agreement_versions')
    .select(['id', 'version'])
    .where('agreement_id', '=', agreementId)
    .where('published_at', 'is', null)
    .executeTakeFirst();
  if (draft) {
    await tx.updateTable('agreement_versions').set({ body, change_note: note }).where('id', '=', draft.id).execute();
    return draft.version;
  }
  const last = await tx
    .selectFrom('agreement_versions')
    .select((eb) => eb.fn.max<number>('version').as('v'))
    .where('agreement_id', '=', agreementId)
    .executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  await tx.insertInto('agreement_versions').values({ school_id: schoolId, agreement_id: agreementId, version, body, change_note: note }).execute();
  return version;
}

export async function publishDraft(tx: SchoolTx, agreementId: string, by: string): Promise<number | null> {
  const row = await tx
    .updateTable('agreement_versions')
    .set({ published_at: new Date(), published_by: by })
    .where('agreement_id', '=', agreementId)
    .where('published_at', 'is', null)
    .returning('version')
    .executeTakeFirst();
  return row?.version ?? null;
}

export function signaturesOf(tx: SchoolTx, agreementId: string) {
  return tx
    .selectFrom('agreement_signatures')
    .select(['id', 'version', 'staff_id', 'carer_id', 'pupil_id', 'method', 'signed_on', 'typed_name', 'recorded_at', 'recorded_by_label'])
    .where('agreement_id', '=', agreementId)
    .orderBy('id')
    .execute();
}
export type SignatureRow = Awaited<ReturnType<typeof signaturesOf>>[number];

export function signaturesOfStaff(tx: SchoolTx, staffId: string) {
  return tx
    .selectFrom('agreement_signatures as g')
    .innerJoin('agreements as a', 'a.id', 'g.agreement_id')
    .select(['g.id', 'g.agreement_id', 'a.title', 'g.version', 'g.method', 'g.signed_on', 'g.recorded_by_label'])
    .where('g.staff_id', '=', staffId)
    .orderBy('g.signed_on', 'desc')
    .execute();
}

export async function insertSignature(
  tx: SchoolTx,
  values: {
    schoolId: string;
    agreementId: string;
    version: number;
    staffId?: string | null;
    carerId?: string | null;
    pupilId?: string | null;
    method: 'online' | 'paper' | 'recorded-by-teacher';
    signedOn: string;
    typedName?: string | null;
    recordedBy: string | null;
    recordedByLabel: string;
  },
): Promise<string> {
  const row = await tx
    .insertInto('agreement_signatures')
    .values({
      school_id: values.schoolId,
      agreement_id: values.agreementId,
      version: values.version,
      staff_id: values.staffId ?? null,
      carer_id: values.carerId ?? null,
      pupil_id: values.pupilId ?? null,
      method: values.method,
      signed_on: values.signedOn,
      typed_name: values.typedName ?? null,
      recorded_by: values.recordedBy,
      recorded_by_label: values.recordedByLabel,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

/** Active staff, governors and volunteers with their roles. */
export function activeStaff(tx: SchoolTx) {
  return tx
    .selectFrom('staff as s')
    .select(['s.id', 's.email', 's.given_name', 's.family_name'])
    .select(fullName('s').as('name'))
    .select(staffRolesOf.as('roles'))
    .where('s.active', '=', true)
    .orderBy('s.family_name')
    .orderBy('s.given_name')
    .execute();
}

export function findStaff(tx: SchoolTx, id: string) {
  return tx
    .selectFrom('staff as s')
    .select(['s.id', 's.active'])
    .select(fullName('s').as('name'))
    .select(staffRolesOf.as('roles'))
    .where('s.id', '=', id)
    .executeTakeFirst();
}

/** Pupils on roll with their class, optionally of one class. */
export function pupilsOnRoll(tx: SchoolTx, classId?: string) {
  let query = tx
    .selectFrom('pupils as p')
    .leftJoin('classes as c', 'c.id', 'p.class_id')
    .select(['p.id', 'p.given_name', 'p.family_name', 'p.preferred_name', 'p.class_id', 'c.title as class_title', 'c.year_group'])
    .where('p.on_roll', '=', true);
  if (classId) query = query.where('p.class_id', '=', classId);
  return query
    .orderBy(sql`c.year_group NULLS LAST`)
    .orderBy('c.title')
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .execute();
}
export type PupilRow = Awaited<ReturnType<typeof pupilsOnRoll>>[number];

export function findPupil(tx: SchoolTx, id: string) {
  return tx.selectFrom('pupils').select(['id', 'class_id', 'on_roll', 'given_name', 'family_name']).where('id', '=', id).executeTakeFirst();
}

export function findCarer(tx: SchoolTx, id: string) {
  return tx.selectFrom('carers as c').select(['c.id', 'c.email', 'c.active']).select(fullName('c').as('name')).where('c.id', '=', id).executeTakeFirst();
}

/** The children on roll a carer holds parental responsibility for. */
export function childrenOfCarer(tx: SchoolTx, carerId: string) {
  return tx
    .selectFrom('pupil_carers as pc')
    .innerJoin('pupils as p', 'p.id', 'pc.pupil_id')
    .select(['p.id', 'p.given_name', 'p.family_name', 'p.preferred_name'])
    .where('pc.carer_id', '=', carerId)
    .where('pc.parental_responsibility', '=', true)
    .where('pc.court_order', '=', false) // a court order: never sent anything (issue 20)
    .where('p.on_roll', '=', true)
    .orderBy('p.given_name')
    .execute();
}

/** Carers with parental responsibility for these pupils (active, with their e-mail address). */
export function carersOfPupils(tx: SchoolTx, pupilIds: string[]) {
  if (pupilIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('pupil_carers as pc')
    .innerJoin('carers as c', 'c.id', 'pc.carer_id')
    .select(['c.id', 'c.email', 'pc.pupil_id'])
    .select(fullName('c').as('name'))
    .where('pc.pupil_id', 'in', pupilIds)
    .where('pc.parental_responsibility', '=', true)
    .where('pc.court_order', '=', false) // a court order: never sent anything (issue 20)
    .where('c.active', '=', true)
    .orderBy('c.family_name')
    .orderBy('c.given_name')
    .execute();
}

export async function teachesClass(tx: SchoolTx, staffId: string, classId: string): Promise<boolean> {
  return Boolean(await tx.selectFrom('class_teachers').select('class_id').where('staff_id', '=', staffId).where('class_id', '=', classId).executeTakeFirst());
}

export function classesTaughtBy(tx: SchoolTx, staffId: string) {
  return tx
    .selectFrom('class_teachers as ct')
    .innerJoin('classes as c', 'c.id', 'ct.class_id')
    .select(['c.id', 'c.title', 'c.year_group'])
    .where('ct.staff_id', '=', staffId)
    .where('c.active', '=', true)
    .orderBy(sql`c.year_group NULLS LAST`)
    .orderBy('c.title')
    .execute();
}

export { activeClasses } from '../people/people.repository.ts';

export function findClass(tx: SchoolTx, id: string) {
  return tx.selectFrom('classes').select(['id', 'title', 'year_group']).where('id', '=', id).executeTakeFirst();
}

export function currentSchool(tx: SchoolTx) {
  return tx.selectFrom('schools').select(['id', 'name', 'urn']).executeTakeFirstOrThrow();
}

// Personal links for families (as the consent module's: only the token's hash is kept).

export async function putLink(tx: SchoolTx, values: { schoolId: string; agreementId: string; carerId: string; tokenHash: string; expiresAt: Date }) {
  await tx
    .insertInto('agreement_links')
    .values({
      school_id: values.schoolId,
      agreement_id: values.agreementId,
      carer_id: values.carerId,
      token_hash: values.tokenHash,
      expires_at: values.expiresAt,
      emailed_at: new Date(),
    })
    .onConflict((oc) =>
      oc.columns(['agreement_id', 'carer_id']).doUpdateSet({
        token_hash: values.tokenHash,
        expires_at: values.expiresAt,
        emailed_at: new Date(),
        revoked_at: null,
        answered_at: null,
        reminded_at: null,
      }),
    )
    .execute();
}

export function linkByTokenHash(tx: SchoolTx, hash: string) {
  return tx
    .selectFrom('agreement_links')
    .select(['id', 'school_id', 'agreement_id', 'carer_id', 'expires_at', 'revoked_at', 'answered_at'])
    .where('token_hash', '=', hash)
    .executeTakeFirst();
}

export async function markLinkAnswered(tx: SchoolTx, id: string) {
  await tx.updateTable('agreement_links').set({ answered_at: new Date() }).where('id', '=', id).execute();
}

/** Links e-mailed more than `cutoff` ago, not answered, not reminded since, still valid. */
export function linksDueReminder(tx: SchoolTx, now: Date, cutoff: Date) {
  return tx
    .selectFrom('agreement_links as l')
    .innerJoin('carers as c', 'c.id', 'l.carer_id')
    .innerJoin('agreements as a', 'a.id', 'l.agreement_id')
    .select(['l.id', 'c.email', 'a.title'])
    .where('l.answered_at', 'is', null)
    .where('l.revoked_at', 'is', null)
    .where('l.expires_at', '>', now)
    .where('l.emailed_at', '<', cutoff)
    .where((eb) => eb.or([eb('l.reminded_at', 'is', null), eb('l.reminded_at', '<', cutoff)]))
    .where('c.email', 'is not', null)
    .execute();
}

export async function replaceLinkToken(tx: SchoolTx, id: string, hash: string, now: Date) {
  await tx.updateTable('agreement_links').set({ token_hash: hash, reminded_at: now }).where('id', '=', id).execute();
}
