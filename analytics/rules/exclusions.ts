// Which outages a count rule counts (seed 001, annex 2 §3): the cause and planned filters, the
// three exclusions and an optional minimum duration, compiled once per rule into one function.

import type { Cause, OutageEvent, Warning } from '../../core/domain.js';
import { compareText } from './order.js';
import type { CountFilter, Counts, NotCountedReason, Region, WarningLookup } from './types.js';

const WEATHER_CAUSES: ReadonlySet<Cause> = new Set<Cause>(['weather_fault', 'natural_disaster']);
const SWITCHING_CAUSES: ReadonlySet<Cause> = new Set<Cause>([
  'protective_supply_switching',
  'mode_adjustment',
]);
const MINUTE_MS = 60_000;

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

/**
 * Warning lookup for the warned_weather exclusion, any issuer level. An event naming a
 * warningId is judged against that warning only (it must exist, be in force at the outage's
 * start and cover the region); otherwise the covering warning in force with the smallest
 * warningId (ordinal order) is named.
 */
export function indexWarnings(warnings: readonly Warning[]): WarningLookup {
  const sorted = [...warnings].sort((a, b) => compareText(a.warningId, b.warningId));
  const byId = new Map<string, Warning>();
  for (const w of sorted) if (!byId.has(w.warningId)) byId.set(w.warningId, w);
  const fits = (w: Warning, event: OutageEvent, region: Region): boolean =>
    inForce(w, event.start) && covers(w, region);
  return {
    covering(event, region) {
      if (event.warningId !== undefined) {
        const named = byId.get(event.warningId);
        return named !== undefined && fits(named, event, region) ? named.warningId : null;
      }
      return sorted.find((w) => fits(w, event, region))?.warningId ?? null;
    },
  };
}

/**
 * The checks run in this order, and the first that applies is the reason:
 * 1. cause not in the rule's causes → cause_not_counted
 * 2. planned flag not the rule's → planned_not_counted
 * 3. warned_weather: weather_fault or natural_disaster while a warning covers the asset's
 *    region (its version at the outage's start) at the outage's start → warning:<warningId>
 * 4. external_damage: cause external_damage → external_damage
 * 5. short_switching: ended, end − start ≤ shortOutageMinutes, cause protective_supply_switching
 *    or mode_adjustment → short_switching (an ongoing outage is never short)
 * 6. minDurationMinutes: ended and end − start < minDurationMinutes → below_min_duration
 *    (an ongoing outage is never below a minimum duration)
 */
export function compileCounts(counts: Counts, shortOutageMinutes: number): CountFilter {
  const causes = counts.causes === 'all' ? null : new Set<Cause>(counts.causes);
  const planned = counts.planned;
  const warned = counts.exclusions.includes('warned_weather');
  const external = counts.exclusions.includes('external_damage');
  const switching = counts.exclusions.includes('short_switching');
  const shortMs = shortOutageMinutes * MINUTE_MS;
  const minMs = counts.minDurationMinutes === undefined ? null : counts.minDurationMinutes * MINUTE_MS;

  return (event: OutageEvent, region: Region, warnings: WarningLookup): NotCountedReason | null => {
    if (causes !== null && !causes.has(event.cause)) return 'cause_not_counted';
    if (planned !== 'any' && event.planned !== planned) return 'planned_not_counted';
    if (warned && WEATHER_CAUSES.has(event.cause)) {
      const warningId = warnings.covering(event, region);
      if (warningId !== null) return `warning:${warningId}`;
    }
    if (external && event.cause === 'external_damage') return 'external_damage';
    const duration = event.end === null ? null : event.end - event.start;
    if (switching && duration !== null && duration <= shortMs && SWITCHING_CAUSES.has(event.cause)) {
      return 'short_switching';
    }
    if (minMs !== null && duration !== null && duration < minMs) return 'below_min_duration';
    return null;
  };
}
