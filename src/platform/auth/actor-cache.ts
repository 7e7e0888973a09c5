import {
  AliasNode,
  ColumnNode,
  DeleteQueryNode,
  InsertQueryNode,
  MergeQueryNode,
  RawNode,
  TableNode,
  UpdateQueryNode,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import type { Actor } from './actor.ts';

/**
 * A short cache of who is behind a session cookie or an API token, so a page view does not ask the
 * database who is asking every time (issue 17, point 10).
 *
 * How long a cached person is believed: **at most 5 seconds** (keep it that short). Within this
 * process, every change that could alter who someone is or what they may do — a sign-out, a role
 * given or taken, a password or two-factor change, a member of staff leaving, a school setting, a
 * token revoked — empties the cache at once (see `watchActorTables` below), so the very next
 * request is answered from the database. A change made by ANOTHER instance on the same
 * PostgreSQL (or by the `esafety` command) is not seen here until the entry runs out: that is the
 * cross-instance window, and the reason the time must stay a few seconds.
 */
export const actorCacheMs = 5_000;

/** Enough for every signed-in person of a large trust; the oldest entry goes first beyond it. */
const maxEntries = 10_000;

/** Who a session or token was, with the moment to stop believing it. Entries are frozen: requests share them. */
const entries = new Map<string, { actor: Actor; until: number }>();

/**
 * Bumped by every change to the tables an actor is read from. A lookup that was in flight while
 * such a change happened does not keep what it read (it may have read the old rows).
 */
let generation = 0;

/** The tables `actorForSession` and `actorForToken` read. */
const actorTables = new Set(['staff', 'staff_roles', 'sessions', 'api_tokens', 'schools', 'school_settings', 'school_sign_in_providers']);

/** Empties the cache: the next request of every person is looked up again. */
export function forgetActors(): void {
  generation++;
  entries.clear();
}

/**
 * The actor for `key` (a session or token hash, prefixed by the caller), from the cache when it
 * is fresh, otherwise from `load`, which also says until when the answer holds (a session's own
 * expiry). No one (null) is never cached: a signed-out cookie is asked about again.
 */
export async function cachedActor(key: string, load: () => Promise<{ actor: Actor | null; validUntil: number }>): Promise<Actor | null> {
  const started = Date.now();
  const hit = entries.get(key);
  if (hit && hit.until > started) return hit.actor;
  if (hit) entries.delete(key);
  const seen = generation;
  const { actor, validUntil } = await load();
  if (actor === null || generation !== seen) return actor;
  if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
  const frozen = Object.freeze({ ...actor, roles: Object.freeze([...actor.roles]) as Actor['roles'] });
  entries.set(key, { actor: frozen, until: Math.min(started + actorCacheMs, validUntil) });
  return frozen;
}

function tableName(node: OperationNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (AliasNode.is(node)) return tableName(node.node);
  if (TableNode.is(node)) return node.table.identifier.name;
  return undefined;
}

const rawWrite = /\b(?:insert\s+into|update|delete\s+from|merge\s+into|truncate(?:\s+table)?)\s+(?:only\s+)?"?(\w+)"?/gi;

/**
 * Writes that cannot change who a cached session or token is: a new session or token (its hash is
 * not cached yet), a new member of staff (no roles yet: those are rows of staff_roles) or school,
 * and the book-keeping updates made while signed in (a session's sliding expiry every few
 * minutes, a token's last use, the last two-factor time step, the remaining recovery codes).
 * Anything else written to `actorTables` empties the cache.
 */
const newRowsHarmless = new Set(['sessions', 'api_tokens', 'staff', 'schools']);
const bookkeepingColumns: Record<string, ReadonlySet<string>> = {
  sessions: new Set(['last_seen_at', 'expires_at']),
  api_tokens: new Set(['last_used_at']),
  staff: new Set(['totp_last_step', 'recovery_codes']),
};

function onlyBookkeeping(table: string | undefined, node: UpdateQueryNode): boolean {
  const harmless = table === undefined ? undefined : bookkeepingColumns[table];
  if (!harmless || !node.updates?.length) return false;
  return node.updates.every((update) => ColumnNode.is(update.column) && harmless.has(update.column.column.name));
}

/** Whether a statement writes one of the actor's tables (directly, in a WITH, or as raw SQL). */
export function writesActorTables(node: OperationNode): boolean {
  if (RawNode.is(node)) {
    for (const match of node.sqlFragments.join(' ').matchAll(rawWrite)) if (actorTables.has(match[1].toLowerCase())) return true;
    return false;
  }
  let tables: (string | undefined)[] = [];
  if (InsertQueryNode.is(node)) {
    const table = tableName(node.into);
    // An upsert may change an existing row: only a plain INSERT of a new session, token or person is harmless.
    if (!(table !== undefined && newRowsHarmless.has(table) && node.onConflict === undefined)) tables = [table];
  } else if (UpdateQueryNode.is(node)) {
    const table = tableName(node.table);
    if (!onlyBookkeeping(table, node)) tables = [table];
  } else if (DeleteQueryNode.is(node)) tables = node.from.froms.map(tableName);
  else if (MergeQueryNode.is(node)) tables = [tableName(node.into)];
  if (tables.some((t) => t !== undefined && actorTables.has(t))) return true;
  const ctes = 'with' in node && node.with && typeof node.with === 'object' && 'expressions' in node.with ? node.with.expressions : [];
  return (ctes as { expression: OperationNode }[]).some((cte) => writesActorTables(cte.expression));
}

/**
 * Installed on the app's Kysely (database.ts): a statement that writes an actor's table empties
 * the cache before it runs and again once it has run, so the next request sees the change.
 * Inside a transaction the rows change only at COMMIT; `withSchool` empties the cache once more
 * after it ends (a lookup between the statement and the commit may have read the old rows).
 */
export class WatchActorTables implements KyselyPlugin {
  readonly #writes = new WeakSet<object>();

  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    if (writesActorTables(node)) {
      this.#writes.add(queryId);
      forgetActors();
    }
    return node;
  }

  transformResult({ result, queryId }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (this.#writes.has(queryId)) forgetActors();
    return Promise.resolve(result);
  }
}
