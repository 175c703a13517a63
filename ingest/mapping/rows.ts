// A mapping applied to a stream of parsed rows: mapped rows go on, parse errors pass through
// untouched, and rows a skip rule drops are handed to `onSkip` so the caller can count and
// report them (a row of a route that is not imported comes with the route's name).

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
    else yield { line: row.line, record: mapped.record };
  }
}
