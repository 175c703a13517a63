// The reliability routes' own parameters (options of a computation), worded as those routes
// have always worded them (`…, got: "…"`). Text is taken as it is, however long; the routes
// name every problem at once (parse.ts QueryProblems).

import type { z } from 'zod';
import { GROUP_DIMENSIONS, type GroupDimension } from '../../../analytics/reliability/index.js';
import { given, type ParamDoc, param, refuse } from './fields.js';

/** One of `values`, `fallback` when not given. */
export function choice<const T extends string>(values: readonly T[], fallback: T, description: string) {
  const doc: ParamDoc = { description, type: 'string', enum: [...values], default: fallback };
  return param(doc, (s, ctx): T => {
    if (!given(s)) return fallback;
    if ((values as readonly string[]).includes(s)) return s as T;
    return refuse(ctx, `must be one of ${values.join(', ')}, got: "${s}"`);
  });
}

/** true or false (also 1 or 0); false when not given. */
export const flag = (description: string) =>
  param({ description, type: 'string', enum: ['true', 'false', '1', '0'] }, (s, ctx): boolean => {
    if (!given(s)) return false;
    if (s === 'true' || s === '1') return true;
    if (s === 'false' || s === '0') return false;
    return refuse(ctx, `must be true or false, got: "${s}"`);
  });

/** A number ≥ 0. */
export const number = (description: string) =>
  param({ description, type: 'number', minimum: 0 }, (s, ctx): number | undefined => {
    if (!given(s)) return undefined;
    const x = Number(s);
    return Number.isFinite(x) && x >= 0 ? x : refuse(ctx, `must be a number ≥ 0, got: "${s}"`);
  });

/**
 * "all" (no dimension: one group) or comma-separated dimensions, each wrong one an issue of its
 * own; `fallback` when not given.
 */
export function dimensions(fallback: 'all' | GroupDimension) {
  const doc: ParamDoc = {
    description: `"all" (one row) or dimensions to group by; default: ${fallback}`,
    type: 'array',
    items: { type: 'string', enum: ['all', ...GROUP_DIMENSIONS] },
  };
  return param(doc, (s, ctx): readonly GroupDimension[] => {
    if (!given(s)) return fallback === 'all' ? [] : [fallback];
    if (s === 'all') return [];
    const dims = s.split(',').map((x) => x.trim());
    const message = `must be all or a comma-separated list of ${GROUP_DIMENSIONS.join(', ')}, got: "${s}"`;
    for (const d of dims)
      if (!(GROUP_DIMENSIONS as readonly string[]).includes(d)) ctx.addIssue({ code: 'custom', message });
    return dims as GroupDimension[];
  });
}

function readNames(s: string | undefined, ctx: z.RefinementCtx): string[] | undefined {
  if (!given(s)) return undefined;
  const items = s.split(',').map((x) => x.trim());
  if (items.some((x) => x === '' || x.length > 200))
    return refuse(ctx, `must be a comma-separated list of names, got: "${s}"`);
  return items;
}

/** Comma-separated names (none empty, none over 200 characters). */
export const names = (description: string) =>
  param({ description, type: 'array', items: { type: 'string' } }, readNames);

/**
 * One name. Read as a list so that the route can say "must name one" and still go on with the
 * first (its other problems are named too).
 */
export const oneName = (description: string) =>
  param({ description, type: 'string', maxLength: 200 }, readNames);
