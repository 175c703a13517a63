// Writes to the remediation tables go through QuestDB's SQL endpoint (INSERT), not ILP: a
// change of a case is made while a person waits, and must either be stored and readable or
// fail loudly; spooling it for later would answer "done" for a change nobody can see yet.
// insertRows (store/insert.ts) keeps each statement within the URL limit.

import { type Store, StoreError, sql } from '../../../store/index.js';

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
