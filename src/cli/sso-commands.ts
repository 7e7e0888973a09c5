import { readFileSync } from 'node:fs';
import type { Config } from '../config.ts';
import type { Database } from '../platform/db/database.ts';
import { createSsoService } from '../platform/auth/sso.service.ts';
import { buttonText, ssoSetting, SsoSetProblem } from '../platform/auth/sso.rules.ts';
import { findSchoolByUrn } from '../modules/school/school.service.ts';
import { cliActor, UsageError, type Output } from './commands.ts';
import type { CommandValues } from './dispatch.ts';

/** The options `esafety sso set` reads, as the command line parsed them. */
export type SsoSetArgs = Pick<CommandValues, 'school' | 'provider' | 'tenant' | 'domain' | 'issuer' | 'client-id' | 'client-secret-file'>;

/** The secret from its file: never from the command line, where it would stay in the shell's history. */
function readSecret(path: string | undefined): string {
  if (!path?.trim()) throw new UsageError('--client-secret-file is required: a file holding the client secret the provider gave you');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`--client-secret-file: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const secret = text.trim();
  if (!secret) throw new UsageError(`--client-secret-file: ${path} is empty`);
  if (secret.length > 2000 || /[\r\n]/.test(secret)) throw new UsageError(`--client-secret-file: ${path} must hold the client secret alone, on one line`);
  return secret;
}

/**
 * `esafety sso set --school URN --provider microsoft|google|oidc (--tenant ID | --domain DOMAIN | --issuer URL)
 * --client-id ID --client-secret-file FILE`: the sign-in page offers the school's button from now on. Audited.
 */
export async function ssoSet(database: Database, config: Config, io: Output, args: SsoSetArgs): Promise<number> {
  if (!args.school?.trim()) throw new UsageError('--school is required');
  const school = await findSchoolByUrn(database.schools, args.school.trim());
  const input = { provider: args.provider, tenant: args.tenant, domain: args.domain, issuer: args.issuer, clientId: args['client-id'] };
  // The options are checked before the secret file is read, so the first mistake named is the first one made.
  const sso = createSsoService(database.db, config);
  let result;
  try {
    ssoSetting(input, config.ssoAuthorities);
    const secret = readSecret(args['client-secret-file']);
    result = await sso.setProvider(school.id, input, secret, cliActor());
  } catch (error) {
    if (error instanceof SsoSetProblem) throw new UsageError(error.message);
    throw error;
  }
  io.out(`${school.name} now offers “${buttonText(result.provider)}” on the sign-in page (issuer ${result.issuer}).`);
  if (result.choicesReset.length) {
    const what = result.choicesReset.map((c) =>
      c === 'passwords-off' ? 'passwords are switched back on' : 'the provider is no longer taken to enforce multi-factor sign-in',
    );
    io.out(
      `The provider changed, so the head’s choices for the old one were reset: ${what.join(' and ')}. The head can choose again at ${config.baseUrl}/settings/sign-in.`,
    );
  }
  if (result.identitiesRemoved) {
    io.out(
      `The provider or its client ID changed, so ${result.identitiesRemoved} member${result.identitiesRemoved === 1 ? '' : 's'} of staff will be linked again by their MIS e-mail the next time they sign in with it.`,
    );
  }
  io.err(
    `The provider must send people back to ${config.baseUrl}/auth/oidc/callback (BASE_URL). The client secret is kept sealed in the database under SESSION_SECRET; you may delete the file now.`,
  );
  return 0;
}

export type SsoUnlinkArgs = Pick<CommandValues, 'school' | 'email'>;

/** `esafety sso unlink --school URN --email ADDRESS`: that person links again by their MIS e-mail next time. Audited. */
export async function ssoUnlink(database: Database, config: Config, io: Output, args: SsoUnlinkArgs): Promise<number> {
  if (!args.school?.trim()) throw new UsageError('--school is required');
  if (!args.email?.trim()) throw new UsageError('--email is required: the member of staff’s school e-mail, as in the MIS');
  const school = await findSchoolByUrn(database.schools, args.school.trim());
  const removed = await createSsoService(database.db, config).unlink(school.id, args.email, cliActor());
  if (!removed) {
    io.err(`No member of staff of ${school.name} with the e-mail ${args.email.trim()} has signed in with the school’s provider: nothing to unlink.`);
    return 1;
  }
  io.out(
    `${args.email.trim()} is no longer linked to an account at the school’s provider: they will be linked again by their MIS e-mail the next time they sign in with it.`,
  );
  return 0;
}
