// Every asset as it stands at asOf with its outages in the trailing 365 and 60 local days (all
// attributed outages, before rule exclusions: the flags say what counts), for maps and rankings.

import { dayToDate, localDay, startOfLocalDay } from '../../core/index.js';
import { type Store, sql, walCaughtUp } from '../../store/index.js';
import { localDaySql } from '../sql/local-day.js';
import { type AssetScope, attributedCte, currentAssetsCte, scopeSql } from './asset-scope.js';

/** A type, not an interface: rows are sent as records (sendRows). */
export type Hotspot = {
  assetId: string;
  kind: string;
  name: string | null;
  feederId: string | null;
  city: string | null;
  county: string | null;
  areaClass: string | null;
  park: string | null;
  customers: number;
  lat: number | null;
  lon: number | null;
  outages365: number;
  outages60: number;
  unplanned365: number;
  /** customer-side duration: hours out in the 365 days, ongoing outages to asOf */
  hours365: number;
  /** local date of the latest start, or null */
  lastOutage: string | null;
};

export const HOTSPOT_COLUMNS: (keyof Hotspot)[] = [
  'assetId',
  'kind',
  'name',
  'feederId',
  'city',
  'county',
  'areaClass',
  'park',
  'customers',
  'lat',
  'lon',
  'outages365',
  'outages60',
  'unplanned365',
  'hours365',
  'lastOutage',
];

interface HotspotRow {
  asset_id: string;
  kind: string;
  name: string | null;
  feeder_id: string | null;
  city: string | null;
  county: string | null;
  area_class: string | null;
  park: string | null;
  customers: number | null;
  lat: number | null;
  lon: number | null;
  outages365: number | null;
  outages60: number | null;
  unplanned365: number | null;
  minutes365: number | null;
  last_start: number | null;
}

/** Every asset in the scope, most outages in the year first. */
export async function hotspots(store: Store, zone: string, asOf: number, f: AssetScope): Promise<Hotspot[]> {
  await walCaughtUp(store, ['outage_reach']); // attribution rows acknowledged with their outages
  const today = localDay(asOf, zone);
  const lo = startOfLocalDay(today - 364, zone);
  const hi = asOf + 1;
  const asOfUs = asOf * 1000;
  const minutes = sql`(coalesce(cast(end_at as long), ${asOfUs}) - cast(start as long)) / 60000000.0`;
  const rows = await store.rows<HotspotRow>(sql`
WITH ${attributedCte(lo, hi, f.cause)},
${currentAssetsCte(asOf)},
agg AS (
  SELECT target, count() outages365,
         sum(CASE WHEN ${localDaySql(sql`start`, zone)} >= ${today - 59} THEN 1 ELSE 0 END) outages60,
         sum(CASE WHEN planned THEN 0 ELSE 1 END) unplanned365,
         sum(${minutes}) minutes365,
         max(start) last_start
  FROM att
)
SELECT cur.asset_id, cur.kind, cur.name, cur.feeder_id, cur.city, cur.county, cur.area_class, cur.park,
       cur.customers, cur.lat, cur.lon, agg.outages365, agg.outages60, agg.unplanned365, agg.minutes365,
       agg.last_start
FROM cur LEFT JOIN agg ON (agg.target = cur.asset_id)
WHERE ${scopeSql(f)}
ORDER BY agg.outages365 DESC, cur.asset_id::varchar`);
  return rows.map((r) => ({
    assetId: r.asset_id,
    kind: r.kind,
    name: r.name,
    feederId: r.feeder_id,
    city: r.city,
    county: r.county,
    areaClass: r.area_class,
    park: r.park,
    customers: r.customers ?? 0,
    lat: r.lat,
    lon: r.lon,
    outages365: Number(r.outages365 ?? 0),
    outages60: Number(r.outages60 ?? 0),
    unplanned365: Number(r.unplanned365 ?? 0),
    hours365: Math.round((Number(r.minutes365 ?? 0) / 60) * 100) / 100,
    lastOutage: r.last_start === null ? null : dayToDate(localDay(r.last_start, zone)),
  }));
}
