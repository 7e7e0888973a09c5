import { CompiledQuery, type Compilable, type QueryResult } from 'kysely';
import { escapesSchoolScope, SchoolScopeEscape, type SchoolTx } from './school-scope.ts';

/** A statement compiled once: its SQL, and for each parameter either the name of a value or a constant. */
interface Compiled {
  sql: string;
  slots: ({ value: string } | { constant: unknown })[];
}

const compiledByKey = new Map<string, Compiled>();

/** Stands in for a value while the statement is built: text no caller's constant could hold. */
const placeholder = (name: string) => `\u0000compiled-once:${name}\u0000`;

/**
 * Runs a SELECT that a busy page asks on every request, building and compiling it with Kysely only the
 * first time: after that the same SQL is sent with this request's values. Building the class page's
 * question (its nested lists handed in by three modules) and compiling it was about a seventh of the
 * main thread's work per page, for SQL that never changes.
 *
 * `key` must name everything that shapes the statement other than `values` (for example which lists
 * the person may see); `build` must use each value only as a value (a parameter), never in the SQL's
 * text or in a computation. Both are checked the first time: each value must come back as a whole
 * parameter and nowhere else. Anything else the statement holds is kept as it was the first time, for
 * every school and person: a value that varies (an id, a day) must be one of `values`. Under tests
 * (NODE_ENV=test) every call builds and compiles again and must give the same SQL and the same
 * constants, so a key or a value that is missing fails a test rather than a school.
 *
 * Only a plain SELECT is taken: it cannot write, so the school's read-only COMMIT stays right, and
 * its SQL is checked against stepping out of the school once, here (the connection checks it again).
 */
export async function runCompiledOnce<Values extends Record<string, string>, Row>(
  tx: SchoolTx,
  key: string,
  values: Values,
  build: (values: Values) => Compilable<Row>,
): Promise<QueryResult<Row>> {
  return tx.executeQuery<Row>(compiledOnce(key, values, build));
}

/** The statement `runCompiledOnce` would run, with this call's values (for a school's one-statement read: read-in-school.ts). */
export function compiledOnce<Values extends Record<string, string>, Row>(
  key: string,
  values: Values,
  build: (values: Values) => Compilable<Row>,
): CompiledQuery<Row> {
  let compiled = compiledByKey.get(key);
  if (!compiled || process.env.NODE_ENV === 'test') {
    const fresh = compile(key, values, build);
    if (compiled && (compiled.sql !== fresh.sql || JSON.stringify(compiled.slots) !== JSON.stringify(fresh.slots)))
      throw new Error(`The statement compiled once as "${key}" changed: its key or its values miss what shapes it`);
    compiled = fresh;
    compiledByKey.set(key, compiled);
  }
  const parameters = compiled.slots.map((slot) => ('value' in slot ? values[slot.value] : slot.constant));
  return CompiledQuery.raw(compiled.sql, parameters);
}

function compile<Values extends Record<string, string>, Row>(key: string, values: Values, build: (values: Values) => Compilable<Row>): Compiled {
  const names = Object.keys(values);
  const placeholders = Object.fromEntries(names.map((name) => [name, placeholder(name)])) as Values;
  const query = build(placeholders).compile();
  if (query.query.kind !== 'SelectQueryNode' || query.query.with) throw new Error(`"${key}" is not a plain SELECT: only those are compiled once`);
  if (query.sql.includes('\u0000')) throw new Error(`"${key}" writes a value into its SQL: values must be parameters`);
  if (escapesSchoolScope(query.sql)) throw new SchoolScopeEscape(query.sql);
  const byPlaceholder = new Map(names.map((name) => [placeholder(name), name]));
  const slots = query.parameters.map((parameter) => {
    const name = typeof parameter === 'string' ? byPlaceholder.get(parameter) : undefined;
    if (name !== undefined) return { value: name };
    if (typeof parameter === 'string' && parameter.includes('\u0000')) throw new Error(`"${key}" changes a value before using it: values must be parameters`);
    return { constant: parameter };
  });
  const unused = names.filter((name) => !slots.some((slot) => 'value' in slot && slot.value === name));
  if (unused.length > 0) throw new Error(`"${key}" does not use ${unused.join(', ')} as a parameter`);
  return { sql: query.sql, slots };
}
