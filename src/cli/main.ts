import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openAppDatabase } from '../platform/db/open.ts';
import { configureMailSealing } from '../platform/mail/sealed.ts';
import type { Database } from '../platform/db/database.ts';
import { auditAnchor, auditVerify, describeCliError, importOneRoster, schoolAdd, tokenAdd, userAdd, UsageError, type Output } from './commands.ts';
import { policyImport } from './policy-commands.ts';
import { loadDemo } from './demo.ts';

const usage = `Usage: esafety <command>

  school add --name NAME --urn URN
  user add --school URN --email EMAIL --name "NAME" --role ROLE [--role ROLE ...]
        (password from ESAFETY_PASSWORD, or asked for)
  token add --school URN --email EMAIL [--scope full|filter-export|monitoring-alerts]
        (filter-export: the network's filter fetches its lists and nothing else)
  import oneroster PATH --school URN [--dry-run] [--json]
  policy import PATH --school URN [--json]
        (text, Markdown, Word .docx or PDF; becomes a draft policy)
  audit verify
        (the hash chain, and each school's chain against its latest anchor)
  audit anchor
        (appends each school's chain head to DATA_DIR/audit-anchors.log)
  demo

Uses DATABASE_URL (PostgreSQL) when set, otherwise the embedded database in DATA_DIR (./data).`;

const options = {
  name: { type: 'string' },
  urn: { type: 'string' },
  school: { type: 'string' },
  email: { type: 'string' },
  role: { type: 'string', multiple: true },
  scope: { type: 'string' },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function runCli(argv: string[], env: Record<string, string | undefined>, io: Output): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [group, verb, ...rest] = positionals;
  const command = [group, verb].filter(Boolean).join(' ');
  const known = ['school add', 'user add', 'token add', 'import oneroster', 'policy import', 'audit verify', 'audit anchor', 'demo'];
  if (values.help || !known.includes(group === 'demo' ? 'demo' : command)) {
    io[values.help ? 'out' : 'err'](usage);
    return values.help ? 0 : 2;
  }
  let database: Database | null = null;
  try {
    const config = loadConfig(env);
    configureMailSealing(config.sessionSecret);
    database = await openAppDatabase(config, `esafety ${command}`);
    switch (group === 'demo' ? 'demo' : command) {
      case 'school add':
        return await schoolAdd(database, io, values);
      case 'user add':
        return await userAdd(database, io, values, env);
      case 'token add':
        return await tokenAdd(database, io, values);
      case 'import oneroster':
        return await importOneRoster(database, io, rest[0] ?? undefined, values);
      case 'policy import':
        return await policyImport(database, io, rest[0] ?? undefined, values);
      case 'audit verify':
        return await auditVerify(database, io, config.dataDir);
      case 'audit anchor':
        return await auditAnchor(database, io, config.dataDir);
      case 'demo':
        return await loadDemo(database, io);
    }
    return 2;
  } catch (error) {
    io.err(describeCliError(error));
    return error instanceof UsageError ? 2 : 1;
  } finally {
    await database?.close();
  }
}
