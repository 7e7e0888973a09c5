#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx esafety …` works straight from a clone.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../src/cli/esafety.ts', import.meta.url));
const result = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), entry, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
