// The QuestDB client escapes every name and value one character at a time, with one
// Buffer.write per character: for our two rows per event that was over half of the writer's
// CPU time (profile of a 50,000-event import). Most strings (ids, codes, column names) contain
// nothing that needs escaping, and for those writing the whole string at once gives the very
// same bytes. Anything else goes through the client's own escaping. The patch is applied to the
// writer's buffers only, so a plain Sender elsewhere (and the benchmark's raw-client peer)
// keeps the client as shipped; tests/unit/store/fast-escape.test.ts pins byte equality.

import type { createBuffer } from '@questdb/nodejs-client';

type Buf = ReturnType<typeof createBuffer>;

interface EscapingBuffer {
  write(data: string): void;
  writeEscaped(data: string, quoted?: boolean): void;
}

// Characters the line protocol escapes in names, symbols or quoted strings (the client's set:
// space, comma, equals, newline, carriage return, double quote, backslash).
const NEEDS_ESCAPING = /[ ,=\n\r"\\]/;

/** Gives `buffer` a whole-string fast path for strings that need no escaping; returns it. */
export function withFastEscape<B extends Buf>(buffer: B): B {
  const b = buffer as unknown as EscapingBuffer;
  const clientEscaped = b.writeEscaped;
  // A future client without these internals keeps its own (slower, still correct) path.
  if (typeof clientEscaped !== 'function' || typeof b.write !== 'function') return buffer;
  b.writeEscaped = function fastEscaped(this: EscapingBuffer, data: string, quoted = false): void {
    if (NEEDS_ESCAPING.test(data)) clientEscaped.call(this, data, quoted);
    else this.write(data);
  };
  return buffer;
}

interface RawBuffer extends EscapingBuffer {
  checkCapacity(data: string[], base?: number): void;
  hasTable: boolean;
  hasColumns: boolean;
}

/** A symbol value as the client escapes it outside quotes (space, comma, equals, CR, LF, backslash). */
export const escapeSymbol = (value: string): string =>
  value.replace(/[ ,=\n\r\\]/g, (c) => (c === '\\' ? '\\\\' : `\\${c}`));

/**
 * `,name=value` pairs for `symbols`, escaped as the client would: a segment worth building once
 * and writing many times (an asset's placement on each outage that reaches it).
 */
export function symbolSegment(symbols: Readonly<Record<string, string | undefined>>): string {
  let out = '';
  for (const [name, value] of Object.entries(symbols)) {
    if (value !== undefined && value !== '') out += `,${escapeSymbol(name)}=${escapeSymbol(value)}`;
  }
  return out;
}

/**
 * Writes a segment of symbols (from symbolSegment) after the table name and before any column,
 * in one write. On a client without these internals, `fallback` writes them one by one.
 */
export function writeSymbolSegment(buffer: Buf, segment: string, fallback: () => void): void {
  const b = buffer as unknown as RawBuffer;
  if (typeof b.checkCapacity === 'function' && typeof b.write === 'function' && b.hasTable && !b.hasColumns) {
    b.checkCapacity([segment]);
    b.write(segment);
  } else fallback();
}
