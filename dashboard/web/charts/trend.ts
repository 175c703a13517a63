// Counts over time as lines, one per series, with a marker at every point the server gave:
// the "clearing to zero" trend of remediation cases (open, overdue, in observation, closed).
// Points sit at their local date's day number, so uneven steps (a last, cut-short month) keep
// their true spacing; dates are the server's, never computed here.

import { max as d3max, type ScaleLinear, scaleLinear } from 'd3';
import { edgeAnchor, type Margin, sideText, type ValueChartOptions, valueFrame } from './frame.js';
import { type Marker, SERIES } from './palette.js';
import { dayNumber, el, esc, r } from './svg.js';

export interface TrendSeries {
  key: string;
  label: string;
}

export interface TrendPoint {
  /** a local date "YYYY-MM-DD" from the server */
  date: string;
  values: Readonly<Record<string, number>>;
}

export interface TrendOptions extends ValueChartOptions {
  /** At most four series (markers and dashes of palette.SERIES). */
  series: readonly TrendSeries[];
  dateLabel: (date: string) => string;
  pointTitle: (date: string, series: TrendSeries, value: number) => string;
}

export function markerPath(marker: Marker, x: number, y: number, size = 4): string {
  const s = size;
  switch (marker) {
    case 'circle':
      return `M${r(x - s)},${r(y)}a${s},${s} 0 1,0 ${2 * s},0a${s},${s} 0 1,0 ${-2 * s},0Z`;
    case 'square':
      return `M${r(x - s * 0.85)},${r(y - s * 0.85)}h${r(s * 1.7)}v${r(s * 1.7)}h${r(-s * 1.7)}Z`;
    case 'triangle':
      return `M${r(x)},${r(y - s * 1.1)}L${r(x + s)},${r(y + s * 0.8)}L${r(x - s)},${r(y + s * 0.8)}Z`;
    case 'diamond':
      return `M${r(x)},${r(y - s * 1.15)}L${r(x + s)},${r(y)}L${r(x)},${r(y + s * 1.15)}L${r(x - s)},${r(y)}Z`;
  }
}

/** Up to `max` indices spread evenly over n points, always the first and the last. */
export function labelIndices(n: number, max: number): number[] {
  if (n <= 0) return [];
  if (n <= max) return [...Array(n).keys()];
  const step = (n - 1) / (max - 1);
  return [...new Set([...Array(max).keys()].map((i) => Math.round(i * step)))];
}

type Scale = ScaleLinear<number, number>;
type SeriesStyle = (typeof SERIES)[number];

/** The legend's rows above the plot take room from its top. */
interface Layout {
  size: readonly [number, number];
  margin: Margin;
  perRow: number;
}

function layout(o: TrendOptions, series: number): Layout {
  const width = o.width ?? 640;
  const perRow = width >= 560 ? series : 2;
  const legendRows = Math.ceil(series / Math.max(perRow, 1));
  return {
    size: [width, 220 + legendRows * 18],
    margin: { top: 12 + legendRows * 18, right: 16, bottom: 24, left: 44 },
    perRow,
  };
}

/** One series: its line (two points or more) and a marker with a tooltip at every point. */
function seriesLine(
  points: readonly TrendPoint[],
  s: TrendSeries,
  style: SeriesStyle,
  at: (i: number) => number,
  y: Scale,
  o: TrendOptions,
): string {
  const xy = points.map((p, i) => [at(i), y(p.values[s.key] ?? 0)] as const);
  const d = xy.map(([px, py], i) => `${i === 0 ? 'M' : 'L'}${r(px)},${r(py)}`).join('');
  const path =
    xy.length > 1
      ? el('path', {
          d,
          fill: 'none',
          stroke: style.color,
          'stroke-width': 2,
          'stroke-dasharray': style.dash,
          class: 'line',
        })
      : '';
  const marks = points
    .map((p, i) => {
      const v = p.values[s.key] ?? 0;
      const [px, py] = xy[i] as readonly [number, number];
      return el(
        'path',
        {
          d: markerPath(style.marker, px, py),
          fill: style.color,
          stroke: '#ffffff',
          'stroke-width': 1,
          'data-series': s.key,
          'data-date': p.date,
          'data-value': v,
        },
        el('title', {}, esc(o.pointTitle(p.date, s, v))),
      );
    })
    .join('');
  return el('g', { class: 'series', 'data-series': s.key }, path + marks);
}

function legend(series: readonly TrendSeries[], perRow: number, width: number, margin: Margin): string {
  const itemWidth = (width - margin.left - margin.right) / Math.max(perRow, 1);
  return series
    .map((s, k) => {
      const style = SERIES[k] as SeriesStyle;
      const lx = margin.left + (k % perRow) * itemWidth;
      const ly = 10 + Math.floor(k / perRow) * 18;
      return (
        el('line', {
          x1: lx,
          x2: lx + 22,
          y1: ly,
          y2: ly,
          stroke: style.color,
          'stroke-width': 2,
          'stroke-dasharray': style.dash,
        }) +
        el('path', { d: markerPath(style.marker, lx + 11, ly, 3.5), fill: style.color }) +
        sideText(lx + 28, ly, s.label)
      );
    })
    .join('');
}

export function trendLines(points: readonly TrendPoint[], o: TrendOptions): string {
  const series = o.series.slice(0, SERIES.length);
  const { size, margin, perRow } = layout(o, series.length);
  const frame = valueFrame(o, {
    size,
    margin,
    hi: d3max(points.flatMap((p) => series.map((s) => p.values[s.key] ?? 0))) ?? 0,
    wholeTicks: true,
    labelGap: 6,
  });
  const { width, height, y } = frame;
  const days = points.map((p) => dayNumber(p.date));
  const first = days[0] ?? 0;
  const last = days[days.length - 1] ?? 0;
  const x = scaleLinear()
    .domain(first === last ? [first - 1, first + 1] : [first, last])
    .range([margin.left + 8, width - margin.right - 8]);
  const at = (i: number) => x(days[i] ?? 0);
  const labels = labelIndices(points.length, width >= 560 ? 7 : 4)
    .map((i) =>
      el(
        'text',
        { x: at(i), y: height - 6, 'text-anchor': edgeAnchor(i, points.length), class: 'label' },
        esc(o.dateLabel((points[i] as TrendPoint).date)),
      ),
    )
    .join('');
  const lines = series.map((s, k) => seriesLine(points, s, SERIES[k] as SeriesStyle, at, y, o)).join('');
  const key = el('g', { class: 'legend', 'aria-hidden': 'true' }, legend(series, perRow, width, margin));
  return frame.svg('trend', key + frame.grid + frame.baseline + labels + lines);
}
