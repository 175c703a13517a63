// The figures of the live pages, worked out once per build from the public outages: customers
// out by county against the customers each serves, the total out, whether the list of outages is
// too long to show, and the planned outages grouped by county. Pure; the pages and their JSON
// are drawn from these.

import type { CountyCustomers, PublicOutage, PublicOutages } from '../../analytics/public/index.js';

/** The outages in progress in one county and the customers they leave out. */
export interface CountyTotal {
  province: string;
  city: string;
  county: string;
  outages: number;
  customers: number;
  /** customers the county serves */
  served: number;
}

/** The planned outages announced in one county, soonest first. */
export interface PlannedCounty {
  province: string;
  city: string;
  county: string;
  rows: PublicOutage[];
}

export interface LiveFigures {
  at: number;
  /** outages in progress, earliest start first */
  rows: PublicOutage[];
  /** planned outages announced ahead, soonest first */
  scheduled: PublicOutage[];
  /** every county with customers, as the map draws them */
  served: CountyCustomers[];
  /** counties with outages in progress, by countyKey */
  byCounty: Map<string, CountyTotal>;
  /** the same, most customers out first */
  counties: CountyTotal[];
  /** customers out in all */
  total: number;
  /** too many outages to list one by one: only the county totals are shown */
  countyOnly: boolean;
  /** the planned outages by county, in the order of province, city and county names */
  plannedCounties: PlannedCounty[];
}

/** Where a county is: a county's name may recur in another city, a city's in another province. */
export interface CountyPlace {
  province: string | null;
  city: string | null;
  county: string | null;
}

/** What a county is under in words: its city, or its province when the records name no city. */
export const countyParent = (p: CountyPlace): string => p.city || p.province || '';

export const countyKey = (p: CountyPlace) => JSON.stringify([p.province ?? '', p.city ?? '', p.county ?? '']);

export function liveFigures(data: PublicOutages, countyOnlyAbove: number): LiveFigures {
  const { current: rows, scheduled, counties: served } = data;
  const byCounty = countyTotals(rows, served);
  return {
    at: data.asOf,
    rows,
    scheduled,
    served,
    byCounty,
    counties: [...byCounty.values()].sort((a, b) => b.customers - a.customers),
    total: rows.reduce((n, r) => n + r.customersOut, 0),
    countyOnly: rows.length > countyOnlyAbove,
    plannedCounties: plannedCounties(scheduled),
  };
}

function countyTotals(
  rows: readonly PublicOutage[],
  served: readonly CountyCustomers[],
): Map<string, CountyTotal> {
  const byCounty = new Map<string, CountyTotal>();
  const servedBy = new Map(served.map((c) => [countyKey(c), c.customers]));
  for (const r of rows) {
    const key = countyKey(r);
    const c = byCounty.get(key) ?? {
      province: r.province ?? '',
      city: r.city ?? '',
      county: r.county ?? '',
      outages: 0,
      customers: 0,
      served: servedBy.get(key) ?? 0,
    };
    c.outages += 1;
    c.customers += r.customersOut;
    byCounty.set(key, c);
  }
  return byCounty;
}

function plannedCounties(scheduled: readonly PublicOutage[]): PlannedCounty[] {
  const groups = new Map<string, PlannedCounty>();
  for (const r of scheduled) {
    const key = countyKey(r);
    const g = groups.get(key) ?? {
      province: r.province ?? '',
      city: r.city ?? '',
      county: r.county ?? '',
      rows: [],
    };
    g.rows.push(r);
    groups.set(key, g);
  }
  return [...groups.values()].sort(
    (a, b) =>
      a.province.localeCompare(b.province, 'zh-CN') ||
      a.city.localeCompare(b.city, 'zh-CN') ||
      a.county.localeCompare(b.county, 'zh-CN'),
  );
}
