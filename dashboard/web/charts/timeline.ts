// One asset's outages on a timeline of local dates, and for each count rule the counted
// outages in the rolling window ending on each day, drawn as a step line against the limit.
// Dates come from the server's /explain answer (local dates in the operating zone).

import { type ScaleLinear, scaleLinear } from 'd3';
import { axisLine, type ChartOptions, chartRoot, endLabel } from './frame.js';
import { COLORS } from './palette.js';
import { dayNumber, el, esc, monthStarts, r } from './svg.js';

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

export interface TimelineOptions extends ChartOptions {
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

/** The strip of outage marks on top, then one panel per rule, one below the other. */
const STRIP_TOP = 20;
const STRIP_HEIGHT = 34;
const PANELS_TOP = STRIP_TOP + STRIP_HEIGHT + 24;
const PANEL_HEIGHT = 96;
const PANEL_GAP = 26;
const LEFT = 40;
const RIGHT = 14;

type Scale = ScaleLinear<number, number>;

/** Month grid and labels over the whole height. */
function monthGrid(input: TimelineInput, o: TimelineOptions, x: Scale, height: number): string {
  return monthStarts(input.from, input.to)
    .map((m) => {
      const mx = x(dayNumber(m));
      return (
        el('line', {
          x1: mx,
          x2: mx,
          y1: STRIP_TOP - 4,
          y2: height - 8,
          stroke: COLORS.grid,
          'stroke-width': 1,
        }) + el('text', { x: mx + 2, y: STRIP_TOP - 8, class: 'label' }, esc(o.monthLabel(m)))
      );
    })
    .join('');
}

/** Outage marks: counted filled, not counted hollow; same-day outages stack. */
function outageMarks(outages: readonly TimelineOutage[], x: Scale): string {
  const [lo, hi] = x.domain() as [number, number];
  const perDay = new Map<number, number>();
  return outages
    .filter((d) => dayNumber(d.date) >= lo && dayNumber(d.date) < hi)
    .map((d) => {
      const day = dayNumber(d.date);
      const k = perDay.get(day) ?? 0;
      perDay.set(day, k + 1);
      return el(
        'circle',
        {
          cx: x(day + 0.5),
          cy: STRIP_TOP + STRIP_HEIGHT - 7 - (k % 4) * 8,
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
}

/** The count as a step line, thicker and vermillion where it is over the limit. */
function countSteps(segments: readonly Segment[], limit: number, x: Scale, y: Scale): string {
  let path = '';
  let prev: Segment | undefined;
  for (const s of segments) {
    const over = s.count > limit;
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
  return path;
}

/** A rule's panel: its title, count axis, the limit as a dashed line and the count's steps. */
function panel(p: TimelinePanel, i: number, input: TimelineInput, o: TimelineOptions, x: Scale): string {
  const right = x.range()[1] as number;
  const top = PANELS_TOP + i * (PANEL_HEIGHT + PANEL_GAP);
  const segments = windowSegments(p.counted, input.from, input.to, p.windowDays);
  const peak = Math.max(p.limit + 1, ...segments.map((s) => s.count));
  const y = scaleLinear()
    .domain([0, peak])
    .range([top + PANEL_HEIGHT, top + 4]);
  const ticks = y.ticks(Math.min(4, peak)).filter((t) => Number.isInteger(t));
  const axis =
    axisLine(LEFT, LEFT, top, top + PANEL_HEIGHT) +
    axisLine(LEFT, right, top + PANEL_HEIGHT, top + PANEL_HEIGHT) +
    ticks.map((t) => endLabel(LEFT - 5, y(t), String(t))).join('');
  const limit =
    el('line', {
      x1: LEFT,
      x2: right,
      y1: y(p.limit),
      y2: y(p.limit),
      stroke: COLORS.target,
      'stroke-dasharray': '5 4',
      'stroke-width': 1.5,
      class: 'limit',
    }) +
    el(
      'text',
      { x: right - 2, y: y(p.limit) - 4, 'text-anchor': 'end', class: 'label halo' },
      esc(o.limitLabel(p.limit)),
    );
  const title = el('text', { x: LEFT, y: top - 6, class: 'panel-title' }, esc(p.label));
  return el('g', { class: 'panel' }, title + axis + limit + countSteps(segments, p.limit, x, y));
}

export function timeline(input: TimelineInput, o: TimelineOptions): string {
  const width = o.width ?? 720;
  const x = scaleLinear()
    .domain([dayNumber(input.from), dayNumber(input.to) + 1])
    .range([LEFT, width - RIGHT]);
  const height = PANELS_TOP + input.panels.length * (PANEL_HEIGHT + PANEL_GAP) + 8;
  const stripAxis = axisLine(LEFT, width - RIGHT, STRIP_TOP + STRIP_HEIGHT, STRIP_TOP + STRIP_HEIGHT);
  const panels = input.panels.map((p, i) => panel(p, i, input, o, x)).join('');
  return chartRoot(
    o,
    width,
    height,
    'timeline',
    monthGrid(input, o, x, height) +
      stripAxis +
      el('g', { class: 'marks' }, outageMarks(input.outages, x)) +
      panels,
  );
}
