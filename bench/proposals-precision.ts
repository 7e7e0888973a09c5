/**
 * `npx tsx bench/proposals-precision.ts [GROUP]`: how often each kind of proposal is right, across the keyed sets the
 * engine was fitted to (sessions 14–19; session 19's sealed round 2, s173–s177, left out so that it stays a measure).
 * A group is a setting with its keyed-list member starred (`concerns.routes.*.immediate`) and, for a plain value, the
 * value (`consent.lapse="never"`). Printed worst first: the false proposals (a wrong value, or a setting the key does not
 * settle), the precision, the right ones. With GROUP, the false proposals of that group with the sentence each rests on:
 * where a reading is seldom right, the sentences show what it misreads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { proposeSettings } from '../src/modules/policies/proposals/engine.ts';
import { sameValue } from './proposals.ts';

interface Key {
  settled: { setting: string; value: unknown }[];
}

const folders = ['fitted-session14', 'session15', 'session16', 'session17', 'session18', 'session19'];
const sealed = /^s17[3-7]-/;

const groupOf = (setting: string, value: unknown) =>
  setting.replace(/\.(routes|purposes|channels)\.[a-z0-9-]+\./, '.$1.*.') + (typeof value === 'object' ? '' : `=${JSON.stringify(value)}`);

const groups = new Map<string, { right: number; wrong: number; unsupported: number; examples: string[] }>();
for (const folder of folders) {
  const dir = new URL(`../test/fixtures/policies/${folder}/`, import.meta.url);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && !sealed.test(f))) {
    const key = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Key;
    const text = readFileSync(new URL(file.replace(/\.json$/, '.md'), dir), 'utf8');
    for (const p of proposeSettings(text).proposals) {
      const name = groupOf(p.setting, p.value);
      const group = groups.get(name) ?? { right: 0, wrong: 0, unsupported: 0, examples: [] };
      const settled = key.settled.find((s) => s.setting === p.setting);
      if (settled && sameValue(settled.value, p.value)) group.right++;
      else {
        if (settled) group.wrong++;
        else group.unsupported++;
        group.examples.push(
          `${settled ? `key says ${JSON.stringify(settled.value)}` : 'not settled'}  ${file}  ${p.setting} = ${JSON.stringify(p.value)}  (line ${p.line}): ${p.quote.slice(0, 160)}`,
        );
      }
      groups.set(name, group);
    }
  }
}

const wanted = process.argv[2];
if (wanted) {
  for (const line of groups.get(wanted)?.examples ?? [`no proposals in group ${wanted}`]) console.log(line);
} else {
  console.log('| false | precision | right | wrong value | not settled | group |');
  console.log('|---|---|---|---|---|---|');
  for (const [name, g] of [...groups].sort((a, b) => b[1].wrong + b[1].unsupported - (a[1].wrong + a[1].unsupported))) {
    const all = g.right + g.wrong + g.unsupported;
    console.log(`| ${g.wrong + g.unsupported} | ${(g.right / all).toFixed(2)} | ${g.right} | ${g.wrong} | ${g.unsupported} | \`${name}\` |`);
  }
}
