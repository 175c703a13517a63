// The shared frame of the charts (root, value scale, gridlines, zero line, label anchors), the
// views' column shapes, a table's next sort and a map pop-up's content and place, computed by hand.

import { describe, expect, it } from 'vitest';
import { chartRoot, edgeAnchor, valueFrame } from '../../../dashboard/web/charts/frame.js';
import { placeContent, popupPlace } from '../../../dashboard/web/charts/map-popup.js';
import { createFormat } from '../../../dashboard/web/format.js';
import { type Column, nextSort } from '../../../dashboard/web/table.js';
import { columnKit } from '../../../dashboard/web/views/columns.js';

describe('chart frame', () => {
  it('names the root after the chart’s title and description', () => {
    expect(chartRoot({ id: 'x', title: 'T&' }, 10, 20, 'bars', '<g/>')).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" class="chart bars" viewBox="0 0 10 20" width="10" height="20"' +
        ' role="img" aria-labelledby="x-title" preserveAspectRatio="xMinYMin meet">' +
        '<title id="x-title">T&amp;</title><g/></svg>',
    );
    expect(chartRoot({ id: 'x', title: 'T', desc: 'D' }, 10, 20, 'pareto', '')).toContain(
      'aria-describedby="x-desc"',
    );
  });

  const margin = { top: 10, right: 10, bottom: 20, left: 30 };

  it('scales values from zero to a rounded top, with labelled gridlines and the zero line', () => {
    const f = valueFrame(
      { id: 'v', title: 'T' },
      { size: [200, 100], margin, hi: 37, wholeTicks: true, labelGap: 6 },
    );
    expect([f.width, f.height]).toEqual([200, 100]);
    // 37 rounds out to 40; the plot runs from y = 80 (zero) up to y = 10
    expect(f.y.domain()).toEqual([0, 40]);
    expect(f.y(20)).toBe(45);
    expect(f.baseline).toBe('<line x1="30" x2="190" y1="80" y2="80" stroke="#595959"/>');
    expect(f.grid.match(/<line /g)).toHaveLength(5);
    expect(f.grid).toContain(
      '<line x1="30" x2="190" y1="27.5" y2="27.5" stroke="#E3E3E3"/>' +
        '<text x="24" y="27.5" text-anchor="end" dominant-baseline="central" class="label">30</text>',
    );
  });

  it('keeps whole ticks for counts, and a scale of one when there is nothing to show', () => {
    const counts = valueFrame(
      { id: 'v', title: 'T', width: 100, height: 50, format: (n) => `${n}×` },
      { size: [200, 100], margin, hi: 0, wholeTicks: true, labelGap: 5 },
    );
    expect([counts.width, counts.height]).toEqual([100, 50]);
    expect(counts.y.domain()).toEqual([0, 1]);
    // 0, 0.2 … 1: only 0 and 1 are whole
    expect([...counts.grid.matchAll(/class="label">([^<]*)</g)].map((m) => m[1])).toEqual(['0×', '1×']);
    const figures = valueFrame(
      { id: 'v', title: 'T' },
      { size: [200, 100], margin, hi: 1, wholeTicks: false, labelGap: 5 },
    );
    expect([...figures.grid.matchAll(/class="label">([^<]*)</g)].map((m) => m[1])).toEqual([
      '0',
      '0.2',
      '0.4',
      '0.6',
      '0.8',
      '1',
    ]);
  });

  it('anchors the end labels of an axis inwards and the rest in the middle', () => {
    expect([0, 1, 2].map((k) => edgeAnchor(k, 3))).toEqual(['start', 'middle', 'end']);
    expect(edgeAnchor(0, 1)).toBe('middle');
  });
});

interface Row {
  d: string | null;
  n: number | null;
}

