// The regional ranking's order, ranks and reward/penalty tiers, by hand.

import { describe, expect, it } from 'vitest';
import { type RegionFigures, rankAndTier, tierBasisText } from '../../../analytics/reports/index.js';

const region = (
  name: string,
  saidi: number | null,
  saifi: number | null,
  extra: Partial<RegionFigures> = {},
) => ({
  region: name,
  users: saidi === null ? 0 : 100,
  saidi,
  saifi,
  previousSaidi: null,
  previousSaifi: null,
  ...extra,
});
const byRank = { by: 'saidi_hours' as const, tiers: { by: 'rank' as const, reward: 1, penalty: 1 } };

describe('regional ranking with reward and penalty tiers', () => {
  it('ranks by SAIDI, SAIFI breaking a tie; rewards the best and penalises the worst', () => {
    const rows = rankAndTier(
      2025,
      [
        region('贵阳市', 2, 1, { previousSaidi: 2.5, previousSaifi: 1 }),
        region('遵义市', 3.5, 0.5),
        region('贵安新区', 2, 0.8),
      ],
      byRank,
      8760,
    );
    expect(rows.map((r) => [r.region, r.rank, r.tier])).toEqual([
      ['贵安新区', 1, 'reward'],
      ['贵阳市', 2, 'none'],
      ['遵义市', 3, 'penalty'],
    ]);
    // RS-1: 1 − 2 / 8760 h = 99.97717…%; SAIDI 2.5 → 2: −20 %, SAIFI unchanged
    expect(rows[1]).toMatchObject({ rs1Percent: 99.9772, saidiChangePercent: -20, saifiChangePercent: 0 });
    expect(rows[0]?.basis).toEqual({ by: 'rank', rank: 1, of: 3, reward: 1, penalty: 1 });
    expect(tierBasisText(rows[2]!.basis, 'zh')).toBe('第3名/共3个（前1名奖励，后1名处罚）');
    expect(tierBasisText(rows[2]!.basis, 'en')).toBe('rank 3 of 3 (best 1 rewarded, worst 1 penalised)');
  });

  it('lets a tie share the rank and the tier; a region without users is not ranked, last', () => {
    const rows = rankAndTier(
      2025,
      [region('A', 1, 1), region('B', 1, 1), region('C', 4, 2), region('D', null, null)],
      byRank,
      8760,
    );
    expect(rows.map((r) => [r.region, r.rank, r.tier])).toEqual([
      ['A', 1, 'reward'],
      ['B', 1, 'reward'],
      ['C', 3, 'penalty'],
      ['D', null, 'not_ranked'],
    ]);
  });

  it('tiers by value against the rule file: at most rewardAtMost rewarded, above penaltyAbove penalised', () => {
    const rows = rankAndTier(
      2025,
      [region('A', 2, 1), region('B', 3, 1), region('C', 3.0001, 1), region('D', 2.5, 1)],
      { by: 'saidi_hours', tiers: { by: 'value', rewardAtMost: 2, penaltyAbove: 3 } },
      8760,
    );
    expect(rows.map((r) => [r.region, r.rank, r.tier])).toEqual([
      ['A', 1, 'reward'],
      ['D', 2, 'none'],
      ['B', 3, 'none'],
      ['C', 4, 'penalty'],
    ]);
    expect(tierBasisText(rows[3]!.basis, 'zh')).toBe('户均停电时间 3.0001小时（≤2小时奖励，>3小时处罚）');
  });

  it('ranks by SAIFI when the rule file says so', () => {
    const rows = rankAndTier(2025, [region('A', 1, 3), region('B', 5, 1)], { ...byRank, by: 'saifi' }, 8760);
    expect(rows.map((r) => [r.region, r.tier])).toEqual([
      ['B', 'reward'],
      ['A', 'penalty'],
    ]);
  });
});
