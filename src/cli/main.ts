import { parseArgs } from 'node:util';
import type { Output } from './commands.ts';

// Only what --help and a mistyped command need is loaded up front: the commands themselves (the
// database, the modules, sharp) are imported when one runs, so `esafety --help` starts at once.
const usage = `Usage: esafety <command>

  school add --name NAME --urn URN
  user add --school URN --email EMAIL --name "NAME" --role ROLE [--role ROLE ...]
        (password from ESAFETY_PASSWORD, or asked for)
  token add --school URN --email EMAIL [--scope full|filter-export|monitoring-alerts]
        (filter-export: the network's filter fetches its lists and nothing else)
  trust add --name TRUST --school URN
  trust lead --name TRUST --school URN --email EMAIL
        (a trust's lead sees its schools' report counts side by side at /trust)
  sso set --school URN --provider microsoft --tenant TENANT_ID --client-id ID --client-secret-file FILE
  sso set --school URN --provider google --domain school.sch.uk --client-id ID --client-secret-file FILE
  sso set --school URN --provider oidc --issuer URL --client-id ID --client-secret-file FILE
  sso unlink --school URN --email ADDRESS
        (the sign-in page offers "Sign in with Microsoft", "…with Google" or "…with your school account")
  import oneroster PATH --school URN [--dry-run] [--json]
  import csv --school URN --pupils FILE --contacts FILE --staff FILE [--partial] [--dry-run]
        [--map pupils.class="Tutor Grp" ...] [--json]
        (plain CSV reports from any MIS; --partial: pupils missing from the file have not left)
  policy import PATH --school URN [--json]
        (text, Markdown, Word .docx or PDF; becomes a draft policy)
  policy propose PATH --school URN [--json]
        (the settings the policy's text sets, each with its sentence; saves nothing)
  export pupil --school URN --pupil ID --out FILE.zip
        (subject access: everything held about one pupil, pupil.json and pupil.html)
  audit verify
        (the hash chain, and each school's chain against its latest anchor)
  audit anchor
        (appends each school's chain head to DATA_DIR/audit-anchors.log)
  backup --out FILE
        (one file: the database, the photographs and a manifest of checksums;
        works while the server is running)
  restore FILE [--resend-unsent]
        (into an empty data folder, or an empty database with DATABASE_URL; e-mails
        that were waiting to be sent are held unless --resend-unsent is given)
  storage copy --to s3 [--school URN]
        (moves the photographs from STORAGE_DIR into the S3_* bucket, each checked by size
        and SHA-256 before the folder's copy is removed; safe to run again)
  demo

Uses DATABASE_URL (PostgreSQL) when set, otherwise the embedded database in DATA_DIR (./data).`;

const options = {
  name: { type: 'string' },
  urn: { type: 'string' },
  school: { type: 'string' },
  email: { type: 'string' },
  role: { type: 'string', multiple: true },
  pupil: { type: 'string' },
  out: { type: 'string' },
  scope: { type: 'string' },
  'dry-run': { type: 'boolean' },
  pupils: { type: 'string' },
  contacts: { type: 'string' },
  staff: { type: 'string' },
  partial: { type: 'boolean' },
  map: { type: 'string', multiple: true },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  'resend-unsent': { type: 'boolean' },
  to: { type: 'string' },
  provider: { type: 'string' },
  tenant: { type: 'string' },
  domain: { type: 'string' },
  issuer: { type: 'string' },
  'client-id': { type: 'string' },
  'client-secret-file': { type: 'string' },
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
  if ((group === 'backup' || group === 'restore') && !values.help) {
    const { runBackupCli } = await import('./dispatch.ts');
    return runBackupCli(group, verb, values, env, io);
  }
  if (command === 'storage copy' && !values.help) {
    const { runStorageCli } = await import('./dispatch.ts');
    return runStorageCli(values, env, io);
  }
  const known = [
    'school add',
    'user add',
    'token add',
    'trust add',
    'trust lead',
    'sso set',
    'sso unlink',
    'import oneroster',
    'import csv',
    'policy import',
    'policy propose',
    'export pupil',
    'audit verify',
    'audit anchor',
    'demo',
  ];
  if (values.help || !known.includes(group === 'demo' ? 'demo' : command)) {
    io[values.help ? 'out' : 'err'](usage);
    return values.help ? 0 : 2;
  }
  const { runCommand } = await import('./dispatch.ts');
  return runCommand(group === 'demo' ? 'demo' : command, rest, values, env, io);
}
