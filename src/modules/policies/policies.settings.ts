import { requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { ValidationError, type FieldProblem } from '../../platform/http/errors.ts';
import { currentSettings, saveSettings } from '../settings/settings.service.ts';
import { inSchool, required, type PoliciesDeps } from './policies.context.ts';

export interface ReviewSettingsInput {
  approvingBody: string;
  intervalMonths: string;
  reminderWeeks: string;
  signatories: string;
}

const whole = (problems: FieldProblem[], field: string, value: string, min: number, max: number, message: string) => {
  const n = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || n < min || n > max) problems.push({ field, message });
  return n;
};

/**
 * POL-6, for the policies' own settings: who approves, how often, how early the owner hears and
 * who signs. Saved as a new version of the school's settings, audited like any other change.
 */
export function reviewSettingsService(deps: PoliciesDeps) {
  return {
    async reviewSettings(actor: Actor) {
      requireAccess(actor, 'policy:settings');
      return inSchool(deps, actor, async (tx) => {
        const current = await currentSettings(tx, actor.schoolId);
        return { version: current.version, review: current.settings.policyReview };
      });
    },

    async saveReviewSettings(actor: Actor, input: ReviewSettingsInput) {
      requireAccess(actor, 'policy:settings');
      const problems: FieldProblem[] = [];
      const approvingBody = required(problems, 'approvingBody', input.approvingBody, 'Enter who approves the school’s policies');
      const intervalMonths = whole(problems, 'intervalMonths', input.intervalMonths, 1, 60, 'Enter how often policies are reviewed, in months, from 1 to 60');
      const reminderWeeks = whole(
        problems,
        'reminderWeeks',
        input.reminderWeeks,
        1,
        26,
        'Enter how many weeks before a review the owner is reminded, from 1 to 26',
      );
      // Repeats are meant: Low Ash is signed by two co-headteachers.
      const signatories = input.signatories
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean);
      if (signatories.length === 0 || signatories.length > 4)
        problems.push({ field: 'signatories', message: 'Enter who signs a policy, one on each line, up to 4' });
      if (problems.length) throw new ValidationError(problems);
      return inSchool(deps, actor, async (tx) => {
        const { settings } = await currentSettings(tx, actor.schoolId);
        const before = settings.policyReview;
        const after = { approvingBody, intervalMonths, reminderWeeks, signatories };
        const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
        if (changed.length === 0) return { version: null, changed };
        const saved = await saveSettings(tx, actor.schoolId, auditActor(actor), { ...settings, policyReview: after });
        return { version: saved.version, changed };
      });
    },
  };
}
