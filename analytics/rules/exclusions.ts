// Which outages a count rule counts (seed 001, annex 2 §3): the cause and planned filters, the
// three exclusions and an optional minimum duration, compiled once per rule into one function.

import type { Cause, OutageEvent } from '../../core/domain.js';
import { WEATHER_CAUSES } from '../../core/warnings.js';
import type { CountFilter, Counts, NotCountedReason, Region, WarningLookup } from './types.js';

const SWITCHING_CAUSES: ReadonlySet<Cause> = new Set<Cause>([
  'protective_supply_switching',
  'mode_adjustment',
]);
const MINUTE_MS = 60_000;

export { covers, indexWarnings, inForce } from '../../core/warnings.js';

/**
 * The checks run in this order, and the first that applies is the reason:
 * 1. cause not in the rule's causes → cause_not_counted
 * 2. planned flag not the rule's → planned_not_counted
 * 3. warned_weather: weather_fault or natural_disaster while a warning covers the asset's
 *    region (its version at the outage's start) at the outage's start → warning:<warningId>
 * 4. external_damage: cause external_damage → external_damage
 *    natural_disaster: cause natural_disaster, warned or not → natural_disaster
 *    force_majeure_weather: cause weather_fault and the record says forceMajeure → force_majeure
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
  const disaster = counts.exclusions.includes('natural_disaster');
  const forceMajeure = counts.exclusions.includes('force_majeure_weather');
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
    if (disaster && event.cause === 'natural_disaster') return 'natural_disaster';
    if (forceMajeure && event.cause === 'weather_fault' && event.forceMajeure === true)
      return 'force_majeure';
    const duration = event.end === null ? null : event.end - event.start;
    if (switching && duration !== null && duration <= shortMs && SWITCHING_CAUSES.has(event.cause)) {
      return 'short_switching';
    }
    if (minMs !== null && duration !== null && duration < minMs) return 'below_min_duration';
    return null;
  };
}
