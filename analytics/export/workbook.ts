// The workbook every XLSX of the product is (the ledger, the disclosure, the authority reports,
// the work list): each table sheet as a Chinese utility files it, and a sheet saying what the
// document is. A table sheet has
//   row 1    the title (unit, document, period), across the table
//   row 2    the header: 序号 first, bold, frozen, with an autofilter, repeated on every page
//   row 3…   the rows, numbered 1…n, dates as Excel dates, numbers as numbers
//   below    the sign-off block (填报人, 审核人, 日期), when the sheet is signed
// printed landscape on A4, or A3 past 12 columns, fitted to the page's width.

import ExcelJS from 'exceljs';
import { type Cell, type CellType, type Table, type XlsxValue, valueWidth, xlsxValue } from './cells.js';

export type Lang = 'zh' | 'en';

export interface SheetColumn {
  header: string;
  type?: CellType | undefined;
}

export interface FilingSheet {
  /** at most 31 characters, none of \ / ? * [ ] : */
  name: string;
  title: string;
  columns: readonly SheetColumn[];
  /** cells in column order */
  rows: readonly (readonly Cell[])[];
  /** the sign-off block under the table */
  signOff?: boolean;
  /** the line shown instead of rows when there are none */
  empty?: string;
}

export interface FilingBook {
  lang: Lang;
  sheets: readonly FilingSheet[];
  /** what the document is: name and value per line */
  about?: { name: string; lines: readonly (readonly [string, Cell])[] };
  /** the workbook's creation time (a frozen document's freeze time) */
  created?: Date;
}

export const SERIAL_HEADER: Record<Lang, string> = { zh: '序号', en: 'No.' };
export const SIGN_OFF: Record<Lang, readonly string[]> = {
  zh: ['填报人：__________', '审核人：__________', '日期：__________'],
  en: ['Prepared by: __________', 'Reviewed by: __________', 'Date: __________'],
};
const PAGE_FOOTER: Record<Lang, string> = { zh: '&C第 &P 页，共 &N 页', en: '&CPage &P of &N' };

/** A table as a sheet: its columns typed as the table says, its rows in order. */
export function tableSheet(
  table: Table,
  q: { name: string; title: string; signOff?: boolean; empty?: string },
): FilingSheet {
  return {
    ...q,
    columns: table.headers.map((header, i) => ({ header, type: table.types?.[i] })),
    rows: table.rows.map((r) => table.headers.map((h) => r[h] ?? null)),
  };
}

/** OOXML paper sizes. */
export const PAPER = { A3: 8, A4: 9 } as const;
/** Past this many columns (序号 included) a sheet is printed on A3. */
export const A4_MOST_COLUMNS = 12;
export const paperFor = (columns: number): number => (columns > A4_MOST_COLUMNS ? PAPER.A3 : PAPER.A4);

export const TITLE_ROW = 1;
export const HEADER_ROW = 2;
const MIN_WIDTH = 6;
const MAX_WIDTH = 50;
/** A header wraps past this width rather than widening its column. */
const HEADER_WRAP = 20;

/** A column's width in characters: its widest value or header (wrapped past 20), plus a margin. */
export function columnWidth(header: number, values: readonly number[]): number {
  const widest = Math.max(Math.min(header, HEADER_WRAP), ...values);
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

function put(cell: ExcelJS.Cell, v: XlsxValue): void {
  cell.value = v.value;
  if (v.numFmt) cell.numFmt = v.numFmt;
}

function addTableSheet(wb: ExcelJS.Workbook, lang: Lang, s: FilingSheet): void {
  const columns: SheetColumn[] = [{ header: SERIAL_HEADER[lang], type: 'integer' }, ...s.columns];
  const n = columns.length;
  const ws = wb.addWorksheet(s.name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}` }],
  });
  const values = s.rows.map((r, i) => [
    xlsxValue(i + 1, 'integer'),
    ...s.columns.map((c, j) => xlsxValue(r[j], c.type)),
  ]);
  const widths = columns.map((c, j) =>
    columnWidth(
      valueWidth({ value: c.header }),
      values.map((r) => valueWidth(r[j] ?? { value: null })),
    ),
  );
  widths.forEach((w, j) => {
    ws.getColumn(j + 1).width = w;
  });

  const title = ws.getCell(TITLE_ROW, 1);
  put(title, xlsxValue(s.title));
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  if (n > 1) ws.mergeCells(TITLE_ROW, 1, TITLE_ROW, n);
  ws.getRow(TITLE_ROW).height = 28;

  const header = ws.getRow(HEADER_ROW);
  columns.forEach((c, j) => {
    const cell = header.getCell(j + 1);
    put(cell, xlsxValue(c.header));
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
    cell.border = THIN;
  });
  const headerLines = Math.max(
    1,
    ...columns.map((c, j) => Math.ceil(valueWidth({ value: c.header }) / Math.max(1, (widths[j] ?? 8) - 2))),
  );
  header.height = 16 * headerLines;

  values.forEach((r, i) => {
    const row = ws.getRow(HEADER_ROW + 1 + i);
    r.forEach((v, j) => {
      const cell = row.getCell(j + 1);
      put(cell, v);
      cell.border = THIN;
      if (valueWidth(v) + 2 > (widths[j] ?? MAX_WIDTH)) cell.alignment = { wrapText: true, vertical: 'top' };
    });
  });
  let last = HEADER_ROW + values.length;
  if (values.length === 0 && s.empty) {
    last += 1;
    put(ws.getCell(last, 1), xlsxValue(s.empty));
    if (n > 1) ws.mergeCells(last, 1, last, n);
  }

  if (s.signOff) signOff(ws, lang, last + 2, n);

  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: n } };
  ws.pageSetup = {
    paperSize: paperFor(n) as ExcelJS.PaperSize,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: PAGE_FOOTER[lang] };
}

/** 填报人, 审核人, 日期 spread over the table's width on one row (in one cell when it is narrow). */
function signOff(ws: ExcelJS.Worksheet, lang: Lang, row: number, columns: number): void {
  const parts = SIGN_OFF[lang];
  if (columns < parts.length) {
    ws.getCell(row, 1).value = parts.join('    ');
    return;
  }
  parts.forEach((text, i) => {
    ws.getCell(row, 1 + Math.floor((i * columns) / parts.length)).value = text;
  });
}

function addAboutSheet(wb: ExcelJS.Workbook, about: NonNullable<FilingBook['about']>): void {
  const ws = wb.addWorksheet(about.name);
  for (const [name, value] of about.lines) {
    const row = ws.addRow([]);
    put(row.getCell(1), xlsxValue(name));
    row.getCell(1).font = { bold: true };
    const v = xlsxValue(value);
    put(row.getCell(2), v);
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
  ws.getColumn(1).width = columnWidth(
    0,
    about.lines.map(([k]) => valueWidth({ value: k })),
  );
  ws.getColumn(2).width = 60;
  ws.pageSetup = { paperSize: PAPER.A4 as ExcelJS.PaperSize, orientation: 'portrait', fitToPage: true };
}

/** The workbook's bytes: each table sheet in order, then the sheet saying what it is. */
export async function filingWorkbook(book: FilingBook): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'outage-analytics';
  if (book.created) {
    wb.created = book.created;
    wb.modified = book.created;
  }
  const first = book.sheets[0];
  if (first) wb.title = first.title;
  for (const s of book.sheets) addTableSheet(wb, book.lang, s);
  if (book.about) addAboutSheet(wb, book.about);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
