// The dashboard's pure parts: rolling window counts from local dates, the density grid,
// server-sent event frames, hash routes, table sorting, hotspot filters, formatting in the
// operating zone and the completeness of both languages' string tables.

import { describe, expect, it } from 'vitest';
import { parseFrame, query } from '../../../dashboard/web/api.js';
import {
  densityGrid,
  densityPixels,
  monthStarts,
  windowSegments,
} from '../../../dashboard/web/charts/index.js';
import { windowDays } from '../../../dashboard/web/context.js';
import { createFormat } from '../../../dashboard/web/format.js';
import { reasonLabel, t, tables } from '../../../dashboard/web/i18n.js';
import { href, parseRoute } from '../../../dashboard/web/router.js';
import { type Column, sortRows } from '../../../dashboard/web/table.js';
import { applyFilters, type Flag, type Hotspot, worstStatus } from '../../../dashboard/web/views/hotspots.js';

describe('windowSegments', () => {
  it('counts the dates inside each rolling window ending in [from, to]', () => {
    // 60-day windows: 2025-12-20 stays until 2026-02-17 inclusive.
    const s = windowSegments(
      ['2025-12-20', '2026-01-10', '2026-01-10', '2026-02-01'],
      '2026-01-01',
      '2026-03-31',
      60,
    );
    const day = (d: string) =>
      Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8))) / 86_400_000;
    expect(s).toEqual([
      { from: day('2026-01-01'), to: day('2026-01-10'), count: 1 },
      { from: day('2026-01-10'), to: day('2026-02-01'), count: 3 },
      { from: day('2026-02-01'), to: day('2026-02-18'), count: 4 },
      { from: day('2026-02-18'), to: day('2026-03-11'), count: 3 },
      { from: day('2026-03-11'), to: day('2026-04-01'), count: 1 },
    ]);
  });

  it('is one zero segment without dates', () => {
    expect(windowSegments([], '2026-01-01', '2026-01-31', 365)).toEqual([
      { from: 20454, to: 20485, count: 0 },
    ]);
  });
});

describe('monthStarts', () => {
  it('lists the first days of the months that start in the range, across a year end', () => {
    expect(monthStarts('2025-11-24', '2026-02-01')).toEqual(['2025-12-01', '2026-01-01', '2026-02-01']);
    expect(monthStarts('2026-03-01', '2026-03-31')).toEqual(['2026-03-01']);
  });
});

describe('densityGrid', () => {
  it('bins weighted points into cells and smooths with a 3×3 kernel', () => {
    const g = densityGrid(Float64Array.from([1, 1, 4, 11, 1, 2, -5, 0, 9, 3, 3, 0]), 18, 6, 6);
    expect([g.cols, g.rows]).toEqual([3, 1]);
    // raw cells [4, 2, 0]; centre weight 4/16, neighbour 2/16 (the kernel's other rows fall outside)
    expect(Array.from(g.values)).toEqual([1.25, 1, 0.25]);
    expect(g.max).toBe(1.25);
    // colour scale top: the 98th percentile of non-empty cells
    expect(g.ref).toBe(1);
    const px = densityPixels(g);
    expect(px.length).toBe(12);
    expect(px[3]).toBe(229); // densest cell: alpha (0.3 + 0.6) × 255, rounded down by float error
  });
});

describe('parseFrame', () => {
  it('reads an ingest event and skips comments', () => {
    expect(parseFrame(': heartbeat')).toEqual({});
    expect(parseFrame('retry: 3000')).toEqual({ retry: 3000 });
    expect(parseFrame('event: ingest\ndata: {"type":"ingest","kind":"outages","count":1}')).toEqual({
      event: 'ingest',
      data: '{"type":"ingest","kind":"outages","count":1}',
    });
  });
});

describe('routes', () => {
  it('parses views, asset ids and filters from the hash', () => {
    expect(parseRoute('')).toEqual({ name: 'live', params: new URLSearchParams() });
    const r = parseRoute('#/asset/ta%2F1?x=1');
    expect(r.name).toBe('asset');
    expect(r.id).toBe('ta/1');
    expect(parseRoute('#/hotspots?city=%E6%98%86%E6%98%8E%E5%B8%82').params.get('city')).toBe('昆明市');
    expect(parseRoute('#/nowhere').name).toBe('live');
  });

  it('builds links that parse back', () => {
    const link = href('hotspots', undefined, { city: '昆明市', cause: undefined });
    expect(parseRoute(link).params.get('city')).toBe('昆明市');
    expect(href('asset', 'fd-1')).toBe('#/asset/fd-1');
  });

  it('drops empty query parameters', () => {
    expect(query({ a: 1, b: '', c: undefined, d: null, e: false })).toBe('?a=1&e=false');
  });
});

