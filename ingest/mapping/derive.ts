// Assets derived from the events' rows, for a source without an asset register: one asset per
// distinct value of a column (a circuit, a device), its fields reduced over the asset's rows
// (the most frequent city, the median coordinates, the largest customer count, the earliest
// start). Pure: rows in, asset records out, which the schemas then validate like any other.

import { parseTime } from '../../core/time.js';
import { isBlank, quote } from '../schemas/fields.js';
import type { Derive, Pick } from './file.js';
import { prefixed } from './prefix.js';
import { localIso, readWallClock, type TimeFormat } from './time-format.js';

/** When a field names no pick, the most frequent value is taken. */
export const DEFAULT_PICK: Pick = 'mode';

export interface DerivedAssets {
  /** Asset records (contract field names, source spellings), in derivation and first-seen order. */
  records: Record<string, unknown>[];
  /** Assets that could not be derived (an id claimed by two derivations). */
  issues: { assetId: string; message: string }[];
}

interface Reducer {
  add(value: unknown, row: number): void;
  result(): unknown;
}

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

const text = (v: unknown): string | undefined =>
  typeof v === 'string' ? v.trim() : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;

const asNumber = (v: unknown): number | undefined => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  const s = text(v);
  return s !== undefined && NUMERIC.test(s) ? Number(s) : undefined;
};

function reducer(pick: Pick, zone: string): Reducer {
  switch (pick) {
    case 'first': {
      let first: unknown;
      return {
        add: (v) => {
          if (first === undefined) first = v;
        },
        result: () => first,
      };
    }
    case 'last': {
      let last: unknown;
      return {
        add: (v) => {
          last = v;
        },
        result: () => last,
      };
    }
    case 'mode': {
      // Ties go to the value seen on the latest row (the source's most recent word).
      const seen = new Map<string, { value: unknown; n: number; row: number }>();
      return {
        add: (v, row) => {
          const key = text(v) ?? String(v);
          const s = seen.get(key);
          if (s) {
            s.n += 1;
            s.row = row;
          } else seen.set(key, { value: v, n: 1, row });
        },
        result: () => {
          let best: { value: unknown; n: number; row: number } | undefined;
          for (const s of seen.values())
            if (!best || s.n > best.n || (s.n === best.n && s.row > best.row)) best = s;
          return best?.value;
        },
      };
    }
    case 'min':
    case 'max': {
      // Numbers compare as numbers, other values as times (in the source's zone); values that
      // are neither are passed over. Ties keep the first.
      const sign = pick === 'min' ? -1 : 1;
      let best: { value: unknown; key: number } | undefined;
      return {
        add: (v) => {
          const key = orderKey(v, zone);
          if (key !== undefined && (!best || sign * (key - best.key) > 0)) best = { value: v, key };
        },
        result: () => best?.value,
      };
    }
    case 'median': {
      const xs: number[] = [];
      return {
        add: (v) => {
          const x = asNumber(v);
          if (x !== undefined) xs.push(x);
        },
        result: () => median(xs),
      };
    }
  }
}

function orderKey(v: unknown, zone: string): number | undefined {
  const x = asNumber(v);
  if (x !== undefined) return x;
  const s = text(v);
  if (s === undefined) return undefined;
  const t = parseTime(s, zone);
  return t.ok ? t.value : undefined;
}

/** The middle value; for an even count the mean of the two middle values. */
export function median(xs: readonly number[]): number | undefined {
  if (xs.length === 0) return undefined;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

interface Entry {
  spec: Derive;
  fields: [string, string, Pick][];
  assets: Map<string, Reducer[]>;
}

export interface DeriveOptions {
  /** The zone of the source's local times (for min/max of times). */
  zone: string;
  /** Put before the asset ids and feeder ids ('' for none). */
  idPrefix?: string;
  /**
   * Source column → declared time format, for a row of a route (Mapping.timeColumns): such a
   * column's cells are read as times in that format, and left out when they do not read.
   */
  timeColumns?: (route?: string) => ReadonlyMap<string, TimeFormat>;
}

/** Collects rows (`add`), then gives the derived assets (`finish`). */
export class AssetDeriver {
  private readonly entries: Entry[];
  private row = 0;

  constructor(
    specs: readonly Derive[],
    private readonly options: DeriveOptions,
  ) {
    this.entries = specs.map((spec) => ({
      spec,
      fields: Object.entries(spec.fields ?? {}).map(
        ([field, p]) => [field, p.column, p.pick ?? DEFAULT_PICK] as [string, string, Pick],
      ),
      assets: new Map(),
    }));
  }

  /** One source row (its own headers) that is imported by route `route` (undefined: no routes). */
  add(source: Record<string, unknown>, route: string | undefined): void {
    this.row += 1;
    const formats = this.options.timeColumns?.(route);
    for (const entry of this.entries) {
      const routes = entry.spec.routes;
      if (routes !== undefined && (route === undefined || !routes.includes(route))) continue;
      const id = text(source[entry.spec.assetId]);
      if (id === undefined || id === '') continue;
      let reducers = entry.assets.get(id);
      if (reducers === undefined) {
        reducers = entry.fields.map(([, , pick]) => reducer(pick, this.options.zone));
        entry.assets.set(id, reducers);
      }
      entry.fields.forEach(([, column], i) => {
        const v = Object.hasOwn(source, column) ? source[column] : undefined;
        if (isBlank(v)) return;
        const format = formats?.get(column);
        if (format === undefined) reducers[i]!.add(v, this.row);
        else {
          const w = readWallClock(v, format);
          if (w.ok) reducers[i]!.add(localIso(w.value), this.row);
        }
      });
    }
  }

  finish(): DerivedAssets {
    const prefix = this.options.idPrefix ?? '';
    const records: Record<string, unknown>[] = [];
    const issues: DerivedAssets['issues'] = [];
    const kindOf = new Map<string, string>();
    this.entries.forEach((entry, i) => {
      for (const [id, reducers] of entry.assets) {
        const assetId = `${prefix}${id}`;
        const earlier = kindOf.get(assetId);
        if (earlier !== undefined) {
          issues.push({
            assetId,
            message: `derived again by derive[${i}] (kind ${quote(entry.spec.kind)}) after ${earlier}; the first is kept`,
          });
          continue;
        }
        kindOf.set(assetId, `derive[${i}] (kind ${quote(entry.spec.kind)})`);
        const record: Record<string, unknown> = { assetId, kind: entry.spec.kind };
        entry.fields.forEach(([field], j) => {
          const v = reducers[j]!.result();
          if (v !== undefined)
            record[field] = field === 'feederId' && prefix !== '' ? prefixed(prefix, v) : v;
        });
        for (const [field, value] of Object.entries(entry.spec.constants ?? {}))
          record[field] = field === 'feederId' && prefix !== '' ? prefixed(prefix, value) : value;
        records.push(record);
      }
    });
    return { records, issues };
  }
}
