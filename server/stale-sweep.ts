// Runs the stale-version sweep (store/writer/sweep.ts) every minute: the repair of corrections
// that raced another writer. One run at a time; a failed run (QuestDB down) is retried next minute.

import { type Connection, StaleVersionSweep, type Store } from '../store/index.js';
import type { Logger } from './log.js';
import type { JobMetrics } from './metrics/index.js';

const EVERY_MS = 60_000;
/** A race leaves its rows within seconds; after a restart the last hour is looked at again. */
const LOOK_BACK_MS = 3_600_000;

/** Each run is reported as job `stale-sweep` (its duration, and its last success for the missed-run alert). */
export function startStaleSweep(
  store: Store,
  connection: Connection,
  log: Logger,
  jobs?: JobMetrics,
): { stop(): void } {
  const sweep = new StaleVersionSweep(store, connection, Date.now() - LOOK_BACK_MS);
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    const startedAt = Date.now();
    const report = (outcome: 'ok' | 'failed') =>
      jobs?.ran({ job: 'stale-sweep', outcome, asOf: startedAt, startedAt, finishedAt: Date.now() });
    sweep
      .sweep()
      .then((r) => {
        report('ok');
        if (r.tombstoned > 0) log.warn(r, 'stale versions of corrected outages replaced');
      })
      .catch((err: unknown) => {
        report('failed');
        log.warn({ err: String(err) }, 'stale-version sweep failed');
      })
      .finally(() => {
        running = false;
      });
  }, EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
