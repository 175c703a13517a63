// Asset versions over time. Attributes (kind, region, class, park, feederId) are read from the
// version valid at an instant: the latest with validFrom ≤ t.

import { groupBy } from '../../core/collections.js';
import type { Asset } from '../../core/domain.js';
import { compareText } from '../../core/order.js';

export interface AssetHistory {
  /** Every asset id, in ordinal order. */
  readonly ids: readonly string[];
  /** All versions of an asset in validFrom order (ties: input order); empty when unknown. */
  versions(assetId: string): readonly Asset[];
  /**
   * The version valid at instant t: the latest with validFrom ≤ t. Before the first version
   * the first version is taken (records often take effect when they were imported, after the
   * outages they describe); undefined only for an unknown asset.
   */
  at(assetId: string, t: number): Asset | undefined;
}

export function assetHistory(assets: readonly Asset[]): AssetHistory {
  const byId = groupBy(assets, (a) => a.assetId);
  // Array.prototype.sort is stable: versions with the same validFrom keep their input order
  for (const list of byId.values()) list.sort((a, b) => a.validFrom - b.validFrom);
  const ids = [...byId.keys()].sort(compareText);
  return {
    ids,
    versions: (assetId) => byId.get(assetId) ?? [],
    at(assetId, t) {
      const list = byId.get(assetId);
      if (!list) return undefined;
      let found = list[0];
      for (const v of list) {
        if (v.validFrom > t) break;
        found = v;
      }
      return found;
    },
  };
}
