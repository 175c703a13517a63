// Notice ids: a digest of what the notice is derived from, so deriving it again (after a restart,
// a replay, a second look) gives the same id, and the store keeps one row of it.

import { createHash } from 'node:crypto';

/** A UUID-shaped (version 8, RFC 9562) digest of the parts, e.g. for CloudEvents `id`. */
export function noticeId(...parts: readonly (string | number | null)[]): string {
  const h = createHash('sha256')
    .update(JSON.stringify(parts.map((p) => (p === null ? null : String(p)))))
    .digest();
  h[6] = (h[6]! & 0x0f) | 0x80;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}
