import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import { recordAudit } from '../audit/audit.ts';
import type { DB } from '../db/schema.ts';
import { withSchool } from '../db/school-scope.ts';
import { NotFound, TooManyRequests, ValidationError } from '../http/errors.ts';
import { enqueueMail } from '../mail/outbox.ts';
import type { Actor } from './actor.ts';
import * as repo from './auth.repository.ts';
import { hashPassword, newToken, passwordProblem, tokenHash, verifyPassword } from './secrets.ts';
import { passwordsOffFor } from './sso.repository.ts';
import { buttonText } from './sso.rules.ts';
import { acceptTotpCode, newRecoveryCodes, newTotpSecret, useRecoveryCode } from './two-factor.ts';

const limits = { perAccount: 5, perAddress: 30, windowMinutes: 15 };
const resetLinkMinutes = 60;

export function createAuthService(db: Kysely<DB>, config: Config, onMail: () => void) {
  /** Counts this attempt first (atomically), then refuses it when it is one too many. */
  async function overLimit(keys: string[], max: number[], windowMinutes: number): Promise<boolean> {
    let over = false;
    for (const [i, key] of keys.entries()) if ((await repo.countAttempt(db, key, windowMinutes)) > max[i]) over = true;
    return over;
  }
  async function throttle(keys: string[], max: number[]): Promise<void> {
    if (await overLimit(keys, max, limits.windowMinutes)) throw new TooManyRequests();
  }
  /** The session has passed two-factor: it gets a new token (the old one stops working) and the log says how. */
  async function twoFactorDone(actor: Actor, action: string): Promise<string> {
    const sessionToken = newToken();
    await repo.markSessionTwoFactorDone(db, actor.sessionHash!, tokenHash(sessionToken));
    await withSchool(db, actor.schoolId, (tx) =>
      recordAudit(tx, actor.schoolId, { id: actor.staffId, label: actor.name }, { action, subjectType: 'staff', subjectId: actor.staffId }),
    );
    return sessionToken;
  }

  return {
    /** Returns a new session token, or throws ValidationError with the GOV.UK wording. */
    async signIn(email: string, password: string, clientAddress: string): Promise<{ sessionToken: string }> {
      const emailKey = `sign-in:${email.trim().toLowerCase()}`;
      const addressKey = `sign-in-ip:${clientAddress}`;
      await throttle([emailKey, addressKey], [limits.perAccount, limits.perAddress]);
      const accounts = await repo.findAccountsByEmail(db, email);
      let match: repo.AccountRow | undefined;
      for (const account of accounts) if (await verifyPassword(account.password_hash, password)) match = account;
      if (accounts.length === 0) await verifyPassword(null, password);
      if (!match) {
        const account = accounts[0];
        if (account) {
          await withSchool(db, account.school_id, (tx) =>
            recordAudit(tx, account.school_id, { id: account.id, label: email }, { action: 'sign-in.failed', subjectType: 'staff', subjectId: account.id }),
          );
        }
        throw new ValidationError([{ field: 'email', message: 'Enter a correct e-mail address and password' }]);
      }
      // Only someone who knows the password learns that the head has switched passwords off for them.
      const provider = await passwordsOffFor(db, match.id);
      if (provider) {
        const account = match;
        await withSchool(db, account.school_id, (tx) =>
          recordAudit(
            tx,
            account.school_id,
            { id: account.id, label: email },
            { action: 'sign-in.refused', subjectType: 'staff', subjectId: account.id, detail: { via: 'password', reason: 'passwords-off' } },
          ),
        );
        throw new ValidationError([
          { field: 'email', message: `Your school has switched passwords off for you: use the “${buttonText(provider.provider)}” button` },
        ]);
      }
      await repo.resetAttempts(db, emailKey);
      // Only failures count against a school's shared address.
      await repo.uncountAttempt(db, addressKey);
      const sessionToken = newToken();
      await repo.createSession(db, match, tokenHash(sessionToken), false);
      const account = match;
      await withSchool(db, account.school_id, (tx) =>
        recordAudit(tx, account.school_id, { id: account.id, label: email }, { action: 'sign-in', subjectType: 'staff', subjectId: account.id }),
      );
      return { sessionToken };
    },

    async signOut(actor: Actor): Promise<void> {
      if (actor.sessionHash) await repo.deleteSession(db, actor.sessionHash);
    },

    /** Checks a code (or a recovery code) and returns the session's new token. */
    async completeTwoFactor(actor: Actor, code: string): Promise<{ sessionToken: string }> {
      const key = `two-factor:${actor.staffId}`;
      await throttle([key], [limits.perAccount]);
      const staff = await db
        .selectFrom('staff')
        .select(['totp_secret', 'recovery_codes', 'totp_last_step'])
        .where('id', '=', actor.staffId)
        .executeTakeFirstOrThrow();
      // A code is good once: its time step must come after the last one this person used.
      const step =
        staff.totp_secret === null ? null : await acceptTotpCode(staff.totp_secret, code, staff.totp_last_step === null ? null : Number(staff.totp_last_step));
      let ok = step !== null && (await repo.useTotpStep(db, actor.staffId, step));
      let usedRecovery = false;
      if (!ok && /^[0-9a-f]{5}-?[0-9a-f]{5}$/i.test(code.trim())) {
        const normalised = code
          .trim()
          .toLowerCase()
          .replace(/^(.{5})-?(.{5})$/, '$1-$2');
        const remaining = await useRecoveryCode(staff.recovery_codes, normalised);
        if (remaining) {
          ok = true;
          usedRecovery = true;
          await db
            .updateTable('staff')
            .set({ recovery_codes: JSON.stringify(remaining) })
            .where('id', '=', actor.staffId)
            .execute();
        }
      }
      if (!ok) {
        throw new ValidationError([{ field: 'code', message: 'Enter the 6-digit code shown in your authenticator app, or a recovery code' }]);
      }
      await repo.resetAttempts(db, key);
      return { sessionToken: await twoFactorDone(actor, usedRecovery ? 'two-factor.recovery-code-used' : 'two-factor.verified') };
    },

    newTotpSecret,

    /** Turns on two-factor once the person proves their app shows the right code. */
    async enableTwoFactor(actor: Actor, secret: string, code: string): Promise<{ sessionToken: string; recoveryCodes: string[] }> {
      const step = /^[A-Z2-7]{16,64}$/.test(secret) ? await acceptTotpCode(secret, code) : null;
      if (step === null) {
        throw new ValidationError([{ field: 'code', message: 'Enter the 6-digit code your authenticator app shows for eSafety Office' }]);
      }
      const { codes, hashes } = await newRecoveryCodes();
      await db
        .updateTable('staff')
        .set({ totp_secret: secret, totp_enabled_at: new Date(), totp_last_step: String(step), recovery_codes: JSON.stringify(hashes), updated_at: new Date() })
        .where('id', '=', actor.staffId)
        .execute();
      return { sessionToken: await twoFactorDone(actor, 'two-factor.enabled'), recoveryCodes: codes };
    },

    /** Always answers the same way, so the form does not reveal who has an account. */
    async requestPasswordReset(email: string, clientAddress: string): Promise<void> {
      const key = `reset:${email.trim().toLowerCase()}`;
      if (await overLimit([key, `reset-ip:${clientAddress}`], [3, 20], 60)) return;
      for (const account of await repo.findAccountsByEmail(db, email)) {
        // Passwords switched off for this person: no reset link (a new password would be refused),
        // but an e-mail saying how they sign in. The form still answers as for anyone.
        const provider = await passwordsOffFor(db, account.id);
        if (provider) {
          await withSchool(db, account.school_id, async (tx) => {
            await enqueueMail(tx, account.school_id, {
              to: email.trim(),
              subject: 'How you sign in to eSafety Office',
              text: `Someone asked to reset the password for this e-mail address on eSafety Office.\n\nYour school has switched passwords off for you: on the sign-in page, use the “${buttonText(provider.provider)}” button.\n${config.baseUrl}/sign-in\n\nIf it was not you, you can ignore this e-mail.`,
            });
            await recordAudit(
              tx,
              account.school_id,
              { id: account.id, label: email },
              { action: 'password-reset.refused', subjectType: 'staff', subjectId: account.id, detail: { reason: 'passwords-off' } },
            );
          });
          continue;
        }
        const token = newToken();
        await withSchool(db, account.school_id, async (tx) => {
          await tx
            .insertInto('password_resets')
            .values({
              token_hash: tokenHash(token),
              school_id: account.school_id,
              staff_id: account.id,
              expires_at: new Date(Date.now() + resetLinkMinutes * 60_000),
            })
            .execute();
          await enqueueMail(tx, account.school_id, {
            to: email.trim(),
            subject: 'Reset your eSafety Office password',
            text: `Someone asked to reset the password for this e-mail address on eSafety Office.\n\nTo choose a new password, open this link within ${resetLinkMinutes} minutes:\n${config.baseUrl}/reset-password/${token}\n\nIf it was not you, you can ignore this e-mail; your password has not changed.`,
          });
          await recordAudit(
            tx,
            account.school_id,
            { id: account.id, label: email },
            { action: 'password-reset.requested', subjectType: 'staff', subjectId: account.id },
          );
        });
      }
      onMail();
    },

    async checkResetLink(token: string): Promise<{ staffId: string; schoolId: string }> {
      const row = await db
        .selectFrom('password_resets')
        .select(['staff_id', 'school_id', 'expires_at', 'used_at'])
        .where('token_hash', '=', tokenHash(token))
        .executeTakeFirst();
      if (!row || row.used_at || row.expires_at.getTime() < Date.now()) throw new NotFound('This link has expired or has already been used');
      return { staffId: row.staff_id, schoolId: row.school_id };
    },

    async resetPassword(token: string, password: string, confirm: string): Promise<void> {
      const { staffId, schoolId } = await this.checkResetLink(token);
      const problem = passwordProblem(password);
      if (problem) throw new ValidationError([{ field: 'password', message: problem }]);
      if (password !== confirm) throw new ValidationError([{ field: 'confirm', message: 'Enter the same password twice' }]);
      const passwordHash = await hashPassword(password);
      await withSchool(db, schoolId, async (tx) => {
        const used = await tx
          .updateTable('password_resets')
          .set({ used_at: new Date() })
          .where('token_hash', '=', tokenHash(token))
          .where('used_at', 'is', null)
          .executeTakeFirst();
        if (Number(used.numUpdatedRows) !== 1) throw new NotFound('This link has expired or has already been used');
        await tx.updateTable('staff').set({ password_hash: passwordHash, updated_at: new Date() }).where('id', '=', staffId).execute();
        await recordAudit(
          tx,
          schoolId,
          { id: staffId, label: 'password reset link' },
          { action: 'password-reset.completed', subjectType: 'staff', subjectId: staffId },
        );
      });
      // Every other reset or invitation link for this person ended with the new password (a trigger
      // on staff.password_hash). Whoever knew the old password is signed out everywhere.
      await repo.deleteSessionsOf(db, staffId);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
