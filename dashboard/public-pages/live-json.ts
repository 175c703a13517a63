// The live pages' figures as JSON (/outages.json, /planned.json): the same public fields as the
// pages, times in the operating zone. The answer adds whether they are stale.

import type { PublicOutage } from '../../analytics/public/index.js';
import { formatInZone } from '../../core/index.js';
import type { LiveFigures } from './live-figures.js';
import { sharePercent } from './map.js';
import { estimateText } from './wording.js';

const inZone = (ms: number | null, zone: string): string | null =>
  ms === null ? null : formatInZone(ms, zone);

/** The fields an outage and a planned outage share. */
const publicRow = (r: PublicOutage, zone: string) => ({
  province: r.province,
  city: r.city,
  county: r.county,
  areas: r.areas,
  places: r.places,
  cause: r.cause,
  planned: r.planned,
  start: formatInZone(r.start, zone),
  updatedAt: formatInZone(r.updatedAt, zone),
});

/** The totals, by county, and each outage in progress unless there are too many to list. */
export function outagesJson(f: LiveFigures, zone: string): Record<string, unknown> {
  return {
    updatedAt: formatInZone(f.at, zone),
    outages: f.rows.length,
    customersOut: f.total,
    counties: f.counties.map((c) => ({ ...c, sharePercent: sharePercent(c.customers, c.served) })),
    scheduled: f.scheduled.length,
    ...(f.countyOnly
      ? {}
      : {
          rows: f.rows.map((r) => ({
            ...publicRow(r, zone),
            customersOut: r.customersOut,
            estimatedRestoration: inZone(r.estimatedRestoration, zone),
            estimate: estimateText(r.estimatedRestoration, f.at, zone, 'en'),
          })),
        }),
  };
}

/** Each planned outage announced ahead, with its expected end. */
export function plannedJson(f: LiveFigures, zone: string): Record<string, unknown> {
  return {
    updatedAt: formatInZone(f.at, zone),
    rows: f.scheduled.map((r) => ({
      ...publicRow(r, zone),
      expectedEnd: inZone(r.end ?? r.estimatedRestoration, zone),
      customersAffected: r.customersAffected,
    })),
  };
}
