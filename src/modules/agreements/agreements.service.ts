import type { Config } from '../../config.ts';
import { requireAccess, may } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { newToken, tokenHash } from '../../platform/auth/secrets.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { listSchools, withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { NotFound, Unprocessable, ValidationError, type FieldProblem } from '../../platform/http/errors.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { audienceLabels, audiences, defaultAgreements, renewals, type Audience, type Renewal } from './agreements.defaults.ts';
import * as repo from './agreements.repository.ts';
import { signatureCounts, signedOnProblem, staffAudienceOf, staffInAudience, todayIso } from './agreements.rules.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const staffAudiences: readonly Audience[] = ['staff', 'governors', 'volunteers'];
/** How long a family's personal link works. */
export const linkLifetimeDays = 60;

export type Method = 'online' | 'paper' | 'recorded-by-teacher';

export interface SignatureInput {
  staffId?: string;
  carerId?: string;
  pupilId?: string;
  method: Method;
  signedOn: string;
}

/** A new school's agreements (AGR-1): each default text published as version 1. */
export async function installDefaultAgreements(tx: SchoolTx, schoolId: string): Promise<void> {
  for (const a of defaultAgreements) await repo.insertAgreement(tx, schoolId, a, null, 'The school’s first version, from the template');
}

/** Who has signed the current version and who has not, by person, by class and by staff team. */
async function progressOf(tx: SchoolTx, agreement: repo.AgreementRow, today: string) {
  const signatures = agreement.version === 0 ? [] : await repo.signaturesOf(tx, agreement.id);
  const counting = signatures.filter((s) => signatureCounts(agreement.renewal, agreement.version, { version: s.version, signedOn: s.signed_on }, today));
  const staffSigned = new Map(counting.filter((s) => s.staff_id).map((s) => [s.staff_id!, s]));
  const familySigned = new Map(counting.filter((s) => s.carer_id && s.pupil_id).map((s) => [s.pupil_id!, s]));
  const pupilSigned = new Map(counting.filter((s) => !s.carer_id && !s.staff_id && s.pupil_id).map((s) => [s.pupil_id!, s]));
  const forStaff = agreement.audience.some((a) => staffAudiences.includes(a as Audience));
  const forCarers = agreement.audience.includes('carers');
  const forPupils = agreement.audience.includes('pupils');
  const staff = forStaff ? (await repo.activeStaff(tx)).filter((s) => staffInAudience(s.roles, agreement.audience)) : [];
  const pupils = forCarers || forPupils ? await repo.pupilsOnRoll(tx) : [];
  const staffRows = staff.map((s) => ({
    ...s,
    team: staffAudienceOf(s.roles)
      .map((a) => audienceLabels[a])
      .join(', '),
    signature: staffSigned.get(s.id) ?? null,
  }));
  const pupilRows = pupils.map((p) => ({
    ...p,
    family: forCarers ? (familySigned.get(p.id) ?? null) : null,
    pupil: forPupils ? (pupilSigned.get(p.id) ?? null) : null,
  }));
  let total = staffRows.length;
  let signed = staffRows.filter((s) => s.signature).length;
  if (forCarers) {
    total += pupilRows.length;
    signed += pupilRows.filter((p) => p.family).length;
  }
  if (forPupils) {
    total += pupilRows.length;
    signed += pupilRows.filter((p) => p.pupil).length;
  }
  const classes = new Map<string, { id: string | null; title: string; total: number; families: number; pupils: number }>();
  for (const p of pupilRows) {
    const key = p.class_id ?? 'none';
    const row = classes.get(key) ?? { id: p.class_id, title: p.class_title ?? 'No class', total: 0, families: 0, pupils: 0 };
    row.total++;
    if (p.family) row.families++;
    if (p.pupil) row.pupils++;
    classes.set(key, row);
  }
  const teams = new Map<string, { team: string; total: number; signed: number }>();
  for (const s of staffRows) {
    const row = teams.get(s.team) ?? { team: s.team, total: 0, signed: 0 };
    row.total++;
    if (s.signature) row.signed++;
    teams.set(s.team, row);
  }
  return {
    signed,
    outstanding: total - signed,
    staff: staffRows,
    pupils: pupilRows,
    byClass: [...classes.values()],
    byTeam: [...teams.values()],
    forStaff,
    forCarers,
    forPupils,
  };
}

function agreementInputProblems(input: { title: string; audience: string[]; renewal: string; body: string }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!input.title.trim()) problems.push({ field: 'title', message: 'Enter the agreement’s title' });
  else if (input.title.trim().length > 150) problems.push({ field: 'title', message: 'The title must be 150 characters or fewer' });
  if (input.audience.length === 0) problems.push({ field: 'audience', message: 'Choose who signs this agreement' });
  if (input.audience.some((a) => !(audiences as readonly string[]).includes(a)))
    problems.push({ field: 'audience', message: 'Choose who signs from the list' });
  if (!(renewals as readonly string[]).includes(input.renewal)) problems.push({ field: 'renewal', message: 'Choose when people sign again' });
  if (input.body.trim().length < 20) problems.push({ field: 'body', message: 'Enter the text of the agreement (at least 20 characters)' });
  else if (input.body.length > 50_000) problems.push({ field: 'body', message: 'The text must be 50,000 characters or fewer' });
  return problems;
}

