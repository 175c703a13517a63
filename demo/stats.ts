// Counts of an outage stream, in constant memory: a re-send always arrives within a few weeks of
// its event's start (durations are capped at 3 days, corrections at 11 days), so only the event
// ids of the last RECENT_DAYS start dates are remembered.

import { CAUSES, type Cause } from '../core/domain.js';
import type { DemoOutage } from './events.js';

export interface OutageCounts {
  /** records in the stream, re-sends included */
  records: number;
  /** distinct eventIds */
  events: number;
  duplicates: number;
  corrections: { cause: number; end: number };
  /** events whose final version has no end */
  ongoing: number;
  withAffectedAreas: number;
  withRestorations: number;
  linkedToWarning: number;
  /** final versions */
  byCause: Record<Cause, number>;
}

const RECENT_DAYS = 40;

export function countOutages(stream: Iterable<DemoOutage>): OutageCounts {
  const counts: OutageCounts = {
    records: 0,
    events: 0,
    duplicates: 0,
    corrections: { cause: 0, end: 0 },
    ongoing: 0,
    withAffectedAreas: 0,
    withRestorations: 0,
    linkedToWarning: 0,
    byCause: Object.fromEntries(CAUSES.map((c) => [c, 0])) as Record<Cause, number>,
  };
  const recent = new Map<string, Set<string>>();
  for (const e of stream) {
    counts.records++;
    const date = e.eventId.slice(0, e.eventId.indexOf('-'));
    const ids = recent.get(date) ?? new Set<string>();
    if (!recent.has(date)) {
      recent.set(date, ids);
      if (recent.size > RECENT_DAYS) recent.delete(recent.keys().next().value!);
    }
    if (e.correction) {
      counts.corrections[e.correction]++;
      if (e.correction === 'end') counts.ongoing--;
      if (e.correction === 'cause') {
        counts.byCause.unknown--;
        counts.byCause[e.cause]++;
      }
      continue;
    }
    if (ids.has(e.eventId)) {
      counts.duplicates++;
      continue;
    }
    ids.add(e.eventId);
    counts.events++;
    counts.byCause[e.cause]++;
    if (e.end === null) counts.ongoing++;
    if (e.affectedAreas) counts.withAffectedAreas++;
    if (e.restorations.length > 0) counts.withRestorations++;
    if (e.warningId) counts.linkedToWarning++;
  }
  return counts;
}
