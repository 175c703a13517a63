// What the header search shows of the API's matches, as pure functions: where a match leads,
// its title and its detail line (region path, substation, code, places served), and which match
// an arrow key chooses. No DOM; the box (search-box.ts) asks and draws.

import type { SearchHit } from '../../analytics/search/rank.js';
import { kindLabel, t } from './i18n.js';
import { href } from './router.js';

export type { SearchHit };

/** The address a match opens: the case's page or the asset's. */
export const hitTarget = (hit: SearchHit): string =>
  hit.type === 'case' ? href('remediation', hit.id) : href('asset', hit.id);

/** A case by its number; an asset by its name (its id when it has none) and its kind. */
export const hitTitle = (hit: SearchHit): string =>
  hit.type === 'case' ? `${t('searchCase')} ${hit.id}` : `${hit.name ?? hit.id} · ${kindLabel(hit.kind)}`;

/**
 * What tells a match apart from one of the same name: for a case its asset and kind, for an
 * asset its id, code and first three places served; then the region path and the substation.
 */
export function hitDetail(hit: SearchHit): string {
  const path = [hit.province, hit.city, hit.county].filter((p) => p).join(' › ');
  return [
    hit.type === 'case' ? `${hit.name ?? hit.assetId ?? ''} · ${kindLabel(hit.kind)}` : hit.id,
    hit.type === 'asset' && hit.code ? t('searchCode', { code: hit.code }) : '',
    hit.type === 'asset' && hit.places?.length
      ? t('searchPlaces', { places: hit.places.slice(0, 3).join('、') })
      : '',
    path,
    hit.substation ? t('searchSubstation', { name: hit.substation }) : '',
  ]
    .filter((p) => p)
    .join(' · ');
}

/**
 * The match an arrow key moves to among `count`, round from the last to the first and back; with
 * none chosen (-1), down chooses the first and up the last, as the ARIA combobox pattern asks.
 */
export const stepChoice = (active: number, count: number, key: 'ArrowDown' | 'ArrowUp'): number =>
  active < 0
    ? key === 'ArrowDown'
      ? 0
      : count - 1
    : key === 'ArrowDown'
      ? (active + 1) % count
      : (active - 1 + count) % count;

/** The match a list item names by its data-id and data-type. */
export const hitNamed = (
  hits: readonly SearchHit[],
  id: string | null,
  type: string | null,
): SearchHit | undefined => hits.find((x) => x.id === id && x.type === type);
