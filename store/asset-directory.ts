// Which asset ids exist, so that an outage for an asset never seen is refused at ingest, and
// how many customers each serves (the most of any of its versions), so that an outage claiming
// far more customers than its asset serves is refused too. Positive answers are cached (assets
// are never deleted); assets this process has just written are added directly, since the WAL may
// not show them to a query yet. A count read from the cache can be stale (another process may
// have stored a larger version since): `served(…, { fresh: true })` asks the database again.

import type { Store } from './client.js';
import { sql } from './sql.js';

const CHUNK = 200;

export class AssetDirectory {
  /** asset id → the most customers any version of it serves */
  private readonly known = new Map<string, number>();

  constructor(private readonly store: Store) {}

  add(assets: Iterable<{ assetId: string; customers: number }>): void {
    for (const a of assets) this.known.set(a.assetId, Math.max(a.customers, this.known.get(a.assetId) ?? 0));
  }

  /** The subset of `ids` that exist. Throws StoreError when the database cannot answer. */
  async existing(ids: Iterable<string>): Promise<Set<string>> {
    return new Set((await this.served(ids)).keys());
  }

  /**
   * The ids of `ids` that exist, each with the most customers any version of it serves.
   * Throws StoreError when the database cannot answer.
   */
  async served(ids: Iterable<string>, options: { fresh?: boolean } = {}): Promise<Map<string, number>> {
    const found = new Map<string, number>();
    const ask: string[] = [];
    for (const id of new Set(ids)) {
      const customers = options.fresh ? undefined : this.known.get(id);
      if (customers !== undefined) found.set(id, customers);
      else ask.push(id);
    }
    for (let i = 0; i < ask.length; i += CHUNK) {
      const chunk = ask.slice(i, i + CHUNK);
      const rows = await this.store.rows<{ asset_id: string; customers: number | null }>(
        sql`SELECT asset_id, max(customers) customers FROM assets WHERE asset_id IN (${chunk})`,
      );
      for (const r of rows) {
        const customers = Math.max(r.customers ?? 0, this.known.get(r.asset_id) ?? 0);
        found.set(r.asset_id, customers);
        this.known.set(r.asset_id, customers);
      }
    }
    return found;
  }
}
