// The pure pieces around the SQL: reliability targets of the shipped rule sets turned into
// groups and targets, flags turned into standings (breach, at risk, watch), the watch rule
// set, remediable causes and id chunks.

import { describe, expect, it } from 'vitest';
import {
  allowedOf,
  assetGroup,
  conventionOf,
  groupInScope,
  groupLabel,
  isRemediable,
  loweredRuleSet,
  regionDims,
  regionLabel,
  standingsOf,
  targetDims,
  targetFor,
  variantOf,
} from '../../../analytics/priorities/index.js';
import { chunks } from '../../../analytics/priorities/sql/chunks.js';

import {
  type CompiledRuleSet,
  type Flag,
  formatFileIssues,
  loadRuleFile,
} from '../../../analytics/rules/index.js';
import { assessTarget } from '../../../analytics/reliability/index.js';

async function load(name: string): Promise<CompiledRuleSet> {
  const r = await loadRuleFile(`rules/${name}.json`);
  if (!r.ok) throw new Error(formatFileIssues(r.issues));
  return r.value;
}

const place = { province: '云南', city: '保山市', county: '隆阳区', areaClass: 'town' as const, park: null };

describe('Baoshan’s SAIDI target by area class', () => {
  it('groups by area class on the medium-voltage basis, with the hours of the class and 8 % reduction', async () => {
    const set = await load('baoshan-2021');
    const rule = set.targetRules[0];
    if (!rule) throw new Error('no target');
    expect(targetDims(rule)).toEqual(['areaClass']);
    expect(conventionOf(rule)).toBe('transformers');
    expect(variantOf(rule)).toBe('all');
    expect(targetFor(rule, { areaClass: 'town' })).toEqual({
      hours: 9,
      strict: false,
      orReductionFraction: 0.08,
    });
    expect(targetFor(rule, { areaClass: 'urban_core' })?.hours).toBe(2);
    expect(targetFor(rule, { areaClass: null })).toBeUndefined();
    // an area is in a group as well as a feeder: the kind of the scope is not applied
    expect(assetGroup(rule, ['areaClass'], place)).toEqual({ areaClass: 'town' });
    expect(groupLabel({ areaClass: 'town' }, ['areaClass'])).toBe('areaClass=town');
  });
});

describe('Kunming’s parks under 1 hour', () => {
  it('groups by park, strictly below 1 h, and leaves out assets in no park', async () => {
    const set = await load('kunming-parks-2023');
    const rule = set.targetRules[0];
    if (!rule) throw new Error('no target');
    expect(targetDims(rule)).toEqual(['park']);
    expect(targetFor(rule, { park: '经开区' })).toEqual({ hours: 1, strict: true });
    expect(groupInScope(rule, { park: '经开区' })).toBe(true);
    expect(groupInScope(rule, { park: null })).toBe(false);
    const kunming = { ...place, city: '昆明市', county: '官渡区' };
    expect(assetGroup(rule, ['park'], { ...kunming, park: '经开区' })).toEqual({ park: '经开区' });
    expect(assetGroup(rule, ['park'], kunming)).toBeNull();
    // The set governs Kunming: a park in Baoshan is not judged by it.
    expect(assetGroup(rule, ['park'], { ...place, park: '保山工贸园区' })).toBeNull();
    expect(groupLabel({}, [])).toBe('all');
  });
});

describe('allowedOf', () => {
  it('is the larger of the hours and the reduction allowance, pro-rated', () => {
    // town 9 h, half the year gone: 4.5 h; reduction: previous 12 h × 0.92 × 0.5 = 5.52 h → 5.52
    const a = assessTarget({
      target: { hours: 9, orReductionFraction: 0.08 },
      saidiHours: 6,
      previousSaidiHours: 12,
      elapsedFraction: 0.5,
    });
    expect(a.status).toBe('off_track');
    expect(allowedOf(a)).toBeCloseTo(5.52, 12);
    // without a previous year: the hours alone, 4.5
    expect(allowedOf(assessTarget({ target: { hours: 9 }, saidiHours: 6, elapsedFraction: 0.5 }))).toBe(4.5);
  });
});

