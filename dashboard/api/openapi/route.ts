// One row of the route table: what a route takes and answers, in the words of the code that
// serves it. The query parameters of the routes in dashboard/api come from the zod schemas the
// routes read them with (query.ts paramsOf); the few routes that still read theirs by hand
// (flags.ts, ingest, the public pages) state them with the helpers below, which mirror
// dashboard/api/query-params.ts.

import type { Role } from '../../../core/index.js';
import { RULE_SET_TEXT } from '../query/index.js';
import type { BodyName } from './bodies.js';
import { type JsonSchema, TIME_TEXT } from './json-schema.js';

export type Method = 'get' | 'post' | 'put' | 'delete';

/** What an answer comes as. A list route answers JSON, CSV or Arrow by its Accept header. */
export type Format =
  | 'json'
  | 'csv'
  | 'arrow'
  | 'xlsx'
  | 'html'
  | 'javascript'
  | 'geojson'
  | 'events'
  | 'metrics';

export const MEDIA_TYPES: Readonly<Record<Format, string>> = {
  json: 'application/json',
  csv: 'text/csv',
  arrow: 'application/vnd.apache.arrow.stream',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html',
  javascript: 'text/javascript',
  geojson: 'application/geo+json',
  events: 'text/event-stream',
  metrics: 'text/plain',
};

/** sendRows (dashboard/api/respond.ts): JSON rows in an envelope, CSV or Arrow by Accept. */
export const ROWS: readonly Format[] = ['json', 'csv', 'arrow'];
/** A frozen document: the rows by Accept, or a CSV or XLSX file with `format`. */
export const DOCUMENT: readonly Format[] = ['json', 'csv', 'arrow', 'xlsx'];

export interface QueryParam {
  name: string;
  description: string;
  required: boolean;
  schema: JsonSchema;
  /** a comma-separated list (OpenAPI style form, explode false) */
  list?: boolean;
}

export type RecordName = 'Asset' | 'Outage' | 'Warning';

export type Body =
  /** records as a JSON array, NDJSON, CSV or an Arrow stream, streamed through the ingestor */
  | { records: RecordName }
  /** one JSON object */
  | { json: BodyName };

export interface ApiRoute {
  method: Method;
  /** The path as served, path parameters in braces: `/api/v1/cases/{id}`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** A token holding any of these passes (admin holds every role); empty: no token needed. */
  roles: readonly Role[];
  /** Path parameters, by name as the route declares them: a description, or one with the values. */
  params?: Readonly<Record<string, string | { description: string; values: readonly string[] }>>;
  query?: readonly QueryParam[];
  body?: Body;
  ok: {
    status: 200 | 201 | 202 | 204;
    description: string;
    formats: readonly Format[];
    /** the JSON answer's shape, when it is one of the shared ones */
    schema?: 'Rows' | 'IngestSummary';
  };
  /**
   * The other statuses the route itself answers, and when: below 400 with the content of `ok`,
   * from 400 the error body unless formats are given (401, 403 and 429 are added from the
   * roles and the rate limits).
   */
  also?: Readonly<Record<number, string | { description: string; formats: readonly Format[] }>>;
}

/** query-params.ts timeParam. */
export function time(name: string, description: string, required = false): QueryParam {
  return {
    name,
    description: `${description} (${TIME_TEXT})`,
    required,
    schema: { type: 'string', examples: ['2025-06-03T14:05:00+08:00', '2025-06-03'] },
  };
}

/** query-params.ts intParam. */
export function int(
  name: string,
  description: string,
  min: number,
  max: number,
  fallback?: number,
): QueryParam {
  return {
    name,
    description,
    required: false,
    schema: {
      type: 'integer',
      minimum: min,
      maximum: max,
      ...(fallback === undefined ? {} : { default: fallback }),
    },
  };
}

/** query-params.ts textParam. */
export function text(name: string, description: string, maxLength = 200): QueryParam {
  return { name, description, required: false, schema: { type: 'string', maxLength } };
}

/** One of a fixed list. */
export function oneOf(
  name: string,
  description: string,
  values: readonly string[],
  fallback?: string,
): QueryParam {
  return {
    name,
    description,
    required: false,
    schema: { type: 'string', enum: [...values], ...(fallback === undefined ? {} : { default: fallback }) },
  };
}

// Parameters many routes share.
export const RULE_SET = text('ruleSet', RULE_SET_TEXT);
export const AS_OF = time('asOf', 'the time the answer is as of; default: now');

/** What a row says beyond its method, path, tag and summary; its tag's roles unless `roles` say. */
export type RouteMore = Omit<ApiRoute, 'method' | 'path' | 'tag' | 'summary' | 'roles'> & {
  roles?: readonly Role[];
};

/**
 * The rows of one tag, for the operator unless `roles` say (no roles: no token needed):
 * `route('GET /api/v1/cases', 'Remediation cases as they stand', {…})`.
 */
export const routesOf =
  (tag: string, roles: readonly Role[] = ['operator']) =>
  (line: `${Uppercase<Method>} /${string}`, summary: string, more: RouteMore): ApiRoute => {
    const [method = '', path = ''] = line.split(' ');
    return { method: method.toLowerCase() as Method, path, tag, summary, roles, ...more };
  };

/** 200: a list (sendRows), JSON rows in an envelope, CSV or Arrow by Accept. */
export const rows = (description: string): ApiRoute['ok'] => ({
  status: 200,
  description,
  formats: ROWS,
  schema: 'Rows',
});

/** 200: a frozen document, the rows by Accept or a CSV or XLSX file with `format`. */
export const frozen = (description: string): ApiRoute['ok'] => ({
  status: 200,
  description,
  formats: DOCUMENT,
  schema: 'Rows',
});

/** 200 (or `status`): one JSON object. */
export const json = (description: string, status: ApiRoute['ok']['status'] = 200): ApiRoute['ok'] => ({
  status,
  description,
  formats: ['json'],
});
