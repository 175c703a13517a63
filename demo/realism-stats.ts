// The statistics of the realism report, over plain data: shares of assets flagged per rule,
// breaching assets per region, and how many counties and cities the top of a ranking spans.

import type { Asset } from '../core/domain.js';

export interface RuleShare {
  breach: number;
  atRisk: number;
}

export interface FlagShares {
  /** assets of the kind at asOf */
  assets: number;
  /** assets in breach of at least one rule */
  breach: number;
  /** assets at risk of at least one rule and in breach of none */
  atRisk: number;
  /** per rule id: assets with that rule's flag */
  byRule: Record<string, RuleShare>;
}

/** Flags (one per asset and rule, as the reference evaluator gives them) of one asset kind. */
export function flagShares(
  flags: readonly { assetId: string; rule: string; status: 'breach' | 'at_risk' }[],
  rules: readonly string[],
  assets: number,
): FlagShares {
  const byRule: Record<string, RuleShare> = {};
  for (const r of rules) byRule[r] = { breach: 0, atRisk: 0 };
  const breach = new Set<string>();
  const atRisk = new Set<string>();
  for (const f of flags) {
    const share = byRule[f.rule] ?? { breach: 0, atRisk: 0 };
    byRule[f.rule] = share;
    if (f.status === 'breach') {
      share.breach++;
      breach.add(f.assetId);
    } else {
      share.atRisk++;
      atRisk.add(f.assetId);
    }
  }
  for (const id of breach) atRisk.delete(id);
  return { assets, breach: breach.size, atRisk: atRisk.size, byRule };
}

export interface RegionTally {
  city: string;
  /** absent when tallied per city */
  county?: string;
  feeders: number;
  areas: number;
  /** breaching feeders and areas */
  breachFeeders: number;
  breachAreas: number;
}

/**
 * Breaching assets per county or city, most breaches (feeders and areas together) first, ties
 * by city then county name (code point order).
 */
export function regionTallies(
  assets: readonly Pick<Asset, 'assetId' | 'kind' | 'city' | 'county'>[],
  breaching: ReadonlySet<string>,
  by: 'county' | 'city',
): RegionTally[] {
  const tallies = new Map<string, RegionTally>();
  for (const a of assets) {
    const city = a.city ?? '';
    const key = by === 'city' ? city : `${city}/${a.county ?? ''}`;
    let t = tallies.get(key);
    if (!t) {
      t = { city, feeders: 0, areas: 0, breachFeeders: 0, breachAreas: 0 };
      if (by === 'county') t.county = a.county ?? '';
      tallies.set(key, t);
    }
    const hit = breaching.has(a.assetId) ? 1 : 0;
    if (a.kind === 'feeder') {
      t.feeders++;
      t.breachFeeders += hit;
    } else {
      t.areas++;
      t.breachAreas += hit;
    }
  }
  const total = (t: RegionTally) => t.breachFeeders + t.breachAreas;
  return [...tallies.values()].sort(
    (x, y) => total(y) - total(x) || ordinal(x.city, y.city) || ordinal(x.county ?? '', y.county ?? ''),
  );
}

export interface Spread {
  /** assets in the top (fewer when the ranking is shorter) */
  top: number;
  /** the lowest count that made the top */
  cutoff: number;
  counties: number;
  cities: number;
  /** the county with most assets in the top, and its share of the top */
  leadingCounty: string;
  leadingShare: number;
}

/**
 * The top `n` of a ranking by count (most first, ties by `tieBreak` when given, most first, then by
 * assetId as the hotspot view orders them) and how many counties and cities it spans.
 */
export function spreadOfTop(
  ranking: readonly { assetId: string; count: number; tieBreak?: number }[],
  place: (assetId: string) => { city: string; county: string },
  n: number,
): Spread {
  const top = [...ranking]
    .sort(
      (x, y) => y.count - x.count || (y.tieBreak ?? 0) - (x.tieBreak ?? 0) || ordinal(x.assetId, y.assetId),
    )
    .slice(0, n);
  const perCounty = new Map<string, number>();
  const cities = new Set<string>();
  for (const r of top) {
    const { city, county } = place(r.assetId);
    const key = `${city}/${county}`;
    perCounty.set(key, (perCounty.get(key) ?? 0) + 1);
    cities.add(city);
  }
  let leadingCounty = '';
  let most = 0;
  for (const [key, k] of perCounty) {
    if (k > most) {
      leadingCounty = key.slice(key.indexOf('/') + 1);
      most = k;
    }
  }
  return {
    top: top.length,
    cutoff: top.at(-1)?.count ?? 0,
    counties: perCounty.size,
    cities: cities.size,
    leadingCounty,
    leadingShare: top.length > 0 ? most / top.length : 0,
  };
}

const ordinal = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
