// Outages per LOCAL day of the operating zone, every day of the range with zeros, so the
// browser never derives a calendar day from a UTC instant. An area's outages include its
// feeder's events (those that listed it, or listed none), with the topology valid at each
// event's start, as in analytics/flags/sql.ts.

import { dayToDate, startOfLocalDay } from '../../core/index.js';
import { type Sql, type Store, sql, ts, walCaughtUp } from '../../store/index.js';
import { localDaySql } from '../sql/local-day.js';
import { type AssetScope, attributedCte, currentAssetsCte, scopeSql } from './asset-scope.js';

/** A type, not an interface: rows are sent as records (sendRows). */
export type DailyOutageCount = {
  /** YYYY-MM-DD, local */
  date: string;
  /** 0 = Sunday, as in Date#getDay */
  weekday: number;
  outages: number;
  unplanned: number;
  customersAffected: number;
};

export const DAILY_COLUMNS = ['date', 'weekday', 'outages', 'unplanned', 'customersAffected'];

interface DailyRow {
  day: number;
  outages: number;
  unplanned: number;
  customers: number | null;
}

/** The counts of each local day fromDay..toDay (both included) in the scope. */
export async function dailyOutageCounts(
  store: Store,
  zone: string,
  fromDay: number,
  toDay: number,
  f: AssetScope,
): Promise<DailyOutageCount[]> {
  const lo = startOfLocalDay(fromDay, zone);
  const hi = startOfLocalDay(toDay + 1, zone);
  const assetScoped = f.kind || f.city || f.county || f.areaClass || f.feederId;
  let statement: Sql;
  if (f.assetId) {
    // One asset: its attributed outages (an area's include its feeder's events), acknowledged ones included.
    await walCaughtUp(store, ['outage_reach']);
    statement = sql`
WITH ${attributedCte(lo, hi, f.cause)}
SELECT day, count() outages, sum(CASE WHEN planned THEN 0 ELSE 1 END) unplanned, sum(customers_affected) customers
FROM (SELECT ${localDaySql(sql`start`, zone)} day, planned, customers_affected FROM att WHERE target = ${f.assetId})
ORDER BY day`;
  } else {
    // Every event once, on its own asset; region filters use the asset as it stands now.
    const scope = assetScoped
      ? sql`JOIN (SELECT * FROM cur WHERE ${scopeSql(f)}) c ON (c.asset_id = o.asset_id)`
      : sql``;
    const causeFilter = f.cause ? sql`AND o.cause = ${f.cause}` : sql``;
    statement = sql`
WITH ${currentAssetsCte(hi)}
SELECT day, count() outages, sum(CASE WHEN planned THEN 0 ELSE 1 END) unplanned, sum(customers_affected) customers
FROM (
  SELECT ${localDaySql(sql`o.start`, zone)} day, o.planned, o.customers_affected
  FROM outages o ${scope}
  WHERE NOT o.deleted AND o.start >= ${ts(lo)} AND o.start < ${ts(hi)} ${causeFilter}
)
ORDER BY day`;
  }
  const rows = await store.rows<DailyRow>(statement);
  const byDay = new Map(rows.map((r) => [Number(r.day), r]));
  const out: DailyOutageCount[] = [];
  for (let day = fromDay; day <= toDay; day++) {
    const r = byDay.get(day);
    out.push({
      date: dayToDate(day),
      // 1970-01-01 (day 0) was a Thursday; 0 = Sunday as in Date#getDay.
      weekday: (((day + 4) % 7) + 7) % 7,
      outages: r ? Number(r.outages) : 0,
      unplanned: r ? Number(r.unplanned) : 0,
      customersAffected: r ? Number(r.customers ?? 0) : 0,
    });
  }
  return out;
}
