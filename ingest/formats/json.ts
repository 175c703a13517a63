// A JSON array of records. An HTTP body is read whole, up to a size limit, and a body that is
// not JSON is refused as a whole (line 0). An import streams instead (`stream`): elements are
// split off as the bytes arrive and read one by one, with one element in memory at most; a bad
// element is an error entry and reading goes on, as with NDJSON's lines, while a break in the
// array itself ends the reading there, after the records before it. The `line` of an entry is
// the record's position in the array, 1-based (0: the input itself).

import { JsonArraySplitter, type Piece } from './json-array-splitter.js';
import { asRecord, readJson, utf8 } from './json-text.js';
import { bytesOf, formatBytes, type ParsedRow, rowError, type Source } from './source.js';

export const DEFAULT_MAX_BODY_BYTES = 64 << 20;
export const DEFAULT_MAX_RECORD_BYTES = 1 << 20;

export interface JsonOptions {
  /** Largest body read whole, in bytes (default 64 MiB). */
  maxBodyBytes?: number;
  /** Read element by element with constant memory (imports of files of any size). */
  stream?: boolean;
  /** With `stream`: the largest element, in bytes (default 1 MiB). */
  maxRecordBytes?: number;
}

export function parseJsonArray(source: Source, options: JsonOptions = {}): AsyncGenerator<ParsedRow> {
  return options.stream ? streamJsonArray(source, options) : wholeJsonArray(source, options);
}

async function* streamJsonArray(source: Source, options: JsonOptions): AsyncGenerator<ParsedRow> {
  const max = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const splitter = new JsonArraySplitter(max);
  for await (const chunk of bytesOf(source)) {
    for (const piece of splitter.push(chunk)) {
      yield elementRow(piece, max);
      // nothing after a break in the array can be placed: stop reading the source
      if ('failure' in piece) return;
    }
  }
  for (const piece of splitter.end()) yield elementRow(piece, max);
}

function elementRow(piece: Piece, max: number): ParsedRow {
  if ('failure' in piece) return rowError(piece.line, piece.failure);
  const line = piece.index;
  if ('tooLong' in piece)
    return rowError(line, `is longer than ${formatBytes(max)}, the most one record may take`);
  const text = utf8(piece.bytes);
  if (text === undefined) return rowError(line, 'is not valid UTF-8 text');
  const json = readJson(text);
  if (!json.ok) return rowError(line, json.message);
  const record = asRecord(json.value);
  return typeof record === 'string' ? rowError(line, record) : { line, record };
}

async function* wholeJsonArray(source: Source, options: JsonOptions): AsyncGenerator<ParsedRow> {
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
