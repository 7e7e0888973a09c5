import { afterEach, describe, expect, it } from 'vitest';
import { recordBackupRun } from '../../src/platform/backup/backup.ts';
import { createTestApp, TestBrowser, type TestApp } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/database.ts';
import { makeSchool, makeStaff } from '../helpers/factories.ts';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe.each(databaseKinds())('the home page tells the headteacher about backups (%s)', { timeout: 300_000 }, (kind) => {
  let t: TestApp;
  afterEach(() => t?.close());

  async function home(backupDir: string | null) {
    t = await createTestApp(kind, { backupDir });
    const school = await makeSchool(t.database.db);
    const head = await makeStaff(t.database.db, school.id, ['headteacher']);
    const teacher = await makeStaff(t.database.db, school.id, ['teacher']);
    const as = async (who: typeof head) => {
      const browser = new TestBrowser(t.app);
      await browser.signIn(who);
      return text((await browser.get('/dashboard')).body);
    };
    return { head: () => as(head), teacher: () => as(teacher) };
  }

  it('says backups are not set up when there is no BACKUP_DIR, to the headteacher only', async () => {
    const pages = await home(null);
    expect(await pages.head()).toContain('Backups are not set up');
    expect(await pages.teacher()).not.toMatch(/backup/i);
  });

  it('shows when the last backup was made, and warns when none was made in 48 hours or the last one failed', async () => {
    const pages = await home('/srv/backups');
    expect(await pages.head()).toContain('No backup has been made yet. Nightly backups are set up but have not run for two days');
    const threeDaysAgo = new Date(Date.now() - 72 * 3600_000);
    await t.database.db
      .insertInto('backup_runs')
      .values({ started_at: threeDaysAgo, finished_at: threeDaysAgo, trigger: 'nightly', ok: true, file_name: '/srv/backups/a.tar', bytes: 1000 })
      .execute();
    expect(await pages.head()).toMatch(/No backup has been made since \d+ \w+ 20\d\d/);
    await recordBackupRun(t.database.db, { startedAt: new Date(), trigger: 'nightly', ok: true, file: '/srv/backups/b.tar', bytes: 1000 });
    const fresh = await pages.head();
    expect(fresh).toMatch(/Last backup: \d+ \w+ 20\d\d/);
    expect(fresh).not.toContain('No backup has been made');
    await recordBackupRun(t.database.db, { startedAt: new Date(), trigger: 'nightly', ok: false, error: 'ENOSPC: no space left on device' });
    expect(await pages.head()).toMatch(/The last backup failed on .*ENOSPC: no space left on device The last good backup was made on/);
  });
});
