import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';

/** The child's whole program (CommonJS, as the database thread's): create the database, close it, say what failed. */
const createProgram = `
const [pglite, dataDir, startParams] = process.argv.slice(1);
// Ends with the server that asked for it (a killed first start leaves no one writing in the folder).
process.stdin.on('end', () => process.exit(1)).resume();
require(pglite)
  .PGlite.create(dataDir, { startParams: JSON.parse(startParams) })
  .then((db) => db.close())
  .then(
    () => process.exit(0),
    (error) => {
      const problem = { message: String((error && error.message) || error), name: error && error.name, code: error && error.code, errno: error && error.errno };
      process.stderr.write('\\n' + marker + JSON.stringify(problem) + '\\n', () => process.exit(1));
    },
  );
const marker = ${JSON.stringify('esafety-create-failed:')};
`;

/**
 * Creates a new data folder's embedded database in a child process. PGlite runs PostgreSQL's initdb in
 * a second PGlite holding a copy of the first one's WebAssembly memory; done in the server, that left
 * 100–500 MB in the process (garbage not yet collected, then freed memory the allocator keeps), and a
 * first start sat idle at about 880 MB instead of about 310 (bench/README.md, issue 17 point 12). A
 * child gives all of it back when it ends. Its error arrives as PGlite's own (name, code, errno), so
 * a full or read-only disk is still described in words.
 */
export function createEmbeddedDatabase(dataDir: string, startParams: readonly string[]): Promise<void> {
  const pglite = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['-e', createProgram, pglite, dataDir, JSON.stringify(startParams)],
      { maxBuffer: 16 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        if (!error) return resolve();
        const reported = stderr.split('\n').find((line) => line.startsWith('esafety-create-failed:'));
        if (reported) {
          const problem = JSON.parse(reported.slice('esafety-create-failed:'.length)) as { message: string };
          return reject(Object.assign(new Error(problem.message), problem));
        }
        reject(new Error(`The embedded database could not be created: ${stderr.trim() || error.message}`));
      },
    );
  });
}
