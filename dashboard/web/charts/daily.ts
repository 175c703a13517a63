// Daily values as thin bars (one per local day from the server) with a per-day threshold line,
// days over it marked: daily SAIDI against the IEEE 1366 2.5β major-event-day threshold.

import { max as d3max } from 'd3';
import { type Margin, type ValueChartOptions, valueFrame } from './frame.js';
import { COLORS } from './palette.js';
import { el, esc, monthStarts, r } from './svg.js';

export interface DailyPoint {
  date: string;
  value: number | null;
  threshold: number | null;
  major: boolean;
}

export interface DailyOptions extends ValueChartOptions {
  monthLabel: (date: string) => string;
  pointTitle: (p: DailyPoint) => string;
}

const MARGIN: Margin = { top: 14, right: 10, bottom: 22, left: 44 };

/** The threshold as a step line over the days, broken where a day has none. */
function thresholdPath(points: readonly DailyPoint[], x: (i: number) => number, y: (v: number) => number) {
  let line = '';
  points.forEach((p, i) => {
    if (p.threshold === null) return;
    const prev = points[i - 1];
    const move = !prev || prev.threshold === null || prev.threshold !== p.threshold;
    line += `${move ? 'M' : 'L'}${r(x(i))},${r(y(p.threshold))}H${r(x(i + 1))}`;
  });
  return line
    ? el('path', {
        d: line,
        fill: 'none',
        stroke: COLORS.target,
        'stroke-dasharray': '5 4',
        'stroke-width': 1.5,
        class: 'threshold',
      })
    : '';
}

export function dailyBars(points: readonly DailyPoint[], o: DailyOptions): string {
  const frame = valueFrame(o, {
    size: [720, 200],
    margin: MARGIN,
    hi: d3max(points.flatMap((p) => [p.value ?? 0, p.threshold ?? 0])) ?? 0,
    wholeTicks: false,
    labelGap: 5,
  });
  const { y, height } = frame;
  const step = (frame.width - MARGIN.left - MARGIN.right) / Math.max(points.length, 1);
  const x = (i: number) => MARGIN.left + i * step;
  const index = new Map(points.map((p, i) => [p.date, i]));
  const first = points[0];
  const last = points[points.length - 1];
  const months =
    first && last
      ? monthStarts(first.date, last.date)
          .filter((m) => index.has(m))
          .map((m) =>
            el('text', { x: x(index.get(m) ?? 0), y: height - 6, class: 'label' }, esc(o.monthLabel(m))),
          )
          .join('')
      : '';
  const bars = points
    .map((p, i) => {
      const v = p.value ?? 0;
      return el(
        'rect',
        {
          x: x(i),
          y: y(v),
          width: Math.max(step - 0.6, 0.6),
          height: Math.max(0, y(0) - y(v)),
          fill: p.major ? COLORS.major : COLORS.barMuted,
          class: p.major ? 'major' : 'day',
          'data-date': p.date,
        },
        el('title', {}, esc(o.pointTitle(p))),
      );
    })
    .join('');
  return frame.svg(
    'daily',
    frame.grid + el('g', { class: 'bars' }, bars) + thresholdPath(points, x, y) + frame.baseline + months,
  );
}
