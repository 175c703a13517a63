// What the parsers read and what they yield. A source is a byte or text stream (a Node
// Readable is one) or a whole body; parsers yield one entry per record, either the record or
// an error for that line, so one bad line never stops an import.

import type { Issue } from '../../core/issues.js';

export type Chunk = Uint8Array | string;
export type Source = AsyncIterable<Chunk> | Iterable<Chunk> | Chunk;

/** A record read from line (CSV, NDJSON) or position (JSON array, Arrow row) `line`, 1-based. Line 0: the input as a whole. */
export type ParsedRow = { line: number; record: Record<string, unknown> } | { line: number; error: Issue };

export const rowError = (line: number, message: string): ParsedRow => ({
  line,
  error: { path: '', message },
});

/**
 * The first field of a record whose text (or any text nested in it) holds U+0000, if any. Valid
 * JSON and CSV can carry it, but QuestDB refuses it in ids (symbols), which would fail the write
 * of every record in the same batch; such a record is rejected alone instead.
 */
export function fieldWithNul(record: Record<string, unknown>): string | undefined {
  for (const [field, value] of Object.entries(record)) {
    const stack: unknown[] = [field, value];
    while (stack.length > 0) {
      const v = stack.pop();
      if (typeof v === 'string') {
        if (v.includes('\u0000')) return field;
      } else if (typeof v === 'object' && v !== null) {
        for (const [k, c] of Object.entries(v)) stack.push(k, c);
      }
    }
  }
  return undefined;
}

export const nulMessage = (field: string): string =>
  `has a NUL character (U+0000) in ${JSON.stringify(field)}; text cannot hold it`;

const encoder = new TextEncoder();

/** The source as a stream of byte chunks. */
export async function* bytesOf(source: Source): AsyncGenerator<Uint8Array> {
  if (typeof source === 'string') yield encoder.encode(source);
  else if (source instanceof Uint8Array) yield source;
  else for await (const chunk of source) yield typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
}

/** The source as a stream of text, decoded from `encoding` (default UTF-8, BOM dropped). */
export async function* textOf(source: Source, encoding = 'utf-8'): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of bytesOf(source)) {
    const s = decoder.decode(chunk, { stream: true });
    if (s) yield s;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

const NEWLINE = 0x0a;

export type Line = { line: number; bytes: Uint8Array } | { line: number; tooLong: true };

/**
 * Split a byte stream on "\n" (dropping a "\r" before it), holding at most `maxBytes` of one
 * line: the rest of a longer line is discarded and the line reported as too long.
 */
export async function* linesOf(source: Source, maxBytes: number): AsyncGenerator<Line> {
  let parts: Uint8Array[] = [];
  let size = 0;
  let tooLong = false;
  let line = 0;
  const finish = (): Line => {
    line += 1;
    const bytes = tooLong ? undefined : trimCr(concat(parts, size));
    const out: Line = bytes && bytes.length <= maxBytes ? { line, bytes } : { line, tooLong: true };
    parts = [];
    size = 0;
    tooLong = false;
    return out;
  };
  const keep = (piece: Uint8Array): void => {
    if (tooLong || piece.length === 0) return;
    if (size + piece.length > maxBytes + 1) {
      tooLong = true;
      parts = [];
      size = 0;
    } else {
      parts.push(piece);
      size += piece.length;
    }
  };
  for await (const chunk of bytesOf(source)) {
    let from = 0;
    for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, from)) {
      keep(chunk.subarray(from, at));
      from = at + 1;
      yield finish();
    }
    keep(chunk.subarray(from));
  }
  if (size > 0 || tooLong) yield finish();
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// A line of exactly maxBytes may carry its "\r" too: keep() allows one byte more, finish() checks.
const trimCr = (b: Uint8Array): Uint8Array => (b[b.length - 1] === 0x0d ? b.subarray(0, b.length - 1) : b);

/** "1 MiB", "64 KiB", "512 bytes" */
export function formatBytes(n: number): string {
  if (n >= 1 << 20 && n % (1 << 20) === 0) return `${n / (1 << 20)} MiB`;
  if (n >= 1 << 10 && n % (1 << 10) === 0) return `${n / (1 << 10)} KiB`;
  return `${n} bytes`;
}
