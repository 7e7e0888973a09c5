import { may, requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import type { Action } from '../../platform/auth/permissions.ts';
import { newToken, tokenHash } from '../../platform/auth/secrets.ts';
import type { TokenScope } from '../../platform/auth/token-scopes.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { NotFound, ValidationError } from '../../platform/http/errors.ts';
import * as repo from './tokens.repository.ts';

type Scoped = Exclude<TokenScope, 'full'>;

/** What each narrow token is for, and the permission its holder needs for the one route it reaches. */
export const scopeChoices: readonly { scope: Scoped; action: Action; text: string; hint: string }[] = [
  {
    scope: 'filter-export',
    action: 'filter:export',
    text: 'Read the filter lists',
    hint: 'For the network’s filter (squidGuard, e2guardian, unbound, Pi-hole) to fetch the block and allow lists on a schedule.',
  },
  {
    scope: 'monitoring-alerts',
    action: 'monitoring:receive',
    text: 'Send monitoring alerts',
    hint: 'For the monitoring product to post its alerts to this school.',
  },
];

export const scopeWords: Record<TokenScope, string> = {
  full: 'Everything its holder may do (made on the server)',
  'filter-export': 'Read the filter lists',
  'monitoring-alerts': 'Send monitoring alerts',
};

/**
 * Scoped API tokens made on a page rather than on the server (issue 12). A token acts with its
 * maker's roles, so each person makes tokens only for the uses their own roles allow, and sees and
 * revokes their own; the headteacher sees and may revoke every token of the school. A new token is
 * shown once; only its hash is kept.
 */
export function createTokenService(schools: SchoolDatabase) {
  const inSchool = <T>(actor: Actor, work: (tx: SchoolTx) => Promise<T>) => withSchool(schools, actor.schoolId, work);
  const seesAll = (actor: Actor) => may(actor, 'security:manage');

  async function visible(tx: SchoolTx, actor: Actor, id: string): Promise<repo.TokenRow> {
    const token = (await repo.activeTokens(tx, seesAll(actor) ? null : actor.staffId)).find((t) => t.id === id);
    if (!token) throw new NotFound('No such token');
    return token;
  }

  return {
    scopesFor: (actor: Actor) => scopeChoices.filter((c) => may(actor, c.action)),

    async list(actor: Actor) {
      requireAccess(actor, 'token:manage');
      return inSchool(actor, (tx) => repo.activeTokens(tx, seesAll(actor) ? null : actor.staffId));
    },

    async create(actor: Actor, input: { scope: string; label: string }): Promise<{ id: string; token: string; scope: Scoped; label: string }> {
      requireAccess(actor, 'token:manage');
      const choice = scopeChoices.find((c) => c.scope === input.scope && may(actor, c.action));
      const label = input.label.trim();
      const problems = [];
      if (!choice) problems.push({ field: 'scope', message: 'Choose what the token may do' });
      if (!label) problems.push({ field: 'label', message: 'Say which filter or product will hold the token' });
      else if (label.length > 80) problems.push({ field: 'label', message: 'The name must be 80 characters or fewer' });
      if (!choice || problems.length) throw new ValidationError(problems);
      const token = `eso_${newToken()}`;
      const id = await inSchool(actor, async (tx) => {
        const tokenId = await repo.insertToken(tx, { schoolId: actor.schoolId, staffId: actor.staffId, hash: tokenHash(token), scope: choice.scope, label });
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'api-token.created',
          subjectType: 'api-token',
          subjectId: tokenId,
          detail: { scope: choice.scope, label },
        });
        return tokenId;
      });
      return { id, token, scope: choice.scope, label };
    },

    async find(actor: Actor, id: string) {
      requireAccess(actor, 'token:manage');
      return inSchool(actor, (tx) => visible(tx, actor, id));
    },

    async revoke(actor: Actor, id: string): Promise<void> {
      requireAccess(actor, 'token:manage');
      await inSchool(actor, async (tx) => {
        const token = await visible(tx, actor, id);
        await repo.revokeToken(tx, token.id);
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'api-token.revoked',
          subjectType: 'api-token',
          subjectId: token.id,
          detail: { scope: token.scope, label: token.label, holder: token.staff_id },
        });
      });
    },
  };
}

export type TokenService = ReturnType<typeof createTokenService>;
