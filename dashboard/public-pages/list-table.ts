// The tables of the live pages. A table of class "list" is one card per row on a phone, each
// value beside its column's name: the name comes from the cell's data-label, so a list's columns
// are declared once, with their name and how a row fills them.

import { esc } from './html.js';

export interface Column {
  label: string;
  /** a number, set right */
  n?: boolean;
}

/** A table's opening up to its body: caption and the row of column names (`cls` is trusted). */
export function tableHead(cls: string, caption: string, columns: readonly Column[]): string {
  const names = columns.map((c) => `<th scope="col"${c.n ? ' class="n"' : ''}>${esc(c.label)}</th>`).join('');
  return `<table class="${cls}"><caption>${esc(caption)}</caption><thead><tr>${names}</tr></thead><tbody>`;
}

export const TABLE_END = '</tbody></table>';

export interface ListColumn<T> {
  label: string;
  /** n: a number, set right; d: a time, kept on one line */
  cls?: 'n' | 'd';
  /** the cell's content, escaped */
  html: (row: T) => string;
}

/** A list: each row headed by `heading` (text), then a cell per column named by its label. */
export function listTable<T>(o: {
  cls: string;
  caption: string;
  heading: { label: string; text: (row: T) => string };
  columns: readonly ListColumn<T>[];
  rows: readonly T[];
}): string {
  let html = tableHead(o.cls, o.caption, [
    { label: o.heading.label },
    ...o.columns.map((c) => ({ label: c.label, n: c.cls === 'n' })),
  ]);
  for (const r of o.rows) {
    html += `<tr><th scope="row">${esc(o.heading.text(r))}</th>`;
    for (const c of o.columns)
      html += `<td${c.cls ? ` class="${c.cls}"` : ''} data-label="${esc(c.label)}">${c.html(r)}</td>`;
    html += '</tr>';
  }
  return html + TABLE_END;
}