describe('column shapes', () => {
  const row: Row = { d: '2026-03-02', n: 12_345.678 };

  it('sorts by the raw value and shows it formatted for the language', () => {
    const zh = columnKit<Row>(createFormat('Asia/Shanghai', 'zh'));
    const en = columnKit<Row>(createFormat('Asia/Shanghai', 'en'));
    expect(zh.date('d', 'D', (r) => r.d).render?.(row)).toBe('2026-03-02');
    expect(en.date('d', 'D', (r) => r.d).render?.(row)).toBe('2 Mar 2026');
    expect(zh.int('n', 'N', (r) => r.n).render?.(row)).toBe('12,346');
    expect(zh.num('n', 'N', (r) => r.n, 1).render?.(row)).toBe('12,345.7');
    expect(zh.pct('n', 'N', () => 0.1234, 1).render?.(row)).toBe('12.3%');
    expect(zh.num('n', 'N', (r) => r.n, 2).value(row)).toBe(12_345.678);
    expect(zh.date('d', 'D', (r) => r.d).render?.({ d: null, n: null })).toBe('—');
  });

  it('makes numbers numeric and every column sortable unless told', () => {
    const c = columnKit<Row>(createFormat('Asia/Shanghai', 'zh'));
    const count = c.count('n', 'N', (r) => r.n, { wrap: true });
    expect(count).toMatchObject({ key: 'n', label: 'N', numeric: true, sortable: true, wrap: true });
    expect(count.render).toBeUndefined();
    expect(c.date('d', 'D', (r) => r.d).numeric).toBeUndefined();
    expect(c.num('n', 'N', (r) => r.n, 2, { sortable: false })).toMatchObject({
      numeric: true,
      sortable: false,
    });
  });
});

describe('a table’s next sort', () => {
  const figure: Column<Row> = { key: 'n', label: 'N', value: (r) => r.n, numeric: true, sortable: true };
  const text: Column<Row> = { key: 'd', label: 'D', value: (r) => r.d, sortable: true };

  it('starts figures largest first and text in order, and a second press turns it round', () => {
    expect(nextSort(figure, undefined)).toEqual({ key: 'n', dir: 'descending' });
    expect(nextSort(text, { key: 'n', dir: 'descending' })).toEqual({ key: 'd', dir: 'ascending' });
    expect(nextSort(figure, { key: 'n', dir: 'descending' })).toEqual({ key: 'n', dir: 'ascending' });
    expect(nextSort(figure, { key: 'n', dir: 'ascending' })).toEqual({ key: 'n', dir: 'descending' });
    expect(nextSort(text, { key: 'd', dir: 'ascending' })).toEqual({ key: 'd', dir: 'ascending' });
  });
});

describe('map pop-up', () => {
  it('lists eight members of a place and counts the rest; one member goes by its own name', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `m${i}`);
    const entry = (id: string) => ({ title: id, fields: [] });
    const many = placeContent(ids, entry, (id) => `name ${id}`, 'ten here');
    expect(many.heading).toBe('ten here');
    expect(many.entries.map((e) => e.title)).toEqual(ids.slice(0, 8));
    expect(many.more).toBe('另有 2 项未列出，请放大查看');
    const one = placeContent(['m0'], entry, (id) => `name ${id}`, 'one here');
    expect(one).toEqual({ heading: 'name m0', entries: [{ title: 'm0', fields: [] }] });
  });

  it('sits beside the symbol, left of it at the right edge, and under or over it where neither fits', () => {
    // room to the right: 12 px right of and above the symbol
    expect(popupPlace([50, 100], [400, 300], () => 50)).toEqual({ width: 300, left: 62, top: 88 });
    // at the right edge: left of it
    expect(popupPlace([350, 250], [400, 300], () => 50)).toEqual({ width: 300, left: 38, top: 238 });
    // no room either side, upper half: under it
    expect(popupPlace([100, 100], [400, 300], () => 50)).toEqual({ width: 300, left: 4, top: 124 });
    // no room either side, lower half: over it, by its own height
    expect(popupPlace([200, 200], [250, 300], () => 50)).toEqual({ width: 242, left: 4, top: 126 });
  });
});
