// Clustering of map symbols by distance on screen: at a low zoom, symbols closer than a few
// pixels merge into one cluster with a count and a summed weight (customers out, or assets);
// zooming in splits them. Pure: points are given in the map's base pixels (zoom 1), and the
// caller passes the radius divided by the zoom factor, so clusters depend on the zoom alone
// and never on the pan.

export interface ClusterPoint {
  /** base pixels (the projection at zoom 1) */
  x: number;
  y: number;
  /** what a cluster sums: customers out, or 1 per asset */
  weight: number;
}

export interface Cluster {
  /** indices of the input points, ascending */
  members: number[];
  /** the mean position of the members (base pixels) */
  x: number;
  y: number;
  /** the members' weights summed */
  weight: number;
}

interface Group {
  members: number[];
  sx: number;
  sy: number;
  x: number;
  y: number;
  weight: number;
}

/**
 * Groups points closer than `radius` (strictly). Greedy: the heaviest group not yet taken (the
 * one with the lowest first index on a tie) takes every untaken group whose position lies within
 * `radius` of its own; the merged groups sit at the mean of their points, so the pass repeats
 * until it merges nothing, after which no two clusters are closer than `radius`. Clusters come
 * heaviest first (then by first member), the order to draw them in.
 */
export function clusterPoints(points: readonly ClusterPoint[], radius: number): Cluster[] {
  let groups: Group[] = [];
  points.forEach((p, i) => {
    if (Number.isFinite(p.x) && Number.isFinite(p.y))
      groups.push({ members: [i], sx: p.x, sy: p.y, x: p.x, y: p.y, weight: p.weight });
  });
  if (radius > 0) {
    for (;;) {
      const next = mergePass(groups, radius);
      if (next.length === groups.length) break;
      groups = next;
    }
  }
  return groups.sort(heaviestFirst).map((g) => ({ members: g.members, x: g.x, y: g.y, weight: g.weight }));
}

const heaviestFirst = (a: Group, b: Group): number =>
  b.weight - a.weight || (a.members[0] ?? 0) - (b.members[0] ?? 0);

/** One greedy pass over the groups, with a grid of `radius`-sized cells to find neighbours. */
function mergePass(groups: readonly Group[], radius: number): Group[] {
  const cellOf = (v: number) => Math.floor(v / radius);
  const grid = new Map<string, number[]>();
  groups.forEach((g, i) => {
    const key = `${cellOf(g.x)},${cellOf(g.y)}`;
    const cell = grid.get(key);
    if (cell) cell.push(i);
    else grid.set(key, [i]);
  });
  const order = groups.map((_, i) => i).sort((a, b) => heaviestFirst(groups[a]!, groups[b]!));
  const taken = new Uint8Array(groups.length);
  const out: Group[] = [];
  const r2 = radius * radius;
  for (const seedIndex of order) {
    if (taken[seedIndex]) continue;
    taken[seedIndex] = 1;
    const seed = groups[seedIndex]!;
    const absorbed: Group[] = [seed];
    const cx = cellOf(seed.x);
    const cy = cellOf(seed.y);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const j of grid.get(`${cx + dx},${cy + dy}`) ?? []) {
          if (taken[j]) continue;
          const o = groups[j]!;
          if ((o.x - seed.x) ** 2 + (o.y - seed.y) ** 2 < r2) {
            taken[j] = 1;
            absorbed.push(o);
          }
        }
      }
    }
    out.push(absorbed.length === 1 ? seed : merge(absorbed));
  }
  return out;
}

function merge(groups: readonly Group[]): Group {
  const members = groups.flatMap((g) => g.members).sort((a, b) => a - b);
  const sx = groups.reduce((s, g) => s + g.sx, 0);
  const sy = groups.reduce((s, g) => s + g.sy, 0);
  const weight = groups.reduce((s, g) => s + g.weight, 0);
  return { members, sx, sy, x: sx / members.length, y: sy / members.length, weight };
}

/** The members' extent in base pixels: [[x0, y0], [x1, y1]]. */
export function clusterBounds(
  points: readonly ClusterPoint[],
  members: readonly number[],
): [[number, number], [number, number]] {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const i of members) {
    const p = points[i];
    if (!p) continue;
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x);
    y1 = Math.max(y1, p.y);
  }
  return [
    [x0, y0],
    [x1, y1],
  ];
}
