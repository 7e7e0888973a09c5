#!/usr/bin/env node
// The esafety command. Runs the compiled CLI from dist/ (built by `npm install`, `npm run build`),
// which starts in a fraction of the time TypeScript compiled at run time takes. In a clone whose
// sources are newer than the build (someone is editing them), it runs the sources through tsx.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = `${root}dist/cli/esafety.js`;

function newestSource(folder) {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function builtIsCurrent() {
  try {
    return statSync(`${root}dist/.tsbuildinfo`).mtimeMs >= newestSource(`${root}src`);
  } catch {
    return false;
  }
}

if (builtIsCurrent()) {
  await import(built);
} else {
  const entry = `${root}src/cli/esafety.ts`;
  const result = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), entry, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
