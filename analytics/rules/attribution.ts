// Which outages belong to which asset. A feeder's outages are the events on the feeder itself.
// A transformer area's outages are its own events plus the feeder events that interrupted it:
// those whose affectedAreas lists it or, when affectedAreas is absent, every area whose
// version valid at the event's start was served by that feeder (topology at the time). Linear in
// the events and versions: a feeder's candidate areas are indexed once.

import { pushTo } from '../../core/collections.js';
import type { OutageEvent } from '../../core/domain.js';
import type { AssetHistory } from './history.js';
import { byStartThenId } from './order.js';

export interface Attributed {
  event: OutageEvent;
  /** Set when the outage reached this area through an event on its feeder. */
  viaFeeder?: string;
}

/**
 * Asset id → its outages in start order (ties: eventId). Events on unknown assets are kept
 * under their assetId; affectedAreas entries that are not areas at the event's start, and
 * entries listed twice, are ignored. An empty affectedAreas list interrupts no area.
 */
export function attributeEvents(
  history: AssetHistory,
  events: readonly OutageEvent[],
): Map<string, Attributed[]> {
  const out = new Map<string, Attributed[]>();
  // Each feeder's candidate areas: every area that was ever on it (checked at the event's start).
  const everOn = new Map<string, string[]>();
  for (const id of history.ids) {
    const feeders = new Set(
      history.versions(id).flatMap((v) => (v.kind === 'area' && v.feederId ? [v.feederId] : [])),
    );
    for (const f of feeders) pushTo(everOn, f, id);
  }
  const isAreaAt = (id: string, t: number): boolean => history.at(id, t)?.kind === 'area';

  for (const event of events) {
    pushTo(out, event.assetId, { event });
    if (history.at(event.assetId, event.start)?.kind !== 'feeder') continue;
    const feederId = event.assetId;
    const areas =
      event.affectedAreas !== undefined
        ? [...new Set(event.affectedAreas)].filter((id) => isAreaAt(id, event.start))
        : (everOn.get(feederId) ?? []).filter((id) => {
            const v = history.at(id, event.start);
            return v?.kind === 'area' && v.feederId === feederId;
          });
    for (const areaId of areas) {
      if (areaId !== feederId) pushTo(out, areaId, { event, viaFeeder: feederId });
    }
  }
  for (const list of out.values()) list.sort((a, b) => byStartThenId(a.event, b.event));
  return out;
}
