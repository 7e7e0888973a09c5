import { DataDirInUseError } from '../platform/db/data-dir-lock.ts';
import { describeCliError, type Output } from './commands.ts';
import { runCli } from './main.ts';

const io: Output = { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) };

runCli(process.argv.slice(2), process.env, io).then(
  (code) => process.exit(code),
  (error: unknown) => {
    io.err(error instanceof DataDirInUseError ? error.message : describeCliError(error));
    process.exit(1);
  },
);
