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
