import { formatDay } from '../../platform/text/dates.ts';
import { randomUUID } from 'node:crypto';
import type { Config } from '../../config.ts';
import { requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { newToken, tokenHash } from '../../platform/auth/secrets.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { NotFound, ValidationError, type FieldProblem } from '../../platform/http/errors.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { currentSettings } from '../settings/settings.service.ts';
import type { PolicySettings } from '../settings/settings.schema.ts';
import * as repo from './consent-requests.repository.ts';
import { pupilsOnRollIn, responsibleCarersOf, type PupilForConsent } from './consent.repository.ts';
import { listClasses, listPupils } from '../people/people.repository.ts';
import { statusesFor } from './consent.service.ts';
import { effectiveBasis } from './consent.rules.ts';
import { isUuid } from '../../platform/http/ids.ts';
import { homeSchoolAgreement, offerWithConsent } from '../agreements/agreements.combined.ts';

export type RequestScope =
  | { scope: 'class'; classId: string }
  | { scope: 'year-group'; yearGroup: number }
  | { scope: 'pupils'; pupilIds: string[] }
  | { scope: 'new-admissions'; admittedSince: string }
  | { scope: 'no-answer' };

export interface ExpressInput {
  title: string;
  description: string;
  pupilIds: string[];
}

/** What carers are asked about in a request: the school's purposes, or one particular use. */
export function requestPurposes(request: { kind: string; purposes: string[]; title: string; description: string | null }, settings: PolicySettings) {
  if (request.kind === 'express') return request.purposes.map((key) => ({ key, label: request.title, description: request.description ?? request.title }));
  return request.purposes.map((key) => settings.consent.purposes.find((p) => p.key === key)).filter((p): p is NonNullable<typeof p> => Boolean(p));
}

/**
 * Issue 19: what a carer's form asks and what it only tells. A purpose that is the school's public
 * task is not asked (answers to it would not count); the form names it as such.
 */
export function carerFormPurposes(request: { kind: string; purposes: string[]; title: string; description: string | null }, settings: PolicySettings) {
  const isPublicTask = (key: string) => {
    const purpose = settings.consent.purposes.find((p) => p.key === key);
    return request.kind !== 'express' && purpose !== undefined && effectiveBasis(purpose) === 'public-task';
  };
  const asked = requestPurposes(request, settings)
    .filter((p) => !isPublicTask(p.key))
    .map((p) => {
      const purpose = settings.consent.purposes.find((q) => q.key === p.key);
      return { ...p, optOut: request.kind !== 'express' && purpose !== undefined && effectiveBasis(purpose) === 'opt-out' };
    });
  const told = request.kind === 'express' ? [] : settings.consent.purposes.filter((p) => p.active && effectiveBasis(p) === 'public-task');
  return { asked, told };
}

function isRealDate(iso: string): boolean {
  const time = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? Date.parse(`${iso}T00:00:00Z`) : NaN;
  // 2026-02-30 parses as 2 March: only a date that comes back the same is real.
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === iso;
}

/** Choices a form or a crafted post can get wrong, refused before the database sees them. */
function scopeProblems(s: RequestScope): FieldProblem[] {
  switch (s.scope) {
    case 'class':
      return isUuid(s.classId) ? [] : [{ field: 'classId', message: 'Choose a class from the list' }];
    case 'year-group':
      return Number.isInteger(s.yearGroup) && Math.abs(s.yearGroup) <= 20 ? [] : [{ field: 'yearGroup', message: 'Choose a year group from the list' }];
    case 'new-admissions':
      return isRealDate(s.admittedSince) ? [] : [{ field: 'admittedSince', message: 'Enter the first admission date as a real date, like 1 9 2026' }];
    case 'pupils':
    case 'no-answer':
      return [];
  }
}

const scopeLabel = (s: RequestScope) =>
  ({
    class: 'a class',
    'year-group': 'a year group',
    pupils: 'chosen pupils',
    'new-admissions': 'new admissions',
    'no-answer': 'pupils with missing or lapsed answers',
  })[s.scope];

/** What an express request needs before it can be checked or sent. */
export function expressProblems(input: ExpressInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!input.title.trim()) problems.push({ field: 'title', message: 'Enter what the photographs are for, like “Sports Day article in the local paper”' });
  if (!input.description.trim())
    problems.push({ field: 'description', message: 'Describe exactly how the photographs will be used, including whether names will be given' });
  if (input.pupilIds.filter(isUuid).length === 0) problems.push({ field: 'pupils', message: 'Choose at least one pupil' });
  return problems;
}

