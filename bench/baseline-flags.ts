// The product's flag statement as it was before the attribution was kept at write: which
// outages reach which asset re-derived in every query (asset-version intervals by window
// functions over the whole assets table, the feeder → area joins, the outage_areas join, the
// warnings join), then the same windows (analytics/flags/sql.ts). Benchmarks only: the "before"
// beside the product's one-table statement, on the same database in the same run.

import {
  chosenWarnings,
  type CountQuery,
  countFilter,
  FLAG_ROWS,
  flagWindows,
  relevantOutages,
  scopeFilter,
} from '../analytics/flags/sql.js';
import { attributionCtes } from './baseline-attribution.js';
import { type Sql, sql, ts } from '../store/index.js';

export function joinedFlagRowsQuery(q: CountQuery): Sql {
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
