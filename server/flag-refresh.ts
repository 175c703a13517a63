// Keeps CurrentFlags fresh: a full evaluation after start and every night at 00:05 in the
// operating zone, and the assets touched by ingest re-evaluated within a second (touched ids
// are gathered for 200 ms and evaluated together, so a burst of batches costs one query).

import cron from 'node-cron';
import type { CurrentFlags } from '../analytics/flags/index.js';
import type { Logger } from './log.js';

export interface FlagRefresher {
  touched(assetIds: Iterable<string>): void;
  stop(): void;
}

export function startFlagRefresh(
  flags: CurrentFlags,
  zone: string,
  log: Logger,
  options: { debounceMs?: number; after?: Promise<unknown> } = {},
): FlagRefresher {
  const debounceMs = options.debounceMs ?? 200;
  const full = () =>
    flags.refreshAll().then(
      () => log.info({ ms: Math.round(flags.lastFullMs) }, 'flags evaluated'),
      (err: unknown) => log.warn({ err: String(err) }, 'flag evaluation failed; will retry tonight'),
    );
  void (options.after ?? Promise.resolve()).then(full);
  const nightly = cron.schedule('5 0 * * *', () => void full(), { timezone: zone });
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  return {
    touched(assetIds) {
      for (const id of assetIds) pending.add(id);
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        const ids = [...pending];
        pending = new Set();
        flags
          .refreshAssets(ids)
          .catch((err: unknown) => log.warn({ err: String(err) }, 'flag refresh failed'));
      }, debounceMs);
      timer.unref();
    },
    stop() {
      void nightly.stop();
      if (timer) clearTimeout(timer);
    },
  };
}
