/**
 * `npm run -s bench:proposals-agreement -- --dir FOLDER --second FOLDER2`: how far two answer keys written alone for the
 * same policies agree, and how the engine scores against each and against what both settle. FOLDER holds NAME.md beside
 * NAME.json (the first key); FOLDER2 holds a second NAME.json for some of them. Each key is scored as if it were the
 * other's proposals, with bench/proposals.ts's measure: right ÷ (settled + settings the other does not settle). The
 * agreement is the ceiling a second reader reaches against the first: the engine is measured against the same yardstick.
 * Defaults to the session-15 sets and their second keys (written in the sixteenth session).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sameValue } from './proposals.ts';
import { proposeSettings } from '../src/modules/policies/proposals/engine.ts';

interface Setting {
  setting: string;
  value: unknown;
}

const option = (name: string, fallback: string) => {
  const at = process.argv.indexOf(name);
  return resolve(at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback);
};
const first = option('--dir', new URL('../test/fixtures/policies/session15', import.meta.url).pathname);
const second = option('--second', `${first}/second-keys`);

/** Right, settled and unsupported when `got` is read against `truth`. */
function against(truth: Setting[], got: Setting[]) {
  return {
    right: got.filter((p) => truth.some((s) => s.setting === p.setting && sameValue(s.value, p.value))).length,
    settled: truth.length,
    unsupported: got.filter((p) => !truth.some((s) => s.setting === p.setting)).length,
  };
}

type Tally = ReturnType<typeof against>;
const totals = new Map<string, Tally>();
const add = (label: string, t: Tally) => {
  const sum = totals.get(label) ?? { right: 0, settled: 0, unsupported: 0 };
  totals.set(label, { right: sum.right + t.right, settled: sum.settled + t.settled, unsupported: sum.unsupported + t.unsupported });
};
const family = (setting: string) => setting.replace(/^(concerns\.routes|consent\.purposes|photos\.channels)\.[^.]+\./, '$1.*.');
const disagreements = new Map<string, number>();
let policies = 0;

for (const file of readdirSync(first)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  if (!existsSync(`${second}/${file}`)) continue;
  policies++;
  const one = JSON.parse(readFileSync(`${first}/${file}`, 'utf8')) as { policy: string; settled: Setting[] };
  const two = (JSON.parse(readFileSync(`${second}/${file}`, 'utf8')) as { settled: Setting[] }).settled;
  const agreed = one.settled.filter((s) => two.some((t) => t.setting === s.setting && sameValue(s.value, t.value)));
  const engine = proposeSettings(readFileSync(`${first}/${one.policy}`, 'utf8')).proposals;
  add('second key, read against the first', against(one.settled, two));
  add('engine, against the first key', against(one.settled, engine));
  add('engine, against the second key', against(two, engine));
  // Against what both settle: a setting either key settles and the other does not is left out of the count.
  const eitherOnly = (p: Setting) => [...one.settled, ...two].some((s) => s.setting === p.setting) && !agreed.some((s) => s.setting === p.setting);
  add(
    'engine, against what both keys settle alike',
    against(
      agreed,
      engine.filter((p) => !eitherOnly(p)),
    ),
  );
  for (const s of [...one.settled, ...two])
    if (!agreed.some((t) => t.setting === s.setting)) disagreements.set(family(s.setting), (disagreements.get(family(s.setting)) ?? 0) + 1);
}

console.log(`\n### Two keys for ${policies} policies (${first}, second keys in ${second})\n`);
console.log('| read | settled | right | unsupported | accuracy |');
console.log('|---|---|---|---|---|');
for (const [label, t] of totals)
  console.log(`| ${label} | ${t.settled} | ${t.right} | ${t.unsupported} | ${(t.right / (t.settled + t.unsupported)).toFixed(2)} |`);
console.log('\nSettings one key settles and the other does not (or settles otherwise), by family:\n');
for (const [name, n] of [...disagreements].sort((a, b) => b[1] - a[1])) console.log(`- ${name}: ${n}`);
