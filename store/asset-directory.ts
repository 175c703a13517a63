// Which asset ids exist, so that an outage for an asset never seen is refused at ingest.
// Positive answers are cached (assets are never deleted); ids this process has just written
// are added directly, since the WAL may not show them to a query yet.

import type { Store } from './client.js';
import { sql } from './sql.js';

const CHUNK = 200;

export class AssetDirectory {
  private readonly known = new Set<string>();

  constructor(private readonly store: Store) {}

  add(ids: Iterable<string>): void {
    for (const id of ids) this.known.add(id);
  }

  /** The subset of `ids` that exist. Throws StoreError when the database cannot answer. */
  async existing(ids: Iterable<string>): Promise<Set<string>> {
    const found = new Set<string>();
    const ask: string[] = [];
    for (const id of new Set(ids)) {
      if (this.known.has(id)) found.add(id);
      else ask.push(id);
    }
    for (let i = 0; i < ask.length; i += CHUNK) {
      const chunk = ask.slice(i, i + CHUNK);
      const rows = await this.store.rows<{ asset_id: string }>(
        sql`SELECT DISTINCT asset_id FROM assets WHERE asset_id IN (${chunk})`,
      );
      for (const r of rows) {
        found.add(r.asset_id);
        this.known.add(r.asset_id);
      }
    }
    return found;
  }
}
