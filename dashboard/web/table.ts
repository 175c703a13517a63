// Accessible data tables: a caption, column headers with sort buttons (aria-sort), numbers
// right-aligned, in a focusable, labelled scroll region so a keyboard can scroll a wide table.
// A table wider than its box says so: shadows at the edges that hide columns and a line of text
// (the region's description) while it overflows. On a phone every table shows each row as a
// card of label–value lines, the lead column (a status) first, unless a view keeps it a table.
// Every chart's figure also carries one of these as its table view.

import { h, svgNode } from './dom.js';
import { t } from './i18n.js';

export interface Column<T> {
  key: string;
  label: string;
  /** The sort value (and the text, unless render is given). */
  value: (row: T) => string | number | null;
  render?: (row: T) => Node | string;
  numeric?: boolean;
  sortable?: boolean;
  /** Long text that may wrap (other cells keep to one line and the table scrolls). */
  wrap?: boolean;
  /** Shown first on a phone's card (the status a reader looks for), before the row's name. */
  lead?: boolean;
}

export type SortDir = 'ascending' | 'descending';
export interface Sort {
  key: string;
  dir: SortDir;
}

export interface TableOptions<T> {
  caption: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  sort?: Sort;
  /** Rows shown after sorting (top N). */
  limit?: number;
  onSort?: (sort: Sort) => void;
  className?: string;
  /** data-testid-like hook for tests and styling. */
  name?: string;
  /** On a phone, each row is a card of label–value lines; false keeps a table that scrolls. */
  stack?: boolean;
}

let regions = 0;

/**
 * Marks a scroll region that overflows (data-overflow, the hint as its description) and
 * unmarks it when it fits again, as its size or its content's changes.
 */
function watchOverflow(region: HTMLElement, hint: HTMLElement): void {
  if (typeof ResizeObserver === 'undefined') return;
  const check = () => {
    const over = region.scrollWidth > region.clientWidth + 1;
    if ((region.dataset['overflow'] === 'true') === over) return;
    region.dataset['overflow'] = String(over);
    if (over) region.setAttribute('aria-describedby', hint.id);
    else region.removeAttribute('aria-describedby');
  };
  const observer = new ResizeObserver(check);
  observer.observe(region);
  for (const child of region.children) observer.observe(child);
}

function compare(a: string | number | null, b: string | number | null): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'zh-CN');
}

export function sortRows<T>(rows: readonly T[], columns: readonly Column<T>[], sort: Sort | undefined): T[] {
  const col = sort ? columns.find((c) => c.key === sort.key) : undefined;
  if (!col || !sort) return [...rows];
  const sign = sort.dir === 'ascending' ? 1 : -1;
  return [...rows]
    .map((row, i) => ({ row, i, v: col.value(row) }))
    .sort((a, b) => {
      // Missing values last in either direction; ties keep the incoming order.
      if (a.v === null || b.v === null) return compare(a.v, b.v) || a.i - b.i;
      return sign * compare(a.v, b.v) || a.i - b.i;
    })
    .map((x) => x.row);
}

/** The sort after a click on a column's header: a second click turns it round. */
export function nextSort<T>(c: Column<T>, sort: Sort | undefined): Sort {
  const dir: SortDir =
    sort?.key === c.key && sort.dir === 'descending' ? 'ascending' : c.numeric ? 'descending' : 'ascending';
  return { key: c.key, dir };
}

/** A column's header: its label, as a sort button (aria-sort) when it sorts. */
function headCell<T>(c: Column<T>, sort: Sort | undefined, onSort: (c: Column<T>) => void): HTMLElement {
  const active = sort?.key === c.key;
  const ariaSort = c.sortable ? (active ? (sort?.dir ?? 'none') : 'none') : null;
  const th = h('th', { scope: 'col', class: c.numeric ? 'num' : null, 'aria-sort': ariaSort });
  if (!c.sortable) {
    th.append(c.label);
    return th;
  }
  const arrow = active ? (sort?.dir === 'ascending' ? '▲' : '▼') : '↕';
  th.append(
    h(
      'button',
      {
        type: 'button',
        class: 'sort',
        'data-key': c.key,
        title: t('sortBy', { label: c.label }),
        onclick: () => onSort(c),
      },
      c.label,
      h('span', { class: 'arrow', 'aria-hidden': 'true' }, ` ${arrow}`),
    ),
  );
  return th;
}

