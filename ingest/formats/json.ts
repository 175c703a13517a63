// A JSON array of records, as an HTTP body. The body is read whole, up to a size limit; the
// `line` of an entry is the record's position in the array, 1-based (0: the body itself).

import { bytesOf, formatBytes, type ParsedRow, rowError, type Source } from './source.js';
import { asRecord, readJson, utf8 } from './json-text.js';

export const DEFAULT_MAX_BODY_BYTES = 64 << 20;

export interface JsonOptions {
  /** Largest body read, in bytes (default 64 MiB). */
  maxBodyBytes?: number;
}

export async function* parseJsonArray(source: Source, options: JsonOptions = {}): AsyncGenerator<ParsedRow> {
  const max = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of bytesOf(source)) {
    size += chunk.length;
    if (size > max) {
      yield rowError(0, `the body is larger than ${formatBytes(max)}; send large imports as NDJSON or CSV`);
      return;
    }
    parts.push(chunk);
  }
  const text = utf8(Buffer.concat(parts));
  if (text === undefined) {
    yield rowError(0, 'the body is not valid UTF-8 text');
    return;
  }
  if (text.trim() === '') {
    yield rowError(0, 'the body is empty; send a JSON array of records');
    return;
  }
  const json = readJson(text);
  if (!json.ok) {
    yield rowError(0, `the body ${json.message}`);
    return;
  }
  if (!Array.isArray(json.value)) {
    yield rowError(0, `the body must be a JSON array of records, got ${describe(json.value)}`);
    return;
  }
  let line = 0;
  for (const item of json.value as unknown[]) {
    line += 1;
    const record = asRecord(item);
    yield typeof record === 'string' ? rowError(line, record) : { line, record };
  }
}

const describe = (v: unknown): string =>
  v === null ? 'null' : typeof v === 'object' ? 'an object' : typeof v === 'string' ? 'a string' : String(v);
