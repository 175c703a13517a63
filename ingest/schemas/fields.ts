// Field readers shared by the record schemas. Values arrive typed (JSON, Arrow) or as text
// (CSV: "" means absent, numbers and booleans spelled out); each reader accepts both and
// words its failures for an operator, quoting the bad value.

import { z } from 'zod';
import { parseTime } from '../../core/time.js';

const QUOTE_MAX = 60;

/** The bad value as a message shows it: strings in double quotes, long ones cut with "…". */
export function quote(value: unknown): string {
  let s: string;
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') s = JSON.stringify(value);
  else if (value === null || typeof value !== 'object') s = String(value);
  else if (value instanceof Date) s = Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString();
  else {
    try {
      s = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)) ?? String(value);
    } catch {
      // nested too deep to write out (a CSV cell of "[[[[…" read as JSON): say what it is
      s = Array.isArray(value) ? 'a deeply nested list' : 'a deeply nested object';
    }
  }
  return s.length > QUOTE_MAX ? `${s.slice(0, QUOTE_MAX - 1)}…` : s;
}

export const isBlank = (v: unknown): boolean =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

const blankToUndefined = (v: unknown): unknown => (isBlank(v) ? undefined : v);

/** A field that must be present: absent, null and "" fail with "is required". */
export const required = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema);

/** A field that may be left out: absent, null and "" read as undefined. */
export const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/** Error text for a zod check: "is required" when nothing came, else the wording and the value. */
const says =
  (wording: string) =>
  (iss: { input?: unknown }): string =>
    iss.input === undefined ? 'is required' : `${wording}, got ${quote(iss.input)}`;

const trim = (v: unknown): unknown => (typeof v === 'string' ? v.trim() : v);

/** Text, trimmed; numbers are accepted as their decimal spelling (ids exported as numbers). */
export const text = z.preprocess(
  (v) => ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'bigint' ? String(v) : trim(v)),
  z.string({ error: says('must be text') }),
);

/**
 * An id (asset, feeder, area, event, warning): text that does not start with a quote. QuestDB
 * 9.3.4 reads a constant that starts with one as quoted and strips its ends when it looks an
 * indexed SYMBOL up, so such an id could be stored but never found (store/sql.ts).
 */
export const id = text.refine((s) => !s.startsWith("'"), {
  error: (iss) => `must not start with a quote ('), got ${quote(iss.input)}`,
});

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const toNumber = (v: unknown): unknown => {
  if (typeof v === 'string' && NUMERIC.test(v.trim())) return Number(v.trim());
  if (typeof v === 'bigint') return Number(v);
  return v;
};

const WHOLE = 'must be a whole number ≥ 0';
/** The largest count the store keeps (QuestDB INT). */
export const MAX_COUNT = 2_147_483_647;
/** An integer ≥ 0 (a count of customers or transformers), within what the store keeps. */
export const count = z.preprocess(
  toNumber,
  z
    .number({ error: says(WHOLE) })
    .int({ error: says(WHOLE) })
    .min(0, { error: says(WHOLE) })
    .max(MAX_COUNT, { error: says(`must be at most ${MAX_COUNT.toLocaleString('en')}`) }),
);

/** A number in [min, max] (coordinates). */
export function between(min: number, max: number) {
  const wording = says(`must be a number between ${min} and ${max}`);
  return z.preprocess(
    toNumber,
    z.number({ error: wording }).min(min, { error: wording }).max(max, { error: wording }),
  );
}

const TRUE = new Set(['true', '1', '是']);
const FALSE = new Set(['false', '0', '否']);
/** true/false, also spelled "true"/"false", 1/0 or 是/否 (any letter case). */
export const flag = z.preprocess(
  (v) => {
    const s = typeof v === 'string' || typeof v === 'number' ? String(v).trim().toLowerCase() : undefined;
    if (s !== undefined && TRUE.has(s)) return true;
    if (s !== undefined && FALSE.has(s)) return false;
    return v;
  },
  z.boolean({ error: says('must be true or false (or 1/0, 是/否)') }),
);

