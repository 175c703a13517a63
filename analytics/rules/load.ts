// The one entry point for rule files: read, parse, check against the schema (unknown keys
// rejected, "$"-prefixed keys such as "$comment" ignored) and compile. Errors are data naming
// the file and the field path; formatFileIssues renders them.

import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fail, type Issue, ok, type Result } from '../../core/issues.js';
import { compileRuleSet } from './compile.js';
import { ruleSetSchema } from './schema.js';
import type { CompiledRuleSet } from './types.js';
import { errorMap, toIssues } from './wording.js';

export interface FileIssue extends Issue {
  file: string;
}
export type LoadResult<T> = { ok: true; value: T } | { ok: false; issues: FileIssue[] };

/** `rules/x.json: rules[1].window: expected "N days" or …`, one line per issue. */
export function formatFileIssues(issues: readonly FileIssue[]): string {
  return issues.map((i) => [i.file, i.path, i.message].filter((s) => s !== '').join(': ')).join('\n');
}

/** Notes may be written as "$comment" (any key starting with "$"), at any depth. */
function withoutNotes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNotes);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).filter(([key]) => !key.startsWith('$'));
  return Object.fromEntries(entries.map(([key, v]) => [key, withoutNotes(v)]));
}

/**
 * Check and compile a parsed rule-set document. With `name`, the set's name must equal it
 * (the loader passes the file name, so a set is found by the name of its file).
 */
export function parseRuleSet(data: unknown, options: { name?: string } = {}): Result<CompiledRuleSet> {
  const parsed = ruleSetSchema.safeParse(withoutNotes(data), { error: errorMap });
  if (!parsed.success) return fail(toIssues(parsed.error.issues));
  const { name } = options;
  if (name !== undefined && parsed.data.name !== name) {
    return fail([{ path: 'name', message: `expected "${name}" (the file name), got "${parsed.data.name}"` }]);
  }
  return ok(compileRuleSet(parsed.data));
}

const inFile = (file: string, issues: readonly Issue[]): FileIssue[] => issues.map((i) => ({ file, ...i }));

/** Load one rule file; `file` is used as given in the issues (e.g. `rules/x.json`). */
export async function loadRuleFile(file: string): Promise<LoadResult<CompiledRuleSet>> {
  let textContent: string;
  try {
    textContent = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    return { ok: false, issues: inFile(file, [{ path: '', message: `cannot read the file (${code})` }]) };
  }
  let data: unknown;
  try {
    data = JSON.parse(textContent);
  } catch (err) {
    const message = `not valid JSON: ${(err as Error).message}`;
    return { ok: false, issues: inFile(file, [{ path: '', message }]) };
  }
  const result = parseRuleSet(data, { name: basename(file, '.json') });
  return result.ok ? result : { ok: false, issues: inFile(file, result.issues) };
}

/** Load every `*.json` file of a folder, in name order; any bad file fails the whole load. */
export async function loadRuleDir(dir: string): Promise<LoadResult<CompiledRuleSet[]>> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json') && !n.endsWith('.priority.json')).sort();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    return { ok: false, issues: [{ file: dir, path: '', message: `cannot read the folder (${code})` }] };
  }
  const results = await Promise.all(names.map((n) => loadRuleFile(join(dir, n))));
  const issues = results.flatMap((r) => (r.ok ? [] : r.issues));
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: results.flatMap((r) => (r.ok ? [r.value] : [])) };
}
