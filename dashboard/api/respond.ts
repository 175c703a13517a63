// Every list endpoint answers JSON by default, CSV for Accept: text/csv and an Arrow IPC
// stream for Accept: application/vnd.apache.arrow.stream (contract). Rows are flat objects;
// arrays and objects inside a row travel as JSON text in CSV and Arrow.

import { tableFromArrays, tableToIPC } from 'apache-arrow';
import type { Request, Response } from 'express';

export const ARROW = 'application/vnd.apache.arrow.stream';
export type Row = Record<string, unknown>;

export function negotiate(req: Request): 'json' | 'csv' | 'arrow' {
  const picked = req.accepts(['application/json', 'text/csv', ARROW]);
  if (picked === 'text/csv') return 'csv';
  if (picked === ARROW) return 'arrow';
  return 'json';
}

/** Text a spreadsheet would run as a formula: =, +, -, @ first, or a tab or carriage return. */
const FORMULA = /^[=+\-@\t\r]/;

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  // An asset named "=HYPERLINK(…)" stays text when the file is opened (OWASP's CSV injection
  // advice: a leading apostrophe). Numbers are numbers, never prefixed.
  if (typeof v === 'string' && FORMULA.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(rows: readonly Row[], columns: readonly string[]): string {
  const lines = [columns.map(csvCell).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvCell(r[c])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
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
    case 'csv':
      res.type('text/csv; charset=utf-8').send(toCsv(rows, cols));
      return;
    case 'arrow':
      res.type(ARROW).send(Buffer.from(toArrow(rows, cols)));
      return;
    default:
      res.json({ ...extra, rows });
  }
}
