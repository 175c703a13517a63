// The region and kind filters of the dashboard's outage reads, as SQL on the asset version
// (CTE `cur`) and as a test on a row already computed; and the two CTEs those reads share: the
// outages attributed to assets as kept at write (outage_reach) and the assets as they stand.

import { join, type Sql, sql, ts } from '../../store/index.js';

export interface AssetScope {
  kind?: 'feeder' | 'area' | undefined;
  cause?: string | undefined;
  city?: string | undefined;
  county?: string | undefined;
  areaClass?: string | undefined;
  feederId?: string | undefined;
  assetId?: string | undefined;
}

/** The scope's asset filters (not the cause) on a row with those fields. */
export function inScope(row: Readonly<Record<string, unknown>>, f: AssetScope): boolean {
  return (
    (f.kind === undefined || row['kind'] === f.kind) &&
    (f.city === undefined || row['city'] === f.city) &&
    (f.county === undefined || row['county'] === f.county) &&
    (f.areaClass === undefined || row['areaClass'] === f.areaClass) &&
    (f.feederId === undefined || row['feederId'] === f.feederId) &&
    (f.assetId === undefined || row['assetId'] === f.assetId)
  );
}

/** Conditions on the asset version (CTE `cur`) for the region and kind filters. */
export function scopeSql(f: AssetScope): Sql {
  const parts: Sql[] = [sql`true`];
  if (f.kind) parts.push(sql`cur.kind = ${f.kind}`);
  if (f.city) parts.push(sql`cur.city = ${f.city}`);
  if (f.county) parts.push(sql`cur.county = ${f.county}`);
  if (f.areaClass) parts.push(sql`cur.area_class = ${f.areaClass}`);
  if (f.feederId) parts.push(sql`cur.feeder_id = ${f.feederId}`);
  if (f.assetId) parts.push(sql`cur.asset_id = ${f.assetId}`);
  return join(parts, ' AND ');
}

/**
 * CTE `att`: outages attributed to assets, as kept at write (outage_reach): each event to its
 * own asset, and a feeder's event to the areas it listed or, when it listed none, to the areas
 * on the feeder at its start. Columns: target, event_id, start, end_at, cause, planned,
 * customers_affected.
 */
export function attributedCte(lo: number, hi: number, cause: string | undefined): Sql {
  const causeFilter = cause ? sql`AND cause = ${cause}` : sql``;
  return sql`att AS (
  SELECT asset_id target, event_id, start, end_at, cause, planned, customers_affected FROM outage_reach
  WHERE NOT deleted AND start >= ${ts(lo)} AND start < ${ts(hi)} ${causeFilter}
)`;
}

/** CTE `cur`: the assets as they stand at asOf (latest version with validFrom ≤ asOf). */
export const currentAssetsCte = (asOf: number): Sql => sql`
cur AS (
  SELECT asset_id, kind, name, feeder_id, province, city, county, park, area_class, customers, lat, lon
  FROM assets WHERE valid_from <= ${ts(asOf)} LATEST ON valid_from PARTITION BY asset_id
)`;
