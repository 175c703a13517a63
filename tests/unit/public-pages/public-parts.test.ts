// The pure parts of the public pages: the map's colour classes, estimates as residents read
// them, paging, the lookup's year summary, the late-notice warning, and the disclosure cards.

import { describe, expect, it } from 'vitest';
import { matchStrength, yearSummary } from '../../../analytics/public/index.js';
import type { DisclosureRow } from '../../../analytics/remediation/index.js';
import { filterRows, overdueOn } from '../../../dashboard/public-pages/disclosure.js';
import {
  mapSvg,
  SHARE_COLORS,
  shareClass,
  shareClassLabels,
  sharePercent,
} from '../../../dashboard/public-pages/map.js';
import { estimateOf, estimateText, pageLinks, paging } from '../../../dashboard/public-pages/wording.js';
import { lateNotice } from '../../../ingest/pipeline/index.js';

const ZONE = 'Asia/Shanghai';
const at = (text: string): number => Date.parse(`${text.replace(' ', 'T')}+08:00`);
const H = 3_600_000;

describe('map colouring', () => {
  it('puts each share of customers out in its class, the limits in the class above', () => {
    expect(shareClass(0, 1000)).toBe(0);
    expect(shareClass(9, 1000)).toBe(1); // 0.9 %
    expect(shareClass(10, 1000)).toBe(2); // 1 % exactly
    expect(shareClass(49, 1000)).toBe(2);
    expect(shareClass(50, 1000)).toBe(3); // 5 %
    expect(shareClass(199, 1000)).toBe(3);
    expect(shareClass(200, 1000)).toBe(4); // 20 %
    expect(shareClass(5, 0)).toBe(4); // customers out where none are recorded: the darkest
    expect(SHARE_COLORS).toHaveLength(5);
    expect(shareClassLabels('无停电', 'zh')).toEqual(['无停电', '低于 1%', '1%–5%', '5%–20%', '20% 及以上']);
  });

  it('says the share with one decimal, never 0 while someone is out', () => {
    expect(sharePercent(640, 27_500)).toBe(2.3); // 2.327 %
    expect(sharePercent(1, 100_000)).toBe(0.1);
    expect(sharePercent(0, 100)).toBe(0);
    expect(sharePercent(300, 200)).toBe(100);
  });

  it('fills each county of the boundaries by its class and draws a dot per outage', () => {
    const square = (x: number, y: number) => [
      [
        [x, y],
        [x + 1, y],
        [x + 1, y + 1],
        [x, y + 1],
        [x, y],
      ],
    ];
    const svg = mapSvg({
      id: 'm',
      title: 'Map',
      desc: 'desc',
      boundaries: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { city: 'C', county: 'A' },
            geometry: { type: 'Polygon', coordinates: square(100, 25) },
          },
          {
            type: 'Feature',
            properties: { city: 'C', county: 'B' },
            geometry: { type: 'Polygon', coordinates: square(101, 25) },
          },
        ],
      },
      counties: [
        { city: 'C', county: 'A', out: 300, served: 1000, label: 'A: 300 out' },
        { city: 'C', county: 'B', out: 0, served: 1000, label: 'B: none' },
      ],
      dots: [{ lon: 100.5, lat: 25.5, customers: 300 }],
    });
    expect(svg).toContain('role="img"');
    expect([...svg.matchAll(/data-county="(\w)" data-class="(\d)"/g)].map((m) => `${m[1]}${m[2]}`)).toEqual([
      'A4',
      'B0',
    ]);
    expect(svg.match(/<circle /g)).toHaveLength(1);
    expect(mapSvg({ id: 'x', title: '', desc: '', boundaries: null, counties: [], dots: [] })).toBe('');
  });
});

describe('estimated restoration in public words', () => {
  const now = at('2025-06-03 14:00');
  it('reads a passed estimate as being reassessed, a missing one as not yet known', () => {
    expect(estimateOf(null, now)).toEqual({ kind: 'unknown' });
    expect(estimateOf(now, now)).toEqual({ kind: 'passed' });
    expect(estimateText(now - 60_000, now, ZONE, 'zh')).toBe('正在重新评估');
    expect(estimateText(now - 60_000, now, ZONE, 'en')).toBe('being reassessed');
    expect(estimateText(null, now, ZONE, 'zh')).toBe('待定');
    expect(estimateText(now + 90 * 60_000, now, ZONE, 'zh')).toBe('2025-06-03 15:30');
  });
});

describe('paging', () => {
  it('shows 50 a page, the last page when more is asked, page 1 for anything unreadable', () => {
    expect(paging(1121, 50, '1')).toEqual({ page: 1, pages: 23, from: 0, to: 50 });
    expect(paging(1121, 50, '23')).toEqual({ page: 23, pages: 23, from: 1100, to: 1121 });
    expect(paging(1121, 50, '99')).toEqual({ page: 23, pages: 23, from: 1100, to: 1121 });
    expect(paging(1121, 50, '-2')).toEqual({ page: 1, pages: 23, from: 0, to: 50 });
    expect(paging(1121, 50, ['2'])).toEqual({ page: 1, pages: 23, from: 0, to: 50 });
    expect(paging(0, 50, '3')).toEqual({ page: 1, pages: 1, from: 0, to: 0 });
  });

  it('links the first, the last and the pages near the current one', () => {
    expect(pageLinks(paging(1121, 50, '10'))).toEqual([1, null, 8, 9, 10, 11, 12, null, 23]);
    expect(pageLinks(paging(120, 50, '1'))).toEqual([1, 2, 3]);
  });
});

