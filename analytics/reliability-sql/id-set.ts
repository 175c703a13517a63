// A set of event ids for a query. QuestDB reads statements from the URL of a GET, so a long
// list cannot be inlined: past a few thousand characters the ids go into a scratch table of
// their own (non-WAL, so readable at once), joined by the query and dropped afterwards.

import { randomBytes } from 'node:crypto';
import { ident, join, raw, type Sql, type Store, sql } from '../../store/index.js';

export interface IdSet {
  /** a LEFT JOIN to add after the table aliased `alias` (empty when the ids are inlined) */
  join: Sql;
  /** true for a row whose id is in the set */
  member: Sql;
}

/** Inline lists up to this many characters of ids; longer ones go through a scratch table. */
export const INLINE_CHARS = 4_000;
const INSERT_CHUNK = 200;

const size = (ids: readonly string[]): number => ids.reduce((n, id) => n + id.length + 4, 0);

export async function withIdSet<T>(
  store: Store,
  ids: readonly string[] | undefined,
  column: string,
  use: (set: IdSet) => Promise<T>,
): Promise<T> {
  const col = raw(column);
  if (ids === undefined || ids.length === 0) return use({ join: raw(''), member: raw('false') });
  if (size(ids) <= INLINE_CHARS) return use({ join: raw(''), member: sql`(${col} IN (${ids}))` });

  const table = ident(`reliability_ids_${Date.now()}_${randomBytes(6).toString('hex')}`);
  await store.exec(sql`CREATE TABLE ${table} (id SYMBOL CAPACITY ${Math.max(128, ids.length)} NOCACHE)`);
  try {
    for (let i = 0; i < ids.length; i += INSERT_CHUNK) {
      const rows = ids.slice(i, i + INSERT_CHUNK).map((id) => sql`(${id})`);
      await store.exec(sql`INSERT INTO ${table} VALUES ${join(rows, ', ')}`);
    }
    return await use({
      join: sql` LEFT JOIN ${table} xs ON xs.id = ${col}`,
      member: raw('(xs.id IS NOT NULL)'),
    });
  } finally {
    await store.exec(sql`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
  }
}
