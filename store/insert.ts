// INSERT through QuestDB's HTTP /exec endpoint, for the few writes that must be readable when
// the call returns (remediation changes, job runs, the breach log) rather than spooled like ILP
// ingest. A request travels in the URL, which QuestDB caps (MAX_ENCODED_STATEMENT): rows go in chunks.

import { StoreError } from './client.js';
import type { Store } from './client.js';
import { ident, join, type Sql, type SqlValue, sql } from './sql.js';

/** Encoded statement size per request: under MAX_ENCODED_STATEMENT with room to spare. */
const MAX_ENCODED = 24_000;

/** INSERTs rows (values in `columns` order) in as few statements as fit the URL limit. */
export async function insertRows(
  store: Store,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly SqlValue[])[],
): Promise<void> {
  const head = sql`INSERT INTO ${ident(table)} (${join(columns.map(ident), ', ')}) VALUES `;
  let chunk: Sql[] = [];
  let size = encodeURIComponent(head.text).length;
  const flush = async () => {
    if (chunk.length === 0) return;
    await store.exec(sql`${head}${join(chunk, ', ')}`);
    chunk = [];
    size = encodeURIComponent(head.text).length;
  };
  for (const row of rows) {
    const tuple = sql`(${join(
      row.map((v) => sql`${v}`),
      ', ',
    )})`;
    const length = encodeURIComponent(tuple.text).length + 2;
    if (length + encodeURIComponent(head.text).length > MAX_ENCODED) {
      throw new StoreError('rejected', `a row of ${table} is too large to insert (${length} bytes encoded)`);
    }
    if (size + length > MAX_ENCODED) await flush();
    chunk.push(tuple);
    size += length;
  }
  await flush();
}
