// Check once with the reference's own checks (so both evaluators accept the same options),
// then the SQL-only parts: whole-millisecond instants, the scope and the excluded ids.

import { fail, type Issue, ok, type Result } from '../../core/issues.js';
import type { ReliabilityOptions } from '../reliability/index.js';
import { checkOptions, type Settings } from '../reliability/options.js';
import type { SqlReliabilityOptions, SqlScope } from './types.js';

/** An asset id list is repeated in a statement's CTEs; provinces scale, ids are for small systems. */
export const MAX_ASSET_ID_CHARS = 3_000;

export interface SqlSettings extends Omit<Settings, 'excluded'> {
  scope: SqlScope;
  excludedIds: readonly string[] | undefined;
}

function checkList(values: readonly string[] | undefined, path: string, issues: Issue[]): void {
  if (values === undefined) return;
  if (values.length === 0) issues.push({ path, message: 'must name at least one value, got: []' });
  values.forEach((v, i) => {
    if (typeof v !== 'string' || v === '' || v.includes('\u0000'))
      issues.push({ path: `${path}[${i}]`, message: `must be a non-empty text, got: ${JSON.stringify(v)}` });
  });
}

export function checkSqlOptions(o: SqlReliabilityOptions): Result<SqlSettings> {
  const { scope, excludedEventIds, ...rest } = o;
  const reference: ReliabilityOptions = { ...rest, assets: [], events: [] };
  const checked = checkOptions(reference);
  const issues: Issue[] = checked.ok ? [] : [...checked.issues];
  for (const key of ['from', 'to', 'asOf'] as const) {
    if (Number.isFinite(o[key]) && !Number.isInteger(o[key]))
      issues.push({ path: key, message: `must be a whole number of ms, got: ${o[key]}` });
  }
  checkList(scope?.assetIds, 'scope.assetIds', issues);
  const idChars = (scope?.assetIds ?? []).reduce((n, id) => n + String(id).length + 4, 0);
  if (idChars > MAX_ASSET_ID_CHARS) {
    issues.push({
      path: 'scope.assetIds',
      message: `too long to repeat in a statement (${idChars} characters, at most ${MAX_ASSET_ID_CHARS}): use scope.provinces`,
    });
  }
  checkList(scope?.provinces, 'scope.provinces', issues);
  const excludedIds = excludedEventIds === undefined ? undefined : [...new Set(excludedEventIds)];
  excludedIds?.forEach((id, i) => {
    if (typeof id !== 'string' || id.includes('\u0000'))
      issues.push({
        path: `excludedEventIds[${i}]`,
        message: `must be an event id, got: ${JSON.stringify(id)}`,
      });
  });
  if (!checked.ok || issues.length > 0) return fail(issues);
  const { excluded: _unused, ...settings } = checked.value;
  return ok({ ...settings, scope: scope ?? {}, excludedIds });
}
