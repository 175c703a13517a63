// NDJSON: one JSON object per line. Blank lines are skipped; a bad line is an error entry and
// reading goes on. Memory holds one line at most (capped, 1 MiB by default).

import { formatBytes, linesOf, type ParsedRow, rowError, type Source } from './source.js';
import { asRecord, readJson, utf8 } from './json-text.js';

export const DEFAULT_MAX_LINE_BYTES = 1 << 20;

export interface NdjsonOptions {
  /** Longest line read, in bytes (default 1 MiB). */
  maxLineBytes?: number;
}

export async function* parseNdjson(source: Source, options: NdjsonOptions = {}): AsyncGenerator<ParsedRow> {
  const max = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  for await (const l of linesOf(source, max)) {
    if ('tooLong' in l) {
      yield rowError(l.line, `is longer than ${formatBytes(max)}; send one record per line`);
      continue;
    }
    const text = utf8(l.bytes);
    if (text === undefined) {
      yield rowError(l.line, 'is not valid UTF-8 text');
      continue;
    }
    if (text.trim() === '') continue;
    const json = readJson(text);
    if (!json.ok) {
      yield rowError(l.line, json.message);
      continue;
    }
    const record = asRecord(json.value);
    yield typeof record === 'string' ? rowError(l.line, record) : { line: l.line, record };
  }
}
