// Which outages reach which asset, as QuestDB CTEs shared by every query that needs it (flags,
// dashboard hotspots): each event reaches its own asset, and an event on a feeder (at its start)
// reaches the areas it lists that are areas at its start or, when it lists none, every area on
// that feeder at its start. Mirrors analytics/rules/attribution.ts.

import { raw, type Sql, sql } from '../store/index.js';

/** Stands for "no end" (ongoing outages, the last asset version). */
export const FOREVER = sql`'2200-01-01T00:00:00.000000Z'::timestamp`;
/** Before an asset's first version, that first version applies. */
export const BEGINNING = sql`'1970-01-01T00:00:00.000000Z'::timestamp`;

const IDENT = /^[a-z_][a-z0-9_]*$/;

/**
 * CTEs `v`, `vi` (asset versions as [vfrom, vto) intervals), `e` (current outages matching
 * `eventWhere`), `ef` (those on a feeder at their start) and `att` (target, event_id, start and
 * `eventColumns`). No leading WITH, no trailing comma.
 */
export function attributionCtes(eventColumns: readonly string[], eventWhere: Sql): Sql {
  for (const c of eventColumns) if (!IDENT.test(c)) throw new TypeError(`not a column name: ${c}`);
  const cols = eventColumns.length > 0 ? raw(`, ${eventColumns.join(', ')}`) : sql``;
  const efCols = raw(eventColumns.map((c) => `, ef.${c}`).join(''));
  return sql`
v AS (
  SELECT asset_id, kind, feeder_id, province, city, county, area_class, park, valid_from,
         row_number() OVER (PARTITION BY asset_id ORDER BY valid_from) rn,
         lead(valid_from) OVER (PARTITION BY asset_id ORDER BY valid_from) valid_to
  FROM assets
),
vi AS (
  SELECT asset_id, kind, feeder_id, province, city, county, area_class, park,
         CASE WHEN rn = 1 THEN ${BEGINNING} ELSE valid_from END vfrom,
         coalesce(valid_to, ${FOREVER}) vto
  FROM v
),
e AS (
  SELECT event_id, asset_id, start, affected_areas${cols}
  FROM outages WHERE NOT deleted AND ${eventWhere}
),
ef AS (
  SELECT e.* FROM e JOIN vi ON (vi.asset_id = e.asset_id)
  WHERE vi.kind = 'feeder' AND vi.vfrom <= e.start AND e.start < vi.vto
),
att AS (
  SELECT asset_id target, event_id, start${cols} FROM e
  UNION ALL
  SELECT vi.asset_id target, ef.event_id, ef.start${efCols}
  FROM ef JOIN vi ON (vi.feeder_id = ef.asset_id)
  WHERE ef.affected_areas IS NULL AND vi.kind = 'area' AND vi.vfrom <= ef.start AND ef.start < vi.vto
    AND vi.asset_id != ef.asset_id
  UNION ALL
  SELECT l.area_id target, ef.event_id, ef.start${efCols}
  FROM ef
  JOIN (SELECT DISTINCT event_id, area_id, start FROM outage_areas WHERE NOT deleted) l
    ON (l.event_id = ef.event_id AND l.start = ef.start)
  JOIN vi ON (vi.asset_id = l.area_id)
  WHERE vi.kind = 'area' AND vi.vfrom <= ef.start AND ef.start < vi.vto AND l.area_id != ef.asset_id
)`;
}
