// Retries: exponential backoff from 30 s, doubling to at most an hour between attempts, for 24 h
// from when a notice was derived (or the subscription made, if later); then it is abandoned and
// the subscription's next notice goes. The state of one (subscription, notice) is the fold of
// its delivery log rows.

import type { Attempt } from './types.js';

export interface RetryPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  /** from the notice's derivation: past this, no more attempts */
  giveUpAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  firstDelayMs: 30_000,
  maxDelayMs: 3_600_000,
  giveUpAfterMs: 24 * 3_600_000,
};

/** The wait after the `failed`-th failed attempt (1-based). */
export function retryDelay(failed: number, policy: RetryPolicy = DEFAULT_RETRY): number {
  const n = Math.max(1, failed);
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.min(n - 1, 30));
}

export type DeliveryState =
  /** acknowledged by the receiver: never sent again */
  | { kind: 'delivered'; attempts: number }
  | { kind: 'abandoned'; attempts: number }
  /** not acknowledged yet; `cut`: the last attempt started and has no outcome (the worker died) */
  | { kind: 'pending'; attempts: number; nextAt: number; cut: boolean };

/** The state from the log rows of one (subscription, notice), in any order. */
export function foldAttempts(rows: readonly Attempt[]): DeliveryState {
  let attempts = 0;
  let nextAt = 0;
  let lastStarted = 0;
  let lastEnded = 0;
  for (const r of rows) {
    if (r.phase === 'delivered') return { kind: 'delivered', attempts: Math.max(attempts, r.attempt) };
    if (r.phase === 'abandoned') return { kind: 'abandoned', attempts: Math.max(attempts, r.attempt) };
  }
  for (const r of rows) {
    attempts = Math.max(attempts, r.attempt);
    if (r.phase === 'sending') lastStarted = Math.max(lastStarted, r.attempt);
    if (r.phase === 'failed') {
      lastEnded = Math.max(lastEnded, r.attempt);
      nextAt = Math.max(nextAt, r.nextAt ?? r.at);
    }
  }
  return { kind: 'pending', attempts, nextAt, cut: lastStarted > lastEnded };
}
