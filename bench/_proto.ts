import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '/work/main/test/helpers/database.ts';
import { makeSchool } from '/work/main/test/helpers/factories.ts';
import { createImportService } from '/work/main/src/modules/people/import.service.ts';
import { parseRosterFiles } from '/work/main/src/modules/people/oneroster/oneroster.parse.ts';
import { generateRosterPackage } from '/work/main/src/modules/people/oneroster/sample-roster.ts';
let t = performance.now();
const lap = (l: string) => { const n = performance.now(); console.log(l, (n - t).toFixed(1)); t = n; };
const pkg = generateRosterPackage({ pupils: 2000 });
lap('gen');
for (let i = 0; i < 3; i++) { const r = parseRosterFiles(pkg); if (!r.ok) throw new Error(); lap('parse'); }
const dir = await mkdtemp(join(tmpdir(), 'b-'));
for (const [k, v] of pkg) await writeFile(join(dir, k), v);
const db = await createTestDatabase('pglite');
lap('db');
const svc = createImportService(db.db);
for (let i = 0; i < 2; i++) {
  const s = await makeSchool(db.db);
  lap('school');
  const r1 = await svc.importFromPath(s.id, { id: null, label: 'b' }, dir, false);
  lap('import'); console.log(JSON.stringify(r1.ok && r1.outcome.summary));
  const r2 = await svc.importFromPath(s.id, { id: null, label: 'b' }, dir, false);
  lap('reimport'); console.log(JSON.stringify(r2.ok && r2.outcome.summary));
}
const c = await db.pglite!.clone(); lap('clone');
await db.close();
