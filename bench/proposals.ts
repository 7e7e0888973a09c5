/**
 * `npm run bench:proposals`: settings proposed from each seed policy, scored against answer keys
 * written by reading the policies (test/fixtures/policies/proposal-keys). Per policy and overall:
 * accuracy = right ÷ (settled settings + proposals the text does not support), recall = right ÷
 * settled, and the false proposals (a wrong value for a settled setting, or a setting it does not settle).
 * Two tables: the four seeds, and the held-out set (test/fixtures/policies/heldout, each NAME.md beside NAME.json).
 * `npm run bench:proposals -- --dir PATH` adds a third: any folder of NAME.md beside NAME.json (same key format),
 * such as real policies kept outside the repository.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { proposeSettings } from '../src/modules/policies/proposals/engine.ts';

interface Key {
  policy: string;
  settled: { setting: string; value: unknown; line: number; clause: string }[];
}

const folder = new URL('../test/fixtures/policies/', import.meta.url);
const keysFolder = new URL('proposal-keys/', folder);

/** Values compare as the settings do: strings without case, arrays as sets. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    const set = (xs: unknown[]) => new Set(xs.map((x) => (typeof x === 'string' ? x.toLowerCase() : JSON.stringify(x))));
    const sa = set(a);
    const sb = set(b);
    return sa.size === sb.size && [...sa].every((x) => sb.has(x));
  }
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return JSON.stringify(a) === JSON.stringify(b);
}

export function score(key: Key, text: string) {
  const started = performance.now();
  const { proposals } = proposeSettings(text);
  const ms = performance.now() - started;
  let right = 0;
  const wrong: string[] = [];
  for (const p of proposals) {
    const settled = key.settled.find((s) => s.setting === p.setting);
    if (settled && sameValue(settled.value, p.value)) right++;
    else wrong.push(`${p.setting} = ${JSON.stringify(p.value)} (line ${p.line})${settled ? `, key says ${JSON.stringify(settled.value)}` : ', not settled'}`);
  }
  const unsupported = proposals.filter((p) => !key.settled.some((s) => s.setting === p.setting)).length;
  const missed = key.settled
    .filter((s) => !proposals.some((p) => p.setting === s.setting && sameValue(s.value, p.value)))
    .map((s) => `${s.setting} (line ${s.line})`);
  return { right, settled: key.settled.length, unsupported, falseProposals: wrong.length, wrong, missed, ms };
}

const fixed = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');

/** One table: each key in `keysFolder` scored against its policy in `policiesFolder`, then the set's total, then what it missed. */
function scoreSet(title: string, policiesFolder: URL, keysFolder: URL, label: (policy: string) => string) {
  const rows: string[] = [];
  const notes: string[] = [];
  let totals = { right: 0, settled: 0, unsupported: 0, falseProposals: 0 };
  for (const file of readdirSync(keysFolder)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const key = JSON.parse(readFileSync(new URL(file, keysFolder), 'utf8')) as Key;
    const text = readFileSync(new URL(key.policy, policiesFolder), 'utf8');
    const s = score(key, text);
    totals = {
      right: totals.right + s.right,
      settled: totals.settled + s.settled,
      unsupported: totals.unsupported + s.unsupported,
      falseProposals: totals.falseProposals + s.falseProposals,
    };
    rows.push(
      `| ${label(key.policy)} | ${s.settled} | ${s.right} | ${s.unsupported} | ${fixed(s.right / (s.settled + s.unsupported))} | ${fixed(s.right / s.settled)} | ${s.falseProposals} | ${s.ms.toFixed(0)} ms |`,
    );
    for (const w of s.wrong) notes.push(`- ${label(key.policy)}: false: ${w}`);
    for (const m of s.missed) notes.push(`- ${label(key.policy)}: missed: ${m}`);
  }
  console.log(`\n### ${title}\n`);
  console.log('| policy | settled | right | unsupported | accuracy | recall | false proposals | time |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
  console.log(
    `| all | ${totals.settled} | ${totals.right} | ${totals.unsupported} | ${fixed(totals.right / (totals.settled + totals.unsupported))} | ${fixed(totals.right / totals.settled)} | ${totals.falseProposals} | |`,
  );
  if (notes.length) console.log(`\nFalse proposals and misses:\n\n${notes.join('\n')}`);
}

// (Imported by bench/proposals-agreement.ts for its scoring: the tables print only when this file is run.)
if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) main();

function main() {
  scoreSet('Seed policies (the patterns were written from these)', folder, keysFolder, (policy) => policy.slice(0, 3));
  // Written by us after the engine, keyed before it was run on them: a weaker test than policies nobody here has read.
  const heldout = new URL('heldout/', folder);
  scoreSet('Held-out policies (test/fixtures/policies/heldout)', heldout, heldout, (policy) => policy.replace(/\.md$/, ''));

  // Any other folder of NAME.md beside NAME.json: `npm run bench:proposals -- --dir /path/to/folder`.
  const dirAt = process.argv.indexOf('--dir');
  if (dirAt >= 0) {
    const dir = process.argv[dirAt + 1];
    if (!dir) throw new Error('--dir needs a folder: npm run bench:proposals -- --dir /path/to/folder');
    const other = pathToFileURL(`${resolve(dir)}/`);
    scoreSet(`Folder ${dir}`, other, other, (policy) => policy.replace(/\.md$/, ''));
  }
}
