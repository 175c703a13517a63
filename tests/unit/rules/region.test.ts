// A rule set governs a region (issue 18, domain.md "Jurisdictions"): an asset outside it is not
// judged by the set, whatever its outages; a rule may narrow the region, never leave it.

import { describe, expect, it } from 'vitest';
import { parseRuleSet } from '../../../analytics/rules/index.js';
import { explanationOf, feeder, flagsOf, oneRuleInput, outage, reasons, shipped } from './fixtures.js';

const baoshan = shipped('baoshan-2021');
const national = shipped('national-2025');

const set = (region: unknown, scope: Record<string, unknown> = { kind: ['feeder'] }) =>
  oneRuleInput('calendar year', 24, {}, scope, { region });

describe('a rule set region', () => {
  it("judges a Baoshan feeder by Baoshan's and the national rules, a Kunming feeder by the national rules only", () => {
    const inBaoshan = feeder('B1', { city: '保山市', county: '隆阳区' });
    const inKunming = feeder('K1', { city: '昆明市', county: '五华区' });
    // 25 outages each in 2025, four a month from January: Baoshan's "25 or more in a calendar
    // year" and the national "more than 5 in 365 days" both breach.
    const events = ['B1', 'K1'].flatMap((f) =>
      Array.from({ length: 25 }, (_, i) =>
        outage(
          `${f}-${i}`,
          f,
          `2025-${String(1 + Math.floor(i / 4)).padStart(2, '0')}-${String(1 + (i % 4) * 7).padStart(2, '0')} 10:00`,
          60,
        ),
      ),
    );
    const given = { assets: [inBaoshan, inKunming], events, asOf: '2025-12-31 23:00' };
    const breached = (ruleSet: typeof national) =>
      flagsOf({ ...given, ruleSet })
        .filter((f) => f.status === 'breach')
        .map((f) => `${f.assetId} ${f.rule}`)
        .sort();
    // (the 25 equipment faults fall within 1 January – 1 July, 182 days: also 15 or more fault
    // outages in 183 days)
    expect(breached(baoshan)).toEqual(['B1 25-or-more-a-year', 'B1 fault-15-in-183d']);
    expect(breached(national)).toEqual([
      'B1 over-3-in-60d',
      'B1 over-5-in-365d',
      'K1 over-3-in-60d',
      'K1 over-5-in-365d',
    ]);
    // The Kunming feeder's outages are not Baoshan's business at all.
    const e = explanationOf({ ...given, ruleSet: baoshan }, 'K1', '25-or-more-a-year');
    expect(e.inScope).toBe(false);
    expect(Object.keys(reasons(e))).toHaveLength(25);
  });

  it('joins the region to every rule scope, which may narrow it', () => {
    const r = parseRuleSet(set({ city: ['保山市'] }, { kind: ['feeder'], county: ['隆阳区'] }));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.region).toEqual({ city: ['保山市'] });
    expect(r.value.rules[0]?.scope).toEqual({ kind: ['feeder'], city: ['保山市'], county: ['隆阳区'] });
  });

  it('refuses a rule that reaches outside the region, and an empty region', () => {
    const outside = parseRuleSet(set({ city: ['保山市'] }, { kind: ['feeder'], city: ['保山市', '昆明市'] }));
    expect(outside.ok ? [] : outside.issues).toEqual([
      { path: 'rules[0].scope.city', message: `"昆明市" outside the rule set's region (city: "保山市")` },
    ]);
    const empty = parseRuleSet(set({}));
    expect(empty.ok ? [] : empty.issues).toEqual([
      { path: 'region', message: 'expected at least one of province, city, county or park' },
    ]);
  });
});
