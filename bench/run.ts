/**
 * `npm run bench`: the import benchmark, then the class page benchmark, one after the other in this process (never
 * at once: they would be each other's noise), then a summary of the ratios. Results go to bench/results/*.json.
 * To stay within a minute: 3 import rounds instead of 5, and the class page benchmark shortens its rounds from 3 s
 * to 2 s when the time already spent would otherwise take the whole run past it.
 */
import { describeClassPage, runClassPageBench, saveClassPageResults } from './class-page.ts';
import { describeImport, runImportBench, saveImportResults } from './import.ts';
import { closePgliteTemplate, fmt, formatTable, progress, writeResults } from './lib.ts';

// Three import rounds rather than five here, to leave the class page benchmark its 3 s rounds within the minute.
const imported = await runImportBench({ rounds: 3 }).catch(async (error: unknown) => {
  await closePgliteTemplate();
  throw error;
});
console.log(describeImport(imported));
await saveImportResults(imported);
console.log();

// The class page gets a clone of the same migrated PGlite template: one PGlite start for the whole run.
const page = await runClassPageBench().finally(closePgliteTemplate);
console.log(describeClassPage(page));
await saveClassPageResults(page);

const rows: string[][] = [];
for (const kind of imported.kinds) {
  for (const name of ['full import', 're-import, unchanged', 're-import, 5% moved']) {
    rows.push([
      `import ${name} (${kind.kind})`,
      `${fmt.int(kind.medians[name].pupilsPerSecond)} pupils/s`,
      `${fmt.ratio(kind.ratios[name].vsInsert)} × bulk insert`,
      `${fmt.ratio(kind.ratios[name].vsParse)} × parse only`,
    ]);
  }
}
for (const name of ['fixed-class + session', 'class page']) {
  rows.push([
    `GET ${name}`,
    `${fmt.int(page.medians[name].requestsPerSecond)} req/s`,
    `${fmt.ratio(page.ratios[name].requestsPerSecond)} × render-only req/s`,
    `${fmt.ratio(page.ratios[name].p50)} × render-only p50`,
  ]);
}
const summary = formatTable(['subject', 'median', 'ratio to baseline', 'other baseline'], rows);
console.log(`\nSummary (ratios are medians of same-round ratios; below 1 = slower than the baseline)\n${summary}`);
const file = await writeResults('summary', {
  import: Object.fromEntries(imported.kinds.map((k) => [k.kind, { medians: k.medians, ratios: k.ratios }])),
  classPage: { durationSeconds: page.durationSeconds, medians: page.medians, ratios: page.ratios },
});
progress('run', `done; results in ${file.replace(/summary\.json$/, '')}`);