describe('the lookup', () => {
  it('counts overlapping outages once and adds their hours, an ongoing one up to now', () => {
    const now = at('2025-06-30 12:00');
    const from = at('2024-07-01 00:00');
    expect(
      yearSummary(
        [
          { start: at('2024-06-30 23:00'), end: at('2024-07-01 03:00') }, // began before the window
          { start: at('2025-01-10 08:00'), end: at('2025-01-10 10:00') }, // 2 h
          { start: at('2025-01-10 09:00'), end: at('2025-01-10 11:30') }, // overlaps: +1.5 h
          { start: at('2025-03-01 08:00'), end: at('2025-03-01 08:45') }, // 0.75 h
          { start: at('2025-06-30 10:00'), end: null }, // ongoing: 2 h so far
          { start: at('2025-07-02 08:00'), end: at('2025-07-02 18:00') }, // ahead: not yet
        ],
        from,
        now,
      ),
    ).toEqual({ outages: 3, hours: 6.25 });
  });

  it('ranks exact names, numbers and places before prefixes before the rest', () => {
    const area = {
      assetId: 'A-17',
      name: '金鸡村1号台区',
      code: 'PMS-9',
      places: ['金鸡村', '下村'],
      province: null,
      city: null,
      county: null,
    };
    expect(matchStrength(area, '金鸡村')).toBe(0);
    expect(matchStrength(area, 'a-17')).toBe(0);
    expect(matchStrength(area, '金鸡')).toBe(1);
    expect(matchStrength(area, '1号')).toBe(2);
  });
});

describe('the late-notice warning of planned outages', () => {
  const received = at('2025-06-01 09:00');
  const planned = { planned: true, start: at('2025-06-11 09:00'), end: at('2025-06-11 17:00') };
  it('says nothing of a notice 10 days ahead, of an unplanned outage or of one already over', () => {
    expect(lateNotice(planned, received, 7, ZONE)).toBeUndefined();
    expect(lateNotice({ ...planned, start: received + 7 * 24 * H }, received, 7, ZONE)).toBeUndefined();
    expect(
      lateNotice({ ...planned, planned: false, start: received + H }, received, 7, ZONE),
    ).toBeUndefined();
    expect(
      lateNotice({ planned: true, start: received - 5 * H, end: received - H }, received, 7, ZONE),
    ).toBeUndefined();
  });

  it('warns of a notice shorter than the period, and of one sent after the start', () => {
    expect(lateNotice({ ...planned, start: at('2025-06-04 13:30') }, received, 7, ZONE)).toEqual({
      path: 'start',
      message:
        "planned outage announced 3 days 4 hours before it begins (2025-06-04T13:30:00+08:00), less than the 7 days' notice due",
    });
    expect(lateNotice({ ...planned, start: at('2025-06-01 08:00'), end: null }, received, 7, ZONE)).toEqual({
      path: 'start',
      message:
        'planned outage announced after it began (2025-06-01T08:00:00+08:00); planned outages are announced at least 7 days ahead',
    });
    expect(lateNotice(planned, received, 14, ZONE)?.message).toContain('10 days 0 hours');
  });
});

describe('disclosure cards', () => {
  const row = (
    name: string,
    county: string,
    status: DisclosureRow['status'],
    dueDate: string | null,
  ): DisclosureRow => ({
    period: '2025-Q3',
    ruleSet: 'national-2025',
    assetId: name,
    assetName: name,
    kind: 'feeder',
    province: '云南省',
    city: '昆明市',
    county,
    family: 'frequent_outage',
    rules: ['over-5-in-365d'],
    breachDate: '2025-05-01',
    outagesCounted: 5,
    status,
    measures: [],
    dueDate,
    closedDate: null,
  });
  it('marks a case overdue only while its work is not done after the due date', () => {
    expect(overdueOn(row('a', 'x', 'in_progress', '2025-09-29'), '2025-09-30')).toBe(true);
    expect(overdueOn(row('a', 'x', 'in_progress', '2025-09-30'), '2025-09-30')).toBe(false);
    expect(overdueOn(row('a', 'x', 'work_done', '2025-08-01'), '2025-09-30')).toBe(false);
    expect(overdueOn(row('a', 'x', 'no_case', null), '2025-09-30')).toBe(false);
  });

  it('filters by county exactly and finds names case-insensitively', () => {
    const rows = [
      row('10kV 松林线', '五华区', 'open', '2025-10-01'),
      row('10kV Songlin', '官渡区', 'open', null),
      row('金鸡村1号台区', '五华区', 'open', null),
    ];
    expect(filterRows(rows, '五华区', '').map((r) => r.assetName)).toEqual(['10kV 松林线', '金鸡村1号台区']);
    expect(filterRows(rows, null, 'songLIN').map((r) => r.assetName)).toEqual(['10kV Songlin']);
    expect(filterRows(rows, '官渡区', '松林')).toEqual([]);
  });
});
