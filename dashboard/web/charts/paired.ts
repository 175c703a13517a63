// Two bars per group, before and after, on one scale: a region's SAIDI as it is and as if the
// chosen assets' remediable outages had not happened ("what it buys"). The "before" bar is
// light and outlined, the "after" bar dark and below it, and both carry their value, so the
// pair reads without colour.

import { max as d3max, scaleLinear } from 'd3';
import { axisLine, chartRoot, endLabel, type FigureChartOptions, figureFormat, sideText } from './frame.js';
import { COLORS } from './palette.js';
import { el } from './svg.js';

export interface Pair {
  label: string;
  before: number | null;
  after: number | null;
}

export interface PairedOptions extends FigureChartOptions {
  labelWidth?: number;
  beforeLabel: string;
  afterLabel: string;
}

/** A bar's thickness, the gap within a pair, the gap between pairs, the room above the first. */
const BAR = 14;
const GAP = 2;
const GROUP_GAP = 12;
const TOP = 24;
const GROUP = 2 * BAR + GAP;
const VALUE_WIDTH = 60;

type Which = 'before' | 'after';

/** The key above the bars: the outlined light swatch for "before", the dark one for "after". */
function legend(o: PairedOptions, labelWidth: number): string {
  return (
    el('rect', {
      x: labelWidth,
      y: 4,
      width: 14,
      height: 10,
      fill: COLORS.barMuted,
      stroke: COLORS.bar,
      'stroke-width': 1,
    }) +
    sideText(labelWidth + 18, 9, o.beforeLabel) +
    el('rect', { x: labelWidth + 110, y: 4, width: 14, height: 10, fill: COLORS.bar }) +
    sideText(labelWidth + 128, 9, o.afterLabel)
  );
}

export function pairedBars(pairs: readonly Pair[], o: PairedOptions): string {
  const width = o.width ?? 520;
  const labelWidth = o.labelWidth ?? 140;
  const height = TOP + pairs.length * (GROUP + GROUP_GAP) + 2;
  const format = figureFormat(o);
  const hi = d3max(pairs.flatMap((p) => [p.before ?? 0, p.after ?? 0])) ?? 0;
  const x = scaleLinear()
    .domain([0, hi > 0 ? hi : 1])
    .range([labelWidth, width - VALUE_WIDTH]);
  const one = (value: number | null, y: number, which: Which) => {
    const w = value === null ? 0 : Math.max(0, x(value) - labelWidth);
    const rect = el('rect', {
      x: labelWidth,
      y,
      width: w,
      height: BAR,
      fill: which === 'before' ? COLORS.barMuted : COLORS.bar,
      stroke: which === 'before' ? COLORS.bar : null,
      'stroke-width': which === 'before' ? 1 : null,
      class: which,
      'data-value': value ?? '',
    });
    return rect + sideText(labelWidth + w + 4, y + BAR / 2, value === null ? '—' : format(value), 'value');
  };
  const body = pairs
    .map((p, i) => {
      const y = TOP + i * (GROUP + GROUP_GAP);
      const label = endLabel(labelWidth - 6, y + GROUP / 2, p.label);
      return el(
        'g',
        { class: 'pair' },
        label + one(p.before, y, 'before') + one(p.after, y + BAR + GAP, 'after'),
      );
    })
    .join('');
  const axis = axisLine(labelWidth, labelWidth, TOP - 4, height);
  return chartRoot(o, width, height, 'paired', legend(o, labelWidth) + body + axis);
}
