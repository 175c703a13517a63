// A calendar heatmap of outages per local day: one column per week (Monday first), one row per
// weekday. Days, weekdays and dates come from the server (GET /outages/daily), already in the
// operating zone; this function only lays them out.

import { max as d3max } from 'd3';
import { type ChartOptions, chartRoot, endLabel, sideText } from './frame.js';
import { calendarColor, COLORS } from './palette.js';
import { el, esc } from './svg.js';

export interface CalendarDay {
  /** local date "YYYY-MM-DD" */
  date: string;
  /** 0 = Sunday … 6 = Saturday, as the server says */
  weekday: number;
  value: number;
}

/** The width follows from the weeks shown; `cell` sets a day's square. */
export interface CalendarOptions extends Omit<ChartOptions, 'width'> {
  cell?: number;
  /** Text of a cell's tooltip. */
  cellTitle: (d: CalendarDay) => string;
  /** Month label for the first day of a month ("YYYY-MM-01"). */
  monthLabel: (date: string) => string;
  /** Labels for Monday, Wednesday and Friday rows. */
  weekdayLabels: readonly [string, string, string];
  legendLow: string;
  legendHigh: string;
}

export function calendarHeatmap(days: readonly CalendarDay[], o: CalendarOptions): string {
  const cell = o.cell ?? 11;
  const gap = 2;
  const step = cell + gap;
  const left = 30;
  const top = 18;
  const monday = (d: CalendarDay) => (d.weekday + 6) % 7;
  const offset = days[0] ? monday(days[0]) : 0;
  const weeks = Math.ceil((days.length + offset) / 7);
  const legendHeight = 22;
  const width = left + Math.max(weeks, 1) * step + 4;
  const height = top + 7 * step + legendHeight;
  const hi = d3max(days, (d) => d.value) ?? 0;

  const cells = days
    .map((d, i) => {
      const week = Math.floor((i + offset) / 7);
      return el(
        'rect',
        {
          x: left + week * step,
          y: top + monday(d) * step,
          width: cell,
          height: cell,
          rx: 2,
          fill: calendarColor(d.value, hi),
          'data-date': d.date,
          'data-value': d.value,
        },
        el('title', {}, esc(o.cellTitle(d))),
      );
    })
    .join('');

  const months = days
    .map((d, i) => ({ d, week: Math.floor((i + offset) / 7) }))
    .filter(({ d }) => d.date.endsWith('-01'))
    .map(({ d, week }) =>
      el('text', { x: left + week * step, y: top - 6, class: 'label' }, esc(o.monthLabel(d.date))),
    )
    .join('');

  const weekdays = o.weekdayLabels
    .map((label, i) => endLabel(left - 4, top + (i * 2 + 0) * step + cell / 2, label))
    .join('');

  const ly = top + 7 * step + 6;
  const swatches = [0, 0.25, 0.5, 0.75, 1]
    .map((f, i) =>
      el('rect', {
        x: left + 40 + i * step,
        y: ly,
        width: cell,
        height: cell,
        rx: 2,
        fill: f === 0 ? COLORS.empty : calendarColor(f * Math.max(hi, 1), Math.max(hi, 1)),
      }),
    )
    .join('');
  const legend =
    endLabel(left + 36, ly + cell / 2, o.legendLow) +
    swatches +
    sideText(left + 44 + 5 * step, ly + cell / 2, o.legendHigh);

  return chartRoot(
    o,
    width,
    height,
    'calendar',
    months + weekdays + el('g', { class: 'cells' }, cells) + el('g', { class: 'legend' }, legend),
  );
}
