// The breach log takes a full evaluation's breaches however many there are: 100 rows a statement
// once passed QuestDB's 64 KiB URL limit on the small demo, and the first evaluation at start
// failed (no flags in memory until the nightly run).

import { describe, expect, it } from 'vitest';
import { breachHistory, recordBreaches } from '../../analytics/flags/index.js';
import type { Flag } from '../../analytics/rules/index.js';
import { eventually } from '../support/questdb.js';
import { sharedStore } from '../support/store.js';

const P = `BL${Date.now().toString(36)}`;

describe('recordBreaches', () => {
  it('records 1,500 breaches with long event lists, each readable in the history', async () => {
    const store = await sharedStore();
    const flags: Flag[] = Array.from({ length: 1_500 }, (_, i) => ({
      assetId: `${P}-A${i}`,
      kind: 'area',
      rule: 'over-5-in-365d',
      ruleSet: 'national-2025',
      family: 'frequent_outage',
      status: 'breach',
      count: 6,
      limit: 5,
      windowStart: '2024-07-01',
      windowEnd: '2025-06-30',
      breachDate: i % 2 === 0 ? '2025-06-30' : '2025-05-01',
      eventIds: Array.from({ length: 6 }, (_, k) => `${P}-event-with-a-long-identifier-${i}-${k}`),
    }));
    // An at-risk flag is not a breach: not recorded.
    const atRisk: Flag = { ...flags[0]!, assetId: `${P}-R`, status: 'at_risk', breachDate: null };
    expect(await recordBreaches(store, [...flags, atRisk], Date.UTC(2025, 5, 30, 16))).toBe(1_500);
    const mine = async () => (await breachHistory(store)).filter((r) => r.assetId.startsWith(P));
    await eventually(async () => (await mine()).length === 1_500);
    const history = await mine();
    expect(history.find((r) => r.assetId === `${P}-A1`)).toEqual({
      assetId: `${P}-A1`,
      ruleSet: 'national-2025',
      rule: 'over-5-in-365d',
      firstBreach: '2025-05-01',
      lastBreach: '2025-05-01',
      breaches: 1,
    });
  }, 120_000);
});
