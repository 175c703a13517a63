// Two bars per group, before and after, on one scale: a region's SAIDI as it is and as if the
// chosen assets' remediable outages had not happened ("what it buys"). The "before" bar is
// light and outlined, the "after" bar dark and below it, and both carry their value, so the
// pair reads without colour.

import { max as d3max, scaleLinear } from 'd3';
import { COLORS } from './palette.js';
import { el, esc, r, root } from './svg.js';

export interface Pair {
  label: string;
  before: number | null;
  after: number | null;
}

export interface PairedOptions {
  id: string;
  title: string;
  desc?: string;
  width?: number;
  labelWidth?: number;
  beforeLabel: string;
  afterLabel: string;
  format?: (n: number) => string;
}

export function pairedBars(pairs: readonly Pair[], o: PairedOptions): string {
  const width = o.width ?? 520;
  const labelWidth = o.labelWidth ?? 140;
  const valueWidth = 60;
  const bar = 14;
  const gap = 2;
  const groupGap = 12;
  const top = 24;
  const group = 2 * bar + gap;
  const height = top + pairs.length * (group + groupGap) + 2;
  const format = o.format ?? ((n: number) => String(r(n)));
  const hi = d3max(pairs.flatMap((p) => [p.before ?? 0, p.after ?? 0])) ?? 0;
  const x = scaleLinear()
    .domain([0, hi > 0 ? hi : 1])
    .range([labelWidth, width - valueWidth]);
  const one = (value: number | null, y: number, which: 'before' | 'after') => {
    const w = value === null ? 0 : Math.max(0, x(value) - labelWidth);
    const rect = el('rect', {
      x: labelWidth,
      y,
      width: w,
      height: bar,
      fill: which === 'before' ? COLORS.barMuted : COLORS.bar,
      stroke: which === 'before' ? COLORS.bar : null,
      'stroke-width': which === 'before' ? 1 : null,
      class: which,
      'data-value': value ?? '',
    });
    const text = el(
      'text',
      { x: labelWidth + w + 4, y: y + bar / 2, 'dominant-baseline': 'central', class: 'value' },
      esc(value === null ? '—' : format(value)),
    );
    return rect + text;
  };
  const body = pairs
    .map((p, i) => {
      const y = top + i * (group + groupGap);
      const label = el(
        'text',
        {
          x: labelWidth - 6,
          y: y + group / 2,
          'text-anchor': 'end',
          'dominant-baseline': 'central',
          class: 'label',
        },
        esc(p.label),
      );
      return el(
        'g',
        { class: 'pair' },
        label + one(p.before, y, 'before') + one(p.after, y + bar + gap, 'after'),
      );
    })
    .join('');
  const legend =
    el('rect', {
      x: labelWidth,
      y: 4,
      width: 14,
      height: 10,
      fill: COLORS.barMuted,
      stroke: COLORS.bar,
      'stroke-width': 1,
    }) +
    el(
      'text',
      { x: labelWidth + 18, y: 9, 'dominant-baseline': 'central', class: 'label' },
      esc(o.beforeLabel),
    ) +
    el('rect', { x: labelWidth + 110, y: 4, width: 14, height: 10, fill: COLORS.bar }) +
    el(
      'text',
      { x: labelWidth + 128, y: 9, 'dominant-baseline': 'central', class: 'label' },
      esc(o.afterLabel),
    );
  const axis = el('line', { x1: labelWidth, x2: labelWidth, y1: top - 4, y2: height, stroke: COLORS.axis });
  return root(
    {
      id: o.id,
      width,
      height,
      title: o.title,
      ...(o.desc ? { desc: o.desc } : {}),
      className: 'chart paired',
    },
    legend + body + axis,
  );
}
