// The files the product writes: typed and neutralised cells, the filing workbook (title row,
// 序号, frozen header, autofilter, print set-up, sign-off), document titles and file names, and
// the 停电明细 sheet of the outages behind a ledger's or disclosure's rows.

export {
  type Cell,
  type CellType,
  csvText,
  DATE_FORMAT,
  DATETIME_FORMAT,
  displayWidth,
  excelDate,
  insertColumn,
  looksLikeFormula,
  type Table,
  TEXT_FORMAT,
  type XlsxValue,
  valueWidth,
  xlsxValue,
} from './cells.js';
export {
  ASSET_CODE_LABEL,
  DETAIL_SHEET_NAME,
  type DetailSubject,
  durationHours,
  type OutageDetail,
  outageDetailSheet,
  readAssetCodes,
  readCountedOutages,
} from './outage-details.js';
export { asciiFileName, documentFileName, documentTitle, periodText, sheetName } from './titles.js';
export {
  A4_MOST_COLUMNS,
  columnWidth,
  type FilingBook,
  type FilingSheet,
  filingWorkbook,
  HEADER_ROW,
  type Lang,
  PAPER,
  paperFor,
  SERIAL_HEADER,
  SIGN_OFF,
  type SheetColumn,
  TITLE_ROW,
  tableSheet,
} from './workbook.js';
