// Cells of the product's files: formula-looking text neutralised, local dates as Excel dates,
// numbers as numbers, display widths with CJK characters counted double, titles and file names.

import { describe, expect, it } from 'vitest';
import {
  asciiFileName,
  csvText,
  displayWidth,
  documentFileName,
  documentTitle,
  excelDate,
  insertColumn,
  periodText,
  sheetName,
  xlsxValue,
} from '../../../analytics/export/index.js';

describe('formula-looking text', () => {
  it('gets an apostrophe in CSV when it starts with =, +, -, @, a tab or a carriage return', () => {
    expect(['=1+1', '+86 871', '-x', '@SUM(A1)', '\tx', '\rx', 'a=b', '10kV松华线', ''].map(csvText)).toEqual(
      ["'=1+1", "'+86 871", "'-x", "'@SUM(A1)", "'\tx", "'\rx", 'a=b', '10kV松华线', ''],
    );
  });

  it('is a text cell in a workbook; negative numbers stay numbers', () => {
    expect(xlsxValue('=HYPERLINK("http://x","y")')).toEqual({
      value: '=HYPERLINK("http://x","y")',
      numFmt: '@',
    });
    expect(xlsxValue('-12.5')).toEqual({ value: '-12.5', numFmt: '@' });
    expect(xlsxValue(-12.5)).toEqual({ value: -12.5 });
    expect(xlsxValue(7, 'integer')).toEqual({ value: 7, numFmt: '0' });
    expect(xlsxValue('10kV 龙泉线')).toEqual({ value: '10kV 龙泉线' });
    expect(xlsxValue(null)).toEqual({ value: null });
    expect(xlsxValue('')).toEqual({ value: null });
  });
});

describe('dates', () => {
  it('writes the local wall-clock date and time, whatever the zone', () => {
    expect(excelDate('2025-06-29', 'date')).toEqual(new Date(Date.UTC(2025, 5, 29)));
    expect(excelDate('2025-06-03T14:05:00+08:00', 'datetime')).toEqual(
      new Date(Date.UTC(2025, 5, 3, 14, 5, 0)),
    );
    expect(excelDate('2025-02-30', 'date')).toBeNull();
    expect(excelDate('2025-06', 'date')).toBeNull();
  });

  it('keeps text that is not a date as text in a date column', () => {
    expect(xlsxValue('2025-06-29', 'date')).toEqual({
      value: new Date(Date.UTC(2025, 5, 29)),
      numFmt: 'yyyy-mm-dd',
    });
    expect(xlsxValue('2025-06-29T23:59:00+08:00', 'datetime')).toEqual({
      value: new Date(Date.UTC(2025, 5, 29, 23, 59)),
      numFmt: 'yyyy-mm-dd hh:mm',
    });
    expect(xlsxValue('未结束', 'datetime')).toEqual({ value: '未结束' });
  });
});

describe('widths and tables', () => {
  it('counts CJK and fullwidth characters double', () => {
    expect(displayWidth('10kV松华线')).toBe(10);
    expect(displayWidth('设备编码（PMS）')).toBe(15);
    expect(displayWidth('abc')).toBe(3);
  });

  it('inserts a column with its type where asked', () => {
    const t = insertColumn(
      { headers: ['a', 'b'], rows: [{ a: 1, b: 'x' }], types: ['integer', 'date'] },
      1,
      { header: 'code' },
      ['PMS-1'],
    );
    expect(t).toEqual({
      headers: ['a', 'code', 'b'],
      rows: [{ a: 1, b: 'x', code: 'PMS-1' }],
      types: ['integer', undefined, 'date'],
    });
  });
});

describe('titles and file names', () => {
  it('says periods the way people do', () => {
    expect(['2025-06', '2025-Q2', '2025', '2025-07-01', '2025-H1'].map((p) => periodText(p, 'zh'))).toEqual([
      '2025年6月',
      '2025年第二季度',
      '2025年',
      '2025年7月1日',
      '2025-H1',
    ]);
    expect(['2025-06', '2025-Q2', '2025', '2025-07-01'].map((p) => periodText(p, 'en'))).toEqual([
      'June 2025',
      'Q2 2025',
      '2025',
      'July 1, 2025',
    ]);
  });

  it('titles a document by unit, name and period', () => {
    expect(documentTitle('云南省', '频繁停电台账', '2025-06', 'zh')).toBe('云南省频繁停电台账（2025年6月）');
    expect(documentTitle('Yunnan province', 'Frequent-outage ledger', '2025-06', 'en')).toBe(
      'Frequent-outage ledger, Yunnan province, June 2025',
    );
  });

  it('names files in the language, and in ASCII beside them', () => {
    expect(documentFileName(['频繁停电台账', '云南省', '2025-06'], 'xlsx')).toBe(
      '频繁停电台账_云南省_2025-06.xlsx',
    );
    expect(documentFileName(['a/b:c', '', 'd?'], 'csv')).toBe('a b c_d.csv');
    expect(asciiFileName('ledger-national-2025-2025-06-zh', 'xlsx')).toBe(
      'ledger-national-2025-2025-06-zh.xlsx',
    );
    expect(asciiFileName('priorities-保山-2025', 'csv')).toBe('priorities-_-2025.csv');
    expect(asciiFileName('台账', 'csv')).toBe('export.csv');
  });

  it('keeps sheet names within Excel’s 31 characters and its forbidden characters', () => {
    expect(sheetName('台账 2025-06')).toBe('台账 2025-06');
    expect(sheetName('Ledger [a/b] 2025:06')).toBe('Ledger -a-b- 2025-06');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
  });
});
