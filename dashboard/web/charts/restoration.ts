// The restoration curve of a storm: customers out over time as a step line (a value holds from
// its point to the next, as the server's curve is exact at every change), the area under it
// shaded, the peak marked with a triangle and its figure in words. Times are epoch ms placed on
// a linear scale; their labels come from the caller, in the operating zone.

import { area, curveStepAfter, line, max as d3max, type ScaleLinear, scaleLinear } from 'd3';
import { edgeAnchor, type Margin, type ValueChartOptions, valueFrame } from './frame.js';
import { COLORS } from './palette.js';
import { el, esc, r } from './svg.js';
import { labelIndices, markerPath } from './trend.js';

export interface RestorationPoint {
  /** epoch ms */
  at: number;
  customersOut: number;
}

export interface RestorationPeak {
  point: RestorationPoint;
  /** its words (e.g. "峰值 520") */
  label: string;
  /** the marker's tooltip */
  title: string;
}

export interface RestorationOptions extends ValueChartOptions {
  /** instants that may be labelled on the time axis (the server's samples); a few are */
  ticks: readonly number[];
  timeLabel: (at: number) => string;
  /** the peak to mark */
  peak?: RestorationPeak | null;
}

const MARGIN: Margin = { top: 22, right: 16, bottom: 26, left: 52 };

type Scale = ScaleLinear<number, number>;

function timeLabels(o: RestorationOptions, x: Scale, width: number, height: number): string {
  const shown = labelIndices(o.ticks.length, width >= 560 ? 7 : 4);
  const base = height - MARGIN.bottom;
  return shown
    .map((i, k) => {
      const at = o.ticks[i] as number;
      return (
        el('line', { x1: x(at), x2: x(at), y1: base, y2: base + 4, stroke: COLORS.axis }) +
        el(
          'text',
          { x: x(at), y: height - 6, 'text-anchor': edgeAnchor(k, shown.length), class: 'label' },
          esc(o.timeLabel(at)),
        )
      );
    })
    .join('');
}

/** The shaded area under the step line and the line itself (none for fewer than two points). */
function curve(points: readonly RestorationPoint[], x: Scale, y: Scale): string {
  if (points.length <= 1) return '';
  const px = (p: RestorationPoint) => r(x(p.at));
  const py = (p: RestorationPoint) => r(y(p.customersOut));
  const shade = el('path', {
    d:
      area<RestorationPoint>()
        .x(px)
        .y0(r(y(0)))
        .y1(py)
        .curve(curveStepAfter)(points) ?? '',
    fill: COLORS.barMuted,
    'fill-opacity': 0.3,
    class: 'out-area',
  });
  const stroke = el('path', {
    d: line<RestorationPoint>().x(px).y(py).curve(curveStepAfter)(points) ?? '',
    fill: 'none',
    stroke: COLORS.bar,
    'stroke-width': 2,
    class: 'out-line',
  });
  return shade + stroke;
}

function peakMark(peak: RestorationPeak, x: Scale, y: Scale, width: number): string {
  const cx = x(peak.point.at);
  const cy = y(peak.point.customersOut);
  // The label sits above the marker, kept inside the plot at either edge.
  const anchor = cx > width - MARGIN.right - 60 ? 'end' : cx < MARGIN.left + 60 ? 'start' : 'middle';
  return el(
    'g',
    { class: 'peak', 'data-at': peak.point.at, 'data-value': peak.point.customersOut },
    el('path', { d: markerPath('triangle', cx, cy, 6), fill: COLORS.breach, stroke: '#ffffff' }) +
      el('text', { x: cx, y: cy - 10, 'text-anchor': anchor, class: 'label peak-label' }, esc(peak.label)) +
      el('title', {}, esc(peak.title)),
  );
}

export function restorationChart(points: readonly RestorationPoint[], o: RestorationOptions): string {
  const frame = valueFrame(o, {
    size: [640, 240],
    margin: MARGIN,
    hi: d3max(points, (p) => p.customersOut) ?? 0,
    wholeTicks: true,
    labelGap: 6,
  });
  const { width, height, y } = frame;
  const first = points[0]?.at ?? 0;
  const last = points[points.length - 1]?.at ?? first;
  const x = scaleLinear()
    .domain(first === last ? [first - 1, first + 1] : [first, last])
    .range([MARGIN.left, width - MARGIN.right]);
  const peak = o.peak ? peakMark(o.peak, x, y, width) : '';
  return frame.svg(
    'restoration',
    frame.grid + curve(points, x, y) + frame.baseline + timeLabels(o, x, width, height) + peak,
  );
}
