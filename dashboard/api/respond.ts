// Every list endpoint answers JSON by default, CSV for Accept: text/csv and an Arrow IPC
// stream for Accept: application/vnd.apache.arrow.stream (contract). Rows are flat objects;
// arrays and objects inside a row travel as JSON text in CSV and Arrow. CSV is UTF-8 with a
// byte-order mark, or GB18030 with `?encoding=gb18030` (Excel on Chinese Windows opens a CSV
// without a BOM in its ANSI code page). Files are named in their language (RFC 6266/5987) with
// an ASCII name beside it.

import { tableFromArrays, tableToIPC } from 'apache-arrow';
import type { Request, Response } from 'express';
import iconv from 'iconv-lite';
import { asciiFileName, csvText, documentFileName } from '../../analytics/export/index.js';
import { encoding } from './query/fields.js';
import { parseParam } from './query/parse.js';

export const ARROW = 'application/vnd.apache.arrow.stream';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export type Row = Record<string, unknown>;

export function negotiate(req: Request): 'json' | 'csv' | 'arrow' {
  const picked = req.accepts(['application/json', 'text/csv', ARROW]);
  if (picked === 'text/csv') return 'csv';
  if (picked === ARROW) return 'arrow';
  return 'json';
}

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  // Text that would run as a formula gets a leading apostrophe (analytics/export); numbers are
  // numbers, never prefixed, negative ones included.
  const s = typeof v === 'string' ? csvText(v) : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(rows: readonly Row[], columns: readonly string[]): string {
  const lines = [columns.map(csvCell).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvCell(r[c])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export const CSV_ENCODINGS = ['utf-8', 'gb18030'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

/** The CSV encoding a request asks for with `encoding` (utf-8 when it names none). */
export const csvEncoding = (req: Request): CsvEncoding =>
  parseParam(encoding, req.query['encoding'], 'encoding');

/** A CSV's bytes: UTF-8 keeps its byte-order mark; GB18030 has none (it is the code page). */
export function encodeCsv(csv: string, encoding: CsvEncoding): Buffer {
  if (encoding === 'utf-8') return Buffer.from(csv, 'utf8');
  return iconv.encode(csv.replace(/^\uFEFF/, ''), 'gb18030');
}

export const csvType = (encoding: CsvEncoding): string => `text/csv; charset=${encoding}`;

/** RFC 5987 ext-value characters: what encodeURIComponent leaves, less ' ( ) *. */
const encode5987 = (s: string): string =>
  encodeURIComponent(s).replaceAll(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * An attachment's Content-Disposition: `filename*=UTF-8''…` with the name in its language
 * (频繁停电台账_云南省_2025-06.xlsx), and `filename="…"` with an ASCII name for clients that
 * do not read the first (RFC 6266 §4.3: they take the plain one).
 */
export function contentDisposition(name: string, asciiName: string): string {
  const plain = asciiName.replaceAll(/[^\x20-\x7E]|["\\]/g, '_');
  if (name === plain) return `attachment; filename="${plain}"`;
  return `attachment; filename="${plain}"; filename*=UTF-8''${encode5987(name)}`;
}

/**
 * A file's names by its extension: in words when there are words (频繁停电台账_云南省_2025-06.xlsx),
 * from the ASCII `stem` otherwise, and always in ASCII beside it.
 */
export const fileNames =
  (stem: string, words: readonly string[] | undefined) =>
  (ext: string): { name: string; asciiName: string } => ({
    name: words ? documentFileName(words, ext) : asciiFileName(stem, ext),
    asciiName: asciiFileName(stem, ext),
  });

/** Sends a file to save: its bytes, type and names. */
export function sendFile(
  res: Response,
  body: Buffer | string,
  file: { type: string; name: string; asciiName: string },
): void {
  res.type(file.type).set('Content-Disposition', contentDisposition(file.name, file.asciiName)).send(body);
}

/** Columns typed from their values: numbers stay Float64, booleans Bool, everything else Utf8. */
export function toArrow(rows: readonly Row[], columns: readonly string[]): Uint8Array {
  const arrays: Record<string, unknown[] | Float64Array> = {};
  for (const c of columns) {
    const values = rows.map((r) => r[c]);
    const present = values.filter((v) => v !== null && v !== undefined);
    if (
      present.length > 0 &&
      present.every((v) => typeof v === 'number') &&
      present.length === values.length
    ) {
      arrays[c] = Float64Array.from(values as number[]);
    } else if (present.length > 0 && present.every((v) => typeof v === 'boolean')) {
      arrays[c] = values.map((v) => (v === undefined ? null : v));
    } else {
      arrays[c] = values.map((v) =>
        v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : String(v),
      );
    }
  }
  return tableToIPC(tableFromArrays(arrays as Parameters<typeof tableFromArrays>[0]), 'stream');
}

/** Sends a list in the negotiated format. `columns` fixes the CSV/Arrow column order. */
export function sendRows(
  req: Request,
  res: Response,
  rows: readonly Row[],
  columns?: readonly string[],
  extra: Row = {},
): void {
  const cols = columns ?? (rows[0] ? Object.keys(rows[0]) : []);
  switch (negotiate(req)) {
    case 'csv': {
      const encoding = csvEncoding(req);
      res.type(csvType(encoding)).send(encodeCsv(toCsv(rows, cols), encoding));
      return;
    }
    case 'arrow':
      res.type(ARROW).send(Buffer.from(toArrow(rows, cols)));
      return;
    default:
      res.json({ ...extra, rows });
  }
}
