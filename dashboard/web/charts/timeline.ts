// One asset's outages on a timeline of local dates, and for each count rule the counted
// outages in the rolling window ending on each day, drawn as a step line against the limit.
// Dates come from the server's /explain answer (local dates in the operating zone).

import { scaleLinear } from 'd3';
import { COLORS } from './palette.js';
import { dayNumber, el, esc, monthStarts, r, root } from './svg.js';

export interface TimelineOutage {
  date: string;
  counted: boolean;
  /** Tooltip text: date, cause, reason. */
  title: string;
}

export interface TimelinePanel {
  label: string;
  limit: number;
  windowDays: number;
  /** Local dates of the counted outages, including those before `from` that reach into it. */
  counted: readonly string[];
}

export interface TimelineInput {
  from: string;
  to: string;
  outages: readonly TimelineOutage[];
  panels: readonly TimelinePanel[];
}

export interface TimelineOptions {
  id: string;
  title: string;
  desc?: string;
  width?: number;
  monthLabel: (date: string) => string;
  limitLabel: (limit: number) => string;
}

export interface Segment {
  /** first day (day number) the count holds */
  from: number;
  /** first day after */
  to: number;
  count: number;
}

/**
 * The count of dates in the rolling window of `windowDays` ending on each day of [from, to],
 * as constant segments. Pure calendar arithmetic on local dates.
 */
export function windowSegments(
  counted: readonly string[],
  from: string,
  to: string,
  windowDays: number,
): Segment[] {
  const lo = dayNumber(from);
  const hi = dayNumber(to) + 1;
  const changes = new Map<number, number>();
  let count = 0;
  for (const date of counted) {
    const d = dayNumber(date);
    const out = d + windowDays;
    if (d <= lo && out > lo) count += 1;
    if (d > lo && d < hi) changes.set(d, (changes.get(d) ?? 0) + 1);
    if (out > lo && out < hi) changes.set(out, (changes.get(out) ?? 0) - 1);
  }
  const days = [...changes.keys()].sort((a, b) => a - b);
  const segments: Segment[] = [];
  let start = lo;
  for (const d of days) {
    const delta = changes.get(d) ?? 0;
    if (delta === 0) continue;
    if (d > start) segments.push({ from: start, to: d, count });
    count += delta;
    start = d;
  }
  segments.push({ from: start, to: hi, count });
  // Merge neighbours with equal counts (a +1 and −1 on the same day cancel out above).
  return segments.reduce<Segment[]>((acc, s) => {
    const last = acc[acc.length - 1];
    if (last && last.count === s.count && last.to === s.from) last.to = s.to;
    else acc.push({ ...s });
    return acc;
  }, []);
}

export function timeline(input: TimelineInput, o: TimelineOptions): string {
  const width = o.width ?? 720;
  const left = 40;
  const right = 14;
  const stripTop = 20;
  const stripHeight = 34;
  const panelHeight = 96;
  const panelGap = 26;
  const lo = dayNumber(input.from);
  const hi = dayNumber(input.to) + 1;
  const x = scaleLinear()
    .domain([lo, hi])
    .range([left, width - right]);
  const panelsTop = stripTop + stripHeight + 24;
  const height = panelsTop + input.panels.length * (panelHeight + panelGap) + 8;

  // Month grid and labels over the whole height.
  const months = monthStarts(input.from, input.to)
    .map((m) => {
      const mx = x(dayNumber(m));
      return (
        el('line', {
          x1: mx,
          x2: mx,
          y1: stripTop - 4,
          y2: height - 8,
          stroke: COLORS.grid,
          'stroke-width': 1,
        }) + el('text', { x: mx + 2, y: stripTop - 8, class: 'label' }, esc(o.monthLabel(m)))
      );
    })
    .join('');

  // Outage marks: counted filled, not counted hollow; same-day outages stack.
  const perDay = new Map<number, number>();
  const marks = input.outages
    .filter((d) => dayNumber(d.date) >= lo && dayNumber(d.date) < hi)
    .map((d) => {
      const day = dayNumber(d.date);
      const k = perDay.get(day) ?? 0;
      perDay.set(day, k + 1);
      const cx = x(day + 0.5);
      const cy = stripTop + stripHeight - 7 - (k % 4) * 8;
      return el(
        'circle',
        {
          cx,
          cy,
          r: 3.6,
          fill: d.counted ? COLORS.bar : '#FFFFFF',
          stroke: d.counted ? COLORS.bar : COLORS.breach,
          'stroke-width': d.counted ? 1 : 1.6,
          class: d.counted ? 'counted' : 'excluded',
          'data-date': d.date,
        },
        el('title', {}, esc(d.title)),
      );
    })
    .join('');
  const stripAxis = el('line', {
    x1: left,
    x2: width - right,
    y1: stripTop + stripHeight,
    y2: stripTop + stripHeight,
    stroke: COLORS.axis,
  });

  const panels = input.panels
    .map((p, i) => {
      const top = panelsTop + i * (panelHeight + panelGap);
      const segments = windowSegments(p.counted, input.from, input.to, p.windowDays);
      const peak = Math.max(p.limit + 1, ...segments.map((s) => s.count));
      const y = scaleLinear()
        .domain([0, peak])
        .range([top + panelHeight, top + 4]);
      const ticks = y.ticks(Math.min(4, peak)).filter((t) => Number.isInteger(t));
      const axis =
        el('line', { x1: left, x2: left, y1: top, y2: top + panelHeight, stroke: COLORS.axis }) +
        el('line', {
          x1: left,
          x2: width - right,
          y1: top + panelHeight,
          y2: top + panelHeight,
          stroke: COLORS.axis,
        }) +
        ticks
          .map((t) =>
            el(
              'text',
              { x: left - 5, y: y(t), 'text-anchor': 'end', 'dominant-baseline': 'central', class: 'label' },
              String(t),
            ),
          )
          .join('');
      const limit =
        el('line', {
          x1: left,
          x2: width - right,
          y1: y(p.limit),
          y2: y(p.limit),
          stroke: COLORS.target,
          'stroke-dasharray': '5 4',
          'stroke-width': 1.5,
          class: 'limit',
        }) +
        el(
          'text',
          { x: width - right - 2, y: y(p.limit) - 4, 'text-anchor': 'end', class: 'label halo' },
          esc(o.limitLabel(p.limit)),
        );
      let path = '';
      let prev: Segment | undefined;
      for (const s of segments) {
        const over = s.count > p.limit;
        const join = prev ? `M${r(x(s.from))},${r(y(prev.count))}V${r(y(s.count))}` : '';
        path += el('path', {
          d: `${join}M${r(x(s.from))},${r(y(s.count))}H${r(x(s.to))}`,
          fill: 'none',
          stroke: over ? COLORS.breach : COLORS.bar,
          'stroke-width': over ? 3 : 2,
          class: over ? 'over' : 'under',
        });
        prev = s;
      }
      const title = el('text', { x: left, y: top - 6, class: 'panel-title' }, esc(p.label));
      return el('g', { class: 'panel' }, title + axis + limit + path);
    })
    .join('');

  return root(
    {
      id: o.id,
      width,
      height,
      title: o.title,
      ...(o.desc ? { desc: o.desc } : {}),
      className: 'chart timeline',
    },
    months + stripAxis + el('g', { class: 'marks' }, marks) + panels,
  );
}
