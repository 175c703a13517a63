// Cells of the files the product writes (CSV and XLSX): the tables they come from, text that a
// spreadsheet would run as a formula, the typed value a workbook cell holds, and how wide a
// text is on screen (a CJK character takes two columns).

export type Cell = string | number | boolean | null;

/** How a column's cells are written to a workbook: text stays text unless the column says so. */
export type CellType = 'text' | 'integer' | 'number' | 'date' | 'datetime';

/** Rows under headers, keyed by header; `types` (by header position) say which cells are dates. */
export interface Table {
  headers: string[];
  rows: Record<string, Cell>[];
  types?: readonly (CellType | undefined)[];
}

/** Text a spreadsheet would run as a formula: =, +, -, @ first, or a tab or carriage return. */
const FORMULA = /^[=+\-@\t\r]/;

export const looksLikeFormula = (text: string): boolean => FORMULA.test(text);

/**
 * A CSV cell's text: a leading apostrophe before text that would run as a formula (OWASP's CSV
 * injection advice), so an asset named "=HYPERLINK(…)" stays text. Numbers are never prefixed.
 */
export const csvText = (text: string): string => (looksLikeFormula(text) ? `'${text}` : text);

/** A value as a workbook cell holds it, with the number format it is shown in. */
export interface XlsxValue {
  value: string | number | boolean | Date | null;
  numFmt?: string;
}

export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm';
/** Excel's Text format: what is typed into the cell later stays text too. */
export const TEXT_FORMAT = '@';

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?/;

/**
 * A local date or time ("2025-06-03", "2025-06-03T14:05:00+08:00") as an Excel date: a workbook
 * date has no zone, so the wall-clock time written is the one read, whatever zone opens it.
 */
export function excelDate(text: string, type: 'date' | 'datetime'): Date | null {
  const m = (type === 'date' ? LOCAL_DATE : LOCAL_TIME).exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as number[];
  const ms = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0);
  const back = new Date(ms);
  // 2025-02-30 is not a date: it stays the text it was
  return back.getUTCMonth() === (mo ?? 1) - 1 && back.getUTCDate() === d ? back : null;
}

/**
 * A table cell as a workbook value: dates and times of date columns as Excel dates, numbers as
 * numbers (negative ones too), text as text; text that looks like a formula gets the Text
 * format, so it is shown as written and never runs (it is a string cell in any case).
 */
export function xlsxValue(cell: Cell | undefined, type: CellType = 'text'): XlsxValue {
  if (cell === null || cell === undefined || cell === '') return { value: null };
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return { value: String(cell) };
    return type === 'integer' && Number.isInteger(cell) ? { value: cell, numFmt: '0' } : { value: cell };
  }
  if (typeof cell === 'boolean') return { value: cell };
  if (type === 'date' || type === 'datetime') {
    const date = excelDate(cell, type);
    if (date) return { value: date, numFmt: type === 'date' ? DATE_FORMAT : DATETIME_FORMAT };
  }
  return looksLikeFormula(cell) ? { value: cell, numFmt: TEXT_FORMAT } : { value: cell };
}

/** East Asian wide and fullwidth characters: two columns each. */
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;

/** How many character columns a text takes on screen: CJK characters count double. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

/** The width a value is shown at (its longest line). */
export function valueWidth(v: XlsxValue): number {
  if (v.value === null) return 0;
  if (v.value instanceof Date) return v.numFmt === DATETIME_FORMAT ? 16 : 10;
  return Math.max(...String(v.value).split('\n').map(displayWidth));
}

/** The table with a column put at `index` (0: first), its cells in row order. */
export function insertColumn(
  table: Table,
  index: number,
  column: { header: string; type?: CellType },
  cells: readonly Cell[],
): Table {
  const at = Math.max(0, Math.min(index, table.headers.length));
  const headers = [...table.headers.slice(0, at), column.header, ...table.headers.slice(at)];
  const types = table.headers.map((_, i) => table.types?.[i]);
  return {
    headers,
    rows: table.rows.map((r, i) => ({ ...r, [column.header]: cells[i] ?? null })),
    types: [...types.slice(0, at), column.type, ...types.slice(at)],
  };
}
