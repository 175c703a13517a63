// Region names on a zoomable map: each county named at its pole of inaccessibility (in the map's
// base pixels, zoom 1), and at a given zoom only the names that fit inside their county and do
// not run into a larger county's name. Pure: the DOM side draws what `placeLabels` keeps.

import { type GeoProjection, type GeoStream, geoStream } from 'd3';
import type { Feature } from './map.js';
import { type PolygonRings, poleOfInaccessibility, type Pt } from './map-polylabel.js';

export interface LabelCandidate {
  /** the feature's index in the boundaries */
  key: number;
  name: string;
  /** where the name goes, base pixels */
  x: number;
  y: number;
  /** room around that point: its distance to the county's edge, base pixels */
  room: number;
  /** the county's (largest part's) extent, base pixels */
  width: number;
  height: number;
  /** that part's outline and its box [x0, y0, x1, y1], to name the part in view when zoomed in */
  ring?: readonly Pt[];
  box?: readonly [number, number, number, number];
}

export interface PlacedLabel {
  key: number;
  name: string;
  x: number;
  y: number;
}

/** The polygons of a geometry as projected (base pixels), each an exterior ring and its holes. */
export function projectedPolygons(feature: Feature, projection: GeoProjection): Pt[][][] {
  const polygons: Pt[][][] = [];
  let rings: Pt[][] = [];
  let ring: Pt[] = [];
  const sink = {
    point: (x: number, y: number) => {
      ring.push([x, y]);
    },
    lineStart: () => {
      ring = [];
    },
    lineEnd: () => {
      if (ring.length > 2) rings.push(ring);
    },
    polygonStart: () => {
      rings = [];
    },
    polygonEnd: () => {
      if (rings.length > 0) polygons.push(rings);
    },
    sphere: () => {},
  } satisfies GeoStream;
  if (feature.geometry) geoStream(feature.geometry as never, projection.stream(sink));
  return polygons;
}

const ringArea = (ring: readonly Pt[]): number => {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    s += ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
  return Math.abs(s) / 2;
};

/** One candidate per named feature, at the pole of its largest part. */
export function labelCandidates(
  features: readonly Feature[],
  projection: GeoProjection,
  nameOf: (f: Feature) => string | null,
): LabelCandidate[] {
  const out: LabelCandidate[] = [];
  features.forEach((f, key) => {
    const name = nameOf(f);
    if (!name) return;
    const polygons = projectedPolygons(f, projection);
    let largest: PolygonRings | undefined;
    let largestArea = -1;
    for (const p of polygons) {
      const a = ringArea(p[0] ?? []);
      if (a > largestArea) {
        largest = p;
        largestArea = a;
      }
    }
    if (!largest) return;
    const ring = largest[0] ?? [];
    const box = boxOf(ring);
    // Half a pixel is fine enough at the zoom a whole county is read at.
    const pole = poleOfInaccessibility(largest, 0.5);
    out.push({
      key,
      name,
      x: pole.x,
      y: pole.y,
      room: Math.max(0, pole.distance),
      width: box[2] - box[0],
      height: box[3] - box[1],
      ring,
      box,
    });
  });
  return out;
}

const boxOf = (ring: readonly Pt[]): [number, number, number, number] => {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
};

/**
 * The candidates for a view (its box in base pixels, and the zoom `k`): a county whose point
 * lies at least 20 screen pixels inside the view keeps it; one seen only in part is named at
 * the pole of the part in view (so a county filling the screen at a deep zoom is still named);
 * counties out of view are left out.
 */
export function viewCandidates(
  candidates: readonly LabelCandidate[],
  view: readonly [number, number, number, number],
  k: number,
): LabelCandidate[] {
  const [v0, w0, v1, w1] = view;
  const inset = 20 / k;
  const out: LabelCandidate[] = [];
  for (const c of candidates) {
    const b = c.box;
    if (b && (b[2] < v0 || b[0] > v1 || b[3] < w0 || b[1] > w1)) continue;
    if (c.x >= v0 + inset && c.x <= v1 - inset && c.y >= w0 + inset && c.y <= w1 - inset) {
      out.push(c);
      continue;
    }
    if (!c.ring) continue;
    const part = clipToBox(c.ring, view);
    if (part.length < 3) continue;
    const pole = poleOfInaccessibility([part], 1 / k);
    const box = boxOf(part);
    if (pole.distance <= 0) continue;
    out.push({
      ...c,
      x: pole.x,
      y: pole.y,
      room: pole.distance,
      width: box[2] - box[0],
      height: box[3] - box[1],
    });
  }
  return out;
}

/** Sutherland–Hodgman against the four sides of a box. */
export function clipToBox(ring: readonly Pt[], box: readonly [number, number, number, number]): Pt[] {
  const [x0, y0, x1, y1] = box;
  const sides: [(p: Pt) => number, number][] = [
    [(p) => p[0], x0],
    [(p) => -p[0], -x1],
    [(p) => p[1], y0],
    [(p) => -p[1], -y1],
  ];
  let out: Pt[] = [...ring];
  for (const [value, limit] of sides) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const a = input[i]!;
      const b = input[(i + 1) % input.length]!;
      const ia = value(a) >= limit;
      const ib = value(b) >= limit;
      if (ia) out.push(a);
      if (ia !== ib) {
        const t = (limit - value(a)) / (value(b) - value(a));
        out.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
      }
    }
  }
  return out;
}

/** Width of a name in pixels: a CJK character is one em wide, a Latin one about 0.6 em. */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const ch of text) ems += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.6;
  return ems * fontSize;
}

/**
 * The names shown at zoom `k`: a name needs its county at least its own width plus 4 px wide
 * on screen and room of at least 0.75 of the font size around its point (so it does not sit on
 * an edge); then, larger counties first, a name is dropped when its box (2 px apart) would
 * overlap one already kept.
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  k: number,
  fontSize: number,
): PlacedLabel[] {
  const kept: { box: [number, number, number, number]; label: PlacedLabel }[] = [];
  const bySize = [...candidates].sort((a, b) => b.width * b.height - a.width * a.height || a.key - b.key);
  for (const c of bySize) {
    const w = textWidth(c.name, fontSize);
    if (c.width * k < w + 4 || c.room * k < fontSize * 0.75) continue;
    const x = c.x * k;
    const y = c.y * k;
    const box: [number, number, number, number] = [
      x - w / 2 - 2,
      y - fontSize / 2 - 2,
      x + w / 2 + 2,
      y + fontSize / 2 + 2,
    ];
    const hit = kept.some(({ box: b }) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3]);
    if (!hit) kept.push({ box, label: { key: c.key, name: c.name, x: c.x, y: c.y } });
  }
  return kept.map((k) => k.label).sort((a, b) => a.key - b.key);
}
