/**
 * The CLI starts from compiled JavaScript (issue 17, point 9): `esafety --help` costs at most three
 * times Node's own start-up, measured side by side in this run (the machine's load moves both).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

function seconds(args: string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${result.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe('esafety start-up', () => {
  beforeAll(() => {
    // `npm install` builds dist/ (the prepare script); a clone being edited is brought up to date here.
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'pipe' });
  }, 300_000);

  it('runs the compiled CLI, and answers --help within three times a bare `node -e 0`', () => {
    expect(statSync(join(root, 'dist/cli/esafety.js')).isFile()).toBe(true);
    const help = spawnSync(process.execPath, ['bin/esafety.js', '--help'], { cwd: root, encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: esafety <command>');
    const bare: number[] = [];
    const cli: number[] = [];
    for (let round = 0; round < 7; round++) {
      bare.push(seconds(['-e', '0']));
      cli.push(seconds(['bin/esafety.js', '--help']));
    }
    const ratio = median(cli) / median(bare);
    expect(ratio, `esafety --help took ${median(cli).toFixed(3)} s against node -e 0's ${median(bare).toFixed(3)} s`).toBeLessThanOrEqual(3);
  }, 120_000);
});
