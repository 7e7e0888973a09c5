import type { Config } from '../../config.ts';
import { requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { ValidationError, type FieldProblem } from '../../platform/http/errors.ts';
import { currentSettings } from '../settings/settings.service.ts';
import { evidenceFileProblem, reportProblems, type EvidenceFile, type ReportInput } from './concerns.input.ts';
import { routeFor, typeLabel } from './concerns.record.ts';
import * as repo from './concerns.repository.ts';
import { isRestricted, routeConcern } from './concerns.rules.ts';
import { createConcernActions } from './concerns.actions.ts';
import { createConcernQueries } from './concerns.queries.ts';

export interface Reported {
  id: string;
  type: string;
  status: 'open';
  reportedBy: string;
  reportedAt: Date;
  routedTo: { userId: string; reason: string }[];
  /** People the policy names who may not see this record, and why: said to the reporter and those routed, never dropped silently. */
  notTold: { userId: string; reason: string }[];
  /** True when a file came with a report about nude images of a child, and was not kept. */
  fileRefused: boolean;
}

/** Checks that the people picked exist in this school (row-level security hides every other school's). */
async function unknownPeople(tx: SchoolTx, input: ReportInput): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  for (const [field, table, ids] of [
    ['pupilIds', 'pupils', input.pupilIds],
    ['staffIds', 'staff', input.staffIds],
    ['carerIds', 'carers', input.carerIds],
  ] as const) {
    const found = await repo.existingIds(tx, table, ids);
    if (ids.some((id) => !found.has(id))) problems.push({ field, message: 'Choose people from the list' });
  }
  return problems;
}

export function createConcernsService(schools: SchoolDatabase, config: Config, onMail: () => void = () => {}) {
  const inSchool = <T>(actor: Actor, work: (tx: SchoolTx) => Promise<T>) => withSchool(schools, actor.schoolId, work);

  return {
    ...createConcernQueries(schools),
    ...createConcernActions(schools),

    /** INC-1, INC-2, INC-3: records a report as written, routes it from the policy and e-mails those routed (no details). */
    async report(actor: Actor, input: ReportInput, files: EvidenceFile[] = []): Promise<Reported> {
      requireAccess(actor, 'concern:report');
      const unique = (ids: string[]) => [...new Set(ids)];
      input = {
        ...input,
        pupilIds: unique(input.pupilIds),
        staffIds: unique(input.staffIds),
        carerIds: unique(input.carerIds),
        others: unique(input.others.map((o) => o.trim()).filter(Boolean)),
        summary: input.summary.trim(),
        details: input.details.trim(),
        platform: input.platform?.trim() || null,
      };
      // UKCIS: nude or sexual images of a child are never viewed, copied or stored by staff.
      const fileRefused = input.involvesNudeImages && files.length > 0;
      const kept = input.involvesNudeImages ? [] : files;
      const result = await inSchool(actor, async (tx) => {
        const { settings } = await currentSettings(tx, actor.schoolId);
        const problems = reportProblems(input, settings);
        if (problems.length === 0) problems.push(...(await unknownPeople(tx, input)));
        for (const file of kept) {
          const problem = evidenceFileProblem(file);
          if (problem) problems.push({ field: 'evidence', message: problem });
        }
        if (problems.length) throw new ValidationError(problems);
        const route = routeFor(settings, input.type)!;
        const staff = await repo.activeStaffWithRoles(tx);
        const { routed, notTold } = routeConcern({
          route,
          involvesNudeImages: input.involvesNudeImages,
          reporterId: actor.staffId,
          staff,
          classTeachers: await repo.classTeachersOf(tx, input.pupilIds),
          lineManagerId: staff.find((s) => s.id === actor.staffId)?.line_manager_id ?? null,
        });
        const restricted = isRestricted(route, { involvesNudeImages: input.involvesNudeImages });
        const concern = await repo.insertConcern(tx, {
          school_id: actor.schoolId,
          type: input.type,
          summary: input.summary,
          details: input.details,
          occurred_at: input.occurredAt!,
          location: input.location as 'in-school' | 'out-of-school',
          out_of_hours: input.outOfHours,
          platform: input.platform,
          involves_nude_images: input.involvesNudeImages,
          restricted,
          reported_by: actor.staffId,
        });
        await repo.insertPeople(tx, actor.schoolId, concern.id, [
          ...input.pupilIds.map((id) => ({ kind: 'pupil' as const, pupil_id: id })),
          ...input.staffIds.map((id) => ({ kind: 'staff' as const, staff_id: id })),
          ...input.carerIds.map((id) => ({ kind: 'carer' as const, carer_id: id })),
          ...input.others.map((name) => ({ kind: 'other' as const, name })),
        ]);
        for (const url of input.links) await repo.insertEvidence(tx, { school_id: actor.schoolId, concern_id: concern.id, added_by: actor.staffId, url });
        for (const f of kept) {
          await repo.insertEvidence(tx, {
            school_id: actor.schoolId,
            concern_id: concern.id,
            added_by: actor.staffId,
            file_name: f.fileName,
            content_type: f.contentType,
            content: f.bytes,
          });
        }
        await repo.insertRoutes(tx, actor.schoolId, concern.id, routed);
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'concern.reported',
          subjectType: 'concern',
          subjectId: concern.id,
          detail: {
            type: input.type,
            routedTo: routed.map((r) => r.staffId),
            ...(notTold.length ? { notTold } : {}),
            ...(fileRefused ? { fileRefused: true } : {}),
          },
        });
        const label = typeLabel(settings, input.type);
        const urgent = route.immediate || input.involvesNudeImages;
        const notToldNames = new Map(staff.map((s) => [s.id, s.name]));
        const notToldLines = notTold.map((r) => `- ${notToldNames.get(r.staffId) ?? 'A member of staff'} (${r.reason})`);
        const notToldText = notToldLines.length
          ? `\n\nThe policy also names these people, who have not been told:\n${notToldLines.join('\n')}\nDecide whether anything needs to reach them another way.`
          : '';
        for (const contact of await repo.staffContacts(
          tx,
          routed.map((r) => r.staffId),
        )) {
          await enqueueMail(tx, actor.schoolId, {
            to: contact.email!,
            subject: urgent ? `Act now: a concern (${label}) needs you` : `A concern (${label}) needs you`,
            text: `A concern of the type "${label}" was reported on eSafety Office and the school's policy says it needs you${urgent ? ' now' : ''}.${notToldText}\n\nOpen it here (you will be asked to sign in):\n${config.baseUrl}/concerns/${concern.id}\n\nThe details are kept on eSafety Office only; do not forward this e-mail.`,
          });
        }
        return {
          id: concern.id,
          reportedAt: concern.reported_at,
          routed,
          notTold: notTold.map((r) => ({ userId: r.staffId, reason: `${notToldNames.get(r.staffId) ?? 'A member of staff'}, ${r.reason}` })),
        };
      });
      onMail();
      return {
        id: result.id,
        type: input.type,
        status: 'open',
        reportedBy: actor.staffId,
        reportedAt: result.reportedAt,
        routedTo: result.routed.map((r) => ({ userId: r.staffId, reason: r.reason })),
        notTold: result.notTold,
        fileRefused,
      };
    },
  };
}

export type ConcernsService = ReturnType<typeof createConcernsService>;
