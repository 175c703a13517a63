// A build kept for a while and served past its time while new builds fail: built at most once
// per `ttlMs` whatever the traffic (one build at a time, however many readers arrive together);
// when a build fails the last good one is served, marked stale, and a new build is tried at
// most every `retryMs`. With nothing built yet the error goes to the caller.

export interface Kept<T> {
  built: T;
  /** the last built, because a new one could not be */
  stale: boolean;
}

export function keptBuild<T extends { at: number }>(
  build: () => Promise<T>,
  o: { now: () => number; ttlMs: number; retryMs: number },
): () => Promise<Kept<T>> {
  const { now } = o;
  let cached: T | undefined;
  let building: Promise<T> | undefined;
  let failedAt = Number.NEGATIVE_INFINITY;
  return async () => {
    if (cached && now() - cached.at < o.ttlMs) return { built: cached, stale: false };
    if (cached && now() - failedAt < o.retryMs) return { built: cached, stale: true };
    building ??= build().finally(() => {
      building = undefined;
    });
    try {
      cached = await building;
      return { built: cached, stale: false };
    } catch (err) {
      failedAt = now();
      if (!cached) throw err;
      return { built: cached, stale: true };
    }
  };
}
