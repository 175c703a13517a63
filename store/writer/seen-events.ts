// Which event ids may already be stored, so that the writer asks QuestDB for the previous
// version only of those (a correction must tombstone the row at its old start). A Bloom filter
// answers "certainly new" for almost every fresh event without a query; it is filled from
// outage_history at start, topped up every few seconds from the rows other writers stored since
// the last look (this writer's own are added as it writes them), rescanned in full every few minutes (late spool replays keep their old received_at), and
// told of every event this process writes.

import type { Store } from '../client.js';
import { sql, ts } from '../sql.js';

const HASHES = 7;

function fnv1a(s: string, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class BloomFilter {
  private bits: Uint32Array;
  private readonly size: number;

  constructor(capacity: number) {
    // ~10 bits per item gives about 1 % false positives with 7 hashes.
    this.size = Math.max(1024, Math.ceil(capacity * 10));
    this.bits = new Uint32Array(Math.ceil(this.size / 32));
  }

  add(key: string): void {
    const a = fnv1a(key, 0);
    const b = fnv1a(key, 0x9e3779b9) | 1;
    for (let i = 0; i < HASHES; i++) {
      // Unsigned before the modulo: Math.imul is signed, and a negative bit index silently
      // missed the array (the key was then never "seen": a correction from another writer left
      // the old version in place).
      const bit = ((a + Math.imul(i, b)) >>> 0) % this.size;
      this.bits[bit >>> 5]! |= 1 << (bit & 31);
    }
  }

  has(key: string): boolean {
    const a = fnv1a(key, 0);
    const b = fnv1a(key, 0x9e3779b9) | 1;
    for (let i = 0; i < HASHES; i++) {
      const bit = ((a + Math.imul(i, b)) >>> 0) % this.size;
      if ((this.bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}

const FULL_RESCAN_MS = 10 * 60_000;
const OVERLAP_MS = 60_000;
const REFRESH_MS = 5_000;

export class SeenEvents {
  private filter = new BloomFilter(1 << 20);
  private count = 0;
  private lastLook = 0;
  private lastFull = 0;

  /** `writer`: the mark this writer puts on its history rows (left out of the top-ups). */
  constructor(
    private readonly store: Store,
    private readonly writer?: string,
  ) {}

  add(id: string): void {
    this.filter.add(id);
    this.count += 1;
  }

  has(id: string): boolean {
    return this.filter.has(id);
  }

  /**
   * Brings the filter up to date with what other writers stored: rows received since the last
   * look (with an overlap for the WAL's apply lag), at most every few seconds, and a full
   * rescan every ten minutes. Throws StoreError when QuestDB is down.
   */
  async refresh(now = Date.now()): Promise<void> {
    const full = now - this.lastFull > FULL_RESCAN_MS;
    if (!full && now - this.lastLook < REFRESH_MS) return;
    const since = full ? 0 : Math.max(0, this.lastLook - OVERLAP_MS);
    // Rows without a mark (older versions of the product) are never this writer's own.
    const others =
      full || this.writer === undefined ? sql`` : sql` AND (writer IS NULL OR writer != ${this.writer})`;
    const rows = await this.store.rows<{ event_id: string }>(
      sql`SELECT DISTINCT event_id FROM outage_history WHERE received_at >= ${ts(since)}${others}`,
    );
    if (full) {
      this.filter = new BloomFilter(Math.max(1 << 20, rows.length * 2));
      this.count = 0;
      this.lastFull = now;
    }
    for (const r of rows) this.add(r.event_id);
    this.lastLook = now;
  }

  get size(): number {
    return this.count;
  }
}
