// Horizontal bars with labels, values and an optional target tick per bar: customers out by
// region, reliability measures by city (small multiples) and SAIDI against area-class targets;
// a bar over its target is drawn apart (colour and a ▲ after its value).

import { max as d3max, scaleLinear } from 'd3';
import { chartRoot, endLabel, type FigureChartOptions, figureFormat, sideText } from './frame.js';
import { COLORS } from './palette.js';
import { el } from './svg.js';

export interface Bar {
  label: string;
  value: number;
  /** A target value drawn as a tick; null/absent for none. */
  target?: number | null;
  /** Draws the bar in the second colour (e.g. planned vs unplanned). */
  muted?: boolean;
}

/** `format` gives the value's text beside the bar. */
export interface BarOptions extends FigureChartOptions {
  barHeight?: number;
  labelWidth?: number;
  /** Upper end of the scale; default: the largest value or target. */
  max?: number;
  /** The scale's lower end; default 0 (ASAI-like measures start higher). */
  min?: number;
}

export function barChart(bars: readonly Bar[], o: BarOptions): string {
  const width = o.width ?? 480;
  const barHeight = o.barHeight ?? 22;
  const gap = 6;
  const labelWidth = o.labelWidth ?? 120;
  const valueWidth = 64;
  const top = 4;
  const height = top + bars.length * (barHeight + gap) + 4;
  const format = figureFormat(o);
  const hi = o.max ?? d3max(bars.flatMap((b) => [b.value, b.target ?? 0])) ?? 0;
  const lo = o.min ?? 0;
  const x = scaleLinear()
    .domain([lo, hi > lo ? hi : lo + 1])
    .range([labelWidth, width - valueWidth]);
  const body = bars
    .map((b, i) => {
      const y = top + i * (barHeight + gap);
      const w = Math.max(0, x(Math.max(lo, b.value)) - labelWidth);
      // Over its target: vermillion and a triangle after the value (never colour alone).
      const over = b.target !== null && b.target !== undefined && b.value > b.target;
      const fill = over ? COLORS.breach : b.muted ? COLORS.barMuted : COLORS.bar;
      const label = endLabel(labelWidth - 6, y + barHeight / 2, b.label);
      const bar = el('rect', { x: labelWidth, y, width: w, height: barHeight, fill, rx: 2 });
      const value = sideText(
        labelWidth + w + 4,
        y + barHeight / 2,
        over ? `${format(b.value)} ▲` : format(b.value),
        'value',
      );
      const target =
        b.target === null || b.target === undefined
          ? ''
          : el('line', {
              x1: x(b.target),
              x2: x(b.target),
              y1: y - 3,
              y2: y + barHeight + 3,
              stroke: COLORS.target,
              'stroke-width': 2.5,
              class: 'target',
            });
      return el('g', { class: over ? 'bar over' : 'bar' }, label + bar + value + target);
    })
    .join('');
  const axis = el('line', {
    x1: labelWidth,
    x2: labelWidth,
    y1: 0,
    y2: height,
    stroke: COLORS.axis,
    'stroke-width': 1,
  });
  return chartRoot(o, width, height, 'bars', body + axis);
}
