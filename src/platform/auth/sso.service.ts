import type { Kysely } from 'kysely';
import * as oidc from 'openid-client';
import type { Config } from '../../config.ts';
import { recordAudit, type Actor as AuditActor } from '../audit/audit.ts';
import type { DB } from '../db/schema.ts';
import { withSchool } from '../db/school-scope.ts';
import { NotFound, TooManyRequests } from '../http/errors.ts';
import { auditActor, type Actor } from './actor.ts';
import { requireAccess } from './access.ts';
import { countAttempt, createSession } from './auth.repository.ts';
import { newToken, tokenHash } from './secrets.ts';
import * as repo from './sso.repository.ts';
import {
  buttonText,
  googleAccountProblem,
  identityFromClaims,
  isLoopbackHttp,
  microsoftAccountProblem,
  ssoSetting,
  type SsoProvider,
  type SsoSetInput,
} from './sso.rules.ts';
import { sealClientSecret, unsealClientSecret } from './sso-secret.ts';
import { causesOf, reasonOf, refusalFor, SignInRefused, type RefusalReason } from './sso.refusals.ts';

const requestMinutes = 10;
const startsPerAddress = 300;

export function createSsoService(db: Kysely<DB>, config: Config) {
  const redirectUri = `${config.baseUrl}/auth/oidc/callback`;
  /** The provider's metadata, fetched once per school and setting (a new `sso set` fetches again), for an hour. */
  const discovered = new Map<string, { configuration: oidc.Configuration; until: number }>();

  async function clientFor(row: repo.ProviderRow): Promise<oidc.Configuration> {
    const key = `${row.school_id}:${row.updated_at.getTime()}:${row.client_id}`;
    const cached = discovered.get(key);
    if (cached && cached.until > Date.now()) return cached.configuration;
    const issuer = new URL(row.issuer);
    // The issuer was checked when it was set; checked again, as it decides whether plain http is allowed.
    if (issuer.protocol !== 'https:' && !isLoopbackHttp(issuer)) throw new Error(`The issuer ${row.issuer} is not https`);
    const secret = unsealClientSecret(config.sessionSecret, row.client_secret_sealed);
    // discovery() refuses metadata whose issuer is not exactly this one: the school's own tenant.
    const configuration = await oidc.discovery(issuer, row.client_id, { client_secret: secret }, oidc.ClientSecretPost(secret), {
      timeout: 10,
      ...(isLoopbackHttp(issuer) ? { execute: [oidc.allowInsecureRequests] } : {}),
    });
    for (const [k, v] of discovered) if (v.until <= Date.now() || k.startsWith(`${row.school_id}:`)) discovered.delete(k);
    discovered.set(key, { configuration, until: Date.now() + 3600_000 });
    return configuration;
  }

  async function refuse(
    schoolId: string,
    reason: RefusalReason,
    provider: SsoProvider,
    staffId: string | null = null,
    detail: string | null = null,
  ): Promise<never> {
    await withSchool(db, schoolId, (tx) =>
      recordAudit(
        tx,
        schoolId,
        { id: null, label: buttonText(provider) },
        { action: 'sign-in.refused', subjectType: 'staff', subjectId: staffId, detail: { via: provider, reason } },
      ),
    );
    throw new SignInRefused(reason, refusalFor(reason, provider), detail);
  }

  return {
    /** One button per school that signs in with a provider here. */
    async buttons(): Promise<{ href: string; text: string }[]> {
      const rows = await repo.signInButtons(db);
      return rows.map((row) => ({
        href: `/auth/oidc/start?school=${encodeURIComponent(row.urn)}`,
        text: rows.length > 1 ? `${buttonText(row.provider)} (${row.school_name})` : buttonText(row.provider),
      }));
    },

    /**
     * Starts a sign-in: the state, the nonce and the PKCE verifier stay in the database (the state
     * only as its hash), bound to this browser by a random cookie, for ten minutes and one use.
     */
    async start(urn: string, next: string | undefined, clientAddress: string): Promise<{ authorizationUrl: string; browserToken: string }> {
      const row = await repo.providerForUrn(db, urn);
      if (!row) throw new NotFound('This school does not sign in with Microsoft or Google here');
      if ((await countAttempt(db, `oidc-start-ip:${clientAddress}`, 15)) > startsPerAddress) throw new TooManyRequests();
      let client: oidc.Configuration;
      try {
        client = await clientFor(row);
      } catch (error) {
        await withSchool(db, row.school_id, (tx) =>
          recordAudit(
            tx,
            row.school_id,
            { id: null, label: buttonText(row.provider) },
            { action: 'sign-in.refused', subjectType: 'school', subjectId: row.school_id, detail: { via: row.provider, reason: 'provider-unreachable' } },
          ),
        );
        throw new SignInRefused(
          'provider-unreachable',
          refusalFor('provider-unreachable', row.provider, row.passwords_off),
          error instanceof Error ? error.message : String(error),
        );
      }
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const browserToken = newToken();
      await repo.saveSignInRequest(db, {
        state_hash: tokenHash(state),
        school_id: row.school_id,
        browser_hash: tokenHash(browserToken),
        nonce,
        code_verifier: codeVerifier,
        next: next ?? null,
        expires_at: new Date(Date.now() + requestMinutes * 60_000),
      });
      const url = oidc.buildAuthorizationUrl(client, {
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        response_type: 'code',
        state,
        nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        // Staff-room PCs are shared: ask which account, rather than carrying on as whoever signed in last.
        prompt: 'select_account',
        // Google: offer the school's accounts first (the `hd` claim is what is checked).
        ...(row.provider === 'google' && row.domain ? { hd: row.domain } : {}),
      });
      return { authorizationUrl: url.href, browserToken };
    },

    /**
     * Completes a sign-in from the provider's answer (the callback's query). The first time, the
     * identity is linked to the one active, imported member of staff of the school with that MIS
     * e-mail; afterwards only its issuer and subject count.
     */
    async finish(query: URLSearchParams, browserToken: string | undefined): Promise<{ sessionToken: string; next: string | null }> {
      const state = query.get('state') ?? '';
      const request = state ? await repo.takeSignInRequest(db, tokenHash(state)) : undefined;
      if (!request) throw new SignInRefused('unknown-state', refusalFor('unknown-state', null));
      const row = await repo.providerForSchool(db, request.school_id);
      if (!row) throw new SignInRefused('unknown-state', refusalFor('unknown-state', null));
      if (request.expires_at.getTime() < Date.now()) return refuse(row.school_id, 'expired', row.provider);
      // Someone else's callback (a link sent to trick a person into someone else's account) is refused.
      if (!browserToken || tokenHash(browserToken) !== request.browser_hash) return refuse(row.school_id, 'other-browser', row.provider);
      let claims: Record<string, unknown>;
      let discoveredIssuer: string;
      try {
        const client = await clientFor(row);
        // The issuer as the provider spells it (discovery checked it is the one set, give or take a
        // trailing slash on a bare host): what its ID tokens' `iss` says.
        discoveredIssuer = client.serverMetadata().issuer;
        const tokens = await oidc.authorizationCodeGrant(client, new URL(`${redirectUri}?${query.toString()}`), {
          expectedState: state,
          expectedNonce: request.nonce,
          pkceCodeVerifier: request.code_verifier,
          idTokenExpected: true,
        });
        claims = { ...tokens.claims() };
      } catch (error) {
        return refuse(row.school_id, reasonOf(error), row.provider, null, causesOf(error).messages.join(' / '));
      }
      // The library has checked the issuer is the school's own (its tenant); still, only this issuer's subjects count.
      if (claims.iss !== discoveredIssuer || typeof claims.sub !== 'string' || !claims.sub) return refuse(row.school_id, 'issuer-mismatch', row.provider);
      // Microsoft's `sub` differs per app registration; its `oid` is the person's, stable across the
      // tenant's registrations. So for Microsoft the identity's subject column holds the `oid`.
      const subject = row.provider === 'microsoft' ? claims.oid : claims.sub;
      if (typeof subject !== 'string' || !subject) return refuse(row.school_id, 'token-refused', row.provider);
      // Microsoft: only the tenant's own members, never a guest, on every sign-in (not only the first).
      // Google: the school's domain and a verified address, likewise (an account moved out of the Workspace is refused).
      const notMember =
        row.provider === 'microsoft' ? microsoftAccountProblem(row, claims) : row.provider === 'google' ? googleAccountProblem(row, claims) : null;
      if (notMember) return refuse(row.school_id, notMember, row.provider);
      const provider = row.provider;
      const outcome = await withSchool(db, row.school_id, async (tx): Promise<{ staffId: string } | { refused: RefusalReason; staffId: string | null }> => {
        const known = await repo.staffByIdentity(tx, row.issuer, subject);
        if (known) {
          if (!known.active) return { refused: 'leaver', staffId: known.id };
          await repo.identityUsed(tx, known.identity_id);
          return { staffId: known.id };
        }
        const identity = identityFromClaims(row, claims);
        if ('refused' in identity) return { refused: identity.refused, staffId: null };
        const matches = await repo.staffByEmail(tx, identity.email, row.issuer);
        const imported = matches.filter((m) => m.sourced_id !== null);
        if (imported.length === 0) return { refused: matches.length ? 'not-imported' : 'no-match', staffId: null };
        if (imported.length > 1) return { refused: 'no-match', staffId: null };
        const person = imported[0];
        if (!person.active) return { refused: 'leaver', staffId: person.id };
        if (person.linked) return { refused: 'already-linked', staffId: person.id };
        if ((await repo.linkIdentity(tx, row.school_id, person.id, row.issuer, subject)) === 'taken') return { refused: 'already-linked', staffId: person.id };
        await recordAudit(
          tx,
          row.school_id,
          { id: person.id, label: `${person.given_name} ${person.family_name}` },
          { action: 'sso.linked', subjectType: 'staff', subjectId: person.id, detail: { via: provider, issuer: row.issuer } },
        );
        return { staffId: person.id };
      });
      if ('refused' in outcome) return refuse(row.school_id, outcome.refused, provider, outcome.staffId);
      const id = outcome.staffId;
      const sessionToken = newToken();
      await createSession(db, { id, school_id: row.school_id }, tokenHash(sessionToken), false, 'provider');
      await withSchool(db, row.school_id, async (tx) => {
        const person = await tx.selectFrom('staff').select(['given_name', 'family_name']).where('id', '=', id).executeTakeFirstOrThrow();
        await recordAudit(
          tx,
          row.school_id,
          { id, label: `${person.given_name} ${person.family_name}` },
          { action: 'sign-in', subjectType: 'staff', subjectId: id, detail: { via: provider } },
        );
      });
      return { sessionToken, next: request.next };
    },

    /** `esafety sso set`: the school's provider, pinned to its issuer, with the client secret sealed. */
    async setProvider(
      schoolId: string,
      input: SsoSetInput,
      clientSecret: string,
      who: AuditActor,
    ): Promise<{ provider: SsoProvider; issuer: string } & repo.SavedProvider> {
      const setting = ssoSetting(input, config.ssoAuthorities);
      const sealed = sealClientSecret(config.sessionSecret, clientSecret);
      const saved = await withSchool(db, schoolId, async (tx) => {
        const result = await repo.saveProvider(tx, schoolId, setting, sealed);
        await recordAudit(tx, schoolId, who, {
          action: 'sso.set',
          subjectType: 'school',
          subjectId: schoolId,
          // Never the secret: only what identifies the provider.
          detail: {
            provider: setting.provider,
            issuer: setting.issuer,
            tenant: setting.tenant,
            domain: setting.domain,
            clientId: setting.clientId,
            change: result.change,
            ...(result.choicesReset.length ? { choicesReset: result.choicesReset } : {}),
            ...(result.identitiesRemoved ? { identitiesRemoved: result.identitiesRemoved } : {}),
          },
        });
        return result;
      });
      discovered.clear();
      return { provider: setting.provider, issuer: setting.issuer, ...saved };
    },

    /** `esafety sso unlink`: the person links again, by their MIS e-mail, on their next sign-in. Audited. */
    async unlink(schoolId: string, email: string, who: AuditActor): Promise<number> {
      return withSchool(db, schoolId, async (tx) => {
        const removed = await repo.unlinkByEmail(tx, schoolId, email);
        for (const person of removed) {
          if (!person.identities) continue;
          await recordAudit(tx, schoolId, who, {
            action: 'sso.unlinked',
            subjectType: 'staff',
            subjectId: person.id,
            detail: { identitiesRemoved: person.identities },
          });
        }
        return removed.reduce((n, p) => n + p.identities, 0);
      });
    },

    /** The head's page: the provider (set with the command) and the two choices. */
    async choices(actor: Actor) {
      requireAccess(actor, 'security:manage');
      const row = await repo.providerForSchool(db, actor.schoolId);
      if (!row) return null;
      const linked = await withSchool(db, actor.schoolId, (tx) => repo.countLinkedStaff(tx, row.issuer));
      return {
        provider: row.provider,
        buttonText: buttonText(row.provider),
        issuer: row.issuer,
        domain: row.domain,
        tenant: row.tenant,
        linked,
        passwordsOff: row.passwords_off,
        providerMfa: row.provider_mfa,
      };
    },

    async saveChoices(actor: Actor, choices: { passwordsOff: boolean; providerMfa: boolean }): Promise<void> {
      requireAccess(actor, 'security:manage');
      const row = await repo.providerForSchool(db, actor.schoolId);
      if (!row) throw new NotFound('Sign-in with Microsoft or Google is not set up for this school');
      await withSchool(db, actor.schoolId, async (tx) => {
        await repo.saveProviderChoices(tx, actor.schoolId, choices);
        if (choices.passwordsOff !== row.passwords_off) {
          // Passwords off: the password sessions of staff who must now use the provider end too.
          const sessionsEnded = choices.passwordsOff ? await repo.endPasswordSessionsOfLinkedStaff(tx, actor.schoolId, row.issuer, actor.sessionHash) : 0;
          await recordAudit(tx, actor.schoolId, auditActor(actor), {
            action: choices.passwordsOff ? 'sso.passwords-switched-off' : 'sso.passwords-switched-on',
            subjectType: 'school',
            subjectId: actor.schoolId,
            detail: { via: row.provider, ...(choices.passwordsOff ? { sessionsEnded } : {}) },
          });
        }
        if (choices.providerMfa !== row.provider_mfa) {
          await recordAudit(tx, actor.schoolId, auditActor(actor), {
            action: choices.providerMfa ? 'sso.provider-multi-factor-recorded' : 'sso.provider-multi-factor-withdrawn',
            subjectType: 'school',
            subjectId: actor.schoolId,
            detail: { via: row.provider },
          });
        }
      });
      discovered.clear();
    },
  };
}

export type SsoService = ReturnType<typeof createSsoService>;
