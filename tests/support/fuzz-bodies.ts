// Seeded malformed ingest bodies whose outcome is known by construction: valid outage records
// mixed with bad pieces (truncated, too deep, too long, wrong encoding, binary, wrong types),
// in JSON, NDJSON, CSV and Arrow IPC. Each case says which records must be accepted and how
// many rejects it must produce, so a fuzz test can check the answer exactly, not just "no 500".

import { Float64, Int32, Table, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import type { Format } from '../../ingest/formats/index.js';

export type Rand = () => number;

export interface FuzzCase {
  label: string;
  format: Format;
  body: Uint8Array;
  /** event ids that must be accepted (and end up stored exactly once) */
  valid: string[];
  /** how many rejects the answer must count */
  rejects: number;
  /**
   * An Arrow stream cut short: the accepted records are the first whole batches of `ids` (of
   * `per` rows), with one reject, or none when the cut fell exactly between two batches (a
   * stream may end without its end marker).
   */
  truncated?: { ids: string[]; per: number };
}

export interface FuzzBodyOptions {
  /** event ids start with this (unique per test run) */
  prefix: string;
  assetId: string;
  /** longest NDJSON line the parser takes (bytes) */
  maxLineBytes: number;
}

const enc = new TextEncoder();
const utf8 = (s: string): Uint8Array => enc.encode(s);
const concat = (parts: Uint8Array[]): Uint8Array => Buffer.concat(parts);

export function fuzzTools(rand: Rand) {
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  /** Random bytes, never a line break, never blank (so a line of them is one bad line). */
  const garbage = (n: number): Uint8Array => {
    const b = new Uint8Array(n);
    for (let i = 0; i < n; i++) b[i] = int(0, 255);
    for (let i = 0; i < n; i++) if (b[i] === 0x0a || b[i] === 0x0d) b[i] = 0x0b;
    b[0] = 0xfe; // never valid UTF-8, never JSON, never an Arrow magic
    return b;
  };
  return { int, pick, garbage };
}

/** Outage records a case sends; ids are unique across cases by `prefix` and `n`. */
export function validOutage(o: FuzzBodyOptions, id: string, n: number): Record<string, unknown> {
  const start = Date.UTC(2025, 0, 1) + n * 60_000;
  return {
    eventId: `${o.prefix}${id}`,
    assetId: o.assetId,
    start: new Date(start).toISOString(),
    end: new Date(start + 45 * 60_000).toISOString(),
    customersAffected: 1 + (n % 300),
    cause: 'equipment_fault',
    notes: `fuzz 停电 "${n}", ok`,
  };
}

// Values the outage schema must refuse, per field.
const WRONG: Record<string, readonly unknown[]> = {
  customersAffected: ['many', -1, 1.5, {}, [], true, '1e400'],
  start: ['yesterday', true, {}, [], '2025-13-45 10:00', 12],
  cause: [42, 'storm', {}, []],
  end: ['never', {}, [1]],
};

/** A record with one field of a wrong type or value (rejected, with the field in its issues). */
function wrongTyped(o: FuzzBodyOptions, t: ReturnType<typeof fuzzTools>, id: string, n: number) {
  const r = validOutage(o, id, n);
  const field = t.pick(Object.keys(WRONG));
  r[field] = t.pick(WRONG[field]!);
  return r;
}

const deepText = (t: ReturnType<typeof fuzzTools>): string => {
  const d = t.int(33, 20_000);
  return t.pick([() => `${'['.repeat(d)}${']'.repeat(d)}`, () => `${'{"a":'.repeat(d)}1${'}'.repeat(d)}`])();
};

type Piece = { bytes: Uint8Array; valid?: string };

/**
 * NDJSON: every line stands alone, so every valid line must be accepted whatever surrounds it.
 * Bad lines: truncated JSON, too deep, longer than the line limit, Latin-1 and UTF-16 text,
 * binary, wrong types, a NUL in an id, a JSON value that is not an object. BOM-led and CRLF lines are valid.
 */
export function ndjsonCase(rand: Rand, o: FuzzBodyOptions, n0: number, label: string): FuzzCase {
  const t = fuzzTools(rand);
  const pieces: Piece[] = [];
  const lines = t.int(3, 25);
  let rejects = 0;
  for (let i = 0; i < lines; i++) {
    const id = `${label}-${i}`;
    const n = n0 + i;
    const kind = t.int(0, 12);
    if (kind <= 3) {
      const json = JSON.stringify(validOutage(o, id, n));
      const bytes = kind === 3 ? utf8(`\uFEFF${json}\r`) : utf8(json);
      pieces.push({ bytes, valid: `${o.prefix}${id}` });
      continue;
    }
    rejects += 1;
    const json = JSON.stringify(validOutage(o, id, n));
    switch (kind) {
      case 4:
        pieces.push({ bytes: utf8(json.slice(0, t.int(1, json.length - 1))) });
        break;
      case 5:
        pieces.push({ bytes: utf8(deepText(t)) });
        break;
      case 6:
        pieces.push({ bytes: utf8(`{"eventId":"${'x'.repeat(o.maxLineBytes + t.int(1, 5_000))}"}`) });
        break;
      case 7:
        pieces.push({
          bytes: Buffer.from(JSON.stringify({ ...validOutage(o, id, n), notes: 'Café' }), 'latin1'),
        });
        break;
      case 8:
        pieces.push({ bytes: Buffer.from(json, 'utf16le') });
        break;
      case 9:
        pieces.push({ bytes: t.garbage(t.int(1, 3_000)) });
        break;
      case 10:
        pieces.push({ bytes: utf8(JSON.stringify(wrongTyped(o, t, id, n))) });
        break;
      case 11: // a NUL in an id: valid JSON, refused by QuestDB in a symbol
        pieces.push({
          bytes: utf8(JSON.stringify({ ...validOutage(o, id, n), eventId: `${o.prefix}${id}\u0000` })),
        });
        break;
      default:
        pieces.push({
          bytes: utf8(t.pick(['42', '"text"', 'null', '[1,2]', 'true', JSON.stringify([json])])),
        });
    }
  }
  const body = concat(pieces.flatMap((p) => [p.bytes, utf8(t.pick(['\n', '\n', '\n\n']))]));
  return { label, format: 'ndjson', body, valid: pieces.flatMap((p) => (p.valid ? [p.valid] : [])), rejects };
}

const CSV_COLUMNS = ['eventId', 'assetId', 'start', 'end', 'customersAffected', 'cause', 'notes'] as const;

function csvCell(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const csvRow = (r: Record<string, unknown>): string => CSV_COLUMNS.map((c) => csvCell(r[c])).join(',');

/** The CSV header line and one record's CSV line, for tests that write their own files. */
export const CSV_HEADER = CSV_COLUMNS.join(',');
export const csvLine = csvRow;

/**
 * CSV: bad rows are a wrong field count, a Latin-1 cell, wrong types, a NUL in an id; each is
 * local to its row.
 * Sometimes the file ends in a quote never closed (the reader stops there: one reject, the rows
 * before it count), or the whole file is UTF-16 (one reject for the header, nothing accepted).
 */
export function csvCase(rand: Rand, o: FuzzBodyOptions, n0: number, label: string): FuzzCase {
  const t = fuzzTools(rand);
  const eol = t.pick(['\n', '\r\n']);
  const pieces: Piece[] = [{ bytes: utf8(`${t.pick(['', '\uFEFF'])}${CSV_COLUMNS.join(',')}`) }];
  let rejects = 0;
  const rows = t.int(3, 25);
  for (let i = 0; i < rows; i++) {
    const id = `${label}-${i}`;
    const n = n0 + i;
    const kind = t.int(0, 8);
    if (kind <= 3) {
      pieces.push({ bytes: utf8(csvRow(validOutage(o, id, n))), valid: `${o.prefix}${id}` });
      continue;
    }
    rejects += 1;
    if (kind === 4) pieces.push({ bytes: utf8(`${csvRow(validOutage(o, id, n))},extra,${t.int(0, 9)}`) });
    else if (kind === 5)
      pieces.push({
        bytes: Buffer.from(csvRow({ ...validOutage(o, id, n), notes: 'Müller façade' }), 'latin1'),
      });
    else if (kind === 6) pieces.push({ bytes: utf8(csvRow(wrongTyped(o, t, id, n))) });
    else if (kind === 7)
      pieces.push({ bytes: utf8(csvRow({ ...validOutage(o, id, n), assetId: `${o.assetId}\u0000` })) });
    else pieces.push({ bytes: utf8(`${o.prefix}${id},${o.assetId}`) }); // too few fields
  }
  let body = concat(pieces.flatMap((p) => [p.bytes, utf8(eol)]));
  let valid = pieces.flatMap((p) => (p.valid ? [p.valid] : []));
  const ending = t.int(0, 9);
  if (ending === 0) {
    body = concat([body, utf8(`${o.prefix}${label}-open,"never closed${eol}more,text${eol}`)]);
    rejects += 1;
  } else if (ending === 1) {
    body = Buffer.from(Buffer.from(body).toString('utf8'), 'utf16le');
    valid = [];
    rejects = 1;
  }
  return { label, format: 'csv', body, valid, rejects };
}

/**
 * A JSON array: bad elements (not objects, too deep, wrong types) are rejected alone; a body
 * that is cut short, not UTF-8 or not an array is one reject (line 0) with nothing accepted.
 */
export function jsonCase(rand: Rand, o: FuzzBodyOptions, n0: number, label: string): FuzzCase {
  const t = fuzzTools(rand);
  const items: string[] = [];
  const valid: string[] = [];
  let rejects = 0;
  const count = t.int(2, 25);
  for (let i = 0; i < count; i++) {
    const id = `${label}-${i}`;
    const kind = t.int(0, 6);
    if (kind <= 3) {
      items.push(JSON.stringify(validOutage(o, id, n0 + i)));
      valid.push(`${o.prefix}${id}`);
    } else {
      rejects += 1;
      if (kind === 4) items.push(deepText(t));
      else if (kind === 5) items.push(JSON.stringify(wrongTyped(o, t, id, n0 + i)));
      else items.push(t.pick(['1', '"x"', 'null', '[]', 'false']));
    }
  }
  const text = `${t.pick(['', '\uFEFF', ' '])}[${items.join(t.pick([',', ',\n', ' , ']))}]`;
  const whole = t.int(0, 5);
  if (whole === 0)
    return {
      label,
      format: 'json',
      body: utf8(text.slice(0, t.int(1, text.length - 1))),
      valid: [],
      rejects: 1,
    };
  if (whole === 1)
    return { label, format: 'json', body: Buffer.from(text, 'utf16le'), valid: [], rejects: 1 };
  if (whole === 2 && valid.length > 0) {
    // One Latin-1 character anywhere makes the whole body unreadable as UTF-8.
    const latin = text.replace('fuzz 停电', 'fuzz é');
    return { label, format: 'json', body: Buffer.from(latin, 'latin1'), valid: [], rejects: 1 };
  }
  return { label, format: 'json', body: utf8(text), valid, rejects };
}

/** An Arrow IPC stream of valid rows in record batches of `per` rows. */
export function arrowStream(o: FuzzBodyOptions, label: string, n0: number, rows: number, per: number) {
  const records = Array.from({ length: rows }, (_, i) => validOutage(o, `${label}-${i}`, n0 + i));
  const text = (rs: Record<string, unknown>[], k: string) =>
    vectorFromArray(
      rs.map((r) => r[k] as string),
      new Utf8(),
    );
  const batches = [];
  for (let i = 0; i < rows; i += per) {
    const rs = records.slice(i, i + per);
    const part = new Table({
      eventId: text(rs, 'eventId'),
      assetId: text(rs, 'assetId'),
      start: text(rs, 'start'),
      end: text(rs, 'end'),
      customersAffected: vectorFromArray(
        rs.map((r) => r['customersAffected'] as number),
        new Int32(),
      ),
      cause: text(rs, 'cause'),
    });
    batches.push(...part.batches);
  }
  return { bytes: tableToIPC(new Table(batches), 'stream'), ids: records.map((r) => r['eventId'] as string) };
}

/**
 * Arrow: truncated anywhere (the batches before the cut count, one reject), binary garbage or a
 * wrong magic (one reject, nothing accepted), wrong column types (every row rejected).
 */
export function arrowCase(rand: Rand, o: FuzzBodyOptions, n0: number, label: string): FuzzCase {
  const t = fuzzTools(rand);
  const kind = t.int(0, 4);
  if (kind <= 1) {
    const per = t.int(1, 10);
    const stream = arrowStream(o, label, n0, t.int(2, 40), per);
    if (kind === 0) return { label, format: 'arrow', body: stream.bytes, valid: stream.ids, rejects: 0 };
    // Cut anywhere before the end marker: the whole batches before the cut count.
    const cut = t.int(1, stream.bytes.length - 9);
    const body = stream.bytes.subarray(0, cut);
    return { label, format: 'arrow', body, valid: [], rejects: 1, truncated: { ids: stream.ids, per } };
  }
  if (kind === 2) return { label, format: 'arrow', body: t.garbage(t.int(1, 5_000)), valid: [], rejects: 1 };
  if (kind === 3) {
    const body = concat([utf8('ARROW2'), t.garbage(t.int(1, 200))]);
    return { label, format: 'arrow', body, valid: [], rejects: 1 };
  }
  const rows = t.int(1, 20);
  const column = <T extends Utf8 | Int32 | Float64>(value: unknown, type: T) =>
    vectorFromArray(
      Array.from({ length: rows }, (_, i) => (typeof value === 'function' ? value(i) : value)),
      type,
    );
  const table = new Table({
    eventId: column((i: number) => `${o.prefix}${label}-${i}`, new Utf8()),
    assetId: column(o.assetId, new Utf8()),
    start: column(1.5, new Float64()), // a number, but not epoch milliseconds
    customersAffected: column('many', new Utf8()),
    cause: column(7, new Int32()),
  });
  return { label, format: 'arrow', body: tableToIPC(table, 'stream'), valid: [], rejects: rows };
}

/** A few random byte edits: flips, deletions, insertions of bytes that matter to parsers. */
export function mutateBytes(rand: Rand, body: Uint8Array): Uint8Array {
  const t = fuzzTools(rand);
  let b = Buffer.from(body);
  for (let k = t.int(1, 6); k > 0 && b.length > 0; k--) {
    const at = t.int(0, b.length - 1);
    const op = t.int(0, 2);
    if (op === 0) b[at] = t.int(0, 255);
    else if (op === 1) b = Buffer.concat([b.subarray(0, at), b.subarray(at + t.int(1, 50))]);
    else {
      const insert = Buffer.from([t.pick([0x00, 0xff, 0x22, 0x5b, 0x7b, 0x0a, 0x2c, 0x5c, 0xc3, 0xef])]);
      b = Buffer.concat([b.subarray(0, at), insert, b.subarray(at)]);
    }
  }
  return b;
}
