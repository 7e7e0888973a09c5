/** Runs one CLI command (main.ts has parsed and checked the arguments). */
import { loadConfig } from '../config.ts';
import { openAppDatabase } from '../platform/db/open.ts';
import { configureMailSealing } from '../platform/mail/sealed.ts';
import type { Database } from '../platform/db/database.ts';
import {
  auditAnchor,
  auditVerify,
  describeCliError,
  exportPupilCommand,
  importOneRoster,
  schoolAdd,
  tokenAdd,
  userAdd,
  UsageError,
  type Output,
} from './commands.ts';
import { policyImport, policyPropose } from './policy-commands.ts';
import { trustAdd, trustLead } from './trust-commands.ts';
import { importCsv } from './csv-import-command.ts';
import { ssoSet, ssoUnlink } from './sso-commands.ts';
import { loadDemo } from './demo.ts';
import { backupCommand, restoreCommand } from './backup-commands.ts';
import { storageCopy } from './storage-commands.ts';

export type CommandValues = {
  name?: string;
  urn?: string;
  school?: string;
  email?: string;
  role?: string[];
  pupil?: string;
  out?: string;
  scope?: string;
  'dry-run'?: boolean;
  json?: boolean;
  help?: boolean;
  pupils?: string;
  contacts?: string;
  staff?: string;
  partial?: boolean;
  map?: string[];
  to?: string;
  provider?: string;
  tenant?: string;
  domain?: string;
  issuer?: string;
  'client-id'?: string;
  'client-secret-file'?: string;
};

/**
 * A command's settings. Unless PGLITE_THREAD says otherwise, a command runs the embedded database on
 * its main thread: the server's database thread is there to keep pages answering during a long
 * statement, and a command has no pages to answer. Opening, checking the migrations and closing took about 0.5 s of CPU
 * on the main thread against 1.1 s on a thread of its own (measured, warm), on every command.
 */
function cliConfig(env: Record<string, string | undefined>) {
  return loadConfig({ ...env, PGLITE_THREAD: env.PGLITE_THREAD || 'main' });
}

export async function runCommand(command: string, rest: string[], values: CommandValues, env: Record<string, string | undefined>, io: Output): Promise<number> {
  let database: Database | null = null;
  try {
    const config = cliConfig(env);
    configureMailSealing(config.sessionSecret);
    database = await openAppDatabase(config, `esafety ${command}`);
    switch (command) {
      case 'school add':
        return await schoolAdd(database, io, values);
      case 'user add':
        return await userAdd(database, io, values, env);
      case 'token add':
        return await tokenAdd(database, io, values);
      case 'import oneroster':
        return await importOneRoster(database, io, rest[0] ?? undefined, values);
      case 'import csv':
        return await importCsv(database, io, values);
      case 'policy import':
        return await policyImport(database, io, rest[0] ?? undefined, values);
      case 'policy propose':
        return await policyPropose(database, io, rest[0] ?? undefined, values);
      case 'export pupil':
        return await exportPupilCommand(database, io, values);
      case 'audit verify':
        return await auditVerify(database, io, config.dataDir);
      case 'audit anchor':
        return await auditAnchor(database, io, config.dataDir);
      case 'trust add':
        return await trustAdd(database, io, values);
      case 'trust lead':
        return await trustLead(database, io, values);
      case 'sso set':
        return await ssoSet(database, config, io, values);
      case 'sso unlink':
        return await ssoUnlink(database, config, io, values);
      case 'demo':
        return await loadDemo(database, io, config);
    }
    return 2;
  } catch (error) {
    io.err(describeCliError(error));
    return error instanceof UsageError ? 2 : 1;
  } finally {
    await database?.close();
  }
}

/** `esafety storage copy` checks its arguments and the bucket's variables first, and opens the database only to look up --school. */
export async function runStorageCli(values: CommandValues, env: Record<string, string | undefined>, io: Output): Promise<number> {
  try {
    const config = cliConfig(env);
    return await storageCopy(io, config, env, values, () => openAppDatabase(config, 'esafety storage copy'));
  } catch (error) {
    io.err(describeCliError(error));
    return error instanceof UsageError ? 2 : 1;
  }
}

/** Backups and restores open the database their own way (or not at all: a running server makes the backup). */
export async function runBackupCli(
  group: 'backup' | 'restore',
  file: string | undefined,
  values: { out?: string; 'resend-unsent'?: boolean },
  env: Record<string, string | undefined>,
  io: Output,
): Promise<number> {
  try {
    const config = cliConfig(env);
    configureMailSealing(config.sessionSecret);
    if (group === 'backup') {
      if (file) throw new UsageError(`Unexpected "${file}": esafety backup --out FILE`);
      return await backupCommand(config, io, values.out);
    }
    return await restoreCommand(config, io, file, values['resend-unsent'] === true);
  } catch (error) {
    io.err(describeCliError(error));
    return error instanceof UsageError ? 2 : 1;
  }
}
