// Query-string parameters as zod schemas, in the words their 400s have always used. A value
// arrives as text (parse.ts joins a repeated parameter's values with commas); '' counts as not
// given. Each schema carries, as metadata, what the API description says of it (the JSON
// Schema of the value it means: a whole number, a list), since the text it reads is only text.

import { z } from 'zod';
import { parseTime } from '../../../core/index.js';
import { TIME_TEXT } from '../openapi/json-schema.js';

/** The JSON Schema (and description) the API description gives a parameter. */
export type ParamDoc = z.core.JSONSchema.JSONSchema & { description: string };

/** A problem whose 400 says the parameter is missing rather than invalid (parse.ts). */
export const MISSING = { title: 'missing' } as const;

type Ctx = z.RefinementCtx;
type Read<T> = (text: string | undefined, ctx: Ctx) => T;

/**
 * A parameter read by `read`, which adds an issue for each problem it finds. It may be left out
 * (`read` gets undefined and gives the default) unless `required`.
 */
export function param<T>(doc: ParamDoc, read: Read<T>, required = false) {
  const value: z.ZodType<unknown> = required ? z.unknown() : z.unknown().optional();
  return value.transform((v, ctx) => read(v === undefined ? undefined : String(v), ctx)).meta(doc);
}

/** An issue of the parameter being read, and the value a transform gives up with. */
export function refuse(ctx: Ctx, message: string, params?: Record<string, unknown>): never {
  ctx.addIssue(params ? { code: 'custom', message, params } : { code: 'custom', message });
  return z.NEVER;
}

export const given = (text: string | undefined): text is string => text !== undefined && text !== '';

/** Free text up to `maxLength` characters (query-params.ts textParam). */
export function text(description: string, maxLength = 200) {
  return z
    .string()
    .max(maxLength, `longer than ${maxLength} characters`)
    .optional()
    .transform((s) => (given(s) ? s : undefined))
    .meta({ description });
}

const TIME_DOC = (description: string): ParamDoc => ({
  description: `${description} (${TIME_TEXT})`,
  type: 'string',
  examples: ['2025-06-03T14:05:00+08:00', '2025-06-03'],
});

function readTime(zone: string, required: boolean): Read<number | undefined> {
  return (s, ctx) => {
    if (!given(s)) return required ? refuse(ctx, 'is required', MISSING) : undefined;
    const r = parseTime(s, zone);
    if (r.ok) return r.value;
    for (const i of r.issues) ctx.addIssue({ code: 'custom', message: i.message });
    return z.NEVER;
  };
}

/**
 * A time (epoch ms), read in `zone` when it has no offset, and required: `.optional()` lets it
 * be left out, but given empty it is still missing.
 */
export const time = (zone: string, description: string) =>
  param(TIME_DOC(description), readTime(zone, true) as Read<number>, true);

/** A time that may be left out or given empty: the route puts its default in. */
export const timeOr = (zone: string, description: string) =>
  param(TIME_DOC(description), readTime(zone, false));

function readInt(min: number, max: number): Read<number | undefined> {
  return (s, ctx) => {
    if (!given(s)) return undefined;
    const n = Number(s);
    if (Number.isInteger(n) && n >= min && n <= max) return n;
    return refuse(ctx, `must be a whole number from ${min} to ${max} (got "${s}")`);
  };
}

const intDoc = (description: string, min: number, max: number): ParamDoc => ({
  description,
  type: 'integer',
  minimum: min,
  maximum: max,
});

/** A whole number from min to max, `fallback` when not given (query-params.ts intParam). */
export const int = (description: string, min: number, max: number, fallback: number) =>
  param(
    { ...intDoc(description, min, max), default: fallback },
    (s, ctx) => readInt(min, max)(s, ctx) ?? fallback,
  );

/** A whole number from min to max whose default the route works out. */
export const intOr = (description: string, min: number, max: number) =>
  param(intDoc(description, min, max), readInt(min, max));

/** How a refusal of a value not in the list is worded (the routes have said it several ways). */
export type Says = (values: readonly string[], got: string) => string;
export const EXPECTED_ONE_OF: Says = (values, got) => `expected one of ${values.join(', ')}, got "${got}"`;
/** "must be one of a, b (got …)" */
export const MUST_BE_ONE_OF: Says = (values, got) => `must be one of ${values.join(', ')} (got "${got}")`;
/** "expected json, csv or xlsx, got …" */
export const EXPECTED: Says = (values, got) =>
  `expected ${values.slice(0, -1).join(', ')} or ${values.at(-1)}, got "${got}"`;

/** One of `values`, checked as text first (over 200 characters is too long, whatever it says). */
export function oneOf<const T extends string>(
  values: readonly T[],
  description: string,
  says: Says = EXPECTED_ONE_OF,
) {
  const doc: ParamDoc = { description, type: 'string', enum: [...values] };
  return param(doc, (s, ctx): T | undefined => {
    if (!given(s)) return undefined;
    if (s.length > 200) return refuse(ctx, 'longer than 200 characters');
    return (values as readonly string[]).includes(s) ? (s as T) : refuse(ctx, says(values, s));
  });
}

/**
 * Comma-separated items, each one of `values` (blanks dropped: "," is an empty list, not none);
 * the first that is not is named.
 */
export function readList<const T extends string>(values: readonly T[]): Read<T[] | undefined> {
  return (s, ctx) => {
    if (!given(s)) return undefined;
    if (s.length > 200) return refuse(ctx, 'longer than 200 characters');
    const items = s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    const wrong = items.find((x) => !(values as readonly string[]).includes(x));
    if (wrong === undefined) return items as T[];
    return refuse(ctx, `expected ${values.join(', ')} (comma-separated), got "${wrong}"`);
  };
}

export const list = <const T extends string>(values: readonly T[], description: string) =>
  param({ description, type: 'array', items: { type: 'string', enum: [...values] } }, readList(values));

/** respond.ts: a CSV's encoding, in any case, up to 40 characters; `utf8` is UTF-8 too. */
export const encoding = param(
  {
    description: 'the CSV’s encoding: UTF-8 with a byte-order mark, or GB18030 (Excel on Chinese Windows)',
    type: 'string',
    enum: ['utf-8', 'gb18030'],
    default: 'utf-8',
  },
  (s, ctx): 'utf-8' | 'gb18030' => {
    if (!given(s)) return 'utf-8';
    if (s.length > 40) return refuse(ctx, 'longer than 40 characters');
    const asked = s.toLowerCase();
    if (asked === 'utf-8' || asked === 'utf8') return 'utf-8';
    if (asked === 'gb18030') return 'gb18030';
    return refuse(ctx, `expected utf-8 or gb18030, got "${asked}"`);
  },
);
