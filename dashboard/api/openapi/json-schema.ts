// JSON Schemas from the product's zod schemas (z.toJSONSchema, draft 2020-12, the input side:
// what a client or a file author writes). A value that a zod transform reads (a time given as
// text or epoch milliseconds, a list given as an array or as "a;b" in a CSV cell, a rule's
// window) has no JSON Schema of its own; zod gives `{}`. Such values are described here, by the
// name of the field that holds them, and a transform with no description stops the generation,
// so a new one cannot slip into the documents as "anything". Text or a number that a refinement
// checks (a date the calendar has), or that the route reads further (a time), is only its type
// and bounds to zod's JSON Schema; when its field is described here, the description is added.

import { z } from 'zod';
import { MAX_WINDOW_DAYS, WINDOW_FORMS } from '../../../analytics/rules/window.js';

export type JsonSchema = z.core.JSONSchema.JSONSchema;

/**
 * What a field accepts beyond what its zod schema says, by the field's name: a value read by a
 * transform (which needs one), text or a number checked by a refinement or read by the route.
 */
export type Readers = Readonly<Record<string, JsonSchema>>;

/** ingest/schemas/fields.ts `time`: ISO-8601 text (local time without an offset) or epoch ms. */
export const TIME: JsonSchema = {
  anyOf: [
    {
      type: 'string',
      description:
        'ISO-8601 with an offset or Z, or a local wall-clock time of the operating zone (OUTAGE_TZ, or the mapping file’s zone): "2025-06-03T14:05:00+08:00", "2025-06-03 14:05", "2025/6/3 14:05"',
    },
    { type: 'integer', description: 'epoch milliseconds, 1970 to 9999' },
  ],
};

/** ingest/schemas/fields.ts `textList`: a JSON list, or in a CSV cell `a;b` (or JSON text). */
export const TEXT_LIST: JsonSchema = {
  anyOf: [
    { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, uniqueItems: true },
    { type: 'string', description: 'in a CSV cell: items separated by ";" (or "；"), or a JSON list' },
  ],
};

/** ingest/schemas/outage.ts `restorations`: step restorations, each inside the outage. */
export const RESTORATIONS: JsonSchema = {
  anyOf: [
    {
      type: 'array',
      items: {
        type: 'object',
        properties: { at: TIME, customersRestored: { type: 'integer', minimum: 0 } },
        required: ['at', 'customersRestored'],
        additionalProperties: false,
      },
    },
    { type: 'string', description: 'in a CSV cell: the list as JSON text' },
  ],
};

/** How core parseTime reads a time given as text (the query parameters' times say it too). */
export const TIME_TEXT =
  'ISO-8601; without an offset, local time in the operating zone (OUTAGE_TZ); a date alone is local midnight';

/** core parseTime on text alone: dashboard/api/planned-check.ts `start`. */
export const TIME_AS_TEXT: JsonSchema = {
  type: 'string',
  description: TIME_TEXT,
  examples: ['2025-06-03T14:05:00+08:00', '2025-06-03 14:05'],
};

/** analytics/remediation/requests.ts `date`: a local date, one the calendar has. */
export const DAY: JsonSchema = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'a local date YYYY-MM-DD, one the calendar has (not 2025-02-30)',
};

/** Letters of `word` in either case, as a JSON Schema pattern (it has no flags). */
const anyCase = (word: string): string =>
  [...word].map((c) => (/[a-z]/.test(c) ? `[${c}${c.toUpperCase()}]` : c)).join('');

/** analytics/rules/window.ts `parseWindow`: "60 days" (rolling) or "calendar year". */
export const WINDOW: JsonSchema = {
  type: 'string',
  description: `${WINDOW_FORMS}; a rolling window is 1 to ${MAX_WINDOW_DAYS} days`,
  pattern: `^\\s*(\\d{1,5}\\s+${anyCase('day')}[sS]?|${anyCase('calendar')}\\s+(${anyCase('year')}|${anyCase('quarter')}|${anyCase('month')}))\\s*$`,
  examples: ['60 days', '365 days', 'calendar year'],
};

/** The fields of ingest records that a transform reads. */
export const RECORD_READERS: Readers = {
  start: TIME,
  end: TIME,
  validFrom: TIME,
  estimatedRestoration: TIME,
  affectedAreas: TEXT_LIST,
  places: TEXT_LIST,
  restorations: RESTORATIONS,
};

/** The fields of the other request bodies that a refinement checks or the route reads further. */
export const BODY_READERS: Readers = {
  start: TIME_AS_TEXT,
  plannedStart: DAY,
  plannedEnd: DAY,
  actualStart: DAY,
  actualEnd: DAY,
  verifiedOn: DAY,
};

export interface JsonSchemaOptions {
  /**
   * zod converts a schema used in several places once, under the first field it meets it in:
   * fields that share one zod schema get the description of the first.
   */
  readers?: Readers;
  /**
   * Text or a number that a refinement checks needs a description too (the request bodies;
   * the records' ids and the rule files leave their refinements to the loaders' messages).
   */
  describeRefinements?: boolean;
  /**
   * Keys starting with "$" are allowed in every object and mean nothing (rule files: notes
   * as "$comment" at any depth, which the loader drops before checking).
   */
  dollarKeys?: boolean;
}

type ZodDef = {
  type: string;
  out?: { _zod: { def: ZodDef } };
  checks?: { _zod: { def: { check: string } } }[];
};
const defOf = (schema: unknown): ZodDef => (schema as { _zod: { def: ZodDef } })._zod.def;

// Text and numbers, not the wrappers around them (optional, nullable, default), which the
// override meets under the same field name.
const PLAIN = new Set(['string', 'number']);

/** `.refine(…)` on text or a number: a check its JSON Schema leaves out. */
const refined = (schema: unknown): boolean => {
  const def = defOf(schema);
  return PLAIN.has(def.type) && (def.checks ?? []).some((c) => c._zod.def.check === 'custom');
};

/** A pipe into a transform: `z.unknown().transform(…)`, the way the readers are written. */
const readByTransform = (schema: unknown): boolean => {
  const def = defOf(schema);
  return def.type === 'pipe' && def.out !== undefined && defOf(def.out).type === 'transform';
};

/** The JSON Schema of what `schema` accepts, without the `$schema` keyword. */
export function jsonSchemaOf(schema: z.ZodType, options: JsonSchemaOptions = {}): JsonSchema {
  const readers = options.readers ?? {};
  const { $schema: _draft, ...out } = z.toJSONSchema(schema, {
    io: 'input',
    target: 'draft-2020-12',
    override: (ctx) => {
      const json = ctx.jsonSchema as JsonSchema;
      const field = ctx.path.filter((p) => typeof p === 'string').at(-1) ?? '';
      const reader = Object.hasOwn(readers, field) ? readers[field] : undefined;
      if (readByTransform(ctx.zodSchema)) {
        if (reader === undefined)
          throw new Error(`${ctx.path.join('.')}: a value read by a transform has no description (readers)`);
        Object.assign(json, reader);
      } else if (reader !== undefined && PLAIN.has(defOf(ctx.zodSchema).type)) {
        Object.assign(json, reader);
      } else if (options.describeRefinements && refined(ctx.zodSchema)) {
        throw new Error(`${ctx.path.join('.')}: a value a refinement checks has no description (readers)`);
      }
      if (options.dollarKeys && json.type === 'object' && json.additionalProperties === false)
        json.patternProperties = { ...json.patternProperties, '^\\$': {} };
    },
  });
  return out as JsonSchema;
}