/** One of a fixed list: `unknown cause "storm"; expected one of equipment_fault, …`. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, noun: string) {
  const expected = values.join(', ');
  return z.preprocess(
    trim,
    z.enum(values, {
      error: (iss) => {
        if (iss.input === undefined) return 'is required';
        if (typeof iss.input === 'string')
          return `unknown ${noun} ${quote(iss.input)}; expected one of ${expected}`;
        return `must be one of ${expected}, got ${quote(iss.input)}`;
      },
    }),
  );
}

/**
 * A time: ISO-8601 text (local wall-clock time in `zone` when it has no offset), epoch
 * milliseconds, or a Date. Read to epoch milliseconds.
 */
export function time(zone: string) {
  return z.unknown().transform((v, ctx): number => {
    const read = readTime(v, zone);
    if (typeof read === 'number') return read;
    ctx.issues.push({ code: 'custom', message: read, input: v });
    return z.NEVER;
  });
}

/**
 * QuestDB keeps no time before 1970 (a designated timestamp there refuses the whole batch it
 * came in), and no record here reaches past 9999.
 */
const EARLIEST = 0;
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

function readTime(v: unknown, zone: string): number | string {
  if (v === undefined) return 'is required';
  if (typeof v === 'string') {
    const r = parseTime(v, zone);
    if (!r.ok) return r.issues.map((i) => i.message).join('; ');
    return r.value < EARLIEST ? `must be a time from 1970 to 9999, got ${quote(v)}` : r.value;
  }
  const n = typeof v === 'bigint' ? Number(v) : v instanceof Date ? v.getTime() : v;
  if (typeof n !== 'number' || !Number.isFinite(n)) {
    return `must be a time (ISO-8601 text or epoch milliseconds), got ${quote(v)}`;
  }
  // Nothing in these records predates 1973; a number that small is epoch seconds sent by mistake.
  if (Math.abs(n) < 1e11) return `must be epoch milliseconds, got ${quote(v)}, which looks like seconds`;
  if (n < EARLIEST || n > LATEST) return `must be a time from 1970 to 9999, got ${quote(v)}`;
  return Math.round(n);
}

/** Issues reported per list (affectedAreas of 100,000 repeated ids gave 100,000 issues). */
const MAX_LIST_ISSUES = 20;

/**
 * A list of texts: a JSON array, or in a CSV cell `a;b;c` (also `；`) or JSON text. Blank
 * items are dropped; an empty list fails with `emptyMessage`; an item given twice fails.
 */
export function textList(emptyMessage: string, itemSchema: z.ZodType<string> = text) {
  return z.unknown().transform((v, ctx): string[] => {
    let items: unknown = v;
    if (typeof v === 'string') items = v.trim().startsWith('[') ? parseJson(v) : v.split(/[;；]/);
    if (!Array.isArray(items)) {
      ctx.issues.push({ code: 'custom', message: `must be a list of texts, got ${quote(v)}`, input: v });
      return z.NEVER;
    }
    const out: string[] = [];
    const seen = new Set<string>(); // a Set: a list of 80,000 items took 12 s with includes()
    let bad = false;
    let listed = 0; // issues reported of this list; the rest are counted in one
    const issue = (message: string, input: unknown, path?: number[]) => {
      bad = true;
      if (listed++ < MAX_LIST_ISSUES)
        ctx.issues.push({ code: 'custom', message, input, ...(path ? { path } : {}) });
    };
    items.forEach((item, i) => {
      const r = itemSchema.safeParse(item);
      if (r.success && r.data !== '' && !seen.has(r.data)) {
        seen.add(r.data);
        out.push(r.data);
      } else if (r.success && r.data !== '') issue(`lists ${quote(r.data)} more than once`, v);
      else if (!r.success) issue(r.error.issues[0]?.message ?? `must be text, got ${quote(item)}`, item, [i]);
    });
    if (listed > MAX_LIST_ISSUES)
      ctx.issues.push({
        code: 'custom',
        message: `and ${listed - MAX_LIST_ISSUES} more problems in the list`,
        input: v,
      });
    if (out.length === 0 && !bad) {
      ctx.issues.push({ code: 'custom', message: emptyMessage, input: v });
    }
    return out;
  });
}

/** JSON text parsed, or the text itself when it is not JSON (so the caller reports it). */
export function parseJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}
