// The pole of inaccessibility of a polygon: the inside point farthest from its edges, where a
// region's name fits best (a centroid can fall outside a crescent-shaped county, or on a thin
// neck). The search of Garcia-Castellanos and Lombardo (as in Mapbox's polylabel): square cells
// over the bounding box, each split while it could still hold a farther point than the best
// found, to `precision` pixels.

export type Pt = readonly [number, number];
/** An exterior ring followed by its holes, each a list of points (closed or not). */
export type PolygonRings = readonly (readonly Pt[])[];

export interface Pole {
  x: number;
  y: number;
  /** distance to the nearest edge (negative outside) */
  distance: number;
}

interface Cell {
  x: number;
  y: number;
  half: number;
  d: number;
  /** the most a point inside the cell can be from the edges */
  max: number;
}

export function poleOfInaccessibility(polygon: PolygonRings, precision = 1): Pole {
  const outer = polygon[0] ?? [];
  if (outer.length === 0) return { x: Number.NaN, y: Number.NaN, distance: 0 };
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const [x, y] of outer) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  const size = Math.min(x1 - x0, y1 - y0);
  if (size <= 0) return { x: x0, y: y0, distance: 0 };
  const cell = (x: number, y: number, half: number): Cell => {
    const d = signedDistance(x, y, polygon);
    return { x, y, half, d, max: d + half * Math.SQRT2 };
  };
  const queue: Cell[] = [];
  for (let x = x0; x < x1; x += size) {
    for (let y = y0; y < y1; y += size) queue.push(cell(x + size / 2, y + size / 2, size / 2));
  }
  // Start from the centroid when it is inside, else from the box's centre.
  let best = centroidCell(outer, cell);
  const middle = cell(x0 + (x1 - x0) / 2, y0 + (y1 - y0) / 2, 0);
  if (middle.d > best.d) best = middle;
  while (queue.length > 0) {
    // The cell that could hold the farthest point next (the queue stays small: a few hundred).
    let at = 0;
    for (let i = 1; i < queue.length; i++) if (queue[i]!.max > queue[at]!.max) at = i;
    const c = queue[at]!;
    queue[at] = queue[queue.length - 1]!;
    queue.pop();
    if (c.d > best.d) best = c;
    if (c.max - best.d <= precision) continue;
    const h = c.half / 2;
    queue.push(cell(c.x - h, c.y - h, h), cell(c.x + h, c.y - h, h), cell(c.x - h, c.y + h, h));
    queue.push(cell(c.x + h, c.y + h, h));
  }
  return { x: best.x, y: best.y, distance: best.d };
}

function centroidCell(ring: readonly Pt[], cell: (x: number, y: number, half: number) => Cell): Cell {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    const f = a[0] * b[1] - b[0] * a[1];
    cx += (a[0] + b[0]) * f;
    cy += (a[1] + b[1]) * f;
    area += f * 3;
  }
  const first = ring[0]!;
  return area === 0 ? cell(first[0], first[1], 0) : cell(cx / area, cy / area, 0);
}

/** Distance from (x, y) to the polygon's edges: positive inside, negative outside. */
export function signedDistance(x: number, y: number, polygon: PolygonRings): number {
  let inside = false;
  let min = Number.POSITIVE_INFINITY;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i]!;
      const b = ring[j]!;
      if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
      min = Math.min(min, segmentDistance2(x, y, a, b));
    }
  }
  return (inside ? 1 : -1) * Math.sqrt(min);
}

function segmentDistance2(px: number, py: number, a: Pt, b: Pt): number {
  let x = a[0];
  let y = a[1];
  const dx = b[0] - x;
  const dy = b[1] - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = b[0];
      y = b[1];
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  return (px - x) ** 2 + (py - y) ** 2;
}
