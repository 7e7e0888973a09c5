import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { loadConfig } from '../../src/config.ts';
import { openAppDatabase } from '../../src/platform/db/open.ts';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { migratedDataFolder } from '../helpers/data-folder.ts';

async function cli(dataDir: string, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { NODE_ENV: 'test', DATA_DIR: dataDir }, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('esafety export pupil (subject access from the command line)', { timeout: 180_000 }, () => {
  let dataDir: string;
  let pupilId: string;
  beforeAll(async () => {
    dataDir = migratedDataFolder('esafety-export-');
    expect((await cli(dataDir, ['school', 'add', '--name', 'Low Ash Primary', '--urn', '107235'])).code).toBe(0);
    const database = await openAppDatabase(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }), 'test');
    try {
      const school = await database.db.selectFrom('schools').select('id').where('urn', '=', '107235').executeTakeFirstOrThrow();
      pupilId = await withSchool(database.db, school.id, async (tx) => {
        const pupil = await tx
          .insertInto('pupils')
          .values({ school_id: school.id, given_name: 'Siân', family_name: 'Hughes', date_of_birth: '2017-05-04' })
          .returning('id')
          .executeTakeFirstOrThrow();
        const carer = await tx
          .insertInto('carers')
          .values({ school_id: school.id, given_name: 'Rhys', family_name: 'Hughes', email: 'rhys@example.org' })
          .returning('id')
          .executeTakeFirstOrThrow();
        await tx.insertInto('pupil_carers').values({ school_id: school.id, pupil_id: pupil.id, carer_id: carer.id, relationship: 'father' }).execute();
        return pupil.id;
      });
    } finally {
      await database.close();
    }
  }, 240_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('writes a zip holding pupil.json and pupil.html, exits 0 and audits it', async () => {
    const out = join(dataDir, 'sian.zip');
    const result = await cli(dataDir, ['export', 'pupil', '--school', '107235', '--pupil', pupilId, '--out', out]);
    expect(result).toMatchObject({ code: 0 });
    const files = unzipSync(new Uint8Array(readFileSync(out)));
    expect(Object.keys(files).sort()).toEqual(['pupil.html', 'pupil.json']);
    const record = JSON.parse(strFromU8(files['pupil.json'])) as { pupil: { givenName: string; dateOfBirth: string }; carers: { name: string }[] };
    expect(record.pupil).toMatchObject({ givenName: 'Siân', dateOfBirth: '2017-05-04' });
    expect(record.carers).toEqual([expect.objectContaining({ name: 'Rhys Hughes' })]);
    expect(strFromU8(files['pupil.html'])).toContain('Information Low Ash Primary holds about Siân Hughes');
    const database = await openAppDatabase(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }), 'test');
    try {
      const audit = await database.db.selectFrom('audit_log').select(['action', 'subject_id']).where('action', '=', 'pupil.subject-access-exported').execute();
      expect(audit).toEqual([{ action: 'pupil.subject-access-exported', subject_id: pupilId }]);
    } finally {
      await database.close();
    }
  });

  it('says what is wrong, with a non-zero exit, for an unknown pupil or a missing flag', async () => {
    const unknown = await cli(dataDir, [
      'export',
      'pupil',
      '--school',
      '107235',
      '--pupil',
      '00000000-0000-4000-8000-000000000000',
      '--out',
      join(dataDir, 'x.zip'),
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('no such pupil');
    const missing = await cli(dataDir, ['export', 'pupil', '--school', '107235', '--pupil', pupilId]);
    expect(missing).toMatchObject({ code: 2, err: expect.stringContaining('--out') });
  });
});
