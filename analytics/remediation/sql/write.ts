// Writes to the remediation tables go through QuestDB's SQL endpoint (INSERT), not ILP: a
// change of a case is made while a person waits, and must either be stored and readable or
// fail loudly; spooling it for later would answer "done" for a change nobody can see yet.
// A request travels in the URL, which QuestDB caps at 64 KiB, so rows are sent in chunks.

import { ident, join, type Sql, type SqlValue, type Store, StoreError, sql } from '../../../store/index.js';

/** Encoded statement size per request: well under QuestDB's 64 KiB request header buffer. */
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

/**
 * Waits until the WAL of `table` has applied every transaction committed so far, so that what
 * was just written is readable. A suspended table or a timeout is an error.
 */
export async function waitApplied(store: Store, table: string, timeoutMs = 15_000): Promise<void> {
  const read = async () => {
    const [row] = await store.rows<{ suspended: boolean; writerTxn: number; sequencerTxn: number }>(
      sql`SELECT suspended, writerTxn, sequencerTxn FROM wal_tables() WHERE name = ${table}`,
    );
    if (!row) throw new StoreError('rejected', `no WAL table ${table}`);
    if (row.suspended) throw new StoreError('rejected', `WAL table ${table} is suspended`);
    return row;
  };
  const target = (await read()).sequencerTxn;
  const deadline = Date.now() + timeoutMs;
  for (let delay = 10; ; delay = Math.min(delay * 2, 200)) {
    if ((await read()).writerTxn >= target) return;
    if (Date.now() > deadline) {
      throw new StoreError(
        'unreachable',
        `QuestDB has not applied the writes to ${table} in ${timeoutMs} ms`,
      );
    }
    await new Promise((r) => setTimeout(r, delay));
  }
}

const queues = new Map<string, Promise<unknown>>();

/** Runs `fn` after every earlier `exclusive` call with the same key has finished (one process). */
export function exclusive<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const before = queues.get(key) ?? Promise.resolve();
  const run = before.then(fn, fn);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return run;
}
