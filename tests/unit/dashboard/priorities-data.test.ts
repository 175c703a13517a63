// The priorities page's state functions (priorities-data.ts): the work list's query, the
// filters, the units offered, the assets' regions and names, a rule's title and the top rows.

import { describe, expect, it } from 'vitest';
import type { RuleSetInfo } from '../../../dashboard/web/context.js';
import {
  addListNames,
  assetNames,
  listParams,
  placesOf,
  responsibleUnits,
  ruleTitleIn,
  topIds,
  withPrioritiesFilter,
} from '../../../dashboard/web/views/priorities-data.js';
import type { PrioritiesAnswer, PriorityRow } from '../../../dashboard/web/views/priorities-table.js';

describe('listParams', () => {
  it('asks for 50 rows unless told, with the filters as they are', () => {
    expect(listParams({})).toEqual({
      ruleSet: undefined,
      region: undefined,
      unit: undefined,
      kind: undefined,
      cause: undefined,
      top: '50',
    });
    expect(listParams({ ruleSet: 'baoshan', region: '保山市', kind: 'area', top: '10' })).toEqual({
      ruleSet: 'baoshan',
      region: '保山市',
      unit: undefined,
      kind: 'area',
      cause: undefined,
      top: '10',
    });
  });
});

describe('withPrioritiesFilter', () => {
  const filters = { ruleSet: 'baoshan', unit: '隆阳供电所', kind: 'area' };

  it('sets or clears one filter, keeping the unit', () => {
    expect(withPrioritiesFilter(filters, 'kind', 'feeder')).toEqual({
      ruleSet: 'baoshan',
      unit: '隆阳供电所',
      kind: 'feeder',
    });
    expect(withPrioritiesFilter(filters, 'unit', '')).toEqual({ ruleSet: 'baoshan', kind: 'area' });
  });

  it('clears the unit when the rule set changes (another set’s cases, other units)', () => {
    expect(withPrioritiesFilter(filters, 'ruleSet', 'national')).toEqual({
      ruleSet: 'national',
      kind: 'area',
    });
    expect(filters).toEqual({ ruleSet: 'baoshan', unit: '隆阳供电所', kind: 'area' });
  });
});

describe('responsibleUnits', () => {
  it('offers each named unit once, in code-point order', () => {
    const cases = ['隆阳供电所', null, '', '昌宁供电所', '隆阳供电所', 'B所'].map((u) => ({
      responsibleUnit: u,
    }));
    expect(responsibleUnits(cases)).toEqual(['B所', '昌宁供电所', '隆阳供电所']);
  });
});

describe('the assets of GET /assets', () => {
  const assets = [
    { assetId: 'F1', name: '10kV松华线', code: 'PMS-1', province: '云南省', city: '保山市', county: null },
    { assetId: 2, name: null, code: null, province: null, city: null, county: '隆阳区' },
  ];

  it('gives each asset’s region', () => {
    expect(placesOf(assets)).toEqual([
      { province: '云南省', city: '保山市', county: null },
      { province: null, city: null, county: '隆阳区' },
    ]);
  });

  it('names each asset by id, and adds the work list’s missing names without a code, in place', () => {
    const names = assetNames(assets);
    expect([...names]).toEqual([
      ['F1', { name: '10kV松华线', code: 'PMS-1' }],
      ['2', { name: null, code: null }],
    ]);
    addListNames(names, [
      { assetId: 'F1', name: '别名' },
      { assetId: 'A9', name: '台区九' },
    ]);
    expect([...names]).toEqual([
      ['F1', { name: '10kV松华线', code: 'PMS-1' }],
      ['2', { name: null, code: null }],
      ['A9', { name: '台区九', code: null }],
    ]);
  });
});

describe('ruleTitleIn', () => {
  const sets: RuleSetInfo[] = [
    {
      name: 'baoshan',
      title: { zh: '保山', en: 'Baoshan' },
      default: true,
      rules: [
        { id: 'r1', family: 'frequent', title: { zh: '一年三次', en: 'Three a year' }, measure: 'count' },
      ],
    },
  ];

  it('titles a rule of the set in the language, or keeps its id', () => {
    expect(ruleTitleIn(sets, 'baoshan', 'r1', 'zh')).toBe('一年三次');
    expect(ruleTitleIn(sets, 'baoshan', 'r1', 'en')).toBe('Three a year');
    expect(ruleTitleIn(sets, 'baoshan', 'r2', 'zh')).toBe('r2');
    expect(ruleTitleIn(sets, 'national', 'r1', 'en')).toBe('r1');
  });
});

describe('topIds', () => {
  it('takes the first rows’ asset ids, none before the list has come', () => {
    const rows = ['F1', 'F2', 'F3'].map((assetId) => ({ assetId }) as PriorityRow);
    expect(topIds({ rows } as PrioritiesAnswer, 2)).toEqual(['F1', 'F2']);
    expect(topIds({ rows } as PrioritiesAnswer, 10)).toEqual(['F1', 'F2', 'F3']);
    expect(topIds(undefined, 10)).toEqual([]);
  });
});
