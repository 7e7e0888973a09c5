import { requireAccess, may } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { NotFound, Unprocessable, ValidationError } from '../../platform/http/errors.ts';
import { agreementOr404 } from './agreements.service.ts';
import { progressOf } from './agreements.progress.ts';
import * as repo from './agreements.repository.ts';
import { signedOnProblem, staffInAudience, todayIso } from './agreements.rules.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Method = 'online' | 'paper' | 'recorded-by-teacher';

export interface SignatureInput {
  staffId?: string;
  carerId?: string;
  pupilId?: string;
  method: Method;
  signedOn: string;
}

/**
 * Signatures recorded by the school (AGR-1): staff signing for themselves, the office recording
 * paper forms, teachers recording their classes. Families' own online signatures come through
 * their personal link (agreements-link.service.ts).
 */
export function createAgreementSignatureService(schools: SchoolDatabase) {
  const inSchool = <T>(actor: Actor, work: (tx: SchoolTx) => Promise<T>) => withSchool(schools, actor.schoolId, work);

  /**
   * Records one signature after checking who may record it and that the person is in the
   * agreement's audience; problems are 422s naming the field (the API's contract).
   */
  async function record(tx: SchoolTx, actor: Actor, agreement: repo.AgreementRow, input: SignatureInput, typedName: string | null = null) {
    if (agreement.version === 0) throw new Unprocessable('This agreement has no published version to sign yet', 'id');
    const given = [input.staffId, input.carerId].filter(Boolean).length;
    if (given > 1 || (!input.staffId && !input.carerId && !input.pupilId)) throw new Unprocessable('Give one of staffId, carerId or pupilId', 'staffId');
    const dateProblem = signedOnProblem(input.signedOn, todayIso());
    if (dateProblem) throw new Unprocessable(dateProblem, 'signedOn');
    const base = { schoolId: actor.schoolId, agreementId: agreement.id, version: agreement.version, method: input.method, signedOn: input.signedOn };
    const by = { recordedBy: actor.staffId, recordedByLabel: actor.name };
    const audit = (detail: Record<string, unknown>) =>
      recordAudit(tx, actor.schoolId, auditActor(actor), {
        action: 'agreement.signed',
        subjectType: 'agreement',
        subjectId: agreement.id,
        detail: { version: agreement.version, method: input.method, signedOn: input.signedOn, ...detail },
      });

    if (input.staffId) {
      if (input.pupilId) throw new Unprocessable('A member of staff signs for themselves: leave out pupilId', 'pupilId');
      const staff = uuid.test(input.staffId) ? await repo.findStaff(tx, input.staffId) : undefined;
      if (!staff || !staff.active) throw new Unprocessable('There is no member of staff with this id', 'staffId');
      // Someone else's signature is recorded only by the office and leaders; to anyone else, that person is not there.
      if (input.staffId !== actor.staffId && !may(actor, 'agreement:record')) throw new NotFound('No such member of staff');
      if (!staffInAudience(staff.roles, agreement.audience))
        throw new Unprocessable(`${staff.name} is not asked to sign this agreement (it is for ${agreement.audience.join(', ')})`, 'staffId');
      if (input.method === 'recorded-by-teacher') throw new Unprocessable('Staff sign online or on paper', 'method');
      const id = await repo.insertSignature(tx, { ...base, ...by, staffId: staff.id, typedName });
      await audit({ staffId: staff.id });
      return id;
    }

    if (input.carerId) {
      if (!may(actor, 'agreement:record')) throw new NotFound('No such carer');
      if (!agreement.audience.includes('carers')) throw new Unprocessable('This agreement is not signed by parents and carers', 'carerId');
      const carer = uuid.test(input.carerId) ? await repo.findCarer(tx, input.carerId) : undefined;
      if (!carer || !carer.active) throw new Unprocessable('There is no carer with this id', 'carerId');
      const children = await repo.childrenOfCarer(tx, carer.id);
      if (children.length === 0) throw new Unprocessable(`${carer.name} has parental responsibility for no pupil on roll`, 'carerId');
      let pupilId = input.pupilId;
      if (!pupilId) {
        if (children.length > 1) throw new Unprocessable('This carer has more than one child at the school: say which (pupilId)', 'pupilId');
        pupilId = children[0].id;
      }
      if (!children.some((c) => c.id === pupilId)) throw new Unprocessable('This carer has no parental responsibility for this pupil', 'pupilId');
      if (input.method === 'recorded-by-teacher') throw new Unprocessable('Carers sign online or on paper', 'method');
      const id = await repo.insertSignature(tx, { ...base, ...by, carerId: carer.id, pupilId, typedName });
      await audit({ carerId: carer.id, pupilId });
      return id;
    }

    const pupil = uuid.test(input.pupilId!) ? await repo.findPupil(tx, input.pupilId!) : undefined;
    if (!pupil || !pupil.on_roll) throw new Unprocessable('There is no pupil on roll with this id', 'pupilId');
    if (!may(actor, 'agreement:record')) {
      requireAccess(actor, 'agreement:record-pupils');
      if (!pupil.class_id || !(await repo.teachesClass(tx, actor.staffId, pupil.class_id))) throw new NotFound('No such pupil in your classes');
    }
    if (!agreement.audience.includes('pupils')) throw new Unprocessable('This agreement is not signed by pupils', 'pupilId');
    if (input.method === 'online') throw new Unprocessable('A pupil’s agreement is recorded by the teacher or on paper', 'method');
    const id = await repo.insertSignature(tx, { ...base, ...by, pupilId: pupil.id });
    await audit({ pupilId: pupil.id });
    return id;
  }

  return {
    /** The signed-in person signs online with their typed name. */
    async signSelf(actor: Actor, id: string, typedName: string) {
      requireAccess(actor, 'agreement:sign');
      if (typedName.trim().length < 2) throw new ValidationError([{ field: 'typedName', message: 'Type your full name to sign' }]);
      if (typedName.trim().length > 120) throw new ValidationError([{ field: 'typedName', message: 'Your name must be 120 characters or fewer' }]);
      await inSchool(actor, async (tx) => {
        const agreement = await agreementOr404(tx, id);
        await record(tx, actor, agreement, { staffId: actor.staffId, method: 'online', signedOn: todayIso() }, typedName.trim());
      });
    },

    /** The API and the office's paper form: one signature. */
    async recordSignature(actor: Actor, id: string, input: SignatureInput) {
      requireAccess(actor, 'agreement:sign');
      return inSchool(actor, async (tx) => {
        const agreement = await agreementOr404(tx, id);
        const signatureId = await record(tx, actor, agreement, input);
        const progress = await progressOf(tx, agreement, todayIso());
        return {
          id: signatureId,
          agreementId: agreement.id,
          version: agreement.version,
          method: input.method,
          signedOn: input.signedOn,
          signed: progress.signed,
          outstanding: progress.outstanding,
        };
      });
    },

    /** The office's paper form: who could sign on paper (staff in the audience, each family per child). */
    async paperChoices(actor: Actor, id: string) {
      requireAccess(actor, 'agreement:record');
      return inSchool(actor, async (tx) => {
        const agreement = await agreementOr404(tx, id);
        const progress = await progressOf(tx, agreement, todayIso());
        const carers = progress.forCarers
          ? await repo.carersOfPupils(
              tx,
              progress.pupils.map((p) => p.id),
            )
          : [];
        const pupilsById = new Map(progress.pupils.map((p) => [p.id, p]));
        return {
          agreement,
          staff: progress.staff.filter((s) => !s.signature),
          families: carers
            .filter((c) => !pupilsById.get(c.pupil_id)?.family)
            .map((c) => {
              const p = pupilsById.get(c.pupil_id)!;
              return {
                value: `${c.id}:${c.pupil_id}`,
                text: `${c.name}, for ${p.preferred_name ?? p.given_name} ${p.family_name} (${p.class_title ?? 'no class'})`,
              };
            }),
          pupils: progress.forPupils ? progress.pupils.filter((p) => !p.pupil) : [],
        };
      });
    },

    /** A teacher records the pupils of one class at once; those not ticked are left to sign later. */
    async classSheet(actor: Actor, id: string, classId: string) {
      requireAccess(actor, 'agreement:record-pupils');
      return inSchool(actor, async (tx) => {
        const agreement = await agreementOr404(tx, id);
        const klass = await repo.findClass(tx, classId);
        if (!klass || !agreement.audience.includes('pupils')) throw new NotFound('No such class');
        if (!may(actor, 'agreement:record') && !(await repo.teachesClass(tx, actor.staffId, classId))) throw new NotFound('No such class');
        const progress = await progressOf(tx, agreement, todayIso());
        return { agreement, klass, pupils: progress.pupils.filter((p) => p.class_id === classId) };
      });
    },

    async recordClass(actor: Actor, id: string, classId: string, pupilIds: string[], signedOn: string) {
      requireAccess(actor, 'agreement:record-pupils');
      const dateProblem = signedOnProblem(signedOn, todayIso());
      if (dateProblem) throw new ValidationError([{ field: 'signedOn', message: dateProblem.replace('signed', 'recorded') }]);
      if (pupilIds.length === 0) throw new ValidationError([{ field: 'pupils', message: 'Tick the pupils who have signed' }]);
      return inSchool(actor, async (tx) => {
        const agreement = await agreementOr404(tx, id);
        if (!may(actor, 'agreement:record') && !(await repo.teachesClass(tx, actor.staffId, classId))) throw new NotFound('No such class');
        const onSheet = new Set((await repo.pupilsOnRoll(tx, classId)).map((p) => p.id));
        if (pupilIds.some((p) => !onSheet.has(p))) throw new ValidationError([{ field: 'pupils', message: 'The class list has changed: open it again' }]);
        for (const pupilId of pupilIds) await record(tx, actor, agreement, { pupilId, method: 'recorded-by-teacher', signedOn });
        return pupilIds.length;
      });
    },

    /** What a member of staff has signed, and what they still have to (their own page, or the office's view of them). */
    async signedBy(actor: Actor, staffId: string) {
      if (staffId !== actor.staffId && !may(actor, 'staff:read')) throw new NotFound('No such member of staff');
      return inSchool(actor, async (tx) => {
        const staff = await repo.findStaff(tx, staffId);
        if (!staff) throw new NotFound('No such member of staff');
        const today = todayIso();
        const outstanding = [];
        for (const a of await repo.listAgreements(tx)) {
          if (a.version === 0 || !staffInAudience(staff.roles, a.audience)) continue;
          const progress = await progressOf(tx, a, today);
          if (!progress.staff.find((s) => s.id === staffId)?.signature) outstanding.push(a);
        }
        return { staff, signatures: await repo.signaturesOfStaff(tx, staffId), outstanding };
      });
    },
  };
}

export type AgreementSignatureService = ReturnType<typeof createAgreementSignatureService>;
