// The views' state functions (load → state → draw): what the hotspots page, an asset's page and
// the reliability page show from the API's answers and the planner's choices, computed by hand.

import { afterEach, describe, expect, it } from 'vitest';
import type { RuleInfo, RuleSetInfo } from '../../../dashboard/web/context.js';
import { createFormat } from '../../../dashboard/web/format.js';
import { setLang, t } from '../../../dashboard/web/i18n.js';
import {
  assetFacts,
  notCountedReasons,
  notCountedText,
  type RuleExplanations,
  shortRule,
  timelinePanels,
} from '../../../dashboard/web/views/asset-data.js';
import type { ExplainedOutage, Explanation } from '../../../dashboard/web/views/asset-rules.js';
import { readFilters, withFilter } from '../../../dashboard/web/views/filters.js';
import {
  countRulesOf,
  FILTER_KEYS,
  type Flag,
  flagCounts,
  flagsByAsset,
  type Hotspot,
  latestBreachDate,
  mapFrameKey,
  outageRanks,
  regionChoices,
  shownFlags,
  withHotspotFilter,
} from '../../../dashboard/web/views/hotspots-data.js';
import {
  causeRegions,
  choiceParams,
  conventionOfBasis,
  periodOf,
  readChoices,
  regionsShown,
  toggleRegion,
  yearFraction,
} from '../../../dashboard/web/views/reliability-data.js';

afterEach(() => setLang('zh'));

const flag = (
  assetId: string,
  rule: string,
  status: Flag['status'],
  breachDate: string | null = null,
): Flag => ({
  assetId,
  kind: 'feeder',
  rule,
  status,
  count: status === 'breach' ? 4 : 3,
  limit: 3,
  windowStart: '2026-01-01',
  windowEnd: '2026-03-01',
  breachDate,
  eventIds: [],
});

const spot = (assetId: string, city: string | null, county: string | null, outages365: number): Hotspot => ({
  assetId,
  kind: 'feeder',
  name: null,
  feederId: null,
  city,
  county,
  areaClass: 'urban',
  customers: 100,
  lat: 25,
  lon: 102,
  outages365,
  outages60: 0,
  unplanned365: 0,
  hours365: 0,
  lastOutage: null,
});

describe('hotspots state', () => {
  const flags = [
    flag('A', 'r60', 'breach', '2026-02-10'),
    flag('B', 'r60', 'at_risk'),
    flag('A', 'r365', 'breach', '2025-11-03'),
    flag('C', 'r365', 'at_risk'),
  ];

  it('reads the filters of the address in the page’s order, empty values left out', () => {
    const params = new URLSearchParams('top=50&city=昆明市&county=&rule=r60&junk=1');
    expect(readFilters(params, FILTER_KEYS)).toEqual({ city: '昆明市', rule: 'r60', top: '50' });
    expect(Object.keys(readFilters(params, FILTER_KEYS))).toEqual(['city', 'rule', 'top']);
  });

  it('sets a filter last, clears one for no value, and a new city clears the county', () => {
    expect(withFilter<'city' | 'kind'>({ city: 'a', kind: 'feeder' }, 'kind', undefined)).toEqual({
      city: 'a',
    });
    expect(Object.keys(withFilter<'city' | 'kind'>({ kind: 'area' }, 'city', 'b'))).toEqual(['kind', 'city']);
    expect(withHotspotFilter({ city: 'a', county: 'x', top: '10' }, 'city', 'b')).toEqual({
      city: 'b',
      top: '10',
    });
    expect(withHotspotFilter({ city: 'a', county: 'x' }, 'rule', 'r60')).toEqual({
      city: 'a',
      county: 'x',
      rule: 'r60',
    });
  });

  it('groups the flags by asset and counts the headline', () => {
    const byAsset = flagsByAsset(flags);
    expect([...byAsset.keys()]).toEqual(['A', 'B', 'C']);
    expect(byAsset.get('A')?.map((f) => f.rule)).toEqual(['r60', 'r365']);
    // two breach flags on one asset: 2 flags, 1 asset; at risk: B and C
    expect(flagCounts(flags)).toEqual({ breach: 2, atRisk: 2, breachAssets: 1 });
  });

  it('shows the flags of the chosen rule and the latest breach date among them', () => {
    const a = flagsByAsset(flags).get('A');
    expect(shownFlags(a, 'r365').map((f) => f.breachDate)).toEqual(['2025-11-03']);
    expect(latestBreachDate(shownFlags(a, undefined))).toBe('2026-02-10');
    expect(latestBreachDate(shownFlags(flagsByAsset(flags).get('B'), undefined))).toBeUndefined();
    expect(shownFlags(undefined, 'r60')).toEqual([]);
  });

  it('offers the cities, and the counties of the chosen city, sorted in Chinese order', () => {
    const rows = [
      spot('1', '昆明市', '五华区', 1),
      spot('2', '保山市', '隆阳区', 1),
      spot('3', '昆明市', '盘龙区', 1),
      spot('4', null, null, 1),
      spot('5', '昆明市', '五华区', 1),
    ];
    // pinyin order: baoshan < kunming; panlong < wuhua
    expect(regionChoices(rows, undefined)).toEqual({
      cities: ['保山市', '昆明市'],
      counties: ['隆阳区', '盘龙区', '五华区'],
    });
    expect(regionChoices(rows, '昆明市').counties).toEqual(['盘龙区', '五华区']);
  });

  it('ranks by outages in the last year; equal counts share a rank, and the next skips ahead', () => {
    const ranks = outageRanks([
      spot('b', null, null, 5),
      spot('c', null, null, 9),
      spot('a', null, null, 5),
      spot('d', null, null, 2),
    ]);
    expect([...ranks]).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', 2],
      ['d', 4],
    ]);
  });

  it('keys the map’s frame by width, city and county only', () => {
    expect(mapFrameKey(560, { city: '昆明市', rule: 'r60', top: '10' })).toBe('560|昆明市|');
    expect(mapFrameKey(700, {})).toBe('700||');
  });

  it('takes the count rules of the rule set the flags were taken under', () => {
    const rule = (id: string, measure: string): RuleInfo => ({
      id,
      family: 'f',
      title: { zh: id, en: id },
      measure,
    });
    const sets: RuleSetInfo[] = [
      {
        name: 'a',
        title: { zh: 'a', en: 'a' },
        default: true,
        rules: [rule('x', 'count'), rule('y', 'saidi')],
      },
      { name: 'b', title: { zh: 'b', en: 'b' }, default: false, rules: [rule('z', 'count')] },
    ];
    expect(countRulesOf(sets, 'a').map((r) => r.id)).toEqual(['x']);
    expect(countRulesOf(sets, 'missing')).toEqual([]);
  });
});

