import type { Config } from '../../config.ts';
import { requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { AppError, NotFound } from '../../platform/http/errors.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { currentSettings, settingsVersionOf } from '../settings/settings.service.ts';
import type { ConsentPurpose, PolicySettings } from '../settings/settings.schema.ts';
import * as repo from './consent.repository.ts';
import { pupilDisplayName as displayName } from '../people/names.ts';
import {
  answerProgress,
  consentStatus,
  effectiveBasis,
  isWithdrawal,
  type Basis,
  type CarerLink,
  type ConsentStatus,
  type Decision,
  type LapseContext,
} from './consent.rules.ts';

import { isUuid } from '../../platform/http/ids.ts';

export class Unprocessable extends AppError {
  constructor(code: string, message: string) {
    super(422, code, message);
  }
}

/**
 * Where children's images are published for purposes, one list per (pupil, purpose) asked, in the
 * same order, found together (a page of takedown tasks is one question); the photo library fills
 * this in (CON-6 → MED-6).
 */
export type PublishedImageFinder = (
  tx: SchoolTx,
  schoolId: string,
  wanted: readonly { pupilId: string; purpose: string }[],
) => Promise<{ label: string; href: string | null }[][]>;
export const noPublishedImages: PublishedImageFinder = async (_tx, _schoolId, wanted) => wanted.map(() => []);

export type Method = repo.NewDecision['method'];
export interface DecisionInput {
  decision: 'granted' | 'refused';
  carerId: string;
  method: Method;
  note?: string | null;
}

export function lapseContext(settings: PolicySettings, pupilYearGroup: number | null, now = new Date()): LapseContext {
  return { lapse: settings.consent.lapse, now, currentFormVersion: settings.consent.formVersion ?? 1, pupilYearGroup };
}

/** What a purpose key rests on: a settings purpose's basis (issue 19); an express permission request always asks. */
export function basisFor(settings: PolicySettings, purposeKey: string): Basis {
  const purpose = settings.consent.purposes.find((p) => p.key === purposeKey);
  return purpose ? effectiveBasis(purpose) : 'consent';
}

/**
 * Statuses of many pupils for many purposes, in three queries: each purpose's basis (issue 19)
 * applies, and a pupil who must never be photographed may not, whatever was answered.
 */
export async function statusesFor(tx: SchoolTx, settings: PolicySettings, pupils: Pick<repo.PupilForConsent, 'id' | 'year_group'>[], purposes: string[]) {
  const ids = pupils.map((p) => p.id);
  const [decisions, carers, neverPhotographed] = await Promise.all([
    repo.decisionsFor(tx, ids),
    repo.carerLinksFor(tx, ids),
    repo.doNotPhotographAmong(tx, ids),
  ]);
  return statusesFrom(settings, pupils, purposes, { decisions, carers, neverPhotographed });
}

/** The same statuses from what was read already (the class sheet reads it all in one statement). */
export function statusesFrom(
  settings: PolicySettings,
  pupils: Pick<repo.PupilForConsent, 'id' | 'year_group'>[],
  purposes: string[],
  read: { decisions: Map<string, Decision[]>; carers: Map<string, CarerLink[]>; neverPhotographed: ReadonlySet<string> },
) {
  const { decisions, carers, neverPhotographed } = read;
  const bases = new Map(purposes.map((purpose) => [purpose, basisFor(settings, purpose)]));
  return new Map(
    pupils.map((p) => [
      p.id,
      new Map(
        purposes.map(
          (purpose) =>
            [
              purpose,
              consentStatus(purpose, decisions.get(p.id) ?? [], carers.get(p.id) ?? [], lapseContext(settings, p.year_group), bases.get(purpose), {
                doNotPhotograph: neverPhotographed.has(p.id),
              }),
            ] as const,
        ),
      ),
    ]),
  );
}

/**
 * Records one carer's answer for one pupil and purpose (CON-2), appended to the history. When it
 * withdraws consent that was given, a takedown task is raised for the headteacher (CON-6).
 */
export async function appendDecision(
  tx: SchoolTx,
  schoolId: string,
  settings: PolicySettings,
  who: { id: string | null; label: string },
  pupil: Pick<repo.PupilForConsent, 'id' | 'year_group'>,
  purpose: string,
  input: DecisionInput,
  requestId: string | null,
  baseUrl: string,
) {
  const before = (await statusesFor(tx, settings, [pupil], [purpose])).get(pupil.id)!.get(purpose)!;
  const row = await repo.insertDecision(tx, schoolId, {
    pupilId: pupil.id,
    purpose,
    decision: input.decision,
    carerId: input.carerId,
    method: input.method,
    formVersion: settings.consent.formVersion ?? 1,
    yearGroup: pupil.year_group,
    note: input.note?.trim() || null,
    requestId,
    recordedBy: who.id,
    recordedByLabel: who.label,
  });
  const after = (await statusesFor(tx, settings, [pupil], [purpose])).get(pupil.id)!.get(purpose)!;
  await recordAudit(tx, schoolId, who, {
    action: 'consent.recorded',
    subjectType: 'pupil',
    subjectId: pupil.id,
    detail: { purpose, decision: input.decision, method: input.method, carerId: input.carerId, status: after },
  });
  if (isWithdrawal(before, after)) {
    const task = await repo.insertTakedownTask(tx, schoolId, pupil.id, purpose, row.id);
    await recordAudit(tx, schoolId, who, {
      action: 'consent.withdrawn',
      subjectType: 'pupil',
      subjectId: pupil.id,
      detail: { purpose, takedownTask: task.id },
    });
    for (const head of await repo.headteacherEmails(tx)) {
      await enqueueMail(tx, schoolId, {
        to: head.email!,
        subject: 'A photo consent withdrawal needs your attention',
        text: `A carer has withdrawn photo consent. Check where that child's photographs are published and take them down:\n${baseUrl}/consent/takedowns`,
      });
    }
  }
  return { id: row.id, recordedAt: row.recorded_at, status: after };
}

export function createConsentService(
  schools: SchoolDatabase,
  config: Config,
  options: { onMail?: () => void; findPublishedImages?: PublishedImageFinder } = {},
) {
  const findImages = options.findPublishedImages ?? noPublishedImages;
  const inSchool = <T>(actor: Actor, work: (tx: SchoolTx) => Promise<T>) => withSchool(schools, actor.schoolId, work);
  const settingsOf = async (tx: SchoolTx, actor: Actor) => (await currentSettings(tx, actor.schoolId)).settings;
  const activePurposes = (settings: PolicySettings) => settings.consent.purposes.filter((p) => p.active);

  return {
    async purposes(actor: Actor): Promise<ConsentPurpose[]> {
      requireAccess(actor, 'consent:consult');
      return inSchool(actor, async (tx) => (await settingsOf(tx, actor)).consent.purposes);
    },

    async record(actor: Actor, pupilId: string, purposeKey: string, input: DecisionInput) {
      requireAccess(actor, 'consent:record');
      if (!isUuid(pupilId)) throw new NotFound('There is no such pupil');
      const result = await inSchool(actor, async (tx) => {
        const settings = await settingsOf(tx, actor);
        const purpose = settings.consent.purposes.find((p) => p.key === purposeKey);
        if (!purpose) throw new NotFound(`There is no consent purpose "${purposeKey}"`);
        if (!purpose.active) throw new Unprocessable('purpose_retired', `${purpose.label} is no longer asked for; its history is kept`);
        if (effectiveBasis(purpose) === 'public-task')
          throw new Unprocessable('public_task', `${purpose.label}: no consent asked — the school’s public task, so no answer is recorded for it`);
        const pupil = await repo.findPupil(tx, pupilId);
        if (!pupil) throw new NotFound('There is no such pupil');
        const carer = (await repo.carersOf(tx, pupilId)).find((c) => c.id === input.carerId);
        if (!carer) throw new Unprocessable('not_a_carer', 'That person is not a carer of this pupil');
        if (!carer.parental_responsibility)
          throw new Unprocessable(
            'no_parental_responsibility',
            `${carer.given_name} ${carer.family_name} does not have parental responsibility, so cannot answer for this pupil`,
          );
        // A contact restricted by a court order is never asked (issue 20); an answer from them on paper is not taken either.
        if (carer.court_order)
          throw new Unprocessable(
            'court_order',
            `${carer.given_name} ${carer.family_name} is restricted by a court order, so an answer from them is not recorded: speak to the Designated Safeguarding Lead`,
          );
        const saved = await appendDecision(tx, actor.schoolId, settings, auditActor(actor), pupil, purposeKey, input, null, config.baseUrl);
        return {
          pupilId,
          purpose: purposeKey,
          decision: input.decision,
          carerId: input.carerId,
          method: input.method,
          recordedAt: saved.recordedAt.toISOString(),
          recordedBy: actor.staffId,
          status: saved.status,
        };
      });
      options.onMail?.();
      return result;
    },

    /** The whole history and the current answer per purpose (CON-2, CON-5); each view is audited. */
    async pupilConsent(actor: Actor, pupilId: string) {
      requireAccess(actor, 'consent:history');
      if (!isUuid(pupilId)) throw new NotFound('There is no such pupil');
      return inSchool(actor, async (tx) => {
        const pupil = await repo.findPupil(tx, pupilId);
        if (!pupil) throw new NotFound('There is no such pupil');
        const settings = await settingsOf(tx, actor);
        const purposes = settings.consent.purposes;
        const statuses = (
          await statusesFor(
            tx,
            settings,
            [pupil],
            purposes.map((p) => p.key),
          )
        ).get(pupil.id)!;
        const history = await repo.history(tx, pupilId);
        await recordAudit(tx, actor.schoolId, auditActor(actor), { action: 'consent.history-viewed', subjectType: 'pupil', subjectId: pupilId });
        return {
          pupil: { ...pupil, displayName: displayName(pupil) },
          settings,
          carers: await repo.carersOf(tx, pupilId),
          current: purposes.map((p) => ({ purpose: p, status: statuses.get(p.key)! })),
          history,
        };
      });
    },

    /** CON-3: who may, may not, or has no answer, for a class and a purpose. Every pupil on roll in exactly one list. */
    async photoList(actor: Actor, classId: string, purposeKey: string) {
      const sheet = await this.classSheet(actor, classId, purposeKey);
      return { class: sheet.class, ...sheet.list! };
    },

    /**
     * A class against every current purpose (the staff-room sheet), and when a purpose is chosen the
     * three lists for it (the trip view) — one transaction, one pass of the rule.
     */
    async classSheet(actor: Actor, classId: string, purposeKey: string | null = null) {
      requireAccess(actor, 'consent:consult');
      if (!isUuid(classId)) throw new NotFound('There is no such class');
      const read = await repo.classSheetData(schools, actor.schoolId, classId);
      if (!read) throw new NotFound('There is no such class');
      const { settings } = settingsVersionOf(read.settings);
      const purposes = activePurposes(settings);
      const chosen = purposeKey === null ? null : settings.consent.purposes.find((p) => p.key === purposeKey);
      if (chosen === undefined) throw new NotFound(`There is no consent purpose "${purposeKey}"`);
      const { pupils } = read;
      const keys = [...new Set([...purposes.map((p) => p.key), ...(chosen ? [chosen.key] : [])])];
      const neverPhotographed = new Set(pupils.filter((p) => p.do_not_photograph).map((p) => p.id));
      const statuses = statusesFrom(settings, pupils, keys, { ...read, neverPhotographed });
      const list = chosen ? { purpose: chosen, may: [] as typeof pupils, mayNot: [] as typeof pupils, noAnswer: [] as typeof pupils } : null;
      if (list) {
        for (const p of pupils) {
          const status = statuses.get(p.id)!.get(list.purpose.key)!;
          list[status === 'may' ? 'may' : status === 'may-not' ? 'mayNot' : 'noAnswer'].push(p);
        }
      }
      return {
        class: read.class,
        purposes,
        list,
        rows: pupils.map((p) => {
          const row = purposes.map((purpose) => statuses.get(p.id)!.get(purpose.key)!);
          return { pupil: { ...p, displayName: displayName(p) }, statuses: row, nothingAllowed: row.every((s) => s !== 'may') };
        }),
      };
    },

    /** Per class: families who have answered every purpose, some, or none (CON-4). */
    async progress(actor: Actor) {
      requireAccess(actor, 'consent:consult');
      return inSchool(actor, async (tx) => {
        const settings = await settingsOf(tx, actor);
        // Issue 19: a purpose that is the school's public task is not asked, so it is no part of how far a family has got.
        const purposes = activePurposes(settings)
          .filter((p) => effectiveBasis(p) !== 'public-task')
          .map((p) => p.key);
        const classes = await repo.activeClasses(tx);
        const pupils = await repo.pupilsOnRollIn(tx, {});
        const statuses = await statusesFor(tx, settings, pupils, purposes);
        return classes.map((c) => {
          const counts: Record<string, number> = { answered: 0, 'partly-answered': 0, 'not-answered': 0 };
          for (const p of pupils.filter((x) => x.class_id === c.id)) counts[answerProgress(purposes.map((k) => statuses.get(p.id)!.get(k)!))]++;
          return { ...c, answered: counts.answered, partly: counts['partly-answered'], notAnswered: counts['not-answered'] };
        });
      });
    },

    async takedowns(actor: Actor) {
      requireAccess(actor, 'consent:takedown');
      return inSchool(actor, async (tx) => {
        const tasks = await repo.openTakedownTasks(tx);
        const images = await findImages(
          tx,
          actor.schoolId,
          tasks.map((t) => ({ pupilId: t.pupil_id, purpose: t.purpose })),
        );
        return tasks.map((t, i) => ({ ...t, displayName: displayName(t), images: images[i] ?? [] }));
      });
    },

    async completeTakedown(actor: Actor, taskId: string) {
      requireAccess(actor, 'consent:takedown');
      if (!isUuid(taskId)) throw new NotFound();
      await inSchool(actor, async (tx) => {
        if (!(await repo.completeTakedownTask(tx, taskId, actor.staffId))) throw new NotFound();
        await recordAudit(tx, actor.schoolId, auditActor(actor), { action: 'consent.takedown-done', subjectType: 'takedown', subjectId: taskId });
      });
    },
  };
}

export type ConsentService = ReturnType<typeof createConsentService>;
export type { ConsentStatus };