describe('sortRows', () => {
  const columns: Column<{ n: number | null; s: string }>[] = [
    { key: 'n', label: 'n', value: (r) => r.n, numeric: true },
    { key: 's', label: 's', value: (r) => r.s },
  ];
  const rows = [
    { n: 2, s: 'b' },
    { n: null, s: 'a' },
    { n: 10, s: 'c' },
    { n: 2, s: 'd' },
  ];
  it('sorts numbers numerically, keeps ties in order and puts missing values last', () => {
    expect(sortRows(rows, columns, { key: 'n', dir: 'descending' }).map((r) => r.s)).toEqual([
      'c',
      'b',
      'd',
      'a',
    ]);
    expect(sortRows(rows, columns, { key: 'n', dir: 'ascending' }).map((r) => r.s)).toEqual([
      'b',
      'd',
      'c',
      'a',
    ]);
    expect(sortRows(rows, columns, { key: 's', dir: 'descending' }).map((r) => r.s)).toEqual([
      'd',
      'c',
      'b',
      'a',
    ]);
  });
});

describe('hotspot filters', () => {
  const spot = (assetId: string, city: string, kind: string): Hotspot => ({
    assetId,
    kind,
    name: assetId,
    feederId: null,
    city,
    county: null,
    areaClass: 'rural',
    customers: 1,
    lat: 25,
    lon: 100,
    outages365: 1,
    outages60: 0,
    unplanned365: 0,
    hours365: 0,
    lastOutage: null,
  });
  const flag = (assetId: string, rule: string, status: Flag['status']): Flag => ({
    assetId,
    kind: 'area',
    rule,
    status,
    count: 4,
    limit: 3,
    windowStart: '2026-01-01',
    windowEnd: '2026-02-01',
    breachDate: null,
    eventIds: [],
  });
  const rows = [spot('a', '昆明市', 'area'), spot('b', '昆明市', 'feeder'), spot('c', '保山市', 'area')];
  const byAsset = new Map([
    ['a', [flag('a', 'r60', 'at_risk'), flag('a', 'r365', 'breach')]],
    ['c', [flag('c', 'r60', 'at_risk')]],
  ]);

  it('takes the worst status, for one rule when asked', () => {
    expect(worstStatus(byAsset.get('a'))).toBe('breach');
    expect(worstStatus(byAsset.get('a'), 'r60')).toBe('at_risk');
    expect(worstStatus(undefined)).toBe('fine');
  });

  it('filters by region, type, rule and status', () => {
    const ids = (f: Parameters<typeof applyFilters>[2]) =>
      applyFilters(rows, byAsset, f).map((r) => r.assetId);
    expect(ids({ city: '昆明市' })).toEqual(['a', 'b']);
    expect(ids({ kind: 'area' })).toEqual(['a', 'c']);
    expect(ids({ status: 'breach' })).toEqual(['a']);
    expect(ids({ status: 'at_risk' })).toEqual(['c']);
    expect(ids({ rule: 'r60' })).toEqual(['a', 'c']);
    expect(ids({ rule: 'r60', status: 'at_risk' })).toEqual(['a', 'c']);
    expect(ids({ status: 'fine' })).toEqual(['b']);
  });
});

describe('format', () => {
  const at = Date.parse('2026-03-01T16:30:00Z'); // 2026-03-02 00:30 in Shanghai

  it('spells instants in the operating zone, not the machine’s', () => {
    expect(createFormat('Asia/Shanghai', 'en').dateTime(at)).toBe('2 Mar 2026, 00:30');
    expect(createFormat('Asia/Shanghai', 'zh').dateTime(at)).toBe('2026-03-02 00:30');
    expect(createFormat('Europe/London', 'en').time(at)).toBe('16:30');
    expect(createFormat('Asia/Shanghai', 'en').dateTime('2026-03-02T00:30:00+08:00')).toBe(
      '2 Mar 2026, 00:30',
    );
  });

  it('re-spells server dates without shifting them', () => {
    expect(createFormat('America/Los_Angeles', 'zh').date('2026-03-02')).toBe('2026-03-02');
    expect(createFormat('Asia/Shanghai', 'en').monthShort('2026-03-01')).toBe('Mar');
    expect(createFormat('Asia/Shanghai', 'zh').monthShort('2026-03-01')).toBe('3月');
  });

  it('formats numbers, percentages and durations per language', () => {
    const zh = createFormat('Asia/Shanghai', 'zh');
    const en = createFormat('Asia/Shanghai', 'en');
    expect(zh.int(4651)).toBe('4,651');
    expect(en.num(13.6814, 2)).toBe('13.68');
    expect(en.signedPct(-0.13)).toBe('−13.0%');
    expect(zh.duration(338)).toBe('5小时38分');
    expect(en.duration(45)).toBe('45 min');
    expect(en.int(null)).toBe('—');
  });
});

describe('i18n', () => {
  it('has every string in both languages, with the same placeholders', () => {
    const { zh, en } = tables();
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(en[key], key).toBeTruthy();
      expect(holes(en[key]), key).toEqual(holes(zh[key]));
    }
  });

  it('fills placeholders and explains exclusion reasons', () => {
    expect(t('calendarDay', { date: '2026/03/02', n: 3 }, 'en')).toBe('2026/03/02: 3 outages');
    expect(reasonLabel('warning:W1', 'en')).toBe('Weather or disaster outage under official warning W1');
    expect(reasonLabel('merged_with:E1', 'zh')).toBe('与 E1 重叠，合并计一次');
    expect(reasonLabel('external_damage', 'zh')).toBe('外力破坏（不计入）');
  });

  it('reads rule windows', () => {
    expect(windowDays('60 days')).toBe(60);
    expect(windowDays('calendar year')).toBeUndefined();
  });
});