export function createConsentRequestService(schools: SchoolDatabase, config: Config, onMail: () => void = () => {}) {
  const inSchool = <T>(actor: Actor, work: (tx: SchoolTx) => Promise<T>) => withSchool(schools, actor.schoolId, work);

  async function pupilsInScope(tx: SchoolTx, settings: PolicySettings, s: RequestScope) {
    switch (s.scope) {
      case 'class':
        return pupilsOnRollIn(tx, { classId: s.classId });
      case 'year-group':
        return pupilsOnRollIn(tx, { yearGroup: s.yearGroup });
      case 'pupils':
        return pupilsOnRollIn(tx, { pupilIds: s.pupilIds.filter(isUuid) });
      case 'new-admissions':
        return pupilsOnRollIn(tx, { admittedSince: s.admittedSince });
      case 'no-answer': {
        // Renewal: everyone with a purpose unanswered or lapsed.
        const all = await pupilsOnRollIn(tx, {});
        const keys = settings.consent.purposes.filter((p) => p.active).map((p) => p.key);
        const statuses = await statusesFor(tx, settings, all, keys);
        return all.filter((p) => keys.some((k) => statuses.get(p.id)!.get(k) === 'no-answer'));
      }
    }
  }

  /**
   * One personal link per carer with parental responsibility, covering all their children in the
   * request; with an agreement, the same link goes on to it, so the family signs both in one visit.
   */
  async function createLinks(
    tx: SchoolTx,
    actor: Actor,
    settings: PolicySettings,
    request: { id: string; title: string },
    pupils: PupilForConsent[],
    agreement?: { id: string; title: string },
  ) {
    const carers = new Map<string, { email: string | null }>();
    for (const carer of await responsibleCarersOf(
      tx,
      pupils.map((p) => p.id),
    ))
      carers.set(carer.id, { email: carer.email });
    const expiresAt = new Date(Date.now() + (settings.consent.linkValidDays ?? 28) * 86400_000);
    let emailed = 0;
    for (const [carerId, carer] of carers) {
      const token = newToken();
      await repo.insertLink(tx, {
        schoolId: actor.schoolId,
        requestId: request.id,
        carerId,
        tokenHash: tokenHash(token),
        expiresAt,
        emailedAt: carer.email ? new Date() : null,
      });
      if (agreement) await offerWithConsent(tx, { schoolId: actor.schoolId, agreementId: agreement.id, carerId, consentToken: token, expiresAt });
      if (!carer.email) continue;
      emailed++;
      const alsoSign = agreement
        ? `\n\nThe school also asks you to read and sign the ${agreement.title.toLowerCase()}: the same link takes you there once you have answered.`
        : '';
      await enqueueMail(tx, actor.schoolId, {
        to: carer.email,
        subject: `${actor.schoolName}: please answer about photographs${agreement ? ` and sign the ${agreement.title.toLowerCase()}` : ''}`,
        text: `${actor.schoolName} asks for your answers about photographs of your child: ${request.title}.${alsoSign}\n\nOpen your personal link (it works until ${formatDay(expiresAt)}; please do not share it):\n${config.baseUrl}/consent/answer/${token}\n\nIf you would rather answer on paper, ask the school office for a form.`,
      });
    }
    return { carers: carers.size, emailed, withoutEmail: carers.size - emailed };
  }

  /** Who a request would reach, before anything is written: for the "check before you send" page. */
  async function audienceOf(tx: SchoolTx, pupils: PupilForConsent[]) {
    const carers = await responsibleCarersOf(
      tx,
      pupils.map((p) => p.id),
    );
    const emailed = carers.filter((k) => k.email).length;
    return { pupils: pupils.length, carers: carers.length, emailed, withoutEmail: carers.length - emailed };
  }

  return {
    /** CON-4: how many pupils and families a request would reach; refuses the same choices `start` refuses, and sends nothing. */
    async preview(actor: Actor, scope: RequestScope) {
      requireAccess(actor, 'consent:request');
      const problems = scopeProblems(scope);
      if (problems.length) throw new ValidationError(problems);
      const field = scope.scope === 'pupils' ? 'pupils' : 'scope';
      return inSchool(actor, async (tx) => {
        const settings = (await currentSettings(tx, actor.schoolId)).settings;
        const pupils = await pupilsInScope(tx, settings, scope);
        if (pupils.length === 0)
          throw new ValidationError([{ field, message: field === 'pupils' ? 'Choose at least one pupil on roll' : 'No pupils on roll match that choice' }]);
        return audienceOf(tx, pupils);
      });
    },

    /** The classes to ask about (everyone who may ask carers may read the class lists). */
    async classChoices(actor: Actor) {
      requireAccess(actor, 'consent:request');
      return inSchool(actor, (tx) => listClasses(tx));
    },

    /** The pupils on roll to choose from for express permission. */
    async pupilChoices(actor: Actor) {
      requireAccess(actor, 'consent:request');
      return inSchool(actor, (tx) => listPupils(tx, 'on-roll'));
    },

    /**
     * CON-4: ask every carer with parental responsibility of the chosen pupils; with `withAgreement`,
     * the home-school agreement too, from the same link (AGR-2).
     */
    async start(actor: Actor, scope: RequestScope, options: { withAgreement?: boolean } = {}) {
      requireAccess(actor, 'consent:request');
      const problems = scopeProblems(scope);
      if (problems.length) throw new ValidationError(problems);
      const result = await inSchool(actor, async (tx) => {
        const settings = (await currentSettings(tx, actor.schoolId)).settings;
        const pupils = await pupilsInScope(tx, settings, scope);
        if (pupils.length === 0) throw new ValidationError([{ field: 'scope', message: 'No pupils on roll match that choice' }]);
        const agreement = options.withAgreement ? await homeSchoolAgreement(tx) : undefined;
        if (options.withAgreement && !agreement)
          throw new ValidationError([{ field: 'withAgreement', message: 'The school has no published home-school agreement to include' }]);
        const request = await repo.insertRequest(tx, {
          schoolId: actor.schoolId,
          kind: 'standard',
          title: 'Photographs and media',
          description: null,
          purposes: settings.consent.purposes.filter((p) => p.active).map((p) => p.key),
          scope: scopeLabel(scope),
          formVersion: settings.consent.formVersion ?? 1,
          expiresAt: new Date(Date.now() + (settings.consent.linkValidDays ?? 28) * 86400_000),
          createdBy: actor.staffId,
        });
        await repo.addRequestPupils(
          tx,
          actor.schoolId,
          request.id,
          pupils.map((p) => p.id),
        );
        const links = await createLinks(tx, actor, settings, request, pupils, agreement);
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'consent.request-started',
          subjectType: 'consent-request',
          subjectId: request.id,
          detail: { scope: scope.scope, pupils: pupils.length, ...links, ...(agreement ? { agreement: agreement.id } : {}) },
        });
        return { requestId: request.id, pupils: pupils.length, ...links };
      });
      onMail();
      return result;
    },

    /** CON-1, 000 D: permission for one particular use, asked in advance of the chosen pupils' carers. */
    async startExpress(actor: Actor, input: ExpressInput) {
      requireAccess(actor, 'consent:request');
      const problems = expressProblems(input);
      if (problems.length) throw new ValidationError(problems);
      const result = await inSchool(actor, async (tx) => {
        const settings = (await currentSettings(tx, actor.schoolId)).settings;
        const pupils = await pupilsOnRollIn(tx, { pupilIds: input.pupilIds.filter(isUuid) });
        if (pupils.length === 0) throw new ValidationError([{ field: 'pupils', message: 'Choose at least one pupil on roll' }]);
        const id = randomUUID();
        const request = await repo.insertRequest(tx, {
          id,
          schoolId: actor.schoolId,
          kind: 'express',
          title: input.title.trim(),
          description: input.description.trim(),
          purposes: [`express:${id}`],
          scope: 'chosen pupils',
          formVersion: settings.consent.formVersion ?? 1,
          expiresAt: new Date(Date.now() + (settings.consent.linkValidDays ?? 28) * 86400_000),
          createdBy: actor.staffId,
        });
        await repo.addRequestPupils(
          tx,
          actor.schoolId,
          id,
          pupils.map((p) => p.id),
        );
        const links = await createLinks(tx, actor, settings, request, pupils);
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'consent.express-request-started',
          subjectType: 'consent-request',
          subjectId: id,
          detail: { pupils: pupils.length, ...links },
        });
        return { requestId: id, pupils: pupils.length, ...links };
      });
      onMail();
      return result;
    },

    async list(actor: Actor) {
      requireAccess(actor, 'consent:consult');
      return inSchool(actor, (tx) => repo.listRequests(tx));
    },

    /** A request's pupils with their answers for its purposes, and each family's link. */
    async detail(actor: Actor, requestId: string) {
      requireAccess(actor, 'consent:consult');
      if (!isUuid(requestId)) throw new NotFound();
      return inSchool(actor, async (tx) => {
        const request = await repo.findRequest(tx, requestId);
        if (!request) throw new NotFound();
        const settings = (await currentSettings(tx, actor.schoolId)).settings;
        const purposes = requestPurposes(request, settings);
        const pupilIds = await repo.requestPupilIds(tx, requestId);
        const pupils = await pupilsOnRollIn(tx, { pupilIds });
        const statuses = await statusesFor(
          tx,
          settings,
          pupils,
          purposes.map((p) => p.key),
        );
        const links = await repo.linksOfRequest(tx, requestId);
        return { request, purposes, links, pupils: pupils.map((p) => ({ ...p, statuses: purposes.map((k) => statuses.get(p.id)!.get(k.key)!) })) };
      });
    },

    async revokeLink(actor: Actor, requestId: string, linkId: string) {
      requireAccess(actor, 'consent:request');
      if (!isUuid(requestId) || !isUuid(linkId)) throw new NotFound();
      await inSchool(actor, async (tx) => {
        if (!(await repo.revokeLink(tx, requestId, linkId))) throw new NotFound();
        await recordAudit(tx, actor.schoolId, auditActor(actor), { action: 'consent.link-revoked', subjectType: 'consent-link', subjectId: linkId });
      });
    },

    /** A printable paper form for a family without e-mail: their children and the request's purposes. */
    async paperForm(actor: Actor, requestId: string, carerId: string) {
      requireAccess(actor, 'consent:request');
      if (!isUuid(requestId) || !isUuid(carerId)) throw new NotFound();
      return inSchool(actor, async (tx) => {
        const request = await repo.findRequest(tx, requestId);
        const carer = await repo.findCarer(tx, carerId);
        if (!request || !carer) throw new NotFound();
        const settings = (await currentSettings(tx, actor.schoolId)).settings;
        const children = await repo.requestChildrenOfCarer(tx, requestId, carerId);
        if (children.length === 0) throw new NotFound();
        const { asked, told } = carerFormPurposes(request, settings);
        return { request, carer, children, purposes: asked, told };
      });
    },
  };
}

export type ConsentRequestService = ReturnType<typeof createConsentRequestService>;
