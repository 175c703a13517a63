import type { Asset, OutageEvent, Warning } from '../../core/index.js';
import type { RandomHistory } from './random-history.js';

/**
 * The same history with every id (assets, feeders, areas, events, warnings) prefixed, so that
 * many histories can live side by side in one database.
 */
export function prefixHistory(h: RandomHistory, p: string): RandomHistory {
  const id = (s: string) => `${p}${s}`;
  const assets: Asset[] = h.assets.map((a) => ({
    ...a,
    assetId: id(a.assetId),
    ...(a.feederId !== undefined ? { feederId: id(a.feederId) } : {}),
  }));
  const events: OutageEvent[] = h.events.map((e) => ({
    ...e,
    eventId: id(e.eventId),
    assetId: id(e.assetId),
    ...(e.affectedAreas !== undefined ? { affectedAreas: e.affectedAreas.map(id) } : {}),
    ...(e.warningId !== undefined ? { warningId: id(e.warningId) } : {}),
  }));
  const warnings: Warning[] = h.warnings.map((w) => ({ ...w, warningId: id(w.warningId) }));
  return { ...h, assets, events, warnings };
}
