// Regional ranking for a local calendar year on SQL-computed rows: the year and the year
// before in parallel, ranked by the reference's rankRegions.

import { ok, type Result } from '../../core/issues.js';
import type { Store } from '../../store/index.js';
import { type RegionalRanking, rankRegions, yearPeriod } from '../reliability/index.js';
import { queryReliability } from './report.js';
import type { SqlReliabilityOptions } from './types.js';

export async function queryRegionalRanking(
  store: Store,
  o: Omit<SqlReliabilityOptions, 'from' | 'to'> & { year: number },
): Promise<Result<RegionalRanking>> {
  const { year, ...options } = o;
  const groupBy = o.groupBy ?? 'city';
  const [current, previous] = await Promise.all([
    queryReliability(store, { ...options, groupBy, ...yearPeriod(year, o.zone) }),
    queryReliability(store, { ...options, groupBy, ...yearPeriod(year - 1, o.zone) }),
  ]);
  if (!current.ok) return current;
  if (!previous.ok) return previous;
  const rows = rankRegions(current.value.rows, previous.value.rows, current.value.groupBy);
  return ok({ year, rows, current: current.value, previous: previous.value });
}
