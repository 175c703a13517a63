// A mapping applied to a stream of parsed rows: mapped rows go on, parse errors pass through
// untouched, rows a skip rule drops are handed to `onSkip` so the caller can count and report
// them (a row of a route that is not imported comes with the route's name), and rows whose time
// cells do not read in their declared format become error rows.

import type { Issue } from '../../core/issues.js';
import type { ParsedRow } from '../formats/source.js';
import type { Mapping } from './compile.js';

export interface SkippedRow {
  line: number;
  reason: string;
  /** the route that is not imported, when the row took one */
  route?: string;
}

export async function* applyMapping(
  rows: AsyncIterable<ParsedRow> | Iterable<ParsedRow>,
  mapping: Mapping,
  onSkip?: (skipped: SkippedRow) => void,
): AsyncGenerator<ParsedRow> {
  for await (const row of rows) {
    if ('error' in row) {
      yield row;
      continue;
    }
    const mapped = mapping.apply(row.record);
    if ('skip' in mapped)
      onSkip?.({ line: row.line, reason: mapped.skip, ...(mapped.route ? { route: mapped.route } : {}) });
    else if ('invalid' in mapped) yield { line: row.line, error: oneIssue(mapped.invalid) };
    else yield { line: row.line, record: mapped.record };
  }
}

/**
 * A row's issues as the one issue an error row carries: the first, with the others in its
 * message (a row with two time cells that do not read).
 */
export function oneIssue(issues: readonly Issue[]): Issue {
  const [first, ...rest] = issues;
  if (first === undefined) return { path: '', message: 'could not be read' };
  if (rest.length === 0) return first;
  const more = rest.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return { path: first.path, message: `${first.message}; ${more}` };
}
