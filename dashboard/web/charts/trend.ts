// Counts over time as lines, one per series, with a marker at every point the server gave:
// the "clearing to zero" trend of remediation cases (open, overdue, in observation, closed).
// Points sit at their local date's day number, so uneven steps (a last, cut-short month) keep
// their true spacing; dates are the server's, never computed here.

import { max as d3max, scaleLinear } from 'd3';
import { type Marker, SERIES } from './palette.js';
import { dayNumber, el, esc, r, root } from './svg.js';
import { COLORS } from './palette.js';

export interface TrendSeries {
  key: string;
  label: string;
}

export interface TrendPoint {
  /** a local date "YYYY-MM-DD" from the server */
  date: string;
  values: Readonly<Record<string, number>>;
}

export interface TrendOptions {
  id: string;
  title: string;
  desc?: string;
  width?: number;
  height?: number;
  /** At most four series (markers and dashes of palette.SERIES). */
  series: readonly TrendSeries[];
  dateLabel: (date: string) => string;
  pointTitle: (date: string, series: TrendSeries, value: number) => string;
  format?: (n: number) => string;
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

export function trendLines(points: readonly TrendPoint[], o: TrendOptions): string {
  const width = o.width ?? 640;
  const series = o.series.slice(0, SERIES.length);
  const perRow = width >= 560 ? series.length : 2;
  const legendRows = Math.ceil(series.length / Math.max(perRow, 1));
  const left = 44;
  const right = 16;
  const top = 12 + legendRows * 18;
  const bottom = 24;
  const height = o.height ?? 220 + legendRows * 18;
  const format = o.format ?? ((n: number) => String(r(n)));
  const days = points.map((p) => dayNumber(p.date));
  const first = days[0] ?? 0;
  const last = days[days.length - 1] ?? 0;
  const x = scaleLinear()
    .domain(first === last ? [first - 1, first + 1] : [first, last])
    .range([left + 8, width - right - 8]);
  const hi = d3max(points.flatMap((p) => series.map((s) => p.values[s.key] ?? 0))) ?? 0;
  const y = scaleLinear()
    .domain([0, hi > 0 ? hi : 1])
    .nice()
    .range([height - bottom, top]);
  const ticks = y.ticks(4).filter((t) => Number.isInteger(t));

  const grid = ticks
    .map(
      (t) =>
        el('line', { x1: left, x2: width - right, y1: y(t), y2: y(t), stroke: COLORS.grid }) +
        el(
          'text',
          { x: left - 6, y: y(t), 'text-anchor': 'end', 'dominant-baseline': 'central', class: 'label' },
          esc(format(t)),
        ),
    )
    .join('');
  const labels = labelIndices(points.length, width >= 560 ? 7 : 4)
    .map((i) => {
      const p = points[i] as TrendPoint;
      const anchor =
        points.length === 1 ? 'middle' : i === 0 ? 'start' : i === points.length - 1 ? 'end' : 'middle';
      return el(
        'text',
        { x: x(days[i] ?? 0), y: height - 6, 'text-anchor': anchor, class: 'label' },
        esc(o.dateLabel(p.date)),
      );
    })
    .join('');
  const lines = series
    .map((s, k) => {
      const style = SERIES[k] as (typeof SERIES)[number];
      const xy = points.map((p, i) => [x(days[i] ?? 0), y(p.values[s.key] ?? 0)] as const);
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
    })
    .join('');
  const itemWidth = (width - left - right) / Math.max(perRow, 1);
  const legend = series
    .map((s, k) => {
      const style = SERIES[k] as (typeof SERIES)[number];
      const lx = left + (k % perRow) * itemWidth;
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
        el('text', { x: lx + 28, y: ly, 'dominant-baseline': 'central', class: 'label' }, esc(s.label))
      );
    })
    .join('');
  const axis = el('line', { x1: left, x2: width - right, y1: y(0), y2: y(0), stroke: COLORS.axis });
  return root(
    {
      id: o.id,
      width,
      height,
      title: o.title,
      ...(o.desc ? { desc: o.desc } : {}),
      className: 'chart trend',
    },
    el('g', { class: 'legend', 'aria-hidden': 'true' }, legend) + grid + axis + labels + lines,
  );
}
