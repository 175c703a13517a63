// The product's flag statement as it was before the attribution was kept at write: which
// outages reach which asset re-derived in every query (asset-version intervals by window
// functions over the whole assets table, the feeder → area joins, the outage_areas join, the
// warnings join), then the windows of the one-table statement as they stood at PREVIOUS.
// Benchmarks only: the "before" beside the product's statement, on the same database in the
// same run.

import type { CountQuery } from '../analytics/flags/sql.js';
import { attributionCtes } from './baseline-attribution.js';
import { importAt } from './before.js';
import { type Sql, sql, ts } from '../store/index.js';

type FlagSql = typeof import('../analytics/flags/sql.js');

/**
 * The last commit before the flag statement ordered event ids as text and left out current
 * windows below the limit (the one-table statement's first version, 2026-12-06).
 */
export const PREVIOUS = '382108311362e56a9f24f7739f239fb62642c75b';

/** analytics/flags/sql.ts as it was at PREVIOUS. */
export const previousFlagSql = (): Promise<FlagSql> => importAt<FlagSql>(PREVIOUS, 'analytics/flags/sql.ts');

export function joinedFlagRowsQuery(previous: FlagSql, q: CountQuery): Sql {
  const { chosenWarnings, countFilter, FLAG_ROWS, flagWindows, relevantOutages, scopeFilter } = previous;
  const asOf = ts(q.asOf);
  const warned = q.rule.counts.exclusions.includes('warned_weather');
  const { warningIds: _chosen, ...everyWarning } = q;
  const counted = warned
    ? sql`${chosenWarnings(everyWarning)},
counted AS (
  SELECT ar.target, ar.event_id, ar.start, ar.end_at
  FROM ar LEFT JOIN warned ON (warned.target = ar.target AND warned.event_id = ar.event_id)
  WHERE warned.n IS NULL AND ${countFilter(q)}
)`
    : sql`counted AS (SELECT ar.target, ar.event_id, ar.start, ar.end_at FROM ar WHERE ${countFilter(q)})`;
  return sql`
WITH
${attributionCtes(['end_at', 'cause', 'planned', 'warning_id'], relevantOutages(q, sql`start`, sql`end_at`))},
cur AS (SELECT * FROM vi WHERE vfrom <= ${asOf} AND ${asOf} < vto),
ar AS (
  SELECT att.target, att.event_id, att.start, att.end_at, att.cause, att.planned, att.warning_id,
         vi.province, vi.city, vi.county
  FROM att JOIN vi ON (vi.asset_id = att.target)
  WHERE vi.vfrom <= att.start AND att.start < vi.vto
),
${counted},
c AS (
  SELECT counted.target, counted.event_id, counted.start, counted.end_at
  FROM counted JOIN cur ON (cur.asset_id = counted.target)
  WHERE ${scopeFilter(q.rule)}
),
${flagWindows(q)}
${FLAG_ROWS}
ORDER BY flagged.target, flagged.seq`;
}
