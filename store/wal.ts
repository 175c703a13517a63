// WAL tables apply writes asynchronously: what a query sees may lag what was acknowledged.

import type { Store } from './client.js';
import { sql } from './sql.js';

/** Waits until QuestDB has applied every WAL transaction it accepted (reads see all rows). */
export async function walApplied(store: Store, timeoutMs = 30 * 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const rows = await store.rows<{
      name: string;
      suspended: boolean;
      writerTxn: number;
      sequencerTxn: number;
    }>(sql`SELECT name, suspended, writerTxn, sequencerTxn FROM wal_tables()`);
    const stuck = rows.find((r) => r.suspended);
    if (stuck) throw new Error(`WAL of ${stuck.name} is suspended`);
    if (rows.every((r) => Number(r.writerTxn) >= Number(r.sequencerTxn))) return;
    if (Date.now() > until) throw new Error('WAL not applied in time');
    await new Promise((res) => setTimeout(res, 250));
  }
}

/**
 * Waits until what was acknowledged to this moment is readable in `tables` (read-your-writes
 * after an ingest): notes each table's sequencer transaction now and polls until the WAL has
 * been applied up to it. Resolves false if that takes longer than `timeoutMs`.
 */
export async function walCaughtUp(
  store: Store,
  tables: readonly string[],
  timeoutMs = 10_000,
): Promise<boolean> {
  type Row = { name: string; writerTxn: number; sequencerTxn: number };
  const query = sql`SELECT name, writerTxn, sequencerTxn FROM wal_tables() WHERE name IN (${tables})`;
  const target = new Map((await store.rows<Row>(query)).map((r) => [r.name, Number(r.sequencerTxn)]));
  const until = Date.now() + timeoutMs;
  for (;;) {
    const rows = await store.rows<Row>(query);
    if (rows.every((r) => Number(r.writerTxn) >= (target.get(r.name) ?? 0))) return true;
    if (Date.now() > until) return false;
    await new Promise((res) => setTimeout(res, 25));
  }
}
