import type { Config } from '../../config.ts';
import { requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { newToken, tokenHash } from '../../platform/auth/secrets.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { listSchools, withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { NotFound, ValidationError, type FieldProblem } from '../../platform/http/errors.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { audiences, defaultAgreements, renewals, type Audience, type Renewal } from './agreements.defaults.ts';
import { progressOf } from './agreements.progress.ts';
import * as repo from './agreements.repository.ts';
import { todayIso } from './agreements.rules.ts';

/** A new school's agreements (AGR-1): each default text published as version 1. */
export async function installDefaultAgreements(tx: SchoolTx, schoolId: string): Promise<void> {
  for (const a of defaultAgreements) await repo.insertAgreement(tx, schoolId, a, null, 'The school’s first version, from the template');
}

export async function agreementOr404(tx: SchoolTx, id: string) {
  const agreement = await repo.findAgreement(tx, id);
  if (!agreement) throw new NotFound('No such agreement');
  return agreement;
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

  return {
    installDefaults: installDefaultAgreements,

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
