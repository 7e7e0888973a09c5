import { runCli } from './main.ts';
import type { Output } from './commands.ts';

const io: Output = { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) };

runCli(process.argv.slice(2), process.env, io).then(
  (code) => process.exit(code),
  async (error: unknown) => {
    const { DataDirInUseError } = await import('../platform/db/data-dir-lock.ts');
    const { describeCliError } = await import('./commands.ts');
    io.err(error instanceof DataDirInUseError ? error.message : describeCliError(error));
    process.exit(1);
  },
);
