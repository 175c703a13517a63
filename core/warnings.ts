// Which official warning covers an outage (the warned-weather exclusion of seed 001, annex 2 §3).
// Pure, shared by the reference evaluator and by the attribution kept at write (store/reach).

import type { OutageEvent, Warning } from './domain.js';

/** Where an asset was at the outage's start: its region path. */
export interface Region {
  province?: string | undefined;
  city?: string | undefined;
  county?: string | undefined;
}

/** Finds the official warning that excludes a weather outage on a region, if any. */
export interface WarningLookup {
  covering(event: Pick<OutageEvent, 'start' | 'warningId'>, region: Region): string | null;
}

/**
 * A warning covers a region when each of its province, city and county is absent or equal to
 * the region's (absent county = the whole city, absent city = the whole province, none = national).
 */
export function covers(warning: Warning, region: Region): boolean {
  return (
    (warning.province === undefined || warning.province === region.province) &&
    (warning.city === undefined || warning.city === region.city) &&
    (warning.county === undefined || warning.county === region.county)
  );
}

/** In force at instant t: start ≤ t ≤ end, both ends included. */
export const inForce = (warning: Warning, t: number): boolean => warning.start <= t && t <= warning.end;

const ordinal = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Warning lookup for the warned_weather exclusion, any issuer level. An event naming a
 * warningId is judged against that warning only (it must exist, be in force at the outage's
 * start and cover the region); otherwise the covering warning in force with the smallest
 * warningId (ordinal order) is named.
 */
export function indexWarnings(warnings: readonly Warning[]): WarningLookup {
  const sorted = [...warnings].sort((a, b) => ordinal(a.warningId, b.warningId));
  const byId = new Map<string, Warning>();
  for (const w of sorted) if (!byId.has(w.warningId)) byId.set(w.warningId, w);
  const fits = (w: Warning, t: number, region: Region): boolean => inForce(w, t) && covers(w, region);
  return {
    covering(event, region) {
      if (event.warningId !== undefined) {
        const named = byId.get(event.warningId);
        return named !== undefined && fits(named, event.start, region) ? named.warningId : null;
      }
      return sorted.find((w) => fits(w, event.start, region))?.warningId ?? null;
    },
  };
}

/** Causes the warned-weather exclusion applies to. */
export const WEATHER_CAUSES: ReadonlySet<string> = new Set(['weather_fault', 'natural_disaster']);