const outage = (eventId: string, date: string, counted: boolean, reason?: string): ExplainedOutage => ({
  eventId,
  start: 0,
  end: 60_000,
  cause: 'lightning',
  date,
  counted,
  ...(reason === undefined ? {} : { reason }),
});

const explanation = (outages: ExplainedOutage[]): Explanation => ({
  assetId: 'F1',
  kind: 'feeder',
  rule: 'r',
  inScope: true,
  flag: null,
  from: '2025-03-01',
  to: '2026-02-28',
  outages,
});

const countRule = (id: string, window: string, limit?: number): RuleInfo => ({
  id,
  family: 'frequent',
  title: { zh: `规则${id}`, en: `Rule ${id}` },
  measure: 'count',
  window,
  ...(limit === undefined ? {} : { limit }),
});

describe('asset state', () => {
  it('lists an asset’s facts in order, leaving out what it does not have', () => {
    const fmt = createFormat('Asia/Shanghai', 'zh');
    const facts = assetFacts(
      {
        assetId: 'A1',
        kind: 'area',
        feederId: 'F9',
        code: '',
        substation: null,
        province: '云南省',
        city: '昆明市',
        county: null,
        areaClass: 'urban',
        customers: 12_345,
        transformers: Number.NaN,
        park: '呈贡园区',
      },
      fmt,
    );
    expect(facts.map(([label]) => label)).toEqual([
      t('assetId'),
      t('kind'),
      t('feeder'),
      t('region'),
      t('areaClass'),
      t('figCustomersServed'),
      t('park'),
    ]);
    expect(facts[2]?.[1]).toEqual({ assetId: 'F9' });
    expect(facts[3]?.[1]).toBe('云南省 昆明市');
    expect(facts[5]?.[1]).toBe('12,345');
  });

  it('draws a panel per rolling rule with each counted outage once, now and a year ago together', () => {
    const rolling: RuleExplanations = {
      rule: countRule('r60', '60 days', 3),
      now: explanation([outage('e2', '2026-01-05', true), outage('e3', '2026-02-01', false, 'planned')]),
      before: explanation([outage('e1', '2025-02-20', true), outage('e2', '2026-01-05', true)]),
    };
    const calendar: RuleExplanations = { ...rolling, rule: countRule('ry', 'calendar year', 10) };
    const noLimit: RuleExplanations = { ...rolling, rule: countRule('rn', '30 days') };
    const panels = timelinePanels([rolling, calendar, noLimit]);
    expect(panels).toEqual([
      {
        label: `规则r60 · ${t('windowCount', { days: 60 })}`,
        limit: 3,
        windowDays: 60,
        counted: ['2025-02-20', '2026-01-05'],
      },
    ]);
  });

  it('says why the rules in scope did not count an outage, in the rules’ order', () => {
    const a: RuleExplanations = {
      rule: countRule('a', '60 days', 3),
      now: explanation([outage('e1', '2026-01-05', false, 'external_damage')]),
      before: explanation([]),
    };
    const b: RuleExplanations = {
      rule: countRule('b', '365 days', 6),
      now: explanation([outage('e1', '2026-01-05', true)]),
      before: explanation([]),
    };
    expect(notCountedReasons([a, b], outage('e1', '2026-01-05', false))).toEqual(['外力破坏（不计入）']);
    expect(notCountedReasons([b], outage('e1', '2026-01-05', false))).toEqual([]);
    expect(notCountedReasons([a], outage('e9', '2026-01-05', false))).toEqual([]);
  });

  it('names a rule by its window and limit, in either language', () => {
    expect(shortRule(countRule('r', '60 days', 3))).toBe('60天>3次');
    expect(shortRule(countRule('r', 'calendar year', 25))).toBe('规则r');
    setLang('en');
    expect(shortRule(countRule('r', '365 days', 6))).toBe('>6 in 365 d');
  });
});

