import { may } from '../../platform/auth/access.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { countWaitingFor } from '../post-check/post-check.repository.ts';
import { currentSettings } from '../settings/settings.service.ts';
import { countAccounts } from './accounts.repository.ts';
import { countUnacknowledged } from './declarations.repository.ts';
import { countUnanswered } from './press.repository.ts';
import { accountDeciders, decidesAccounts, londonDay } from './registers.rules.ts';

export interface HomeTask {
  href: string;
  text: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What the registers ask of this person on the home page: approvals, password changes, reviews, replies, answers. */
export async function registerTasksFor(tx: SchoolTx, actor: Actor): Promise<HomeTask[]> {
  const tasks: HomeTask[] = [];
  if (may(actor, 'accounts:read')) {
    const counts = await countAccounts(tx, londonDay());
    const deciders = accountDeciders((await currentSettings(tx, actor.schoolId)).settings);
    if (counts.requested && may(actor, 'accounts:decide') && decidesAccounts(actor.roles, deciders))
      tasks.push({ href: '/accounts', text: `${plural(counts.requested, 'school account is', 'school accounts are')} waiting for your approval` });
    if (counts.passwordTasks && actor.roles.includes('ict-lead'))
      tasks.push({
        href: '/accounts',
        text: `Change the passwords of ${plural(counts.passwordTasks, 'school account', 'school accounts')}: the person holding them left or handed them on`,
      });
    if (counts.reviewsDue && may(actor, 'accounts:manage'))
      tasks.push({ href: '/accounts', text: `${plural(counts.reviewsDue, 'school account is', 'school accounts are')} due for review` });
  }
  if (may(actor, 'press:reply')) {
    const n = await countUnanswered(tx);
    if (n) tasks.push({ href: '/press', text: `${plural(n, 'press enquiry is', 'press enquiries are')} waiting for your answer` });
  }
  if (may(actor, 'declarations:review')) {
    const n = await countUnacknowledged(tx);
    if (n) tasks.push({ href: '/declarations', text: `${plural(n, 'declaration is', 'declarations are')} waiting to be acknowledged` });
  }
  if (may(actor, 'postcheck:answer')) {
    const n = await countWaitingFor(tx, actor.staffId);
    if (n) tasks.push({ href: '/post-check/questions', text: `${plural(n, 'member of staff asks', 'questions ask')} you about a post before posting` });
  }
  return tasks;
}
