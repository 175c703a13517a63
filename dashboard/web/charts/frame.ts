// The frame the charts share: the options every chart starts with (id, title, description,
// width, number format), the accessible root element named after them, a value scale from zero,
// the value axis's gridlines and labels, the axis lines, and text placed beside a point. Each
// chart lays out only what is its own (bars, lines, marks, legends) inside this frame.

import { type ScaleLinear, scaleLinear } from 'd3';
import { COLORS } from './palette.js';
import { el, esc, r, root } from './svg.js';

/** What the options of every chart begin with. */
export interface ChartOptions {
  /** A prefix for the element ids, unique on the page (e.g. "cal-asset"). */
  id: string;
  title: string;
  desc?: string;
  width?: number;
}

/** A chart that writes figures: `format` gives their text (default: two decimals). */
export interface FigureChartOptions extends ChartOptions {
  format?: (n: number) => string;
}

/** A chart of values on a vertical scale from zero, whose height the caller may set. */
export interface ValueChartOptions extends FigureChartOptions {
  height?: number;
}

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Figures to two decimals, the charts' default text for a value. */
const plainFigure = (n: number): string => String(r(n));

export const figureFormat = (o: FigureChartOptions): ((n: number) => string) => o.format ?? plainFigure;

/** The chart's <svg> root: its title and description from the options, class "chart <kind>". */
export function chartRoot(
  o: ChartOptions,
  width: number,
  height: number,
  kind: string,
  body: string,
): string {
  return root(
    {
      id: o.id,
      width,
      height,
      title: o.title,
      ...(o.desc ? { desc: o.desc } : {}),
      className: `chart ${kind}`,
    },
    body,
  );
}

/** A value scale from zero to the largest value (one when there is none), rounded outwards. */
function valueScale(hi: number, bottom: number, top: number): ScaleLinear<number, number> {
  return scaleLinear()
    .domain([0, hi > 0 ? hi : 1])
    .nice()
    .range([bottom, top]);
}

/** A line in the axis colour. */
export const axisLine = (x1: number, x2: number, y1: number, y2: number): string =>
  el('line', { x1, x2, y1, y2, stroke: COLORS.axis });

/** Text that ends at x, centred on y: a value axis's tick, a bar's or a row's label. */
export const endLabel = (x: number, y: number, text: string): string =>
  el('text', { x, y, 'text-anchor': 'end', 'dominant-baseline': 'central', class: 'label' }, esc(text));

/** Text that starts at x, centred on y: a legend's words, a bar's value. */
export const sideText = (x: number, y: number, text: string, className = 'label'): string =>
  el('text', { x, y, 'dominant-baseline': 'central', class: className }, esc(text));

/** Horizontal gridlines from x1 to x2 at the ticks, each labelled at labelX. */
function gridLines(
  y: (v: number) => number,
  ticks: readonly number[],
  x: { from: number; to: number; label: number },
  format: (n: number) => string,
): string {
  return ticks
    .map(
      (t) =>
        el('line', { x1: x.from, x2: x.to, y1: y(t), y2: y(t), stroke: COLORS.grid }) +
        endLabel(x.label, y(t), format(t)),
    )
    .join('');
}

/** How the k-th of n labels along an axis is anchored: the ends inwards, the rest centred. */
export function edgeAnchor(k: number, n: number): 'start' | 'middle' | 'end' {
  if (n === 1) return 'middle';
  if (k === 0) return 'start';
  return k === n - 1 ? 'end' : 'middle';
}

/** The frame of a value chart: its size, the value scale, the gridlines and the zero line. */
export interface ValueFrame {
  width: number;
  height: number;
  margin: Margin;
  y: ScaleLinear<number, number>;
  /** gridlines at the value ticks, each labelled left of the plot */
  grid: string;
  /** the zero line */
  baseline: string;
  /** the chart's root around its body */
  svg: (kind: string, body: string) => string;
}

export interface ValueFrameSpec {
  /** default width and height */
  size: readonly [number, number];
  margin: Margin;
  /** the largest value to show */
  hi: number;
  /** whole numbers only (counts) */
  wholeTicks: boolean;
  /** the tick labels' gap left of the plot */
  labelGap: number;
}

export function valueFrame(o: ValueChartOptions, spec: ValueFrameSpec): ValueFrame {
  const width = o.width ?? spec.size[0];
  const height = o.height ?? spec.size[1];
  const { left, right, top, bottom } = spec.margin;
  const y = valueScale(spec.hi, height - bottom, top);
  const ticks = y.ticks(4).filter((t) => !spec.wholeTicks || Number.isInteger(t));
  return {
    width,
    height,
    margin: spec.margin,
    y,
    grid: gridLines(
      y,
      ticks,
      { from: left, to: width - right, label: left - spec.labelGap },
      figureFormat(o),
    ),
    baseline: axisLine(left, width - right, y(0), y(0)),
    svg: (kind, body) => chartRoot(o, width, height, kind, body),
  };
}
