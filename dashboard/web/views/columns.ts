// The column shapes the views' tables share, named once: a local date, a count as the API gives
// it, a whole number with the language's grouping, a figure to so many decimals and a share as a
// percentage. Each sorts by the raw value and shows the formatted one; numbers are right-aligned
// (table.ts). Columns are sortable unless told otherwise.

import type { Format } from '../format.js';
import type { Column } from '../table.js';

type Get<T, V> = (row: T) => V;
/** What a column may add: not sortable, long text that wraps, shown first on a phone's card. */
type More = Pick<Column<unknown>, 'sortable' | 'wrap' | 'lead'>;

/** The column builders for a table of rows T. */
export interface ColumnKit<T> {
  /** A local date "YYYY-MM-DD", sorted as text, spelt for the language. */
  date(key: string, label: string, get: Get<T, string | null>, more?: More): Column<T>;
  /** A count shown as it comes (no grouping: the counts on these pages stay small). */
  count(key: string, label: string, get: Get<T, number | null>, more?: More): Column<T>;
  /** A whole number with the language's grouping. */
  int(key: string, label: string, get: Get<T, number | null>, more?: More): Column<T>;
  /** A figure to `digits` decimals. */
  num(key: string, label: string, get: Get<T, number | null>, digits: number, more?: More): Column<T>;
  /** A fraction as a percentage to `digits` decimals. */
  pct(key: string, label: string, get: Get<T, number | null>, digits: number, more?: More): Column<T>;
}

export function columnKit<T>(fmt: Format): ColumnKit<T> {
  const shown = <V extends string | number | null>(
    key: string,
    label: string,
    get: Get<T, V>,
    text: (v: V) => string,
    more: More,
  ): Column<T> => ({
    key,
    label,
    value: get,
    render: (r) => text(get(r)),
    sortable: true,
    ...more,
  });
  const figure = (c: Column<T>): Column<T> => ({ ...c, numeric: true });
  return {
    date: (key, label, get, more = {}) => shown(key, label, get, (v) => fmt.date(v), more),
    count: (key, label, get, more = {}) => ({
      key,
      label,
      value: get,
      numeric: true,
      sortable: true,
      ...more,
    }),
    int: (key, label, get, more = {}) => figure(shown(key, label, get, (v) => fmt.int(v), more)),
    num: (key, label, get, digits, more = {}) =>
      figure(shown(key, label, get, (v) => fmt.num(v, digits), more)),
    pct: (key, label, get, digits, more = {}) =>
      figure(shown(key, label, get, (v) => fmt.pct(v, digits), more)),
  };
}
