// A Pareto chart: vertical bars largest first, with the cumulative share as a line over them
// on a second axis (0–100 %). Each bar carries its value above it and its label below, the
// line a marker per bar, so neither colour nor the line alone carries the reading.

import { scaleBand, scaleLinear } from 'd3';
import { COLORS, SERIES } from './palette.js';
import { el, esc, r, root } from './svg.js';

export interface ParetoBar {
  /** stable key (a cause code), kept as data-key for tests and styling */
  key: string;
  label: string;
  value: number;
  /** 0–1, or null when the total is 0 */
  cumulativeShare: number | null;
}

export interface ParetoOptions {
  id: string;
  title: string;
  desc?: string;
  width?: number;
  height?: number;
  format?: (n: number) => string;
  /** the cumulative axis's ticks, e.g. "80%" */
  formatShare?: (fraction: number) => string;
}

const SHARE_TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1];

export function paretoChart(bars: readonly ParetoBar[], o: ParetoOptions): string {
  const width = o.width ?? 520;
  const height = o.height ?? 300;
  const format = o.format ?? ((n: number) => String(r(n)));
  const formatShare = o.formatShare ?? ((f: number) => `${Math.round(f * 100)}%`);
  // The left margin holds the first bar's slanted label.
  const margin = { top: 20, right: 44, bottom: 76, left: 56 };
  const x = scaleBand<string>()
    .domain(bars.map((b) => b.key))
    .range([margin.left, width - margin.right])
    .padding(0.2);
  const hi = Math.max(0, ...bars.map((b) => b.value));
  const y = scaleLinear()
    .domain([0, hi > 0 ? hi : 1])
    .range([height - margin.bottom, margin.top]);
  const share = scaleLinear()
    .domain([0, 1])
    .range([height - margin.bottom, margin.top]);
  const base = height - margin.bottom;
  const grid = SHARE_TICKS.map(
    (f) =>
      el('line', {
        x1: margin.left,
        x2: width - margin.right,
        y1: share(f),
        y2: share(f),
        stroke: COLORS.grid,
      }) +
      el(
        'text',
        { x: width - margin.right + 4, y: share(f), 'dominant-baseline': 'central', class: 'tick' },
        esc(formatShare(f)),
      ),
  ).join('');
  const body = bars
    .map((b) => {
      const bx = x(b.key) ?? 0;
      const top = y(Math.max(0, b.value));
      const cx = bx + x.bandwidth() / 2;
      return el(
        'g',
        { class: 'bar', 'data-key': b.key, 'data-value': b.value },
        el('rect', { x: bx, y: top, width: x.bandwidth(), height: base - top, fill: COLORS.bar, rx: 2 }) +
          el('text', { x: cx, y: top - 4, 'text-anchor': 'middle', class: 'value' }, esc(format(b.value))) +
          el(
            'text',
            {
              x: cx,
              y: base + 8,
              'text-anchor': 'end',
              transform: `rotate(-35 ${r(cx)} ${r(base + 8)})`,
              'dominant-baseline': 'hanging',
              class: 'label',
            },
            esc(b.label),
          ),
      );
    })
    .join('');
  const line = SERIES[1];
  const points = bars
    .filter((b) => b.cumulativeShare !== null)
    .map((b) => [(x(b.key) ?? 0) + x.bandwidth() / 2, share(b.cumulativeShare ?? 0)] as const);
  const cumulative =
    points.length === 0
      ? ''
      : el('polyline', {
          points: points.map(([px, py]) => `${r(px)},${r(py)}`).join(' '),
          fill: 'none',
          stroke: line.color,
          'stroke-width': 2,
          'stroke-dasharray': line.dash,
          class: 'cumulative',
        }) +
        points
          .map(([px, py]) =>
            el('path', {
              d: `M${r(px)},${r(py - 5)}L${r(px + 5)},${r(py + 4)}L${r(px - 5)},${r(py + 4)}Z`,
              fill: line.color,
            }),
          )
          .join('');
  const axis = el('line', {
    x1: margin.left,
    x2: width - margin.right,
    y1: base,
    y2: base,
    stroke: COLORS.axis,
  });
  return root(
    {
      id: o.id,
      width,
      height,
      title: o.title,
      ...(o.desc ? { desc: o.desc } : {}),
      className: 'chart pareto',
    },
    grid + body + cumulative + axis,
  );
}
