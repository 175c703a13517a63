// Runs the stale-version sweep (store/writer/sweep.ts) every minute: the repair of corrections
// that raced another writer. One run at a time; a failed run (QuestDB down) is retried next minute.

import { type Connection, StaleVersionSweep, type Store } from '../store/index.js';
import type { Logger } from './log.js';

const EVERY_MS = 60_000;
/** A race leaves its rows within seconds; after a restart the last hour is looked at again. */
const LOOK_BACK_MS = 3_600_000;

export function startStaleSweep(store: Store, connection: Connection, log: Logger): { stop(): void } {
  const sweep = new StaleVersionSweep(store, connection, Date.now() - LOOK_BACK_MS);
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweep
      .sweep()
      .then((r) => {
        if (r.tombstoned > 0) log.warn(r, 'stale versions of corrected outages replaced');
      })
      .catch((err: unknown) => log.warn({ err: String(err) }, 'stale-version sweep failed'))
      .finally(() => {
        running = false;
      });
  }, EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
