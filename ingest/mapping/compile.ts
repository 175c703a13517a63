// A mapping file, checked once and compiled to a function from a source record (its own
// headers and spellings) to a contract record (with the route it took), or to the reason the
// row is skipped. Order per row: skip rules, route, columns, values (then `otherwise` for
// spellings not listed), time columns in their declared formats, constants, defaults for
// blanks, the id prefix.

import { fail, type Issue, ok, pathToString, type Result } from '../../core/issues.js';
import type { CsvOptions } from '../formats/csv.js';
import { readJson } from '../formats/json-text.js';
import { isBlank, quote } from '../schemas/fields.js';
import type { RecordKind } from '../schemas/kinds.js';
import { type Derive, fileError, MappingFile, type SkipRule } from './file.js';
import { checkNames } from './check.js';
import { prefixIds } from './prefix.js';
import { type CompiledRoute, columnFields, columnFormats, compileRoutes, type Routed } from './route.js';
import { readTimeColumns, type TimeFormat } from './time-format.js';

/**
 * A mapped row: a record (and the name of the route it took, when the file has routes), or
 * skipped with a reason, or invalid: a time cell did not read in its column's declared format
 * (the record then holds that cell's text as it came, and the row must be rejected with the
 * issues). A skipped row with a `route` took a route that is not imported: it is counted under
 * that route's name rather than as skipped.
 */
export type Mapped =
  | { record: Record<string, unknown>; route?: string }
  | { skip: string; route?: string }
  | { invalid: Issue[]; record: Record<string, unknown>; route?: string };

export interface RouteInfo {
  name: string;
  imported: boolean;
}

export interface Mapping {
  /** The file's `name`, else the source it was read from. */
  readonly name: string;
  readonly record: RecordKind;
  /** The zone of the source's local times, when the file names one. */
  readonly zone?: string;
  /** Options for reading a CSV source (encoding, delimiter). */
  readonly csv: CsvOptions;
  readonly apply: (record: Record<string, unknown>) => Mapped;
  /** The file's routes, in file order (none when it routes nothing). */
  readonly routes: readonly RouteInfo[];
  /** How assets are derived from the rows (none when the file derives nothing). */
  readonly derive: readonly Derive[];
  /** Put before every id of the records and of derived assets ('' for none). */
  readonly idPrefix: string;
  /** Source column → declared time format, for a row of `route` (undefined: no routes). */
  readonly timeColumns: (route?: string) => ReadonlyMap<string, TimeFormat>;
}

export interface CompileOptions {
  /** Where the file came from, for messages (its path). */
  source?: string;
  /** The records the import reads: a file for another kind is refused. */
  kind?: RecordKind;
  /** The zone time values in the file are read in when it names none (the operating zone). */
  zone?: string;
  /** Put before every id (events, assets, feeders, areas, warnings) of the mapped records. */
  idPrefix?: string;
}

/** Check a parsed mapping file and compile it. Issue paths start with the source. */
export function compileMapping(json: unknown, options: CompileOptions = {}): Result<Mapping> {
  const source = options.source ?? 'mapping';
  const at = (path: readonly PropertyKey[]): string =>
    path.length ? `${source}: ${pathToString(path)}` : source;
  const parsed = MappingFile.safeParse(json, { error: fileError });
  if (!parsed.success) {
    return fail(parsed.error.issues.map((i) => ({ path: at(i.path), message: i.message })));
  }
  const file = parsed.data;
  if (options.kind !== undefined && file.record !== options.kind) {
    return fail([
      { path: at(['record']), message: `is ${quote(file.record)}, but this import reads ${options.kind}` },
    ]);
  }
  const problems = checkNames(file, options.zone);
  if (problems.length > 0) return fail(problems.map((p) => ({ path: at(p.path), message: p.message })));
  const csv: CsvOptions = {
    ...(file.encoding ? { encoding: file.encoding } : {}),
    ...(file.delimiter ? { delimiter: file.delimiter } : {}),
  };
  const idPrefix = options.idPrefix ?? '';
  const topFormats = columnFormats(file.columns);
  const routeFormats = new Map(
    Object.entries(file.routes?.to ?? {}).map(([name, r]) => [
      name,
      new Map([...topFormats, ...columnFormats(r.columns)]),
    ]),
  );
  return ok({
    name: file.name ?? source,
    record: file.record,
    ...(file.zone ? { zone: file.zone } : {}),
    csv,
    apply: compile(file, idPrefix),
    routes: Object.entries(file.routes?.to ?? {}).map(([name, r]) => ({
      name,
      imported: r.import !== false,
    })),
    derive: file.derive ?? [],
    idPrefix,
    timeColumns: (route) => (route === undefined ? undefined : routeFormats.get(route)) ?? topFormats,
  });
}

