import { appendFileSync, chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/**
 * The audit chain shows an entry changed or removed in the middle, but not the newest entries
 * deleted (the shorter chain is still a valid chain). So the head of each school's chain — how
 * many entries and the hash of the last — is written outside the database, to
 * DATA_DIR/audit-anchors.log, one line per school: time, URN, count, hash (tab-separated).
 * Copied off the server, a line proves the entries up to it have not been removed or altered since.
 */
export const anchorFileName = 'audit-anchors.log';

export interface Anchor {
  at: string;
  urn: string;
  count: number;
  hash: string;
}

export const anchorLine = (a: Anchor): string => `${a.at}\t${a.urn}\t${a.count}\t${a.hash}`;

/** Each school's chain head, read as the database owner across schools. */
export async function chainHeads(db: Kysely<DB>, at = new Date()): Promise<Anchor[]> {
  const schools = await db.selectFrom('schools').select(['id', 'urn']).orderBy('urn').execute();
  const heads: Anchor[] = [];
  for (const school of schools) {
    const count = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('school_id', '=', school.id)
      .executeTakeFirstOrThrow();
    const last = await db.selectFrom('audit_log').select('hash').where('school_id', '=', school.id).orderBy('id', 'desc').limit(1).executeTakeFirst();
    heads.push({ at: at.toISOString(), urn: school.urn, count: Number(count.n), hash: last?.hash ?? '0'.repeat(64) });
  }
  return heads;
}

/** Appends every school's chain head to the anchor file (created 0600 in a 0700 folder). */
export async function appendAnchors(db: Kysely<DB>, dataDir: string, at = new Date()): Promise<Anchor[]> {
  const heads = await chainHeads(db, at);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, anchorFileName);
  if (heads.length) appendFileSync(path, heads.map((h) => `${anchorLine(h)}\n`).join(''), { mode: 0o600 });
  if (existsSync(path)) chmodSync(path, 0o600);
  return heads;
}

/** Every well-formed line of the anchor file, oldest first (none when there is no file yet). */
export function readAnchors(dataDir: string): Anchor[] {
  const path = join(dataDir, anchorFileName);
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((line) => {
      const [at, urn, count, hash] = line.split('\t');
      return at && urn && /^\d+$/.test(count ?? '') && /^[0-9a-f]{64}$/.test(hash ?? '') ? [{ at, urn, count: Number(count), hash }] : [];
    });
}

export type AnchorCheck = { ok: true; schools: number } | { ok: false; urn: string; reason: string };

/**
 * Compares each school's chain with its latest anchor: the chain must be at least as long, and
 * its entry number `count` must still have the anchored hash (which covers every entry before it).
 */
export async function verifyAgainstAnchors(db: Kysely<DB>, anchors: Anchor[]): Promise<AnchorCheck> {
  const latest = new Map<string, Anchor>();
  for (const a of anchors) latest.set(a.urn, a);
  for (const anchor of latest.values()) {
    const school = await db.selectFrom('schools').select('id').where('urn', '=', anchor.urn).executeTakeFirst();
    if (!school) return { ok: false, urn: anchor.urn, reason: `the school was anchored on ${anchor.at} but is no longer in the database` };
    const count = Number(
      (
        await db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('school_id', '=', school.id)
          .executeTakeFirstOrThrow()
      ).n,
    );
    if (count < anchor.count) {
      return {
        ok: false,
        urn: anchor.urn,
        reason: `the chain has ${count} entries but had ${anchor.count} when anchored on ${anchor.at}: entries were removed`,
      };
    }
    if (anchor.count === 0) continue;
    const entry = await db
      .selectFrom('audit_log')
      .select('hash')
      .where('school_id', '=', school.id)
      .orderBy('id')
      .offset(anchor.count - 1)
      .limit(1)
      .executeTakeFirstOrThrow();
    if (entry.hash !== anchor.hash) {
      return {
        ok: false,
        urn: anchor.urn,
        reason: `entry ${anchor.count} differs from the one anchored on ${anchor.at}: entries were removed, replaced or altered`,
      };
    }
  }
  return { ok: true, schools: latest.size };
}
