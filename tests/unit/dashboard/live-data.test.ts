// The live view's state functions (live-data.ts): what the key figures, the customers out by
// city and the ongoing list show of GET /outages/active and GET /assets, computed by hand.

import { describe, expect, it } from 'vitest';
import type { ActiveOutage } from '../../../core/vocabulary/index.js';
import {
  type ActiveAnswer,
  choiceValues,
  filterOngoing,
  isNew,
  liveCounts,
  NO_LIST_FILTER,
  outByCity,
  placesOf,
  regionOf,
  servedByCity,
  shareOut,
} from '../../../dashboard/web/views/live-data.js';

const outage = (eventId: string, o: Partial<ActiveOutage> = {}): ActiveOutage => ({
  eventId,
  assetId: `A-${eventId}`,
  assetName: null,
  kind: 'area',
  province: '云南省',
  city: '保山市',
  county: '隆阳区',
  start: '2026-03-01T08:00:00+08:00',
  minutesSoFar: 120,
  customersOut: 10,
  cause: 'equipment_fault',
  planned: false,
  estimatedRestoration: null,
  ...o,
});

const asOf = Date.parse('2026-03-01T10:00:00Z');

describe('servedByCity', () => {
  it('adds up the transformer areas’ customers per city, a city-less area under —', () => {
    const served = servedByCity([
      { kind: 'area', city: '保山市', customers: 100 },
      { kind: 'area', city: '保山市', customers: 50 },
      { kind: 'feeder', city: '保山市', customers: 999 },
      { kind: 'area', city: null, customers: 7 },
      { kind: 'area', city: '昌宁县', customers: null },
    ]);
    expect([...served]).toEqual([
      ['保山市', 150],
      ['—', 7],
      ['昌宁县', 0],
    ]);
  });
});

describe('placesOf', () => {
  it('keeps the assets with both a longitude and a latitude, numbers read from text too', () => {
    const places = placesOf([
      { assetId: 'F1', lon: 99.1, lat: 25.1 },
      { assetId: 'F2', lon: null, lat: 25 },
      { assetId: 'A3', lon: '99.5', lat: '25.5' },
      { assetId: 7, lon: 98, lat: 24 },
    ]);
    expect([...places]).toEqual([
      ['F1', [99.1, 25.1]],
      ['A3', [99.5, 25.5]],
      ['7', [98, 24]],
    ]);
  });
});

describe('liveCounts', () => {
  it('counts the ongoing, planned, unplanned and those past their estimate (strictly before asOf)', () => {
    const data: ActiveAnswer = {
      asOf,
      customersOut: 195,
      rows: [
        outage('1', { customersOut: 120, estimatedRestoration: '2026-03-01T09:00:00Z' }),
        outage('2', { customersOut: 30, planned: true }),
        outage('3', { customersOut: 45, estimatedRestoration: '2026-03-01T19:00:00+08:00' }),
        outage('4', { customersOut: 0, estimatedRestoration: '2026-03-01T10:00:00Z' }),
      ],
    };
    expect(liveCounts(data)).toEqual({
      customersOut: 195,
      ongoing: 4,
      planned: 1,
      unplanned: 3,
      etrPassed: 1,
    });
    expect(liveCounts({ asOf, customersOut: 0, rows: [] })).toEqual({
      customersOut: 0,
      ongoing: 0,
      planned: 0,
      unplanned: 0,
      etrPassed: 0,
    });
  });
});

describe('isNew', () => {
  it('marks an outage begun less than 15 minutes ago', () => {
    expect(isNew(outage('1', { minutesSoFar: 14 }))).toBe(true);
    expect(isNew(outage('1', { minutesSoFar: 15 }))).toBe(false);
  });
});

describe('regionOf', () => {
  it('joins the city and the county that are known, — for neither', () => {
    expect(regionOf({ city: '保山市', county: '隆阳区' })).toBe('保山市 隆阳区');
    expect(regionOf({ city: null, county: '隆阳区' })).toBe('隆阳区');
    expect(regionOf({ city: null, county: null })).toBe('—');
  });

  it('lets the list pick the outages of no known region apart from all of them', () => {
    const rows = [
      outage('1', { city: '保山市', county: '隆阳区' }),
      outage('2', { city: null, county: null }),
    ];
    expect(filterOngoing(rows, { ...NO_LIST_FILTER, region: '—' }).map((r) => r.eventId)).toEqual(['2']);
    expect(filterOngoing(rows, NO_LIST_FILTER).map((r) => r.eventId)).toEqual(['1', '2']);
  });
});

describe('outByCity and shareOut', () => {
  it('adds customers out per city, most first, a city-less outage under —', () => {
    const rows = [
      outage('1', { city: '保山市', customersOut: 120 }),
      outage('2', { city: null, customersOut: 30 }),
      outage('3', { city: '昌宁县', customersOut: 45 }),
      outage('4', { city: '保山市', customersOut: 10 }),
    ];
    expect(outByCity(rows)).toEqual([
      ['保山市', 130],
      ['昌宁县', 45],
      ['—', 30],
    ]);
  });

  it('keeps the order the cities first came in on a tie', () => {
    const rows = [outage('1', { city: '乙', customersOut: 5 }), outage('2', { city: '甲', customersOut: 5 })];
    expect(outByCity(rows)).toEqual([
      ['乙', 5],
      ['甲', 5],
    ]);
    expect(outByCity([])).toEqual([]);
  });

  it('divides by the customers served, none when those are unknown or zero', () => {
    const served = new Map([
      ['保山市', 1000],
      ['施甸县', 0],
    ]);
    expect(shareOut(served, ['保山市', 130])).toBe(0.13);
    expect(shareOut(served, ['昌宁县', 45])).toBeNull();
    expect(shareOut(served, ['施甸县', 5])).toBeNull();
  });
});

describe('filterOngoing and choiceValues', () => {
  const rows = [
    outage('1', { city: '保山市', county: '隆阳区', cause: 'weather', planned: false }),
    outage('2', { city: '保山市', county: '隆阳区', cause: 'maintenance', planned: true }),
    outage('3', { city: '保山市', county: '施甸县', cause: 'weather', planned: true }),
    outage('4', { city: null, county: null, cause: 'weather', planned: false }),
  ];
  const ids = (f: typeof NO_LIST_FILTER) => filterOngoing(rows, f).map((r) => r.eventId);

  it('keeps every outage without a filter', () => {
    expect(ids(NO_LIST_FILTER)).toEqual(['1', '2', '3', '4']);
  });

  it('keeps those of the region, the cause and the nature chosen, all three at once', () => {
    expect(ids({ ...NO_LIST_FILTER, region: '保山市 隆阳区' })).toEqual(['1', '2']);
    expect(ids({ ...NO_LIST_FILTER, cause: 'weather' })).toEqual(['1', '3', '4']);
    expect(ids({ ...NO_LIST_FILTER, nature: 'planned' })).toEqual(['2', '3']);
    expect(ids({ ...NO_LIST_FILTER, nature: 'unplanned' })).toEqual(['1', '4']);
    expect(ids({ region: '保山市 隆阳区', cause: 'weather', nature: 'unplanned' })).toEqual(['1']);
    expect(ids({ region: '', cause: 'maintenance', nature: 'unplanned' })).toEqual([]);
  });

  it('offers each value once, in Chinese collation (pinyin) order', () => {
    expect(choiceValues(['隆阳区', '保山市', '昌宁县', '保山市'])).toEqual(['保山市', '昌宁县', '隆阳区']);
    expect(choiceValues(['b', '', 'a', 'b'])).toEqual(['', 'a', 'b']);
  });
});
