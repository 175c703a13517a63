// The annual regional ranking with reward and penalty tiers (Guizhou item 34: "每年3月份公开发布
// 上一年度区域供电可靠性管理奖惩结果"). The regions of the rule file's `groupBy` (or its pilot list)
// ranked by the year's SAIDI or SAIFI, lowest first, the other measure breaking ties; a tie
// shares the rank (1, 2, 2, 4). Tiers: by rank (the best `reward` regions rewarded, the worst
// `penalty` penalised, counted from each end with ties sharing) or by value of the ranked
// measure (at most `rewardAtMost` rewarded, above `penaltyAbove` penalised). A region without
// users served has no figures, no rank and no tier.

import { compareText } from '../../core/order.js';
import type { TierResult } from '../../core/vocabulary/index.js';
import type { RankingReport } from '../rules/types.js';

export const TIERS = ['reward', 'none', 'penalty'] as const;
export type Tier = TierResult;

/** One region's figures for the year and the year before. */
export interface RegionFigures {
  region: string;
  /** users served (N_T, by the report's basis) */
  users: number | null;
  saidi: number | null;
  saifi: number | null;
  previousSaidi: number | null;
  previousSaifi: number | null;
}

export interface RankingRow {
  year: number;
  rank: number | null;
  region: string;
  users: number | null;
  /** hours */
  saidi: number | null;
  saifi: number | null;
  /** 供电可靠率 RS-1 in percent: 1 − SAIDI / hours of the year */
  rs1Percent: number | null;
  previousSaidi: number | null;
  previousSaifi: number | null;
  /** percent against the year before (negative: better) */
  saidiChangePercent: number | null;
  saifiChangePercent: number | null;
  tier: Tier;
  /** why the tier, in the rule's terms (worded per language in the export) */
  basis: TierBasis;
}

export type TierBasis =
  | { by: 'rank'; rank: number; of: number; reward: number; penalty: number }
  | {
      by: 'value';
      measure: 'saidi_hours' | 'saifi';
      value: number;
      rewardAtMost: number;
      penaltyAbove: number;
    }
  | { by: 'no_users' };

const round = (x: number | null, digits = 4): number | null => {
  if (x === null || !Number.isFinite(x)) return null;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
const change = (now: number | null, before: number | null): number | null =>
  now === null || before === null || before === 0 ? null : round(((now - before) / before) * 100, 2);

const nullsLast = (a: number | null, b: number | null): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a - b;

/** Rows ranked and tiered; `hours` is the year's length (8760 or 8784) for RS-1. */
export function rankAndTier(
  year: number,
  regions: readonly RegionFigures[],
  config: Pick<RankingReport, 'by' | 'tiers'>,
  hours: number,
): RankingRow[] {
  const key = (r: RegionFigures) => (config.by === 'saifi' ? r.saifi : r.saidi);
  const other = (r: RegionFigures) => (config.by === 'saifi' ? r.saidi : r.saifi);
  const sorted = [...regions].sort(
    (a, b) => nullsLast(key(a), key(b)) || nullsLast(other(a), other(b)) || compareText(a.region, b.region),
  );
  const ranked = sorted.filter((r) => key(r) !== null && (r.users ?? 0) > 0);
  const n = ranked.length;
  const same = (a: RegionFigures, b: RegionFigures) => key(a) === key(b) && other(a) === other(b);
  // rank from the best end: 1 + regions strictly better; from the worst end likewise
  const better = (r: RegionFigures) =>
    ranked.filter((x) => !same(x, r) && ranked.indexOf(x) < ranked.indexOf(r)).length;
  const worse = (r: RegionFigures) =>
    ranked.filter((x) => !same(x, r) && ranked.indexOf(x) > ranked.indexOf(r)).length;
  return sorted.map((r): RankingRow => {
    const value = key(r);
    const base = {
      year,
      region: r.region,
      users: r.users === null ? null : round(r.users, 2),
      saidi: round(r.saidi),
      saifi: round(r.saifi),
      rs1Percent: r.saidi === null ? null : round((1 - r.saidi / hours) * 100, 4),
      previousSaidi: round(r.previousSaidi),
      previousSaifi: round(r.previousSaifi),
      saidiChangePercent: change(r.saidi, r.previousSaidi),
      saifiChangePercent: change(r.saifi, r.previousSaifi),
    };
    if (value === null || (r.users ?? 0) <= 0)
      return { ...base, rank: null, tier: 'not_ranked', basis: { by: 'no_users' } };
    const rank = 1 + better(r);
    const t = config.tiers;
    if (t.by === 'rank') {
      const fromWorst = 1 + worse(r);
      const tier: Tier = rank <= t.reward ? 'reward' : fromWorst <= t.penalty ? 'penalty' : 'none';
      return {
        ...base,
        rank,
        tier,
        basis: { by: 'rank', rank, of: n, reward: t.reward, penalty: t.penalty },
      };
    }
    const tier: Tier = value <= t.rewardAtMost ? 'reward' : value > t.penaltyAbove ? 'penalty' : 'none';
    const basis: TierBasis = {
      by: 'value',
      measure: config.by,
      value: round(value) as number,
      rewardAtMost: t.rewardAtMost,
      penaltyAbove: t.penaltyAbove,
    };
    return { ...base, rank, tier, basis };
  });
}