describe('reliability state', () => {
  it('reads the choices, unknown values falling back to the defaults', () => {
    const { choices, causes } = readChoices(
      new URLSearchParams(
        'variant=nope&med=1&period=2025&causeBy=events&causeView=x&causeRegions=昆明市,,保山市',
      ),
    );
    expect(choices).toEqual({ variant: 'all', med: true, choice: '2025' });
    expect(causes).toEqual({ measure: 'events', view: 'cause', regions: ['昆明市', '保山市'] });
  });

  it('writes the choices back, defaults left out', () => {
    expect(
      choiceParams(
        { variant: 'fault', med: false, choice: 'ytd' },
        { measure: 'customerHours', view: 'responsibility', regions: [] },
      ),
    ).toEqual({
      period: 'ytd',
      variant: 'fault',
      med: undefined,
      causeBy: undefined,
      causeView: 'responsibility',
      causeRegions: undefined,
    });
  });

  it('names the period: this year to date, a chosen year, or the last complete one', () => {
    const now = new Date('2026-05-04T03:00:00Z');
    expect(periodOf('ytd', 2025, now)).toEqual({
      year: 2026,
      from: '2026-01-01',
      to: '2026-05-04T03:00:00.000Z',
      ytd: true,
    });
    expect(periodOf('2024', 2025, now)).toEqual({
      year: 2024,
      from: '2024-01-01',
      to: '2025-01-01',
      ytd: false,
    });
    expect(periodOf('', 2025, now).year).toBe(2025);
  });

  it('counts a medium-voltage basis in transformers, anything else in customers', () => {
    expect(conventionOfBasis('medium_voltage')).toBe('transformers');
    expect(conventionOfBasis('low_voltage')).toBe('customers');
    expect(conventionOfBasis(undefined)).toBe('customers');
  });

  it('gives the elapsed share of a year, within 0 and 1', () => {
    // 2026 has 365 days; noon on 1 July UTC is 181.5 days in
    expect(yearFraction(2026, Date.UTC(2026, 6, 1, 12))).toBeCloseTo(181.5 / 365, 10);
    expect(yearFraction(2026, Date.UTC(2025, 11, 31))).toBe(0);
    expect(yearFraction(2025, Date.UTC(2026, 1, 1))).toBe(1);
  });

  it('keeps the chosen cities the rows have (else the first), and toggles one in the rows’ order', () => {
    const rows = [{ city: '昆明市' }, { city: null }, { city: '保山市' }, { city: '昆明市' }];
    const regions = causeRegions(rows as unknown as Parameters<typeof causeRegions>[0]);
    expect(regions).toEqual(['昆明市', '', '保山市']);
    expect(regionsShown(regions, ['保山市', '大理市'])).toEqual(['保山市']);
    expect(regionsShown(regions, ['大理市'])).toEqual(['昆明市']);
    expect(regionsShown([], ['大理市'])).toEqual([]);
    expect(toggleRegion(regions, ['保山市'], '昆明市', true)).toEqual(['昆明市', '保山市']);
    expect(toggleRegion(regions, ['昆明市', '保山市'], '昆明市', false)).toEqual(['保山市']);
  });
});

describe('why an outage is not counted', () => {
  it('says "not counted" once: not again when the reason’s words say it', () => {
    expect(notCountedText('external_damage')).toBe('外力破坏（不计入）');
    expect(notCountedText('merged_with:E7')).toBe('不计入：与 E7 重叠，合并计一次');
    setLang('en');
    expect(notCountedText('cause_not_counted')).toBe('Cause not counted by this rule');
    expect(notCountedText('below_min_duration')).toBe(
      'Not counted: Shorter than the rule’s minimum duration',
    );
  });
});
