// Webhook signatures: HMAC-SHA256 with the subscription's secret over `${timestamp}.${rawBody}`,
// sent as `X-Outage-Signature: sha256=<hex>` beside `X-Outage-Timestamp: <unix seconds>`. The
// timestamp inside the signed text lets a receiver refuse a replayed request past a tolerance.

import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Outage-Signature';
export const TIMESTAMP_HEADER = 'X-Outage-Timestamp';
/** How far a receiver should accept a timestamp from its own clock (seconds). */
export const DEFAULT_TOLERANCE_S = 300;

/** A subscription's secret: derived from the product's key, never stored. */
export function subscriptionSecret(key: string, subscriptionId: string, version: number): string {
  return createHmac('sha256', key).update(`${subscriptionId}:${version}`).digest('base64url');
}

/** `sha256=<hex>` of the timestamp and the raw body. */
export function sign(secret: string, timestamp: number, body: string | Buffer): string {
  const mac = createHmac('sha256', secret);
  mac.update(`${timestamp}.`);
  mac.update(body);
  return `sha256=${mac.digest('hex')}`;
}

export type Verdict = { ok: true } | { ok: false; reason: 'malformed' | 'stale' | 'mismatch' };

/** What a receiver does: recompute and compare in constant time, and refuse old timestamps. */
export function verify(
  secret: string,
  headers: { signature: string | undefined; timestamp: string | undefined },
  body: string | Buffer,
  nowMs: number,
  toleranceS = DEFAULT_TOLERANCE_S,
): Verdict {
  const t = Number(headers.timestamp);
  if (!headers.signature || !Number.isInteger(t) || !/^sha256=[0-9a-f]{64}$/.test(headers.signature))
    return { ok: false, reason: 'malformed' };
  if (Math.abs(nowMs / 1000 - t) > toleranceS) return { ok: false, reason: 'stale' };
  const want = Buffer.from(sign(secret, t, body));
  const got = Buffer.from(headers.signature);
  return want.length === got.length && timingSafeEqual(want, got)
    ? { ok: true }
    : { ok: false, reason: 'mismatch' };
}
