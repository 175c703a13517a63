// Rows read from an Arrow stream column by column equal the rows the server encoded (numbers,
// numbers with gaps (sent as text), booleans with nulls, text, text with nulls, 64-bit integers), and equal the
// cell-by-cell reading they replace.

import { Int64, makeVector, Table, tableFromIPC, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { toArrow } from '../../../dashboard/api/respond.js';
import { rowsOf } from '../../../dashboard/web/arrow-rows.js';

const ROWS = [
  { assetId: 'fd-1', outages: 4, share: 0.25, gap: 1.5, open: true, county: '隆阳区', note: null },
  { assetId: 'ar-2', outages: 0, share: 0, gap: null, open: null, county: '施甸县', note: '树障' },
  { assetId: 'ar-3', outages: 17, share: 1, gap: -2, open: false, county: '隆阳区', note: null },
];
const COLUMNS = Object.keys(ROWS[0] as object);

/** The reading it replaces: every cell through `get`. */
function byCell(table: Table): Record<string, unknown>[] {
  const names = table.schema.fields.map((f) => f.name);
  return Array.from({ length: table.numRows }, (_, i) =>
    Object.fromEntries(
      names.map((n) => {
        const v = table.getChild(n)?.get(i);
        return [n, typeof v === 'bigint' ? Number(v) : (v ?? null)];
      }),
    ),
  );
}

describe('rowsOf', () => {
  it('gives back the rows the server encoded, nulls as null', () => {
    const table = tableFromIPC(toArrow(ROWS, COLUMNS));
    // toArrow keeps a column Float64 only when every value is a number: one with gaps is text
    const sent = ROWS.map((r) => ({ ...r, gap: r.gap === null ? null : String(r.gap) }));
    expect(rowsOf(table)).toEqual(sent);
    expect(rowsOf(table)).toEqual(byCell(table));
  });

  it('reads 64-bit integers as numbers, with and without nulls', () => {
    const whole = makeVector(BigInt64Array.from([1n, 2n ** 40n, -3n]));
    const gappy = vectorFromArray([5n, null, 7n], new Int64());
    const table = new Table({ whole, gappy });
    expect(rowsOf(table)).toEqual([
      { whole: 1, gappy: 5 },
      { whole: 2 ** 40, gappy: null },
      { whole: -3, gappy: 7 },
    ]);
    expect(rowsOf(table)).toEqual(byCell(table));
  });
});
