import PgBoss from 'pg-boss';
import type pg from 'pg';

export type JobHandler = () => Promise<void>;

export interface Jobs {
  /** Asks for a job to run soon; several asks while one is queued count once. */
  nudge(name: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Background jobs on pg-boss, on whichever database the app uses. pg-boss talks through the
 * app's own pool, so on PGlite its statements queue behind the app's transactions instead of
 * slipping into them.
 */
export async function startJobs(
  pool: pg.Pool,
  handlers: Record<string, { handler: JobHandler; cron?: string }>,
  /** Queues an earlier version used: their schedules and waiting jobs are removed, so nothing piles up. */
  retired: readonly string[] = [],
): Promise<Jobs> {
  const boss = new PgBoss({
    db: { executeSql: async (text: string, values: unknown[]) => pool.query(text, values) },
    schema: 'pgboss',
  });
  boss.on('error', (error: Error) => console.error('background job error:', error.message));
  await boss.start();
  for (const name of retired) {
    if (!(await boss.getQueue(name))) continue;
    await boss.unschedule(name);
    await boss.deleteQueue(name);
  }
  for (const [name, { handler, cron }] of Object.entries(handlers)) {
    await boss.createQueue(name, { name, policy: 'singleton' });
    await boss.work(name, { pollingIntervalSeconds: 1 }, async () => handler());
    if (cron) await boss.schedule(name, cron);
  }
  return {
    async nudge(name) {
      await boss.send(name, {}, { singletonKey: name });
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}
