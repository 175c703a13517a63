// Reading a record field by field: every field is checked and every failure kept, so one
// answer lists all that is wrong with a record. Cross-field checks then run on the fields
// that did read.

import type { z } from 'zod';
import { type Issue, pathToString } from '../../core/issues.js';

export type Shape = Record<string, z.ZodType>;

/** The fields that read, without the absent ones. */
export type Values<S extends Shape> = { [K in keyof S]?: Exclude<z.output<S[K]>, undefined> };

/** Where the record's local times are read and in which zone messages show times. */
export interface ValidateContext {
  /** The operating zone: messages show times in it; local times are read in it too unless `sourceZone` is given. */
  zone: string;
  /** Default for `validFrom`, epoch ms. */
  now: number;
  /** The zone of the source's local (offset-less) times, when it is not the operating zone. */
  sourceZone?: string;
}

/** `build` memoized by zone: field readers are built once per zone the process sees. */
export function perZone<T>(build: (zone: string) => T): (zone: string) => T {
  const built = new Map<string, T>();
  return (zone) => {
    let value = built.get(zone);
    if (value === undefined) {
      value = build(zone);
      built.set(zone, value);
    }
    return value;
  };
}

const MAX_UNKNOWN_LISTED = 20;

export function readFields<S extends Shape>(
  raw: Record<string, unknown>,
  shape: S,
  prefix: readonly PropertyKey[] = [],
): { values: Values<S>; issues: Issue[] } {
  const names = Object.keys(shape);
  const issues: Issue[] = [];
  const unknown = Object.keys(raw).filter((key) => !Object.hasOwn(shape, key));
  // Each unknown field is named up to a point: a record of 50,000 of them is one problem, not 50,000.
  for (const key of unknown.slice(0, MAX_UNKNOWN_LISTED))
    issues.push({ path: pathToString([...prefix, key]), message: unknownField(key, names) });
  if (unknown.length > MAX_UNKNOWN_LISTED) {
    const more = unknown.length - MAX_UNKNOWN_LISTED;
    issues.push({ path: pathToString(prefix), message: `and ${more} more unknown fields` });
  }
  const values: Record<string, unknown> = {};
  for (const name of names) {
    const r = shape[name]!.safeParse(Object.hasOwn(raw, name) ? raw[name] : undefined);
    if (!r.success) issues.push(...zodIssues(r.error, [...prefix, name]));
    else if (r.data !== undefined) values[name] = r.data;
  }
  return { values: values as Values<S>, issues };
}

export function zodIssues(error: z.ZodError, prefix: readonly PropertyKey[]): Issue[] {
  return error.issues.map((i) => ({ path: pathToString([...prefix, ...i.path]), message: i.message }));
}

const squash = (s: string): string => s.toLowerCase().replace(/[\s_-]/g, '');

/** `unknown field "asset_id"; did you mean "assetId"?` or the list of fields. */
export function unknownField(key: string, names: readonly string[]): string {
  const near = names.find((n) => squash(n) === squash(key));
  if (near !== undefined)
    return `unknown field ${JSON.stringify(key)}; did you mean ${JSON.stringify(near)}?`;
  return `unknown field ${JSON.stringify(key)}; expected one of ${names.join(', ')}`;
}
