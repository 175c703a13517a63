// The marks of a zoomable map at one zoom: each symbol alone, or a cluster of those closer than
// 20 px on screen (a ring with a count), drawn in screen pixels so they keep their size; the
// order the arrow keys follow; and the zoom that opens a cluster up. Pure: SVG text out.

import { type MapSymbol, symbolMarkup } from './map.js';
import { clusterBounds, clusterPoints } from './map-cluster.js';
import { textWidth } from './map-labels.js';
import { el, esc, r } from './svg.js';

/** Symbols closer than this on screen (px) merge. */
export const CLUSTER_RADIUS = 20;
/** The deepest zoom, as a factor of the whole map's scale. */
export const MAX_ZOOM = 128;
const COUNT_FONT = 11;

/** A symbol with its key (unique on the map) and what a cluster of it sums. */
export interface MapPoint extends MapSymbol {
  key: string;
  weight: number;
}

/** How a cluster looks: its text (a count), its accessible name and its ring's colour. */
export interface ClusterLook {
  text: string;
  name: string;
  ring: string;
}

/** A point in the map's base pixels (zoom 1). */
export interface BasePoint {
  x: number;
  y: number;
  weight: number;
}

export interface Mark {
  /** the key of its first member, which names the mark while the zoom changes */
  anchor: string;
  /** indices of the points */
  members: number[];
  /** base pixels */
  x: number;
  y: number;
}

/** The marks at zoom `k`: clusters of the points closer than 20 px on screen. */
export function marksAt(points: readonly MapPoint[], base: readonly BasePoint[], k: number): Mark[] {
  return clusterPoints(base, CLUSTER_RADIUS / k).map((c) => ({
    anchor: points[c.members[0]!]!.key,
    members: c.members,
    x: c.x,
    y: c.y,
  }));
}

/** Whether zooming in can still split a cluster (its members are not all at one place). */
export function canSplit(base: readonly BasePoint[], m: Mark, k: number): boolean {
  const [[x0, y0], [x1, y1]] = clusterBounds(base, m.members);
  return m.members.length > 1 && Math.hypot(x1 - x0, y1 - y0) * MAX_ZOOM >= CLUSTER_RADIUS && k < MAX_ZOOM;
}

/** The order of the arrow keys: west to east, then north to south. */
export const keyboardOrder = (marks: readonly Mark[]): Mark[] =>
  [...marks].sort((a, b) => a.x - b.x || a.y - b.y);

export interface MarksOptions {
  k: number;
  /** the anchor of the one mark in the tab order */
  tabStop: string | undefined;
  look: (members: readonly MapPoint[]) => ClusterLook;
  /** what pressing a cluster does, said after its name */
  hint: (m: Mark) => string;
}

/**
 * The marks as SVG in screen pixels (before the view's shift): clusters first, then the larger
 * symbols, so the small ones stay visible on top. Each is a button named in words (no <title>
 * tooltip); data-key, data-count, data-weight and data-assets carry what it holds.
 */
export function marksSvg(marks: readonly Mark[], points: readonly MapPoint[], o: MarksOptions): string {
  const sizeOf = (m: Mark) => points[m.members[0]!]?.size ?? 0;
  return [...marks]
    .sort((a, b) => b.members.length - a.members.length || sizeOf(b) - sizeOf(a))
    .map((m) => {
      const x = m.x * o.k;
      const y = m.y * o.k;
      const members = m.members.map((i) => points[i]!);
      const common = {
        tabindex: m.anchor === o.tabStop ? 0 : -1,
        role: 'button',
        'data-key': m.anchor,
        'data-mark': '',
      };
      if (members.length === 1) {
        const p = members[0]!;
        return symbolMarkup(p, x, y, { ...common, 'aria-label': p.title, 'aria-haspopup': 'dialog' }, false);
      }
      const look = o.look(members);
      const radius = Math.max(11, textWidth(look.text, COUNT_FONT) / 2 + 6);
      return el(
        'g',
        {
          ...common,
          class: 'cluster',
          transform: `translate(${r(x)},${r(y)})`,
          'aria-label': `${look.name}${o.hint(m)}`,
          'data-count': members.length,
          'data-weight': members.reduce((s, p) => s + p.weight, 0),
          'data-assets': members.map((p) => p.asset ?? p.key).join(' '),
        },
        el('circle', { r: radius, fill: '#FFFFFF', stroke: look.ring, 'stroke-width': 3 }) +
          el('text', { 'text-anchor': 'middle', dy: '0.35em', class: 'count' }, esc(look.text)),
      );
    })
    .join('');
}

/** The zoom that shows `bounds` (base pixels) over 80 % of the view: at least twice `k`, at most `maxK`. */
export function fitTransform(
  bounds: readonly [readonly [number, number], readonly [number, number]],
  width: number,
  height: number,
  k: number,
  maxK = MAX_ZOOM,
): { k: number; x: number; y: number } {
  const [[x0, y0], [x1, y1]] = bounds;
  const fit = 0.8 * Math.min(width / Math.max(x1 - x0, 1e-9), height / Math.max(y1 - y0, 1e-9));
  const k2 = Math.min(maxK, Math.max(2 * k, fit));
  return { k: k2, x: width / 2 - k2 * ((x0 + x1) / 2), y: height / 2 - k2 * ((y0 + y1) / 2) };
}
