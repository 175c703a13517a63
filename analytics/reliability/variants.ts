// Event filters for the statistical variants (口径), the frequent-outage exclusions and major
// event days. Each filter answers why an event is dropped, so reports can say how many were.

import type { OutageEvent } from '../../core/domain.js';
import { localDay } from '../../core/time.js';
import type { DroppedEvents, Variant } from './types.js';

/** Does `event` belong to the variant? RS-1 all; RS-2 without external damage; RS-3 without supply shortage. */
export function inVariant(event: OutageEvent, variant: Variant): boolean {
  switch (variant) {
    case 'all':
      return true;
    case 'no_external':
      return event.cause !== 'external_damage';
    case 'no_shortage':
      return event.cause !== 'supply_shortage';
    case 'planned':
      return event.planned;
    case 'fault':
      return !event.planned;
  }
}

export interface EventFilter {
  variant: Variant;
  excluded?: ((event: OutageEvent) => boolean) | undefined;
  majorEventDays?: ReadonlySet<number> | undefined;
  zone: string;
}

export type DropReason = keyof DroppedEvents;

/** Why the event is left out, or null when it counts. Checked in the order variant, excluded, day. */
export function dropReason(event: OutageEvent, f: EventFilter): DropReason | null {
  if (!inVariant(event, f.variant)) return 'variant';
  if (f.excluded?.(event)) return 'excluded';
  if (f.majorEventDays?.has(localDay(event.start, f.zone))) return 'majorEventDays';
  return null;
}

export interface IndexedEvent {
  event: OutageEvent;
  /** position in the caller's input, for issue paths */
  index: number;
}

/** Keep the last occurrence of each eventId (a re-sent event replaces the earlier one), in input order. */
export function latestEvents(events: readonly OutageEvent[]): {
  events: IndexedEvent[];
  duplicates: IndexedEvent[];
} {
  const last = new Map<string, number>();
  events.forEach((e, i) => {
    last.set(e.eventId, i);
  });
  const kept: IndexedEvent[] = [];
  const duplicates: IndexedEvent[] = [];
  events.forEach((event, index) => {
    if (last.get(event.eventId) === index) kept.push({ event, index });
    else duplicates.push({ event, index });
  });
  return { events: kept, duplicates };
}
