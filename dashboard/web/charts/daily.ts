// Daily values as thin bars (one per local day from the server) with a per-day threshold line,
// days over it marked: daily SAIDI against the IEEE 1366 2.5β major-event-day threshold.

import { max as d3max, scaleLinear } from 'd3';
import { COLORS } from './palette.js';
import { el, esc, monthStarts, r, root } from './svg.js';

export interface DailyPoint {
  date: string;
  value: number | null;
  threshold: number | null;
  major: boolean;
}

export interface DailyOptions {
  id: string;
  title: string;
  desc?: string;
  width?: number;
  height?: number;
  monthLabel: (date: string) => string;
  pointTitle: (p: DailyPoint) => string;
  format?: (n: number) => string;
}

export function dailyBars(points: readonly DailyPoint[], o: DailyOptions): string {
  const width = o.width ?? 720;
  const height = o.height ?? 200;
  const left = 44;
  const right = 10;
  const top = 14;
  const bottom = 22;
  const n = Math.max(points.length, 1);
  const step = (width - left - right) / n;
  const hi = d3max(points.flatMap((p) => [p.value ?? 0, p.threshold ?? 0])) ?? 0;
  const y = scaleLinear()
    .domain([0, hi > 0 ? hi : 1])
    .nice()
    .range([height - bottom, top]);
  const format = o.format ?? ((v: number) => String(r(v)));
  const index = new Map(points.map((p, i) => [p.date, i]));

  const grid = y
    .ticks(4)
    .map(
      (t) =>
        el('line', { x1: left, x2: width - right, y1: y(t), y2: y(t), stroke: COLORS.grid }) +
        el(
          'text',
          { x: left - 5, y: y(t), 'text-anchor': 'end', 'dominant-baseline': 'central', class: 'label' },
          esc(format(t)),
        ),
    )
    .join('');
  const first = points[0];
  const last = points[points.length - 1];
  const months =
    first && last
      ? monthStarts(first.date, last.date)
          .filter((m) => index.has(m))
          .map((m) =>
            el(
              'text',
              { x: left + (index.get(m) ?? 0) * step, y: height - 6, class: 'label' },
              esc(o.monthLabel(m)),
            ),
          )
          .join('')
      : '';
  const bars = points
    .map((p, i) => {
      const v = p.value ?? 0;
      return el(
        'rect',
        {
          x: left + i * step,
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
  let line = '';
  points.forEach((p, i) => {
    if (p.threshold === null) return;
    const prev = points[i - 1];
    const move = !prev || prev.threshold === null || prev.threshold !== p.threshold;
    line += `${move ? 'M' : 'L'}${r(left + i * step)},${r(y(p.threshold))}H${r(left + (i + 1) * step)}`;
  });
  const threshold = line
    ? el('path', {
        d: line,
        fill: 'none',
        stroke: COLORS.target,
        'stroke-dasharray': '5 4',
        'stroke-width': 1.5,
        class: 'threshold',
      })
    : '';
  const axis = el('line', { x1: left, x2: width - right, y1: y(0), y2: y(0), stroke: COLORS.axis });
  return root(
    {
      id: o.id,
      width,
      height,
      title: o.title,
      ...(o.desc ? { desc: o.desc } : {}),
      className: 'chart daily',
    },
    grid + el('g', { class: 'bars' }, bars) + threshold + axis + months,
  );
}
