import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { nightlyBackup, nightlyFileName } from '../../src/platform/backup/nightly.ts';
import { heldAfterRestore } from '../../src/platform/backup/restore.ts';
import { listenForBackupRequests } from '../../src/platform/backup/server-socket.ts';
import { backupStatus } from '../../src/platform/backup/status.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { openAppDatabase } from '../../src/platform/db/open.ts';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { deliverDueMail } from '../../src/platform/mail/delivery.ts';
import { configureMailSealing } from '../../src/platform/mail/sealed.ts';
import { chainOf, cli, recordingTransport, seed, tablesOf } from '../helpers/backup.ts';
import { copyOfTemplate } from '../helpers/data-folder.ts';

describe('backups and restores on the embedded database', { timeout: 600_000 }, () => {
  const root = mkdtempSync(join(tmpdir(), 'esafety-backup-'));
  const env = (name: string, extra: Record<string, string> = {}) => ({ DATA_DIR: join(root, name), ...extra });
  const configOf = (name: string, extra: Record<string, string> = {}) => loadConfig({ NODE_ENV: 'test', ...env(name, extra) });
  let source: Database;
  let photos: string[];
  let before: Record<string, number>;
  let chain: { id: string; hash: string }[];
  let stopListening: () => Promise<void>;

  beforeAll(async () => {
    const config = configOf('source');
    copyOfTemplate(config.dataDir);
    configureMailSealing(config.sessionSecret);
    source = await openAppDatabase(config, 'server');
    ({ photos } = await seed(source, config));
    // The server is running: it holds the data folder, and answers `esafety backup` over its socket.
    stopListening = (await listenForBackupRequests(config, source)).close;
    before = await tablesOf(source);
    chain = await chainOf(source);
  }, 600_000);
  afterAll(async () => {
    await stopListening?.();
    await source?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('backs up while the server runs, and restores into an empty folder with every row, the audit chain and every photograph', async () => {
    const file = join(root, 'backups', 'live.tar');
    const backup = await cli(['backup', '--out', file], env('source'));
    expect(backup).toMatchObject({
      code: 0,
      out: expect.stringMatching(/Backed up \d+ tables \(\d+ rows\) and 6 photographs/),
      err: expect.stringContaining('server is running'),
    });
    expect(before.pupils).toBeGreaterThan(0);
    expect(before.audit_log).toBeGreaterThan(0);

    const restore = await cli(['restore', file], env('copy'));
    expect(restore.err).toBe('');
    expect(restore).toMatchObject({ code: 0, out: expect.stringContaining('4 e-mails were waiting to be sent when the backup was made: they are held') });
    expect(restore.out).toContain(`${Object.keys(before).length} tables with ${Object.values(before).reduce((a, b) => a + b, 0)} rows`);

    const verify = await cli(['audit', 'verify'], env('copy'));
    expect(verify).toMatchObject({ code: 0, out: expect.stringMatching(/intact: \d+ entries checked, and it matches the latest anchor of 2 schools/) });

    const copy = await openAppDatabase(configOf('copy'), 'test');
    try {
      expect(await tablesOf(copy)).toEqual(before);
      expect(await chainOf(copy)).toEqual(chain);
      for (const key of photos)
        expect(readFileSync(join(root, 'copy', 'storage', key)).equals(readFileSync(join(root, 'source', 'storage', key))), key).toBe(true);
      // Unsent mail stays unsent: it may have gone out after the backup was made.
      const held = await copy.db.selectFrom('outbox').select(['last_error']).where('sent_at', 'is', null).execute();
      expect(held.map((m) => m.last_error)).toEqual(Array(4).fill(heldAfterRestore));
      const transport = recordingTransport();
      await deliverDueMail(copy.db, transport, 'test@example');
      expect(transport.sent).toEqual([]);
    } finally {
      await copy.close();
    }
    // The backup is noted for the home page.
    const [school] = await source.db.selectFrom('schools').select('id').execute();
    const status = await withSchool(source.db, school.id, (tx) => backupStatus(tx, null));
    expect(status).toMatchObject({ nightly: false, failed: null, overdue: false });
    expect(Date.now() - status.lastAt!.getTime()).toBeLessThan(60_000);
  });

  it('sends the waiting mail after a restore only when told to (--resend-unsent)', async () => {
    const file = join(root, 'backups', 'resend.tar');
    expect((await cli(['backup', '--out', file], env('source'))).code).toBe(0);
    const restore = await cli(['restore', file, '--resend-unsent'], env('resent'));
    expect(restore).toMatchObject({ code: 0, out: expect.stringContaining('4 e-mails waiting when the backup was made will be sent') });
    const copy = await openAppDatabase(configOf('resent'), 'test');
    try {
      const transport = recordingTransport();
      await deliverDueMail(copy.db, transport, 'test@example');
      expect(transport.sent).toHaveLength(4);
    } finally {
      await copy.close();
    }
  });

  it('refuses a folder that is not empty, a damaged file and an existing output file, changing nothing', async () => {
    const file = join(root, 'backups', 'live.tar');
    const again = await cli(['restore', file], env('copy'));
    expect(again).toMatchObject({ code: 1, err: expect.stringContaining('already holds a database: restore only into an empty data folder') });
    const copy = await openAppDatabase(configOf('copy'), 'test');
    expect(await tablesOf(copy)).toEqual(before);
    await copy.close();

    const damaged = join(root, 'backups', 'damaged.tar');
    const bytes = readFileSync(file);
    const at = bytes.indexOf(Buffer.from(`storage/${photos[0]}`)) + 1024;
    bytes[at] ^= 0xff;
    writeFileSync(damaged, bytes);
    const broken = await cli(['restore', damaged], env('untouched'));
    expect(broken).toMatchObject({ code: 1, err: expect.stringContaining(`storage/${photos[0]} is damaged`) });
    expect(existsSync(join(root, 'untouched', 'pglite'))).toBe(false);

    writeFileSync(join(root, 'backups', 'cut.tar'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(await cli(['restore', join(root, 'backups', 'cut.tar')], env('untouched'))).toMatchObject({
      code: 1,
      err: expect.stringContaining('not a usable eSafety Office backup'),
    });

    expect(await cli(['backup', '--out', file], env('source'))).toMatchObject({ code: 1, err: expect.stringContaining('already exists') });
    expect(await cli(['backup'], env('source'))).toMatchObject({ code: 2, err: expect.stringContaining('--out FILE') });
  });

  it('makes the nightly backup into BACKUP_DIR, keeps the newest BACKUP_KEEP, and the home page knows when', async () => {
    const backupDir = join(root, 'nightly');
    const config = configOf('source', { BACKUP_DIR: backupDir, BACKUP_KEEP: '2' });
    const nights = [1, 2, 3].map((d) => new Date(Date.UTC(2026, 10, d, 1, 15)));
    for (const night of nights) await nightlyBackup(config, source, night);
    expect(readdirSync(backupDir).sort()).toEqual(nights.slice(1).map(nightlyFileName));
    const [school] = await source.db.selectFrom('schools').select('id').execute();
    const status = await withSchool(source.db, school.id, (tx) => backupStatus(tx, backupDir));
    expect(status).toMatchObject({ nightly: true, overdue: false, failed: null });
    const twoDaysOn = new Date(Date.now() + 49 * 3600_000);
    expect(await withSchool(source.db, school.id, (tx) => backupStatus(tx, backupDir, twoDaysOn))).toMatchObject({ overdue: true });

    // A night that fails is noted, and the home page says so.
    writeFileSync(join(root, 'not-a-folder'), '');
    await expect(nightlyBackup(configOf('source', { BACKUP_DIR: join(root, 'not-a-folder') }), source)).rejects.toThrow();
    const failed = await withSchool(source.db, school.id, (tx) => backupStatus(tx, backupDir));
    expect(failed.failed?.error).toMatch(/ENOTDIR|EEXIST|not a directory/);
  });
});