describe('standingsOf', () => {
  const flag = (over: Partial<Flag>): Flag => ({
    assetId: 'F1',
    kind: 'feeder',
    rule: 'over-3-in-60d',
    ruleSet: 'national-2025',
    family: 'frequent_outage',
    status: 'breach',
    count: 4,
    limit: 3,
    windowStart: '2025-04-03',
    windowEnd: '2025-06-01',
    breachDate: '2025-06-01',
    eventIds: ['e1', 'e2', 'e3', 'e4'],
    ...over,
  });

  it('keeps the flags, and adds watch where only the lowered limit flags, with the real limit', () => {
    const limits = new Map([
      ['over-3-in-60d', 3],
      ['over-5-in-365d', 5],
    ]);
    const flags = [flag({})];
    const watch = [
      // F1 under the lowered 60-day rule: already flagged at the real limit, so not watch
      flag({ limit: 2, count: 4 }),
      // F1 has 4 in 365 days: at risk at the lowered limit 4 → watch of over-5-in-365d
      flag({ rule: 'over-5-in-365d', status: 'at_risk', limit: 4, count: 4, breachDate: null }),
      // F2 2 in 60 days: at risk at the lowered limit 2 → watch
      flag({ assetId: 'F2', status: 'at_risk', limit: 2, count: 2, breachDate: null }),
    ];
    const s = standingsOf(flags, watch, limits);
    expect(s.get('F1')?.map((x) => [x.rule, x.status, x.count, x.limit])).toEqual([
      ['over-3-in-60d', 'breach', 4, 3],
      ['over-5-in-365d', 'watch', 4, 5],
    ]);
    expect(s.get('F2')?.map((x) => [x.rule, x.status, x.count, x.limit, x.breachDate])).toEqual([
      ['over-3-in-60d', 'watch', 2, 3, null],
    ]);
  });
});

describe('loweredRuleSet', () => {
  it('lowers every count limit by one and leaves out limits of 1', async () => {
    const set = await load('national-2025');
    const lowered = loweredRuleSet(set);
    expect(lowered.countRules.map((r) => [r.id, r.limit])).toEqual([
      ['over-5-in-365d', 4],
      ['over-3-in-60d', 2],
    ]);
    expect(set.countRules.map((r) => r.limit)).toEqual([5, 3]);
    const one = loweredRuleSet({ ...set, countRules: set.countRules.map((r) => ({ ...r, limit: 1 })) });
    expect(one.countRules).toEqual([]);
  });
});

describe('isRemediable', () => {
  it('takes unplanned equipment, weather and unknown faults; not planned work, external damage or disasters', () => {
    expect(isRemediable({ cause: 'equipment_fault', planned: false })).toBe(true);
    expect(isRemediable({ cause: 'weather_fault', planned: false })).toBe(true);
    expect(isRemediable({ cause: 'unknown', planned: false })).toBe(true);
    expect(isRemediable({ cause: 'equipment_fault', planned: true })).toBe(false);
    expect(isRemediable({ cause: 'planned_maintenance', planned: true })).toBe(false);
    expect(isRemediable({ cause: 'external_damage', planned: false })).toBe(false);
    expect(isRemediable({ cause: 'natural_disaster', planned: false })).toBe(false);
    expect(isRemediable({ cause: 'customer_side', planned: false })).toBe(false);
    expect(isRemediable({ cause: 'natural_disaster', planned: false }, ['natural_disaster'])).toBe(true);
  });
});

describe('regions and chunks', () => {
  it('names a region by its path, so equal county names in two cities stay apart', () => {
    expect(regionDims('county')).toEqual(['province', 'city', 'county']);
    expect(regionDims('city')).toEqual(['province', 'city']);
    expect(regionLabel({ province: '云南', city: '保山市', county: '隆阳区' }, 'county')).toBe(
      '云南/保山市/隆阳区',
    );
    expect(regionLabel({ province: '云南', city: null, county: null }, 'city')).toBe('云南/-');
  });

  it('cuts id lists by their inlined length', () => {
    // each id costs its length + 4: 'abcdef' 10, so 3 fit in 30 characters
    expect(chunks(['abcdef', 'abcdef', 'abcdef', 'abcdef'], 30)).toEqual([
      ['abcdef', 'abcdef', 'abcdef'],
      ['abcdef'],
    ]);
    expect(chunks([], 30)).toEqual([]);
    expect(chunks(['a-very-long-id'], 5)).toEqual([['a-very-long-id']]);
  });
});
