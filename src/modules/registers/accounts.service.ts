import { may, requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { Conflict, Forbidden, NotFound, ValidationError, type FieldProblem } from '../../platform/http/errors.ts';
import { isUuid } from '../../platform/http/ids.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { staffHoldingRoles } from '../people/staff-roles.repository.ts';
import { currentSettings } from '../settings/settings.service.ts';
import * as repo from './accounts.repository.ts';
import { accountDeciders, aYearOn, decidesAccounts, isIsoDate, isWebAddress, londonDay, reviewDue, statusOnRequest } from './registers.rules.ts';

export const accountKinds = [
  { value: 'social-media-account', text: 'A school social media account (Facebook page, X, Instagram, YouTube…)' },
  { value: 'online-service', text: 'An online service used with pupils (a learning platform, an app)' },
] as const;
type Kind = (typeof accountKinds)[number]['value'];
const isKind = (value: string): value is Kind => accountKinds.some((k) => k.value === value);

export interface AccountInput {
  name: string;
  kind: string;
  url: string;
  purpose: string;
  credentialsHolderId?: string;
  ownerId?: string;
  dataProtection?: string;
  reviewOn?: string;
}

export interface Deps {
  schools: SchoolDatabase;
  baseUrl: string;
  onMail: () => void;
}

/** The ICT lead is asked to change an account's passwords: an open task, and an e-mail saying where to look (004 §6.1). */
export async function askIctLead(
  tx: SchoolTx,
  schoolId: string,
  baseUrl: string,
  accountId: string,
  reason: 'holder-left' | 'holder-changed',
  formerHolderId: string | null,
) {
  await repo.raiseCredentialTask(tx, schoolId, accountId, reason, formerHolderId);
  for (const person of await staffHoldingRoles(tx, ['ict-lead'], { withEmail: true }))
    await enqueueMail(tx, schoolId, {
      to: person.email!,
      subject: 'Passwords of a school account need changing',
      text: `The person who held the passwords of one of the school’s accounts has left or handed them on. Change the passwords and record it here:\n${baseUrl}/accounts/${accountId}`,
    });
}

/**
 * REG-1: called when the MIS import marks a member of staff as left, inside its transaction: every
 * account whose passwords they held gets a task for the ICT lead, shown on their home page (the
 * import knows no web address to e-mail a link to).
 */
export async function credentialHolderLeft(tx: SchoolTx, schoolId: string, staffId: string): Promise<void> {
  for (const account of await repo.accountsHeldBy(tx, staffId)) {
    await repo.raiseCredentialTask(tx, schoolId, account.id, 'holder-left', staffId);
    await recordAudit(
      tx,
      schoolId,
      { id: null, label: 'MIS import' },
      {
        action: 'account.password-task',
        subjectType: 'school-account',
        subjectId: account.id,
        detail: { reason: 'holder-left', formerHolder: staffId },
      },
    );
  }
}

/** The register of school accounts and online services (REG-1): requested, approved in advance, reviewed. */
export function createAccountsService({ schools, baseUrl, onMail }: Deps) {
  const inSchool = <T>(actor: Actor, work: (tx: SchoolTx) => Promise<T>) => withSchool(schools, actor.schoolId, work);

  async function deciderCheck(tx: SchoolTx, actor: Actor) {
    const deciders = accountDeciders((await currentSettings(tx, actor.schoolId)).settings);
    return { deciders, decides: may(actor, 'accounts:decide') && decidesAccounts(actor.roles, deciders) };
  }

  async function staffChoice(tx: SchoolTx, field: string, id: string | undefined, problems: FieldProblem[]) {
    const value = id?.trim();
    if (!value) return null;
    const person = isUuid(value) ? await repo.activeStaffMember(tx, value) : undefined;
    if (!person) problems.push({ field, message: 'Choose a member of staff from the list' });
    return person?.id ?? null;
  }

  async function account(tx: SchoolTx, id: string) {
    const found = isUuid(id) ? await repo.findAccount(tx, id) : undefined;
    if (!found) throw new NotFound('There is no such account');
    return found;
  }

  return {
    kinds: accountKinds,

    /** Whether the settings name this person as one who decides accounts (asked before a decision's body is read). */
    async decides(actor: Actor): Promise<boolean> {
      return may(actor, 'accounts:decide') && (await inSchool(actor, (tx) => deciderCheck(tx, actor))).decides;
    },

    async list(actor: Actor) {
      requireAccess(actor, 'accounts:read');
      return inSchool(actor, async (tx) => {
        const today = londonDay();
        const accounts = (await repo.listAccounts(tx)).map((a) => ({ ...a, reviewDue: reviewDue(a, today) }));
        const { decides } = await deciderCheck(tx, actor);
        const tasks = may(actor, 'accounts:manage') ? await repo.openCredentialTasks(tx) : [];
        return { accounts, decides, tasks };
      });
    },

    async view(actor: Actor, id: string) {
      requireAccess(actor, 'accounts:read');
      return inSchool(actor, async (tx) => {
        const found = await account(tx, id);
        const { decides } = await deciderCheck(tx, actor);
        const tasks = (await repo.openCredentialTasks(tx)).filter((t) => t.account_id === found.id);
        return { account: { ...found, reviewDue: reviewDue(found, londonDay()) }, decides, tasks, staff: await repo.activeStaff(tx) };
      });
    },

    async formOptions(actor: Actor) {
      requireAccess(actor, 'accounts:request');
      return inSchool(actor, async (tx) => ({ staff: await repo.activeStaff(tx), decides: (await deciderCheck(tx, actor)).decides }));
    },

    /** A new entry: a request for whoever the settings name, or approved at once when the person asking may approve. */
    async request(actor: Actor, input: AccountInput): Promise<{ id: string; status: 'requested' | 'approved' }> {
      requireAccess(actor, 'accounts:request');
      const created = await inSchool(actor, async (tx) => {
        const problems: FieldProblem[] = [];
        const name = input.name.trim();
        if (!name) problems.push({ field: 'name', message: 'Enter the name of the account or service' });
        else if (name.length > 120) problems.push({ field: 'name', message: 'The name must be 120 characters or fewer' });
        if (!isKind(input.kind)) problems.push({ field: 'kind', message: 'Choose whether it is a social media account or an online service' });
        const url = input.url.trim();
        if (!isWebAddress(url)) problems.push({ field: 'url', message: 'Enter the web address, starting https://' });
        const purpose = input.purpose.trim();
        if (!purpose) problems.push({ field: 'purpose', message: 'Say what the school will use it for' });
        const holderId = await staffChoice(tx, 'credentialsHolderId', input.credentialsHolderId, problems);
        const ownerId = (await staffChoice(tx, 'ownerId', input.ownerId, problems)) ?? actor.staffId;
        const today = londonDay();
        const reviewOn = input.reviewOn?.trim() || aYearOn(today);
        if (!isIsoDate(reviewOn) || reviewOn < today) problems.push({ field: 'reviewOn', message: 'Enter a review date that is today or later' });
        if (problems.length) throw new ValidationError(problems);
        const { deciders } = await deciderCheck(tx, actor);
        const status = statusOnRequest(actor.roles, deciders);
        const row = await repo.insertAccount(tx, actor.schoolId, {
          name,
          kind: input.kind as Kind,
          url,
          purpose,
          ownerId,
          holderId,
          dataProtection: input.dataProtection?.trim() ?? '',
          reviewOn,
          status,
          by: actor.staffId,
        });
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: status === 'approved' ? 'account.approved' : 'account.requested',
          subjectType: 'school-account',
          subjectId: row.id,
          detail: { name, kind: input.kind, url, credentialsHolder: holderId },
        });
        if (status === 'requested')
          for (const person of await staffHoldingRoles(tx, deciders, { withEmail: true }))
            await enqueueMail(tx, actor.schoolId, {
              to: person.email!,
              subject: 'A school account is waiting for your approval',
              text: `${actor.name} asks to use a new school account or online service. Decide here:\n${baseUrl}/accounts/${row.id}`,
            });
        return { id: row.id, status };
      });
      if (created.status === 'requested') onMail();
      return created;
    },

    /** Whoever the settings name approves or refuses, with reasons; anyone else is refused before anything is looked up. */
    async decide(actor: Actor, id: string, input: { decision: string; note?: string }): Promise<{ id: string; status: 'approved' | 'refused' }> {
      requireAccess(actor, 'accounts:decide');
      const outcome = await inSchool(actor, async (tx) => {
        if (!(await deciderCheck(tx, actor)).decides)
          throw new Forbidden('The school’s policy gives this decision to someone else (the headteacher or deputy, see Policy settings)');
        const found = await account(tx, id);
        if (found.status !== 'requested') throw new Conflict('already-decided', 'This account has already been decided');
        const decision = input.decision === 'approved' ? 'approved' : input.decision === 'refused' ? 'refused' : null;
        if (!decision) throw new ValidationError([{ field: 'decision', message: 'Choose whether to approve or refuse' }]);
        const note = input.note?.trim() || null;
        if (decision === 'refused' && !note) throw new ValidationError([{ field: 'note', message: 'Say why it is refused, so the person who asked knows' }]);
        if (!(await repo.decideAccount(tx, found.id, decision, actor.staffId, note)))
          throw new Conflict('already-decided', 'This account has already been decided');
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: `account.${decision}`,
          subjectType: 'school-account',
          subjectId: found.id,
          detail: { note },
        });
        const email = found.requested_by !== actor.staffId ? await repo.emailOf(tx, found.requested_by) : null;
        if (email)
          await enqueueMail(tx, actor.schoolId, {
            to: email,
            subject: 'Your request for a school account has been decided',
            text: `Your request has been decided. See it here:\n${baseUrl}/accounts/${found.id}`,
          });
        return { id: found.id, status: decision } as const;
      });
      onMail();
      return outcome;
    },

    /** A new holder of the passwords (or none): the ICT lead is asked to change them when someone held them before. */
    async changeHolder(actor: Actor, id: string, holderId: string) {
      requireAccess(actor, 'accounts:manage');
      await inSchool(actor, async (tx) => {
        const found = await account(tx, id);
        const problems: FieldProblem[] = [];
        const next = await staffChoice(tx, 'credentialsHolderId', holderId, problems);
        if (problems.length) throw new ValidationError(problems);
        if (next === found.credentials_holder_id) return;
        await repo.setHolder(tx, found.id, next);
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'account.holder-changed',
          subjectType: 'school-account',
          subjectId: found.id,
          detail: { before: found.credentials_holder_id, after: next },
        });
        if (found.credentials_holder_id && found.status !== 'refused')
          await askIctLead(tx, actor.schoolId, baseUrl, found.id, 'holder-changed', found.credentials_holder_id);
      });
      onMail();
    },

    /** The ICT lead records that the passwords were changed: the open task is done. */
    async passwordsChanged(actor: Actor, id: string) {
      requireAccess(actor, 'accounts:manage');
      await inSchool(actor, async (tx) => {
        const found = await account(tx, id);
        const closed = await repo.closeCredentialTasks(tx, found.id, actor.staffId);
        if (!closed) throw new Conflict('nothing-to-do', 'No password change is waiting for this account');
        await recordAudit(tx, actor.schoolId, auditActor(actor), { action: 'account.passwords-changed', subjectType: 'school-account', subjectId: found.id });
      });
    },

    /** The yearly review is done: the next is due a year from today. */
    async reviewed(actor: Actor, id: string) {
      requireAccess(actor, 'accounts:manage');
      await inSchool(actor, async (tx) => {
        const found = await account(tx, id);
        if (found.status !== 'approved') throw new Conflict('not-approved', 'Only an approved account is reviewed');
        const next = aYearOn(londonDay());
        await repo.markReviewed(tx, found.id, next);
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'account.reviewed',
          subjectType: 'school-account',
          subjectId: found.id,
          detail: { next },
        });
      });
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
