// A mapping file, checked once and compiled to a function from a source record (its own
// headers and spellings) to a contract record, or to the reason the row is skipped.

import { fail, ok, pathToString, type Result } from '../../core/issues.js';
import type { CsvOptions } from '../formats/csv.js';
import { readJson } from '../formats/json-text.js';
import { isBlank, quote } from '../schemas/fields.js';
import type { RecordKind } from '../schemas/kinds.js';
import { fileError, MappingFile, type SkipRule } from './file.js';
import { checkNames } from './check.js';

export type Mapped = { record: Record<string, unknown> } | { skip: string };

export interface Mapping {
  /** The file's `name`, else the source it was read from. */
  readonly name: string;
  readonly record: RecordKind;
  /** The zone of the source's local times, when the file names one. */
  readonly zone?: string;
  /** Options for reading a CSV source (encoding, delimiter). */
  readonly csv: CsvOptions;
  readonly apply: (record: Record<string, unknown>) => Mapped;
}

export interface CompileOptions {
  /** Where the file came from, for messages (its path). */
  source?: string;
  /** The records the import reads: a file for another kind is refused. */
  kind?: RecordKind;
  /** The zone time values in the file are read in when it names none (the operating zone). */
  zone?: string;
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
  return ok({
    name: file.name ?? source,
    record: file.record,
    ...(file.zone ? { zone: file.zone } : {}),
    csv,
    apply: compile(file),
  });
}

/** Read a mapping file's text (JSON) and compile it. */
export function parseMapping(text: string, options: CompileOptions = {}): Result<Mapping> {
  const json = readJson(text.replace(/^\uFEFF/, ''));
  if (json.ok) return compileMapping(json.value, options);
  return fail([{ path: options.source ?? 'mapping', message: json.message }]);
}

function compile(file: MappingFile): (record: Record<string, unknown>) => Mapped {
  const columns = new Map(Object.entries(file.columns ?? {}));
  const rules = (file.skip ?? []).map(compileRule);
  const dropped = new Set([...(file.ignore ?? []), ...(file.skip ?? []).map((r) => r.column)]);
  const keepOthers = (file.unmapped ?? 'keep') === 'keep';
  const values = Object.entries(file.values ?? {}).map(
    ([field, map]) => [field, new Map(Object.entries(map))] as const,
  );
  const constants = Object.entries(file.constants ?? {});
  const defaults = Object.entries(file.defaults ?? {});

  return (source) => {
    for (const rule of rules) {
      const reason = rule(source);
      if (reason !== undefined) return { skip: reason };
    }
    const out = new Map<string, unknown>();
    // Columns kept as they are first, so a mapped column wins over one spelled like its field.
    for (const [key, value] of Object.entries(source)) {
      if (keepOthers && !columns.has(key) && !dropped.has(key)) out.set(key, value);
    }
    for (const [key, value] of Object.entries(source)) {
      const field = columns.get(key);
      if (field !== undefined) out.set(field, value);
    }
    for (const [field, map] of values) {
      const spelled = spelling(out.get(field));
      if (spelled !== undefined && map.has(spelled)) out.set(field, map.get(spelled));
    }
    for (const [field, value] of constants) out.set(field, value);
    for (const [field, value] of defaults) if (isBlank(out.get(field))) out.set(field, value);
    return { record: Object.fromEntries(out) };
  };
}

const spelling = (v: unknown): string | undefined =>
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
