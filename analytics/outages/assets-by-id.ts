// The asset register as of a time, for a list of asset ids. QuestDB reads a statement from the
// URL, so the ids go in pieces; each caller cuts them to its own statement's size limit.

import type { Asset } from '../../core/domain.js';
import { readAssetsAsOf, type Store, sql } from '../../store/index.js';

/**
 * Each asset named in `pieces` as of `asOf` (its latest version from before, else its first), by
 * id: read a piece at a time, in order, each piece's assets in id order.
 */
export async function readAssetsAsOfById(
  store: Store,
  asOf: number,
  pieces: readonly (readonly string[])[],
): Promise<Map<string, Asset>> {
  const out = new Map<string, Asset>();
  for (const piece of pieces)
    for (const a of await readAssetsAsOf(store, asOf, sql`asset_id IN (${piece})`)) out.set(a.assetId, a);
  return out;
}
