// Regional ranking for a year (annual reward/penalty results, Guizhou item 34): regions ordered
// by SAIDI, then SAIFI, lowest (best) first, regions without users served last; each with its
// SAIDI and SAIFI ranks (1, 2, 2, 4 on ties) and the change against the previous year.

import { ok, type Result } from '../../core/issues.js';
import { computeReliability } from './compute.js';
import { compareGroups } from './groups.js';
import { yearPeriod } from './periods.js';
import { yearOnYear } from './targets.js';
import type {
  GroupDimension,
  GroupKeys,
  ReliabilityOptions,
  ReliabilityReport,
  ReliabilityRow,
} from './types.js';

export interface RankedRegion {
  keys: GroupKeys;
  customers: number;
  saidi: number | null;
  saifi: number | null;
  previousSaidi: number | null;
  previousSaifi: number | null;
  saidiChange: number | null;
  saidiChangeFraction: number | null;
  saifiChange: number | null;
  saifiChangeFraction: number | null;
  /** 1 = lowest SAIDI; null without users served */
  saidiRank: number | null;
  saifiRank: number | null;
  includesOngoing: boolean;
}

const nullsLast = (a: number | null, b: number | null): number => {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
};

/** Competition rank: 1 + the number of values strictly lower. */
const rankOf = (value: number | null, all: readonly (number | null)[]): number | null =>
  value === null ? null : 1 + all.filter((v) => v !== null && v < value).length;

export function rankRegions(
  current: readonly ReliabilityRow[],
  previous: readonly ReliabilityRow[],
  dims: readonly GroupDimension[],
): RankedRegion[] {
  const before = new Map(previous.map((r) => [JSON.stringify(r.keys), r]));
  const saidis = current.map((r) => r.saidi);
  const saifis = current.map((r) => r.saifi);
  const ranked = current.map((r): RankedRegion => {
    const p = before.get(JSON.stringify(r.keys));
    const previousSaidi = p?.saidi ?? null;
    const previousSaifi = p?.saifi ?? null;
    const di = yearOnYear(r.saidi, previousSaidi);
    const fi = yearOnYear(r.saifi, previousSaifi);
    return {
      keys: r.keys,
      customers: r.customers,
      saidi: r.saidi,
      saifi: r.saifi,
      previousSaidi,
      previousSaifi,
      saidiChange: di.change,
      saidiChangeFraction: di.changeFraction,
      saifiChange: fi.change,
      saifiChangeFraction: fi.changeFraction,
      saidiRank: rankOf(r.saidi, saidis),
      saifiRank: rankOf(r.saifi, saifis),
      includesOngoing: r.includesOngoing,
    };
  });
  return ranked.sort(
    (a, b) =>
      nullsLast(a.saidi, b.saidi) || nullsLast(a.saifi, b.saifi) || compareGroups(a.keys, b.keys, dims),
  );
}

export interface RegionalRanking {
  year: number;
  rows: RankedRegion[];
  current: ReliabilityReport;
  previous: ReliabilityReport;
}

/** Rank the groups of `groupBy` (default 'city') for local calendar `year` against the year before. */
export function regionalRanking(
  o: Omit<ReliabilityOptions, 'from' | 'to'> & { year: number },
): Result<RegionalRanking> {
  const { year, ...options } = o;
  const groupBy = o.groupBy ?? 'city';
  const current = computeReliability({ ...options, groupBy, ...yearPeriod(year, o.zone) });
  if (!current.ok) return current;
  const previous = computeReliability({ ...options, groupBy, ...yearPeriod(year - 1, o.zone) });
  if (!previous.ok) return previous;
  const rows = rankRegions(current.value.rows, previous.value.rows, current.value.groupBy);
  return ok({ year, rows, current: current.value, previous: previous.value });
}
