// The asset register: every version of every asset, looked up by time. An asset's version at
// instant t is the one with the latest validFrom ≤ t; before the first version, that first
// version applies unless the register is built with 'absent'.

import { groupBy } from '../../core/collections.js';
import type { Asset } from '../../core/domain.js';
import type { BeforeFirstVersion } from './types.js';

export interface AssetRegister {
  /** Versions of an asset in validFrom order (empty when unknown). */
  versions(assetId: string): readonly Asset[];
  /** The version in force at instant t, if any. */
  at(assetId: string, t: number): Asset | undefined;
  /** Transformer areas whose version in force at t names `feederId` as their feeder. */
  areasOnFeeder(feederId: string, t: number): Asset[];
  /** A feeder no area version ever names: its own customers are the customers it serves. */
  isLeafFeeder(assetId: string): boolean;
  /** Asset ids in first-seen order. */
  ids(): readonly string[];
  readonly beforeFirstVersion: BeforeFirstVersion;
}

export function buildRegister(
  assets: readonly Asset[],
  beforeFirstVersion: BeforeFirstVersion = 'first_version',
): AssetRegister {
  const byId = groupBy(assets, (a) => a.assetId);
  for (const [id, list] of byId) {
    // Stable sort keeps input order on equal validFrom; the later one replaces the earlier.
    const sorted = [...list].sort((x, y) => x.validFrom - y.validFrom);
    const deduped: Asset[] = [];
    for (const v of sorted) {
      const last = deduped[deduped.length - 1];
      if (last && last.validFrom === v.validFrom) deduped[deduped.length - 1] = v;
      else deduped.push(v);
    }
    byId.set(id, deduped);
  }

  const areasByFeeder = new Map<string, Set<string>>();
  for (const list of byId.values()) {
    for (const v of list) {
      if (v.kind !== 'area' || v.feederId === undefined) continue;
      const set = areasByFeeder.get(v.feederId) ?? new Set<string>();
      set.add(v.assetId);
      areasByFeeder.set(v.feederId, set);
    }
  }

  const at = (assetId: string, t: number): Asset | undefined => {
    const list = byId.get(assetId);
    if (!list || list.length === 0) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.validFrom <= t) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found >= 0) return list[found];
    return beforeFirstVersion === 'first_version' ? list[0] : undefined;
  };

  const ids = [...byId.keys()];
  return {
    versions: (assetId) => byId.get(assetId) ?? [],
    at,
    areasOnFeeder(feederId, t) {
      const out: Asset[] = [];
      for (const id of areasByFeeder.get(feederId) ?? []) {
        const v = at(id, t);
        if (v && v.kind === 'area' && v.feederId === feederId) out.push(v);
      }
      return out;
    },
    isLeafFeeder: (assetId) => !areasByFeeder.has(assetId),
    ids: () => ids,
    beforeFirstVersion,
  };
}
