// Group keys. A group is identified by the values of the grouped dimensions, read from ONE
// asset version (the version in force at the event's start, or over the weighted interval):
//   province, city, county, park → the asset's own field (null when absent)
//   areaClass                    → the asset's area class
//   feeder                       → a feeder itself; an area's feederId (its feeder at that time)
//   area                         → an area itself; null for a feeder
// Which asset is asked depends on the convention (see units.ts): in area-level figures a feeder
// event is first expanded into the transformer areas it interrupted.

import { AREA_CLASSES, type Asset } from '../../core/domain.js';
import { compareNullFirst } from '../../core/order.js';
import type { GroupBy, GroupDimension, GroupKeys } from './types.js';

export function normaliseGroupBy(groupBy: GroupBy): readonly GroupDimension[] {
  if (groupBy === 'all') return [];
  const list: readonly GroupDimension[] = typeof groupBy === 'string' ? [groupBy] : groupBy;
  return [...new Set(list)];
}

export function keyValue(asset: Asset, dim: GroupDimension): string | null {
  switch (dim) {
    case 'province':
      return asset.province ?? null;
    case 'city':
      return asset.city ?? null;
    case 'county':
      return asset.county ?? null;
    case 'park':
      return asset.park ?? null;
    case 'areaClass':
      return asset.areaClass;
    case 'feeder':
      return asset.kind === 'feeder' ? asset.assetId : (asset.feederId ?? null);
    case 'area':
      return asset.kind === 'area' ? asset.assetId : null;
  }
}

export interface Group {
  /** stable identity, e.g. '["Yunnan","urban"]' */
  id: string;
  keys: GroupKeys;
}

export function groupOf(asset: Asset, dims: readonly GroupDimension[]): Group {
  const keys: GroupKeys = {};
  const values: (string | null)[] = [];
  for (const d of dims) {
    const v = keyValue(asset, d);
    keys[d] = v;
    values.push(v);
  }
  return { id: JSON.stringify(values), keys };
}

const classRank = (v: string): number => (AREA_CLASSES as readonly string[]).indexOf(v);

/** Order rows dimension by dimension: null first, area classes urban core → rural, other text by code unit. */
export function compareGroups(a: GroupKeys, b: GroupKeys, dims: readonly GroupDimension[]): number {
  for (const d of dims) {
    const x = a[d] ?? null;
    const y = b[d] ?? null;
    if (x === y) continue;
    if (d === 'areaClass' && x !== null && y !== null) return classRank(x) - classRank(y);
    return compareNullFirst(x, y);
  }
  return 0;
}