/** Read a mapping file's text (JSON) and compile it. */
export function parseMapping(text: string, options: CompileOptions = {}): Result<Mapping> {
  const json = readJson(text.replace(/^\uFEFF/, ''));
  if (json.ok) return compileMapping(json.value, options);
  return fail([{ path: options.source ?? 'mapping', message: json.message }]);
}

function compile(file: MappingFile, idPrefix: string): (record: Record<string, unknown>) => Mapped {
  const columns = columnFields(file.columns);
  const formats = columnFormats(file.columns);
  const rules = (file.skip ?? []).map(compileRule);
  const dropped = new Set([
    ...(file.ignore ?? []),
    ...(file.skip ?? []).map((r) => r.column),
    ...(file.routes ? [file.routes.column] : []),
  ]);
  const keepOthers = (file.unmapped ?? 'keep') === 'keep';
  const values = Object.entries(file.values ?? {}).map(
    ([field, map]) => [field, new Map(Object.entries(map)), otherwiseOf(file, field)] as const,
  );
  const constants = Object.entries(file.constants ?? {});
  const defaults = Object.entries(file.defaults ?? {});
  const route: (record: Record<string, unknown>) => Routed = file.routes
    ? compileRoutes(file.routes, spelling)
    : () => ({ route: NO_ROUTE });

  return (source) => {
    for (const rule of rules) {
      const reason = rule(source);
      if (reason !== undefined) return { skip: reason };
    }
    const routed = route(source);
    if ('skip' in routed) return routed;
    const r = routed.route;
    const out = new Map<string, unknown>();
    // Columns kept as they are first, so a mapped column wins over one spelled like its field.
    for (const [key, value] of Object.entries(source)) {
      if (keepOthers && !columns.has(key) && !r.columns.has(key) && !dropped.has(key)) out.set(key, value);
    }
    for (const [key, value] of Object.entries(source)) {
      const field = columns.get(key) ?? r.columns.get(key);
      if (field !== undefined) out.set(field, value);
    }
    for (const [field, map, otherwise] of values) {
      const spelled = spelling(out.get(field));
      if (spelled !== undefined && map.has(spelled)) out.set(field, map.get(spelled));
      else if (otherwise !== undefined && !isBlank(out.get(field))) out.set(field, otherwise.value);
    }
    const invalid = [
      ...readTimeColumns(source, out, columns, formats),
      ...readTimeColumns(source, out, r.columns, r.formats),
    ];
    for (const [field, value] of constants) out.set(field, value);
    for (const [field, value] of r.constants) out.set(field, value);
    for (const [field, value] of defaults) if (isBlank(out.get(field))) out.set(field, value);
    if (idPrefix !== '') prefixIds(file.record, out, idPrefix);
    const record = Object.fromEntries(out);
    const took = r === NO_ROUTE ? {} : { route: r.name };
    return invalid.length > 0 ? { invalid, record, ...took } : { record, ...took };
  };
}

const NO_ROUTE: CompiledRoute = {
  name: '',
  imported: true,
  columns: new Map(),
  formats: new Map(),
  constants: [],
};

const otherwiseOf = (file: MappingFile, field: string): { value: unknown } | undefined =>
  file.otherwise !== undefined && Object.hasOwn(file.otherwise, field)
    ? { value: file.otherwise[field] }
    : undefined;

export const spelling = (v: unknown): string | undefined =>
  typeof v === 'string' ? v.trim() : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;

function compileRule(rule: SkipRule): (record: Record<string, unknown>) => string | undefined {
  const pattern = rule.matches === undefined ? undefined : new RegExp(rule.matches, 'u');
  return (record) => {
    const value = Object.hasOwn(record, rule.column) ? (spelling(record[rule.column]) ?? '') : '';
    const hit =
      rule.in?.includes(value) === true ||
      (rule.notIn !== undefined && !rule.notIn.includes(value)) ||
      pattern?.test(value) === true;
    if (!hit) return undefined;
    if (rule.reason !== undefined) return rule.reason;
    if (rule.notIn !== undefined)
      return `${rule.column} is ${quote(value)}, not one of ${rule.notIn.join(', ')}`;
    if (pattern !== undefined) return `${rule.column} ${quote(value)} matches /${rule.matches}/`;
    return `${rule.column} is ${quote(value)}`;
  };
}
