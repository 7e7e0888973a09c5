import { requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { NotFound, Unprocessable, ValidationError } from '../../platform/http/errors.ts';
import { currentSettings, saveSettings } from '../settings/settings.service.ts';
import { inSchool, loadPolicy, type PoliciesDeps } from './policies.context.ts';
import { applySetting, settingValue, UnknownSetting } from './proposals/apply.ts';
import { settingInWords, todayInWords, valueInWords } from './proposals/describe.ts';
import { lastLineRead, longestPage } from './proposals/bounds.ts';
import { proposeSettings, type Proposals } from './proposals/engine.ts';
import { rememberProposals } from './proposals/remembered.ts';
import * as repo from './policies.repository.ts';

/** Proposals of the last few texts read, kept (remembered.ts): the policy page shown again, or accepted, reads nothing again. */
const proposalsOfText = rememberProposals(proposeSettings);

/** The newest version of a policy (a draft just imported, or the one in force) and what its text proposes. */
async function proposalsOf(tx: SchoolTx, id: string): Promise<{ title: string; versionNumber: number; found: Proposals; lastLine: number | null }> {
  const policy = await loadPolicy(tx, id);
  const [newest] = await repo.listVersions(tx, id);
  if (!newest) throw new NotFound();
  const version = await repo.findVersion(tx, id, newest.number);
  const body = version?.body_markdown ?? '';
  return { title: policy.title, versionNumber: newest.number, found: proposalsOfText(body), lastLine: lastLineRead(body) };
}

function holds(settings: unknown, setting: string, value: unknown): boolean {
  try {
    applySetting(settings, setting, value);
    return true;
  } catch (error) {
    if (error instanceof UnknownSetting) return false;
    throw error;
  }
}

/** Issue 19: the settings a policy's text sets, proposed to the head, and accepted as a settings version citing the policy. */
export function proposalsService(deps: PoliciesDeps) {
  return {
    /** POST /api/v1/policies/{id}/setting-proposals: nothing is saved. */
    async settingProposals(actor: Actor, id: string): Promise<Proposals> {
      requireAccess(actor, 'settings:edit');
      return inSchool(deps, actor, async (tx) => (await proposalsOf(tx, id)).found);
    },

    /** The policy page's rows: each proposal in plain words, today's value beside the proposed one. */
    async proposalRows(actor: Actor, id: string) {
      requireAccess(actor, 'settings:edit');
      return inSchool(deps, actor, async (tx) => {
        const { found, versionNumber, lastLine } = await proposalsOf(tx, id);
        const { settings } = await currentSettings(tx, actor.schoolId);
        return {
          versionNumber,
          // (A text longer than the engine reads: the line reading stopped at, which the page names, and how much is read.)
          lastLine,
          readLimit: longestPage.toLocaleString('en-GB'),
          unrepresented: found.unrepresented,
          proposals: found.proposals.map((p) => ({
            ...p,
            label: settingInWords(p.setting, settings),
            today: todayInWords(p.setting, settings),
            proposed: valueInWords(p.setting, p.value),
            same: JSON.stringify(settingValue(settings, p.setting)) === JSON.stringify(p.value),
            // A setting the product does not hold yet (or a list item the school does not have) is shown, not offered.
            available: holds(settings, p.setting, p.value),
          })),
        };
      });
    },

    /**
     * Accepting: the chosen proposals applied to the current settings, validated as a whole, saved
     * as one new settings version whose audit entry cites the policy, its version and each clause.
     */
    async acceptProposals(actor: Actor, id: string, chosen: string[]): Promise<{ settingsVersion: number }> {
      requireAccess(actor, 'settings:edit');
      const wanted = [...new Set(chosen.map((s) => s.trim()).filter(Boolean))];
      if (!wanted.length) throw new Unprocessable('Choose at least one proposed setting to accept', 'settings');
      return inSchool(deps, actor, async (tx) => {
        const { title, versionNumber, found } = await proposalsOf(tx, id);
        const { settings } = await currentSettings(tx, actor.schoolId);
        let next: unknown = settings;
        const accepted = [];
        for (const setting of wanted) {
          const proposal = found.proposals.find((p) => p.setting === setting);
          try {
            if (!proposal) {
              applySetting(settings, setting, null);
              throw new Unprocessable(`${setting} is not proposed by this policy`, 'settings');
            }
            next = applySetting(next, setting, proposal.value);
            // The refusal of an upload quotes the policy's own sentence for each occasion it prohibits.
            if (setting === 'photos.prohibitedContexts' && Array.isArray(proposal.value))
              for (const occasion of proposal.value as string[])
                next = applySetting(next, `photos.prohibitedWording.${occasion}`, proposal.quote.slice(0, 600));
          } catch (error) {
            if (error instanceof UnknownSetting) throw new Unprocessable(error.message, 'settings');
            throw error;
          }
          accepted.push({ setting, value: proposal.value, line: proposal.line, quote: proposal.quote });
        }
        try {
          const saved = await saveSettings(tx, actor.schoolId, auditActor(actor), next, {
            policyId: id,
            policyTitle: title,
            policyVersion: versionNumber,
            accepted,
          });
          return { settingsVersion: saved.version };
        } catch (error) {
          if (error instanceof ValidationError) throw new Unprocessable(`The policy's settings cannot be accepted together: ${error.message}`, 'settings');
          throw error;
        }
      });
    },
  };
}
