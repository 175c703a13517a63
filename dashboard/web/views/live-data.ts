// What the live view shows, from what the API answers and what the person chose, as pure
// functions: the wire type of GET /outages/active, the customers served per city and the assets'
// places (from GET /assets), the key figures, the customers out by city and their share of those
// served, and the ongoing list's filter by region, cause and nature. No DOM, no requests; the
// view (live.ts) loads and draws.

import type { ActiveOutage } from '../../../core/vocabulary/index.js';
import type { Row } from '../api.js';
import { estimatePassed } from '../charts/map-outages.js';
import { num, str } from './common.js';

/** GET /outages/active: the outages ongoing as of `asOf` (ms), and the customers they cut off. */
export interface ActiveAnswer {
  asOf: number;
  customersOut: number;
  rows: ActiveOutage[];
}

/** An outage begun less than this many minutes ago is marked new in the list. */
export const NEW_MINUTES = 15;

export const isNew = (r: ActiveOutage): boolean => r.minutesSoFar < NEW_MINUTES;

/** Customers served per city: the transformer areas' customers (a city-less area counts under —). */
export function servedByCity(assets: readonly Row[]): Map<string, number> {
  const served = new Map<string, number>();
  for (const r of assets) {
    if (r['kind'] !== 'area') continue;
    const city = str(r['city']) ?? '—';
    served.set(city, (served.get(city) ?? 0) + (num(r['customers']) || 0));
  }
  return served;
}

/** Each asset's [lon, lat], for the assets that have both. */
export function placesOf(assets: readonly Row[]): Map<string, [number, number]> {
  const places = new Map<string, [number, number]>();
  for (const r of assets) {
    const lon = num(r['lon']);
    const lat = num(r['lat']);
    if (Number.isFinite(lon) && Number.isFinite(lat)) places.set(String(r['assetId']), [lon, lat]);
  }
  return places;
}

/** The key figures above the map. */
export interface LiveCounts {
  customersOut: number;
  ongoing: number;
  planned: number;
  unplanned: number;
  /** outages whose estimated restoration has passed as of the answer */
  etrPassed: number;
}

export function liveCounts(data: ActiveAnswer): LiveCounts {
  const ongoing = data.rows.length;
  const planned = data.rows.filter((r) => r.planned).length;
  return {
    customersOut: data.customersOut,
    ongoing,
    planned,
    unplanned: ongoing - planned,
    etrPassed: data.rows.filter((r) => estimatePassed(r, data.asOf)).length,
  };
}

/**
 * An outage's region as the list shows and filters it: its city and county, or — when neither is
 * known (never '', which the filter reads as "all").
 */
export const regionOf = (r: Pick<ActiveOutage, 'city' | 'county'>): string =>
  [r.city, r.county].filter(Boolean).join(' ') || '—';

/** Customers out per city (— for none), most first; ties keep the order the cities first came. */
export function outByCity(rows: readonly ActiveOutage[]): [string, number][] {
  const byCity = new Map<string, number>();
  for (const r of rows) byCity.set(r.city ?? '—', (byCity.get(r.city ?? '—') ?? 0) + r.customersOut);
  return [...byCity.entries()].sort((a, b) => b[1] - a[1]);
}

/** The share of a city's customers without supply; null when its customers served are not known. */
export function shareOut(served: ReadonlyMap<string, number>, [city, out]: [string, number]): number | null {
  const n = served.get(city);
  return n ? out / n : null;
}

/** The ongoing list's filter: a region (regionOf), a cause code, planned or unplanned; '' for all. */
export interface ListFilter {
  region: string;
  cause: string;
  nature: string;
}

export const NO_LIST_FILTER: ListFilter = { region: '', cause: '', nature: '' };

/** The outages the list shows (the map and the figures show every outage). */
export function filterOngoing(rows: readonly ActiveOutage[], f: ListFilter): ActiveOutage[] {
  return rows.filter(
    (r) =>
      (f.region === '' || regionOf(r) === f.region) &&
      (f.cause === '' || r.cause === f.cause) &&
      (f.nature === '' || r.planned === (f.nature === 'planned')),
  );
}

/** The values a filter offers: each once, in Chinese collation order. */
export const choiceValues = (values: readonly string[]): string[] =>
  [...new Set(values)].sort((a, b) => a.localeCompare(b, 'zh-CN'));
