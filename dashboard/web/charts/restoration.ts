// The restoration curve of a storm: customers out over time as a step line (a value holds from
// its point to the next, as the server's curve is exact at every change), the area under it
// shaded, the peak marked with a triangle and its figure in words. Times are epoch ms placed on
// a linear scale; their labels come from the caller, in the operating zone.

import { area, curveStepAfter, line, max as d3max, scaleLinear } from 'd3';
import { COLORS } from './palette.js';
import { el, esc, r, root } from './svg.js';
import { labelIndices, markerPath } from './trend.js';

export interface RestorationPoint {
  /** epoch ms */
  at: number;
  customersOut: number;
}

export interface RestorationOptions {
  id: string;
  title: string;
  desc?: string;
  width?: number;
  height?: number;
  /** instants that may be labelled on the time axis (the server's samples); a few are */
  ticks: readonly number[];
  timeLabel: (at: number) => string;
  /** the peak to mark, with its words (e.g. "峰值 520") and the marker's tooltip */
  peak?: { point: RestorationPoint; label: string; title: string } | null;
  format?: (n: number) => string;
}

export function restorationChart(points: readonly RestorationPoint[], o: RestorationOptions): string {
  const width = o.width ?? 640;
  const height = o.height ?? 240;
  const left = 52;
  const right = 16;
  const top = 22;
  const bottom = 26;
  const format = o.format ?? ((n: number) => String(r(n)));
  const first = points[0]?.at ?? 0;
  const last = points[points.length - 1]?.at ?? first;
  const x = scaleLinear()
    .domain(first === last ? [first - 1, first + 1] : [first, last])
    .range([left, width - right]);
  const hi = d3max(points, (p) => p.customersOut) ?? 0;
  const y = scaleLinear()
    .domain([0, hi > 0 ? hi : 1])
    .nice()
    .range([height - bottom, top]);

  const grid = y
    .ticks(4)
    .filter((t) => Number.isInteger(t))
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

  const shown = labelIndices(o.ticks.length, width >= 560 ? 7 : 4);
  const labels = shown
    .map((i, k) => {
      const at = o.ticks[i] as number;
      const anchor =
        shown.length === 1 ? 'middle' : k === 0 ? 'start' : k === shown.length - 1 ? 'end' : 'middle';
      return (
        el('line', {
          x1: x(at),
          x2: x(at),
          y1: height - bottom,
          y2: height - bottom + 4,
          stroke: COLORS.axis,
        }) +
        el('text', { x: x(at), y: height - 6, 'text-anchor': anchor, class: 'label' }, esc(o.timeLabel(at)))
      );
    })
    .join('');

  const px = (p: RestorationPoint) => r(x(p.at));
  const py = (p: RestorationPoint) => r(y(p.customersOut));
  const shade =
    points.length > 1
      ? el('path', {
          d:
            area<RestorationPoint>()
              .x(px)
              .y0(r(y(0)))
              .y1(py)
              .curve(curveStepAfter)(points) ?? '',
          fill: COLORS.barMuted,
          'fill-opacity': 0.3,
          class: 'out-area',
        })
      : '';
  const stroke =
    points.length > 1
      ? el('path', {
          d: line<RestorationPoint>().x(px).y(py).curve(curveStepAfter)(points) ?? '',
          fill: 'none',
          stroke: COLORS.bar,
          'stroke-width': 2,
          class: 'out-line',
        })
      : '';

  let peak = '';
  if (o.peak) {
    const cx = x(o.peak.point.at);
    const cy = y(o.peak.point.customersOut);
    // The label sits above the marker, kept inside the plot at either edge.
    const anchor = cx > width - right - 60 ? 'end' : cx < left + 60 ? 'start' : 'middle';
    peak = el(
      'g',
      {
        class: 'peak',
        'data-at': o.peak.point.at,
        'data-value': o.peak.point.customersOut,
      },
      el('path', { d: markerPath('triangle', cx, cy, 6), fill: COLORS.breach, stroke: '#ffffff' }) +
        el(
          'text',
          { x: cx, y: cy - 10, 'text-anchor': anchor, class: 'label peak-label' },
          esc(o.peak.label),
        ) +
        el('title', {}, esc(o.peak.title)),
    );
  }

  const axis = el('line', { x1: left, x2: width - right, y1: y(0), y2: y(0), stroke: COLORS.axis });
  return root(
    {
      id: o.id,
      width,
      height,
      title: o.title,
      ...(o.desc ? { desc: o.desc } : {}),
      className: 'chart restoration',
    },
    grid + shade + stroke + axis + labels + peak,
  );
}
