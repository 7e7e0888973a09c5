import { strToU8, zipSync } from 'fflate';
import { requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { recordAudit, type Actor as AuditActor } from '../../platform/audit/audit.ts';
import { withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { isUuid } from '../../platform/http/ids.ts';
import { currentSettings } from '../settings/settings.service.ts';
import * as repo from './subject-access.repository.ts';
import { redactText } from './subject-access.rules.ts';
import { subjectAccessHtml } from './subject-access.html.ts';
import { publishingChannels } from '../photos/photos.channels.ts';

export interface SubjectAccessOptions {
  /** Further words or names the head marks for redaction (third parties the system cannot know). */
  redact: string[];
  /** Concerns the head decided the requester is not entitled to (for example, a child protection record whose disclosure would put a child at risk). */
  withhold: string[];
}

const date = (value: Date | string | null) => (value === null ? null : typeof value === 'string' ? value : value.toISOString());

/** Everything the school holds about one pupil, third parties redacted, as a plain object for pupil.json. */
async function collect(tx: SchoolTx, schoolId: string, pupilId: string, options: SubjectAccessOptions, now: Date) {
  const pupil = isUuid(pupilId) ? await repo.pupil(tx, pupilId) : undefined;
  if (!pupil) throw new NotFound('There is no such pupil in this school');
  const { settings } = await currentSettings(tx, schoolId);
  const purposeLabel = (key: string) => settings.consent.purposes.find((p) => p.key === key)?.label ?? key;
  const typeLabel = (type: string) => settings.concerns.routes.find((r) => r.type === type)?.label ?? type;
  const actionLabel = (key: string | null) => settings.concerns.actions.find((a) => a.key === key)?.label ?? key ?? '';
  // Accounts approved in the register are channels too (REG-1), named as the register names them.
  const channels = await publishingChannels(tx, settings, true);
  const channelLabel = (key: string) => channels.find((c) => c.key === key)?.label ?? key;
  const school = await tx.selectFrom('schools').select(['name', 'urn']).executeTakeFirstOrThrow();
  const allConcerns = await repo.concernsAbout(tx, pupilId);
  const concerns = allConcerns.filter((c) => !options.withhold.includes(c.id));
  const names = [
    ...(await repo.otherPeopleOn(
      tx,
      concerns.map((c) => c.id),
      pupilId,
    )),
    ...options.redact,
  ];
  const entries = await repo.actionsOn(
    tx,
    concerns.map((c) => c.id),
  );
  const redact = (text: string) => redactText(text, names);
  return {
    exportedAt: now.toISOString(),
    school: { name: school.name, urn: school.urn },
    pupil: {
      id: pupil.id,
      givenName: pupil.given_name,
      familyName: pupil.family_name,
      preferredName: pupil.preferred_name,
      dateOfBirth: pupil.date_of_birth,
      class: pupil.class_title,
      yearGroup: pupil.year_group,
      admitted: pupil.admission_date,
      left: pupil.leaving_date,
      onRoll: pupil.on_roll,
      misReference: pupil.sourced_id,
    },
    carers: (await repo.carers(tx, pupilId)).map((k) => ({
      name: `${k.given_name} ${k.family_name}`,
      relationship: k.relationship,
      parentalResponsibility: k.parental_responsibility,
      email: k.email,
      phone: k.phone,
    })),
    consent: (await repo.consentHistory(tx, pupilId)).map((d) => ({
      purpose: purposeLabel(d.purpose),
      decision: d.decision,
      by: d.carer_name,
      method: d.method,
      recordedAt: date(d.recorded_at),
      recordedBy: d.recorded_by_label,
      note: d.note === null ? null : redact(d.note),
    })),
    concerns: concerns.map((c) => {
      // The text as it now reads: the latest correction of each part.
      const amended = { summary: c.summary, details: c.details };
      for (const e of entries) if (e.concern_id === c.id && e.kind === 'amendment' && e.field) amended[e.field] = e.note;
      return {
        type: typeLabel(c.type),
        occurredAt: date(c.occurred_at),
        recordedAt: date(c.reported_at),
        where: c.location === 'in-school' ? 'In school' : 'Out of school',
        outOfHours: c.out_of_hours,
        platform: c.platform,
        summary: redact(amended.summary),
        details: redact(amended.details),
        actions: entries
          .filter((e) => e.concern_id === c.id && e.kind !== 'amendment')
          .map((e) => ({ what: e.kind === 'action' ? actionLabel(e.action_key) : e.kind, note: redact(e.note), at: date(e.created_at) })),
      };
    }),
    concernsWithheld: allConcerns.length - concerns.length,
    photographs: (await repo.photographs(tx, pupilId)).map((p) => ({
      occasion: p.event_name,
      takenOn: p.taken_on,
      deleted: p.deleted_at !== null,
      archived: p.archived_at !== null,
    })),
    publications: (await repo.publications(tx, pupilId)).map((p) => ({
      where: channelLabel(p.channel),
      place: p.location,
      occasion: p.event_name,
      publishedAt: date(p.published_at),
      takenDownAt: date(p.taken_down_at),
    })),
    redactedTerms: names.length,
  };
}
export type PupilRecord = Awaited<ReturnType<typeof collect>>;

/** The zip: pupil.json for machines, pupil.html for people. Audited with who, which pupil and what was left out. */
export async function exportPupil(tx: SchoolTx, schoolId: string, actor: AuditActor, pupilId: string, options: SubjectAccessOptions, now = new Date()) {
  const record = await collect(tx, schoolId, pupilId, options, now);
  await recordAudit(tx, schoolId, actor, {
    action: 'pupil.subject-access-exported',
    subjectType: 'pupil',
    subjectId: record.pupil.id,
    detail: { concerns: record.concerns.length, withheld: record.concernsWithheld, redactedTerms: record.redactedTerms },
  });
  const zip = zipSync({
    'pupil.json': strToU8(JSON.stringify(record, null, 2)),
    'pupil.html': strToU8(subjectAccessHtml(record)),
  });
  const safeName = `${record.pupil.familyName}-${record.pupil.givenName}`.replace(/[^A-Za-z0-9-]+/g, '_');
  return { fileName: `subject-access-${safeName}-${now.toISOString().slice(0, 10)}.zip`, zip };
}

/** Subject access (the head or a DSL): the page lists the pupil's concerns so they can be withheld or names marked for redaction. */
export function createSubjectAccessService(schools: SchoolDatabase) {
  return {
    async prepare(actor: Actor, pupilId: string) {
      requireAccess(actor, 'export:pupil');
      return withSchool(schools, actor.schoolId, async (tx) => {
        const pupil = isUuid(pupilId) ? await repo.pupil(tx, pupilId) : undefined;
        if (!pupil) throw new NotFound();
        const { settings } = await currentSettings(tx, actor.schoolId);
        const concerns = (await repo.concernsAbout(tx, pupilId)).map((c) => ({
          id: c.id,
          label: `${settings.concerns.routes.find((r) => r.type === c.type)?.label ?? c.type}, recorded ${c.reported_at.toISOString().slice(0, 10)}`,
        }));
        return { pupil: { id: pupil.id, name: `${pupil.given_name} ${pupil.family_name}` }, concerns };
      });
    },

    async export(actor: Actor, pupilId: string, options: SubjectAccessOptions) {
      requireAccess(actor, 'export:pupil');
      return withSchool(schools, actor.schoolId, (tx) => exportPupil(tx, actor.schoolId, auditActor(actor), pupilId, options));
    },
  };
}
