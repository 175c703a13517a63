// A Pareto chart: vertical bars largest first, with the cumulative share as a line over them
// on a second axis (0–100 %). Each bar carries its value above it and its label below, the
// line a marker per bar, so neither colour nor the line alone carries the reading.

import { type ScaleBand, scaleBand, scaleLinear } from 'd3';
import { axisLine, chartRoot, figureFormat, type Margin, type ValueChartOptions } from './frame.js';
import { COLORS, SERIES } from './palette.js';
import { el, esc, r } from './svg.js';

export interface ParetoBar {
  /** stable key (a cause code), kept as data-key for tests and styling */
  key: string;
  label: string;
  value: number;
  /** 0–1, or null when the total is 0 */
  cumulativeShare: number | null;
}

export interface ParetoOptions extends ValueChartOptions {
  /** the cumulative axis's ticks, e.g. "80%" */
  formatShare?: (fraction: number) => string;
}

const SHARE_TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1];

// The left margin holds the first bar's slanted label.
const MARGIN: Margin = { top: 20, right: 44, bottom: 76, left: 56 };

/** The cumulative share as a dashed line with a triangle at every bar it has a share for. */
function cumulativeLine(
  bars: readonly ParetoBar[],
  x: ScaleBand<string>,
  share: (f: number) => number,
): string {
  const line = SERIES[1];
  const points = bars
    .filter((b) => b.cumulativeShare !== null)
    .map((b) => [(x(b.key) ?? 0) + x.bandwidth() / 2, share(b.cumulativeShare ?? 0)] as const);
  if (points.length === 0) return '';
  return (
    el('polyline', {
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
      .join('')
  );
}

export function paretoChart(bars: readonly ParetoBar[], o: ParetoOptions): string {
  const width = o.width ?? 520;
  const height = o.height ?? 300;
  const format = figureFormat(o);
  const formatShare = o.formatShare ?? ((f: number) => `${Math.round(f * 100)}%`);
  const x = scaleBand<string>()
    .domain(bars.map((b) => b.key))
    .range([MARGIN.left, width - MARGIN.right])
    .padding(0.2);
  const hi = Math.max(0, ...bars.map((b) => b.value));
  const y = scaleLinear()
    .domain([0, hi > 0 ? hi : 1])
    .range([height - MARGIN.bottom, MARGIN.top]);
  const share = scaleLinear()
    .domain([0, 1])
    .range([height - MARGIN.bottom, MARGIN.top]);
  const base = height - MARGIN.bottom;
  const grid = SHARE_TICKS.map(
    (f) =>
      el('line', {
        x1: MARGIN.left,
        x2: width - MARGIN.right,
        y1: share(f),
        y2: share(f),
        stroke: COLORS.grid,
      }) +
      el(
        'text',
        { x: width - MARGIN.right + 4, y: share(f), 'dominant-baseline': 'central', class: 'tick' },
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
  const axis = axisLine(MARGIN.left, width - MARGIN.right, base, base);
  return chartRoot(o, width, height, 'pareto', grid + body + cumulativeLine(bars, x, share) + axis);
}
