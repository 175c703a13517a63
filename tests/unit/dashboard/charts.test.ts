// Picture tests: each chart function renders fixed data to SVG text, compared with a stored
// file (tests/unit/dashboard/__snapshots__/*.svg, viewable in a browser). Coordinates are
// rounded to two decimals by the chart code and once more here to one, ids are given by the
// caller, and the functions take local dates as text, so the time zone cannot change them
// (the unit project pins TZ=UTC all the same).

import { describe, expect, it } from 'vitest';
import {
  barChart,
  type CalendarDay,
  calendarHeatmap,
  type DailyPoint,
  dailyBars,
  type FeatureCollection,
  mapFrame,
  mapSvg,
  rewind,
  timeline,
} from '../../../dashboard/web/charts/index.js';
import { zoomMapInset } from '../../../dashboard/web/charts/map-zoom.js';

/** Numbers to one decimal, so sub-pixel differences between d3 versions do not matter. */
const normalize = (svg: string): string =>
  svg.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10)).replaceAll('><', '>\n<');

const snapshot = (name: string) => `./__snapshots__/${name}.svg`;

/** Fixed days: 2026-01-01 (a Thursday) to 2026-03-31, values from a small LCG. */
function fixedDays(): CalendarDay[] {
  const days: CalendarDay[] = [];
  let seed = 7;
  const monthLengths = [31, 28, 31];
  let weekday = 4;
  monthLengths.forEach((n, m) => {
    for (let d = 1; d <= n; d++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      days.push({
        date: `2026-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
        weekday,
        value: seed % 7 === 0 ? 0 : seed % 13,
      });
      weekday = (weekday + 1) % 7;
    }
  });
  return days;
}

describe('barChart', () => {
  it('draws one labelled bar per item with its value and target tick', async () => {
    const svg = barChart(
      [
        { label: '昆明市', value: 2829 },
        { label: '红河哈尼族彝族自治州', value: 761, target: 900 },
        { label: 'A & <B>', value: 0 },
      ],
      {
        id: 'bars-test',
        title: 'Customers out by city',
        desc: 'per city',
        width: 400,
        format: (n) => `${n}`,
      },
    );
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="bars-test-title"');
    expect(svg).toContain('A &amp; &lt;B&gt;');
    expect((svg.match(/<rect /g) ?? []).length).toBe(3);
    expect((svg.match(/class="target"/g) ?? []).length).toBe(1);
    await expect(normalize(svg)).toMatchFileSnapshot(snapshot('bars'));
  });

  it('draws a bar over its target apart: vermillion, and a triangle after its value', () => {
    const svg = barChart(
      [
        { label: 'urban', value: 5.5, target: 5 },
        { label: 'town', value: 9, target: 9 },
        { label: 'rural', value: 3 },
      ],
      { id: 'over-test', title: 'SAIDI', format: (n) => `${n}` },
    );
    const groups = svg.match(/<g class="[^"]*">/g) ?? [];
    expect(groups.filter((g) => g.includes('bar'))).toEqual([
      '<g class="bar over">',
      '<g class="bar">', // equal to the target is not over
      '<g class="bar">',
    ]);
    expect(svg).toContain('fill="#D55E00"');
    expect(svg).toContain('>5.5 ▲</text>');
    expect(svg).not.toContain('9 ▲');
  });
});

describe('calendarHeatmap', () => {
  it('lays days out by the weekday the server gave, Monday first', async () => {
    const days = fixedDays();
    const svg = calendarHeatmap(days, {
      id: 'cal-test',
      title: 'Outages per day',
      cellTitle: (d) => `${d.date}: ${d.value}`,
      monthLabel: (date) => date.slice(0, 7),
      weekdayLabels: ['Mon', 'Wed', 'Fri'],
      legendLow: '0',
      legendHigh: '12',
    });
    // 2026-01-01 is a Thursday: row 3 (Mon = 0) of the first week column.
    expect(svg).toMatch(
      /<rect x="30" y="57" width="11" height="11" rx="2" fill="[^"]+" data-date="2026-01-01"/,
    );
    // 2026-01-05 is the first Monday: second column, first row.
    expect(svg).toMatch(/<rect x="43" y="18" [^>]*data-date="2026-01-05"/);
    expect((svg.match(/data-date=/g) ?? []).length).toBe(90);
    await expect(normalize(svg)).toMatchFileSnapshot(snapshot('calendar'));
  });
});

describe('timeline', () => {
  it('draws outages and each rule window count against its limit', async () => {
    const svg = timeline(
      {
        from: '2026-01-01',
        to: '2026-03-31',
        outages: [
          { date: '2026-01-10', counted: true, title: 'equipment fault' },
          { date: '2026-01-20', counted: true, title: 'equipment fault' },
          { date: '2026-01-20', counted: false, title: 'external damage' },
          { date: '2026-02-01', counted: true, title: 'weather' },
          { date: '2026-02-03', counted: true, title: 'weather' },
        ],
        panels: [
          {
            label: '60-day window',
            limit: 3,
            windowDays: 60,
            counted: ['2025-12-20', '2026-01-10', '2026-01-20', '2026-02-01', '2026-02-03'],
          },
        ],
      },
      {
        id: 'tl-test',
        title: 'Outage timeline',
        width: 600,
        monthLabel: (d) => d.slice(5, 7),
        limitLabel: (l) => `limit ${l}`,
      },
    );
    expect((svg.match(/class="excluded"/g) ?? []).length).toBe(1);
    expect((svg.match(/class="counted"/g) ?? []).length).toBe(4);
    expect(svg).toContain('class="over"');
    await expect(normalize(svg)).toMatchFileSnapshot(snapshot('timeline'));
  });
});

describe('dailyBars', () => {
  it('marks major event days and draws the threshold per year', async () => {
    const points: DailyPoint[] = fixedDays()
      .slice(0, 40)
      .map((d, i) => ({ date: d.date, value: d.value, threshold: i < 31 ? 10 : 11, major: d.value > 10 }));
    const svg = dailyBars(points, {
      id: 'daily-test',
      title: 'Daily SAIDI',
      width: 500,
      height: 160,
      monthLabel: (d) => d.slice(0, 7),
      pointTitle: (p) => `${p.date} ${p.value}`,
    });
    expect((svg.match(/class="major"/g) ?? []).length).toBe(points.filter((p) => p.major).length);
    expect(svg).toContain('class="threshold"');
    await expect(normalize(svg)).toMatchFileSnapshot(snapshot('daily'));
  });
});

/** Two counter-clockwise squares (RFC 7946 winding), side by side. */
const squares: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      id: 'a',
      properties: { city: '甲市', county: '一县' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [100, 25],
            [101, 25],
            [101, 26],
            [100, 26],
            [100, 25],
          ],
        ],
      },
    },
    {
      type: 'Feature',
      id: 'b',
      properties: { city: '甲市', county: '二县' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [101, 25],
            [102, 25],
            [102, 26],
            [101, 26],
            [101, 25],
          ],
        ],
      },
    },
  ],
};

describe('map', () => {
  it('rewinds counter-clockwise rings so d3-geo draws the polygon, not the rest of the globe', () => {
    const fixed = rewind(squares);
    const rings = fixed.features[0]?.geometry?.coordinates as number[][][] | undefined;
    const ring = rings?.[0];
    expect(ring?.[1]).toEqual([100, 26]);
    // Already clockwise rings stay as they are.
    expect(rewind(fixed).features[0]?.geometry).toEqual(fixed.features[0]?.geometry);
  });

  it('fits the boundaries to the frame and draws symbols over them', async () => {
    const frame = mapFrame(squares, [], 300, 180);
    const left = frame.project(100, 25.5);
    const right = frame.project(102, 25.5);
    expect(left?.[0]).toBeCloseTo(8, 0);
    expect(right?.[0]).toBeCloseTo(292, 0);
    const svg = mapSvg(
      frame,
      [
        {
          lon: 100.5,
          lat: 25.5,
          shape: 'triangle',
          size: 6,
          fill: '#D55E00',
          title: 'breach',
          asset: 'fd-1',
        },
        { lon: 101.5, lat: 25.5, shape: 'square', size: 5, fill: '#0072B2', title: 'at risk', asset: 'ta-1' },
        { lon: 101, lat: 25.2, shape: 'circle', size: 9, fill: '#6B6B6B', title: 'big' },
      ],
      { id: 'map-test', title: 'Map', desc: 'two counties' },
    );
    expect((svg.match(/<path d="M/g) ?? []).length).toBe(3);
    // The largest symbol is drawn first so the small ones stay on top.
    expect(svg.indexOf('<circle')).toBeLessThan(svg.indexOf('data-asset="fd-1"'));
    await expect(normalize(svg)).toMatchFileSnapshot(snapshot('map'));
  });

  it('keeps the zoom buttons’ column free on a zoomable map from 480 px up', () => {
    const frame = mapFrame(squares, [], 600, 360, zoomMapInset(600));
    // 8 px on the left; on the right 8 px, the 36 px buttons and 8 px beyond: 600 − 52 = 548
    expect(frame.project(100, 25.5)?.[0]).toBeCloseTo(8, 0);
    expect(frame.project(102, 25.5)?.[0]).toBeCloseTo(548, 0);
    // a phone's map keeps its width for the counties
    expect(mapFrame(squares, [], 300, 180, zoomMapInset(300)).project(102, 25.5)?.[0]).toBeCloseTo(292, 0);
  });

  it('fits the points when no boundaries are supplied', () => {
    const frame = mapFrame(
      null,
      [
        [100, 25],
        [102, 27],
      ],
      200,
      200,
    );
    expect(frame.regions).toBe('');
    // Latitude spans more than longitude in Mercator here, so it fills the height.
    expect(frame.project(100, 25)?.[1]).toBeCloseTo(192, 0);
    expect(frame.project(102, 27)?.[1]).toBeCloseTo(8, 0);
  });
});
