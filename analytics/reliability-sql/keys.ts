// Group keys in SQL, read from one asset version carried under a column prefix (see
// versions.ts): the same rules as the reference's keyValue (analytics/reliability/groups.ts).

import type { GroupDimension } from '../reliability/index.js';

/** The SQL expression of one grouping key over the version columns prefixed `p`. */
export function keyExpr(dim: GroupDimension, p: string): string {
  switch (dim) {
    case 'province':
      return `${p}province::varchar`;
    case 'city':
      return `${p}city::varchar`;
    case 'county':
      return `${p}county::varchar`;
    case 'park':
      return `${p}park::varchar`;
    case 'areaClass':
      return `${p}cls::varchar`;
    case 'feeder':
      return `(CASE WHEN ${p}kind = 'feeder' THEN ${p}id ELSE ${p}feeder END)::varchar`;
    case 'area':
      return `(CASE WHEN ${p}kind = 'area' THEN ${p}id::varchar ELSE null::varchar END)`;
  }
}

/**
 * How rows are grouped: by dimensions of an asset version, or (daily series) by the local day
 * the event began. `of(p)` gives the key expressions of a piece or exposure whose version
 * columns carry prefix `p`; a grouping without keys uses one constant key.
 */
export interface Grouping {
  names: readonly string[];
  of(p: string): readonly string[];
  /** the version columns the keys read, besides id and kind */
  columns: readonly string[];
  daily: boolean;
}

const COLUMNS: Record<GroupDimension, readonly string[]> = {
  province: ['province'],
  city: ['city'],
  county: ['county'],
  park: ['park'],
  areaClass: ['cls'],
  feeder: ['feeder'],
  area: [],
};

export function byDimensions(dims: readonly GroupDimension[]): Grouping {
  if (dims.length === 0) return { names: ['k0'], of: () => ['0'], columns: [], daily: false };
  return {
    names: dims.map((_, i) => `k${i}`),
    of: (p) => dims.map((d) => keyExpr(d, p)),
    columns: [...new Set(dims.flatMap((d) => COLUMNS[d]))],
    daily: false,
  };
}

export const byDay: Grouping = { names: ['k0'], of: () => ['lday'], columns: [], daily: true };

/** `expr AS k0, expr AS k1 …` */
export const keyList = (g: Grouping, p: string): string =>
  g
    .of(p)
    .map((e, i) => `${e} AS ${g.names[i]}`)
    .join(', ');
