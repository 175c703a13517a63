// A request's query read with its route's schema. Most routes answer the first problem with a
// 400 naming that parameter (`invalid top`, or `from is required`) and its issues; the
// reliability routes name every problem at once (QueryProblems). Issues are {path, message},
// the path the parameter's name.

import type { z } from 'zod';
import { HttpError, type Issue } from '../../../core/index.js';
import { MISSING } from './fields.js';

export type QuerySchema = z.ZodObject<z.ZodRawShape>;
type Values = Record<string, string>;

/** Each parameter as text: a parameter given twice reads as its values joined by commas. */
export const queryValues = (query: Readonly<Record<string, unknown>>): Values =>
  Object.fromEntries(
    Object.entries(query).flatMap(([key, v]) => (v === undefined ? [] : [[key, String(v)]])),
  );

/** The issues of one parameter, or of each parameter of an object. */
function issuesOf(error: z.ZodError, name?: string): (Issue & { missing: boolean })[] {
  return error.issues.map((i) => ({
    path: name ?? String(i.path[0] ?? ''),
    message: i.message,
    missing: i.code === 'custom' && i.params?.['title'] === MISSING.title,
  }));
}

/** The 400 of one parameter's issues. */
function refusal(name: string, issues: readonly (Issue & { missing: boolean })[]): HttpError {
  const title = issues[0]?.missing ? `${name} is required` : `invalid ${name}`;
  return new HttpError(400, title, { issues: issues.map((i) => ({ path: i.path, message: i.message })) });
}

/** The parameters of `schema`, or the 400 of the first that has a problem (in the schema's order). */
export function parseQuery<S extends QuerySchema>(
  schema: S,
  query: Readonly<Record<string, unknown>>,
): z.output<S> {
  const r = schema.safeParse(queryValues(query));
  if (r.success) return r.data;
  const issues = issuesOf(r.error);
  const first = issues[0]?.path ?? '';
  throw refusal(
    first,
    issues.filter((i) => i.path === first),
  );
}

/**
 * A query read parameter by parameter, in the order the route needs them (a check between two
 * parameters comes in its place): the first problem is the 400.
 */
export class QueryReader<S extends QuerySchema> {
  private readonly values: Values;

  constructor(
    private readonly schema: S,
    query: Readonly<Record<string, unknown>>,
  ) {
    this.values = queryValues(query);
  }

  get<K extends keyof S['shape'] & string>(key: K): z.output<S['shape'][K]> {
    const field = this.schema.shape[key] as z.ZodType<z.output<S['shape'][K]>>;
    return parseParam(field, this.values[key], key);
  }
}

/** One value read as the parameter `name`, or its 400. */
export function parseParam<S extends z.ZodType>(schema: S, value: unknown, name: string): z.output<S> {
  const r = schema.safeParse(value === undefined ? undefined : String(value));
  if (r.success) return r.data;
  throw refusal(name, issuesOf(r.error, name));
}

/** The parameters a route takes: its schema's, and `encoding`, which every CSV answer reads. */
const allowedOf = (schema: QuerySchema): string[] => [...Object.keys(schema.shape), 'encoding'];

const unknownParameter = (key: string, allowed: readonly string[]): Issue => ({
  path: key,
  message: `unknown parameter (allowed: ${allowed.join(', ')})`,
});

/** The 400 of the first parameter the route does not take. */
export function refuseUnknown(query: Readonly<Record<string, unknown>>, schema: QuerySchema): void {
  const allowed = allowedOf(schema);
  const key = Object.keys(query).find((k) => !allowed.includes(k));
  if (key !== undefined)
    throw new HttpError(400, `invalid ${key}`, { issues: [unknownParameter(key, allowed)] });
}

/**
 * Every problem of a query, in the order its parameters are read, then one 400 naming them all
 * (the parameters the route does not take first). A parameter with a problem reads as its
 * default, so that the checks after it can still run and name theirs.
 */
export class QueryProblems<S extends QuerySchema> {
  readonly issues: Issue[] = [];
  private readonly values: Values;

  constructor(
    private readonly schema: S,
    query: Readonly<Record<string, unknown>>,
  ) {
    this.values = queryValues(query);
    const allowed = allowedOf(schema);
    for (const key of Object.keys(query))
      if (!allowed.includes(key)) this.issues.push(unknownParameter(key, allowed));
  }

  read<K extends keyof S['shape'] & string>(key: K): z.output<S['shape'][K]> {
    const field = this.schema.shape[key] as z.ZodType;
    const r = field.safeParse(this.values[key]);
    if (r.success) return r.data as z.output<S['shape'][K]>;
    this.issues.push(...issuesOf(r.error, key).map((i) => ({ path: i.path, message: i.message })));
    return field.safeParse(undefined).data as z.output<S['shape'][K]>;
  }

  /** Throws the 400 when anything was wrong. */
  done(): void {
    if (this.issues.length > 0) throw new HttpError(400, 'invalid query parameters', { issues: this.issues });
  }
}
