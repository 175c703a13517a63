// How search results are ordered: what the person typed matching an id, code, name or a place it
// serves exactly comes
// first, then as a prefix, then anywhere; a case number before an asset at the same strength;
// feeders before transformer areas (fewer, and what a dispatcher names first); then by name.
// Matching ignores case and surrounding spaces; Chinese names match as typed.

import { compareText } from '../../core/order.js';

export interface SearchHit {
  type: 'asset' | 'case';
  /** the asset id, or the case number */
  id: string;
  name: string | null;
  kind: 'feeder' | 'area';
  /** for a case, the asset it is about; for an area, its feeder */
  assetId?: string;
  feederId?: string;
  substation: string | null;
  /** the utility's equipment code (PMS) */
  code?: string;
  /** villages, streets or compounds it serves */
  places?: string[];
  province: string | null;
  city: string | null;
  county: string | null;
  /** for a case: its rule set and status */
  ruleSet?: string;
  status?: string;
}

export const normalize = (text: string): string => text.trim().toLowerCase();

/** 0 exact id, code, name or place, 1 prefix, 2 anywhere in them, 3 substation; null: no match. */
export function strength(hit: SearchHit, query: string): number | null {
  const q = normalize(query);
  if (q === '') return null;
  const fields = [hit.id, hit.name ?? '', hit.code ?? '', ...(hit.places ?? [])].map(normalize);
  if (fields.some((f) => f === q)) return 0;
  if (fields.some((f) => f.startsWith(q))) return 1;
  if (fields.some((f) => f.includes(q))) return 2;
  if (hit.substation !== null && normalize(hit.substation).includes(q)) return 3;
  return null;
}

const KIND: Record<SearchHit['kind'], number> = { feeder: 0, area: 1 };

/** The hits that match, strongest first, at most `limit`. */
export function rankHits(hits: readonly SearchHit[], query: string, limit: number): SearchHit[] {
  const scored = hits.flatMap((hit) => {
    const s = strength(hit, query);
    return s === null ? [] : [{ hit, s }];
  });
  scored.sort(
    (a, b) =>
      a.s - b.s ||
      Number(a.hit.type === 'asset') - Number(b.hit.type === 'asset') ||
      KIND[a.hit.kind] - KIND[b.hit.kind] ||
      compareText(a.hit.name ?? a.hit.id, b.hit.name ?? b.hit.id) ||
      compareText(a.hit.id, b.hit.id),
  );
  return scored.slice(0, limit).map((x) => x.hit);
}