/** A row: the first cell heads it; on a phone each cell carries its column's label. */
function bodyRow<T>(row: T, columns: readonly Column<T>[], stack: boolean): HTMLElement {
  return h(
    'tr',
    {},
    columns.map((c, i) => {
      const content = c.render ? c.render(row) : (c.value(row) ?? t('none'));
      const cell = i === 0 ? h('th', { scope: 'row' }) : h('td');
      cell.className = [c.numeric ? 'num' : '', c.wrap ? 'wrap' : '', c.lead ? 'lead' : ''].join(' ').trim();
      if (stack) cell.dataset['label'] = c.label;
      cell.append(typeof content === 'number' ? String(content) : content);
      return cell;
    }),
  );
}

export function dataTable<T>(o: TableOptions<T>): HTMLElement {
  let sort = o.sort;
  const stack = o.stack ?? true;
  const table = h('table', {
    class: `${o.className ?? 'data'}${stack ? ' stack' : ''}`,
    'data-name': o.name ?? null,
  });
  const caption = h('caption', {}, o.caption);
  const thead = h('thead');
  const tbody = h('tbody');
  table.append(caption, thead, tbody);

  const onSort = (c: Column<T>) => {
    sort = nextSort(c, sort);
    renderHead();
    renderBody();
    o.onSort?.(sort);
    (thead.querySelector(`button[data-key="${c.key}"]`) as HTMLButtonElement | null)?.focus();
  };
  const renderHead = () => {
    thead.replaceChildren(
      h(
        'tr',
        {},
        o.columns.map((c) => headCell(c, sort, onSort)),
      ),
    );
  };
  const renderBody = () => {
    const sorted = sortRows(o.rows, o.columns, sort);
    const shown = o.limit === undefined ? sorted : sorted.slice(0, o.limit);
    tbody.replaceChildren(...shown.map((row) => bodyRow(row, o.columns, stack)));
    if (shown.length === 0) {
      tbody.append(h('tr', {}, h('td', { colspan: o.columns.length, class: 'empty' }, t('noData'))));
    }
  };
  renderHead();
  renderBody();
  regions += 1;
  const hint = h('p', { class: 'scroll-hint', id: `table-hint-${regions}` }, t('figScrollHint'));
  const region = h(
    'div',
    { class: 'table-wrap', role: 'region', 'aria-label': o.caption, tabindex: 0 },
    hint,
    table,
  );
  watchOverflow(region, hint);
  return region;
}

/** A chart with its accessible name, a description, and its data as a table behind a disclosure. */
export function figure(o: {
  title: string;
  desc?: string;
  chart: Node;
  table?: HTMLElement;
  name?: string;
  level?: 'h2' | 'h3';
}): HTMLElement {
  const heading = h(o.level ?? 'h2', {}, o.title);
  const parts: Node[] = [heading];
  if (o.desc) parts.push(h('p', { class: 'desc' }, o.desc));
  parts.push(h('div', { class: 'chart-box' }, o.chart));
  if (o.table) parts.push(h('details', { class: 'table-view' }, h('summary', {}, t('showTable')), o.table));
  return h('section', { class: 'card figure', 'data-name': o.name ?? null }, ...parts);
}

/** A wide chart (SVG text) in a focusable, labelled region that a keyboard can scroll sideways. */
export function scrollingChart(label: string, svg: string): HTMLElement {
  return h('div', { class: 'scroll-x', tabindex: 0, role: 'region', 'aria-label': label }, svgNode(svg));
}