const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'agreement';

export function createAgreementService(schools: SchoolDatabase, config: Config, onMail: () => void = () => {}) {
  const inSchool = <T>(actor: Actor, work: (tx: SchoolTx) => Promise<T>) => withSchool(schools, actor.schoolId, work);

  async function agreementOr404(tx: SchoolTx, id: string) {
    const agreement = await repo.findAgreement(tx, id);
    if (!agreement) throw new NotFound('No such agreement');
    return agreement;
  }

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

  /** Creates or replaces a family's personal link for this agreement; returns the address to e-mail. */
  async function issueLink(tx: SchoolTx, schoolId: string, agreementId: string, carerId: string, now = new Date()): Promise<string> {
    const token = newToken();
    await repo.putLink(tx, { schoolId, agreementId, carerId, tokenHash: tokenHash(token), expiresAt: new Date(now.getTime() + linkLifetimeDays * 86400_000) });
    return `${config.baseUrl}/agreements/sign/${token}`;
  }

  return {
    installDefaults: installDefaultAgreements,
    issueLink,

    async list(actor: Actor) {
      requireAccess(actor, 'agreement:read');
      return inSchool(actor, async (tx) => {
        const today = todayIso();
        const rows = [];
        for (const a of await repo.listAgreements(tx)) {
          const progress = await progressOf(tx, a, today);
          const me = progress.staff.find((s) => s.id === actor.staffId);
          rows.push({ ...a, signed: progress.signed, outstanding: progress.outstanding, mine: me ? (me.signature ? 'signed' : 'to-sign') : null });
        }
        return rows;
      });
    },

    async detail(actor: Actor, id: string) {
      requireAccess(actor, 'agreement:read');
      return inSchool(actor, async (tx) => {
        const agreement = await agreementOr404(tx, id);
        const versions = await repo.versionsOf(tx, id);
        const current = versions.find((v) => v.published_at && v.version === agreement.version) ?? null;
        const draft = versions.find((v) => !v.published_at) ?? null;
        const progress = await progressOf(tx, agreement, todayIso());
        const me = progress.staff.find((s) => s.id === actor.staffId) ?? null;
        const myClasses = progress.forPupils ? await repo.classesTaughtBy(tx, actor.staffId) : [];
        return { agreement, current, draft, versions, progress, me, myClasses };
      });
    },

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

    /** The headteacher changes the text (a draft) and publishes it as a new version: everyone is asked again. */
    async saveText(
      actor: Actor,
      id: string,
      input: { title: string; audience: string[]; renewal: string; body: string; note: string; publish: boolean },
    ): Promise<{ version: number; published: boolean }> {
      requireAccess(actor, 'agreement:manage');
      const problems = agreementInputProblems(input);
      if (input.publish && !input.note.trim()) problems.push({ field: 'note', message: 'Say what has changed, so people know what they are signing again' });
      if (input.note.length > 500) problems.push({ field: 'note', message: 'What has changed must be 500 characters or fewer' });
      if (problems.length) throw new ValidationError(problems);
      return inSchool(actor, async (tx) => {
        const agreement = await agreementOr404(tx, id);
        await repo.updateAgreement(tx, id, { title: input.title.trim(), audience: input.audience, renewal: input.renewal as Renewal });
        const current = (await repo.versionsOf(tx, id)).find((v) => v.published_at && v.version === agreement.version);
        const changed = !current || current.body !== input.body;
        let version = agreement.version;
        let published = false;
        if (changed) version = await repo.saveDraft(tx, actor.schoolId, id, input.body, input.note.trim() || null);
        if (changed && input.publish) {
          version = (await repo.publishDraft(tx, id, actor.staffId)) ?? version;
          published = true;
        }
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: published ? 'agreement.published' : 'agreement.changed',
          subjectType: 'agreement',
          subjectId: id,
          detail: { version, title: input.title.trim(), audience: input.audience, renewal: input.renewal },
        });
        return { version, published };
      });
    },

    /** The headteacher adds an agreement of the school's own, published as version 1. */
    async create(actor: Actor, input: { title: string; audience: string[]; renewal: string; body: string }) {
      requireAccess(actor, 'agreement:manage');
      const problems = agreementInputProblems(input);
      if (problems.length) throw new ValidationError(problems);
      return inSchool(actor, async (tx) => {
        let key = slug(input.title);
        for (let n = 2; await repo.keyTaken(tx, key); n++) key = `${slug(input.title).slice(0, 55)}-${n}`;
        const id = await repo.insertAgreement(
          tx,
          actor.schoolId,
          { key, title: input.title.trim(), audience: input.audience as Audience[], renewal: input.renewal as Renewal, body: input.body },
          actor.staffId,
          'First version',
        );
        await recordAudit(tx, actor.schoolId, auditActor(actor), { action: 'agreement.created', subjectType: 'agreement', subjectId: id, detail: { key } });
        return id;
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

    /** Families who have not signed (all, or one class): counted first, e-mailed a personal link when confirmed. */
    async familyLinks(actor: Actor, id: string, classId: string | null, send: boolean) {
      requireAccess(actor, 'agreement:record');
      const result = await inSchool(actor, async (tx) => {
        const agreement = await agreementOr404(tx, id);
        if (!agreement.audience.includes('carers')) throw new NotFound('This agreement is not signed by families');
        if (agreement.version === 0) throw new ValidationError([{ field: 'scope', message: 'Publish the agreement before asking families to sign it' }]);
        const klass = classId ? await repo.findClass(tx, classId) : null;
        if (classId && !klass) throw new ValidationError([{ field: 'classId', message: 'Choose a class' }]);
        const progress = await progressOf(tx, agreement, todayIso());
        const waiting = progress.pupils.filter((p) => !p.family && (!classId || p.class_id === classId));
        const carers = await repo.carersOfPupils(
          tx,
          waiting.map((p) => p.id),
        );
        const byCarer = new Map(carers.map((c) => [c.id, c]));
        const withEmail = [...byCarer.values()].filter((c) => c.email);
        const school = await repo.currentSchool(tx);
        if (send) {
          for (const carer of withEmail) {
            const link = await issueLink(tx, actor.schoolId, agreement.id, carer.id);
            await enqueueMail(tx, actor.schoolId, {
              to: carer.email!,
              subject: `${school.name}: please sign the ${agreement.title.toLowerCase()}`,
              text: `${school.name} asks you to read and sign the ${agreement.title.toLowerCase()}.\n\nYour personal link (for your family only, it works for ${linkLifetimeDays} days):\n${link}\n\nIf you would rather sign on paper, ask the school office for a copy.`,
            });
          }
          await recordAudit(tx, actor.schoolId, auditActor(actor), {
            action: 'agreement.links-sent',
            subjectType: 'agreement',
            subjectId: agreement.id,
            detail: { classId, families: withEmail.length },
          });
        }
        return { agreement, klass, pupils: waiting.length, families: byCarer.size, emailed: withEmail.length, withoutEmail: byCarer.size - withEmail.length };
      });
      if (send && result.emailed) onMail();
      return result;
    },

    async classes(actor: Actor) {
      requireAccess(actor, 'agreement:read');
      return inSchool(actor, (tx) => repo.activeClasses(tx));
    },

    /** Weekly: a fresh link to families who have not answered after a week, and a note to staff who have not signed. */
    async sendReminders(now = new Date()): Promise<number> {
      let sent = 0;
      const cutoff = new Date(now.getTime() - 7 * 86400_000);
      for (const school of await listSchools(schools)) {
        sent += await withSchool(schools, school.id, async (tx) => {
          let n = 0;
          for (const link of await repo.linksDueReminder(tx, now, cutoff)) {
            const token = newToken();
            await repo.replaceLinkToken(tx, link.id, tokenHash(token), now);
            await enqueueMail(tx, school.id, {
              to: link.email!,
              subject: `${school.name}: a reminder to sign the ${link.title.toLowerCase()}`,
              text: `${school.name} is still waiting for you to sign the ${link.title.toLowerCase()}.\n\nYour personal link (it replaces the one we sent before):\n${config.baseUrl}/agreements/sign/${token}`,
            });
            n++;
          }
          const today = todayIso(now);
          const owed = new Map<string, { email: string; titles: string[] }>();
          for (const a of await repo.listAgreements(tx)) {
            if (a.version === 0) continue;
            const progress = await progressOf(tx, a, today);
            for (const s of progress.staff.filter((s) => !s.signature && s.email)) {
              const entry = owed.get(s.id) ?? { email: s.email!, titles: [] };
              entry.titles.push(a.title);
              owed.set(s.id, entry);
            }
          }
          for (const entry of owed.values()) {
            await enqueueMail(tx, school.id, {
              to: entry.email,
              subject: `${school.name}: agreements waiting for your signature`,
              text: `You have ${entry.titles.length === 1 ? 'an agreement' : `${entry.titles.length} agreements`} to read and sign.\n\n${config.baseUrl}/agreements`,
            });
            n++;
          }
          return n;
        });
      }
      if (sent) onMail();
      return sent;
    },
  };
}

export type AgreementService = ReturnType<typeof createAgreementService>;
