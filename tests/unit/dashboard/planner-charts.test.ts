// Picture tests of the planners' charts (the clearing trend, "what it buys" before/after bars
// and the score breakdown bar), as in charts.test.ts: fixed data, SVG text compared with a
// stored file, and the coordinates of chosen marks worked out by hand.

import { describe, expect, it } from 'vitest';
import {
  labelIndices,
  markerPath,
  pairedBars,
  scoreBar,
  type TrendPoint,
  trendLines,
} from '../../../dashboard/web/charts/index.js';

const normalize = (svg: string): string =>
  svg.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10)).replaceAll('><', '>\n<');
const snapshot = (name: string) => `./__snapshots__/${name}.svg`;

/** The `d` of the mark of one series at one date. */
const markOf = (svg: string, series: string, date: string): string | undefined =>
  new RegExp(`<path d="([^"]+)"[^>]*data-series="${series}" data-date="${date}"`).exec(svg)?.[1];

describe('trendLines', () => {
  // Month ends, the last cut short (the server's points of /remediation/clearing?step=month).
  const points: TrendPoint[] = [
    { date: '2026-01-31', values: { open: 10, overdue: 0, observation: 0, closed: 0 } },
    { date: '2026-02-28', values: { open: 8, overdue: 2, observation: 1, closed: 2 } },
    { date: '2026-03-31', values: { open: 5, overdue: 3, observation: 2, closed: 5 } },
    { date: '2026-04-15', values: { open: 2, overdue: 1, observation: 1, closed: 8 } },
  ];
  const series = [
    { key: 'open', label: 'Not closed' },
    { key: 'overdue', label: 'Overdue' },
    { key: 'observation', label: 'In observation' },
    { key: 'closed', label: 'Closed' },
  ];

  it('places each point at its local date and count, with a titled marker per series', async () => {
    const svg = trendLines(points, {
      id: 'trend-test',
      title: 'Clearing to zero',
      desc: 'cases at the end of each month',
      width: 600,
      series,
      dateLabel: (d) => d.slice(5),
      pointTitle: (d, s, v) => `${d} ${s.label}: ${v}`,
    });
    expect(svg).toContain('aria-labelledby="trend-test-title"');
    // One legend row (width ≥ 560): plot from y 30 (top) to 214 (238 − 24), x from 52 to 576.
    expect(svg).toContain('viewBox="0 0 600 238"');
    // 2026-02-28 is 28 of the 74 days from 2026-01-31 to 2026-04-15: x = 52 + 524 × 28 / 74.
    // open = 8 of a 0–10 scale: y = 214 − 184 × 0.8 = 66.8; the circle starts 4 to its left.
    expect(markOf(svg, 'open', '2026-02-28')).toMatch(/^M246\.27,66\.8a4,4 /);
    expect(markOf(svg, 'closed', '2026-04-15')).toBe(markerPath('square', 576, 214 - 184 * 0.8));
    expect(svg).toContain('data-series="overdue" data-date="2026-03-31" data-value="3"');
    expect(svg).toContain('<title>2026-03-31 Overdue: 3</title>');
    expect((svg.match(/data-date=/g) ?? []).length).toBe(16);
    // Dashes tell the lines apart without colour.
    expect(svg).toContain('stroke-dasharray="6 3"');
    await expect(normalize(svg)).toMatchFileSnapshot(snapshot('trend'));
  });

  it('centres a single point and folds the legend into two rows on a phone', () => {
    const svg = trendLines([points[0] as TrendPoint], {
      id: 'trend-one',
      title: 'one',
      width: 320,
      series,
      dateLabel: (d) => d,
      pointTitle: () => '',
    });
    // Two legend rows: top = 12 + 36 = 48, height 220 + 36 = 256; x range 52 … 296, centre 174.
    expect(svg).toContain('viewBox="0 0 320 256"');
    expect(markOf(svg, 'open', '2026-01-31')).toMatch(/^M170,48a4,4 /);
    expect(svg).not.toContain('class="line"');
  });

  it('spreads at most the asked number of date labels over the points', () => {
    expect(labelIndices(3, 7)).toEqual([0, 1, 2]);
    expect(labelIndices(13, 4)).toEqual([0, 4, 8, 12]);
    expect(labelIndices(0, 4)).toEqual([]);
  });
});

describe('pairedBars', () => {
  it('draws before and after on one scale with their values', async () => {
    const svg = pairedBars(
      [
        { label: '昭通市 镇雄县', before: 4, after: 3 },
        { label: 'A & B', before: 2, after: null },
      ],
      {
        id: 'paired-test',
        title: 'Region SAIDI',
        width: 400,
        labelWidth: 100,
        beforeLabel: 'As recorded',
        afterLabel: 'If remediated',
        format: (n) => n.toFixed(2),
      },
    );
    // Scale 0–4 onto x 100 … 340: 4 → 240 wide, 3 → 180; the second bar 16 below the first.
    expect(svg).toContain('<rect x="100" y="24" width="240" height="14"');
    expect(svg).toContain(
      '<rect x="100" y="40" width="180" height="14" fill="#0072B2" class="after" data-value="3"',
    );
    // The second group starts 42 further down (two bars, a gap of 2 and 12 between groups).
    expect(svg).toContain('<rect x="100" y="66" width="120"');
    expect(svg).toContain('>3.00</text>');
    expect(svg).toContain('>—</text>');
    expect(svg).toContain('A &amp; B');
    await expect(normalize(svg)).toMatchFileSnapshot(snapshot('paired'));
  });
});

describe('scoreBar', () => {
  it('lays the parts’ points end to end on a 0–100 scale, skipping empty parts', async () => {
    const order = ['status', 'excess', 'recency', 'customers'];
    const svg = scoreBar(
      [
        { part: 'status', points: 25 },
        { part: 'excess', points: 10 },
        { part: 'customers', points: 0 },
        { part: 'recency', points: 9.77 },
      ],
      {
        id: 'score-test',
        title: 'Score 44.77',
        width: 200,
        order,
        partTitle: (p) => `${p.part} ${p.points}`,
      },
    );
    // 2 px per point, half a pixel between segments.
    expect(svg).toContain('<rect x="0" y="0" width="49.5" height="14" fill="#0072B2" data-part="status"');
    expect(svg).toContain('<rect x="50" y="0" width="19.5" height="14" fill="#E69F00" data-part="excess"');
    // recency keeps its own colour (third in the order) wherever it falls in the bar.
    expect(svg).toContain('<rect x="70" y="0" width="19.04" height="14" fill="#009E73" data-part="recency"');
    expect(svg).not.toContain('data-part="customers"');
    expect(svg).toContain('<line x1="89.54" x2="89.54"');
    await expect(normalize(svg)).toMatchFileSnapshot(snapshot('score-bar'));
  });
});
