// A score as one bar of its parts' points laid end to end on a 0–100 scale: the breakdown of
// a priority score at a glance. Parts with no points take no room; each segment names its part
// and points in a tooltip, and the view always lists the parts in words beside the bar.

import { PART_COLORS } from './palette.js';
import { el, esc, r, root } from './svg.js';

export interface ScorePart {
  part: string;
  points: number;
}

export interface ScoreBarOptions {
  id: string;
  title: string;
  width?: number;
  height?: number;
  /** the scale's end (a score is at most 100) */
  max?: number;
  /** the tooltip of a segment */
  partTitle: (p: ScorePart) => string;
  /** every part code in display order, so a part keeps its colour from row to row */
  order: readonly string[];
}

export function scoreBar(parts: readonly ScorePart[], o: ScoreBarOptions): string {
  const width = o.width ?? 160;
  const height = o.height ?? 14;
  const max = o.max ?? 100;
  const scale = width / max;
  let x = 0;
  const segments = parts
    .filter((p) => p.points > 0)
    .map((p) => {
      const w = p.points * scale;
      const k = Math.max(0, o.order.indexOf(p.part));
      const seg = el(
        'rect',
        {
          x,
          y: 0,
          width: Math.max(0, w - 0.5),
          height,
          fill: PART_COLORS[k % PART_COLORS.length],
          'data-part': p.part,
          'data-points': p.points,
        },
        el('title', {}, esc(o.partTitle(p))),
      );
      x += w;
      return seg;
    })
    .join('');
  const track = el('rect', { x: 0, y: 0, width, height, fill: '#EFEFEF', class: 'track' });
  return root(
    { id: o.id, width, height, title: o.title, className: 'chart score-bar' },
    track +
      segments +
      el('line', { x1: r(x), x2: r(x), y1: 0, y2: height, stroke: '#1b1f24', 'stroke-width': 1 }),
  );
}
