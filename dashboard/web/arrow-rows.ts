// An Arrow table as plain row objects, column by column: a column without nulls is read out
// whole (`toArray`) and then spread over the rows, which at a province's 420,000 hotspot rows
// costs a fraction of asking each cell with `get` (a chunk lookup and a boxed value per cell).
// A column with nulls keeps `get`, so a null stays null (a typed array would read it as 0).
// 64-bit integers become numbers (exact below 2^53, as every count and instant here is).

import type { Table } from 'apache-arrow';

export type Row = Record<string, unknown>;

const plain = (v: unknown): unknown => (typeof v === 'bigint' ? Number(v) : (v ?? null));

/** The values of one column, one per row. */
function columnValues(table: Table, name: string): ArrayLike<unknown> {
  const vector = table.getChild(name);
  if (!vector) return new Array<null>(table.numRows).fill(null);
  if (vector.nullCount === 0) {
    const all = vector.toArray() as ArrayLike<unknown>;
    if (all instanceof BigInt64Array || all instanceof BigUint64Array) return Array.from(all, Number);
    if (all.length === table.numRows) return all;
  }
  const out = new Array<unknown>(table.numRows);
  for (let i = 0; i < table.numRows; i++) out[i] = plain(vector.get(i));
  return out;
}

export function rowsOf(table: Table): Row[] {
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((n) => columnValues(table, n));
  const rows: Row[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const row: Row = {};
    for (let j = 0; j < names.length; j++)
      row[names[j] as string] = plain((columns[j] as ArrayLike<unknown>)[i]);
    rows[i] = row;
  }
  return rows;
}
