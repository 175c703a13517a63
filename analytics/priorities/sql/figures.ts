// Reliability figures for the priority score, all from the reliability queries over the
// trailing year (all outages, end customers, ongoing outages up to asOf):
// - each asset's own outages (the events recorded on it): Σ N_i and Σ r_i N_i of sustained
//   interruptions. Feeders are queried on their own (so a feeder's figures hold only its own
//   events, no transformer area's), areas grouped by area;
// - each region's totals, the same sums over every event in it, so the asset's share of the
//   region's SAIDI (SAIFI) is its Σ r_i N_i (Σ N_i) over the region's.

import { fail, type Issue, ok, type Result } from '../../../core/issues.js';
import type { AssetKind } from '../../../core/domain.js';
import type { Store } from '../../../store/index.js';
import type { GroupDimension, GroupKeys, ReliabilityRow } from '../../reliability/index.js';
import { queryReliability, type SqlReliabilityOptions } from '../../reliability-sql/index.js';
import type { RegionFigures } from '../facts.js';
import type { RegionLevel } from '../weights.js';
import { chunks } from './chunks.js';

export interface Period {
  from: number;
  to: number;
  asOf: number;
  zone: string;
  shortOutageMinutes: number;
}

export interface OwnFigures {
  customerInterruptions: number;
  customerHours: number;
  includesOngoing: boolean;
}

const HOUR_MINUTES = 60;

const common = (p: Period): Omit<SqlReliabilityOptions, 'groupBy'> => ({
  from: p.from,
  to: p.to,
  asOf: p.asOf,
  zone: p.zone,
  convention: 'customers',
  variant: 'all',
  shortOutageMinutes: p.shortOutageMinutes,
});

/** Each asset's own sustained customer interruptions and customer-hours over the period. */
export async function ownFigures(
  store: Store,
  p: Period,
  assets: readonly { assetId: string; kind: AssetKind }[],
): Promise<Result<Map<string, OwnFigures>>> {
  const out = new Map<string, OwnFigures>();
  const issues: Issue[] = [];
  for (const kind of ['feeder', 'area'] as const) {
    const dim: GroupDimension = kind;
    const ids = assets.filter((a) => a.kind === kind).map((a) => a.assetId);
    for (const chunk of chunks(ids)) {
      const r = await queryReliability(store, { ...common(p), groupBy: [dim], scope: { assetIds: chunk } });
      if (!r.ok) {
        issues.push(...r.issues);
        continue;
      }
      for (const row of r.value.rows) {
        const id = row.keys[dim];
        if (typeof id !== 'string') continue;
        out.set(id, {
          customerInterruptions: row.customerInterruptions,
          customerHours: row.customerMinutes / HOUR_MINUTES,
          includesOngoing: row.includesOngoing,
        });
      }
    }
  }
  return issues.length > 0 ? fail(issues) : ok(out);
}

/** The grouping of a region level: its path from the province down, so equal names apart. */
export function regionDims(level: RegionLevel): GroupDimension[] {
  return level === 'province'
    ? ['province']
    : level === 'city'
      ? ['province', 'city']
      : ['province', 'city', 'county'];
}

/** "云南/保山市/隆阳区": a region's path ("-" for a missing level). */
export function regionLabel(keys: GroupKeys | Record<string, string | null>, level: RegionLevel): string {
  return regionDims(level)
    .map((d) => (keys as Record<string, string | null | undefined>)[d] ?? '-')
    .join('/');
}

function regionOf(row: ReliabilityRow, level: RegionLevel): RegionFigures {
  return {
    region: regionLabel(row.keys, level),
    customers: row.customers,
    customerInterruptions: row.customerInterruptions,
    customerHours: row.customerMinutes / HOUR_MINUTES,
    saifi: row.saifi,
    saidi: row.saidi,
  };
}

/** Every region's figures over the period, by region label; optionally without some events. */
export async function regionFigures(
  store: Store,
  p: Period,
  level: RegionLevel,
  excludedEventIds?: readonly string[],
): Promise<Result<{ regions: Map<string, RegionFigures>; includesOngoing: boolean }>> {
  const r = await queryReliability(store, {
    ...common(p),
    groupBy: regionDims(level),
    ...(excludedEventIds ? { excludedEventIds } : {}),
  });
  if (!r.ok) return r;
  const regions = new Map(r.value.rows.map((row) => [regionLabel(row.keys, level), regionOf(row, level)]));
  return ok({ regions, includesOngoing: r.value.includesOngoing });
}
