// The filing workbook, read back with exceljs: title row, 序号, frozen header with autofilter,
// typed cells, fitted widths, print set-up and the sign-off block.

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnWidth, filingWorkbook, paperFor, tableSheet } from '../../../analytics/export/index.js';

async function open(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return wb;
}

const table = {
  headers: ['名称', '越限日期', '次数'],
  rows: [
    { 名称: '10kV 龙泉线', 越限日期: '2025-06-29', 次数: 4 },
    { 名称: '=HYPERLINK("http://x","y")', 越限日期: null, 次数: -2 },
  ],
  types: [undefined, 'date', 'integer'] as const,
};

describe('a filed sheet', () => {
  it('has the title, 序号, typed cells, and the sign-off block under the table', async () => {
    const buffer = await filingWorkbook({
      lang: 'zh',
      sheets: [
        tableSheet(table, { name: '台账 2025-06', title: '云南省频繁停电台账（2025年6月）', signOff: true }),
      ],
      about: { name: '说明', lines: [['报送期限', '2025-07-10']] },
    });
    const wb = await open(buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['台账 2025-06', '说明']);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.getCell('A1').value).toBe('云南省频繁停电台账（2025年6月）');
    expect(ws.getCell('D1').master.address).toBe('A1');
    expect(ws.getRow(2).values).toEqual([undefined, '序号', '名称', '越限日期', '次数']);
    expect([ws.getCell('A3').value, ws.getCell('A4').value]).toEqual([1, 2]);
    expect(ws.getCell('C3').value).toEqual(new Date(Date.UTC(2025, 5, 29)));
    expect(ws.getCell('C3').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('D4').value).toBe(-2);
    const text = ws.getCell('B4');
    expect([text.type, text.value, text.formula, text.numFmt]).toEqual([
      ExcelJS.ValueType.String,
      '=HYPERLINK("http://x","y")',
      undefined,
      '@',
    ]);
    // two rows, a blank row, then the signatures spread over the four columns
    expect([ws.getCell('A6').value, ws.getCell('B6').value, ws.getCell('C6').value]).toEqual([
      '填报人：__________',
      '审核人：__________',
      '日期：__________',
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBe('A2:D2');
    expect(ws.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '2:2',
    });
    // 序号 6 (the least); 名称: "=HYPERLINK(…)" is 26 wide, + 2
    expect([ws.getColumn(1).width, ws.getColumn(2).width, ws.getColumn(3).width]).toEqual([6, 28, 12]);
    expect(wb.worksheets[1]?.getCell('B1').value).toBe('2025-07-10');
  });

  it('signs in English, says when there are no rows, and prints wide tables on A3', async () => {
    const wide = {
      headers: Array.from({ length: 12 }, (_, i) => `c${i + 1}`),
      rows: [],
    };
    const wb = await open(
      await filingWorkbook({
        lang: 'en',
        sheets: [tableSheet(wide, { name: 'Ledger', title: 'T', signOff: true, empty: '(no rows)' })],
      }),
    );
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.getRow(2).getCell(1).value).toBe('No.');
    expect(ws.getCell('A3').value).toBe('(no rows)');
    // 13 columns: at 0, 4 and 8
    expect([ws.getCell('A5').value, ws.getCell('E5').value, ws.getCell('I5').value]).toEqual([
      'Prepared by: __________',
      'Reviewed by: __________',
      'Date: __________',
    ]);
    expect(ws.pageSetup.paperSize).toBe(8);
    expect(ws.autoFilter).toBe('A2:M2');
  });
});

describe('print and widths', () => {
  it('takes A4 up to 12 columns and A3 past them', () => {
    expect([paperFor(3), paperFor(12), paperFor(13)]).toEqual([9, 9, 8]);
  });

  it('fits a column to its widest value, a header wrapping past 20', () => {
    expect(columnWidth(4, [2, 1])).toBe(6);
    expect(columnWidth(30, [10])).toBe(22);
    expect(columnWidth(8, [70])).toBe(50);
  });
});
