// The marks of the zoomable map at one zoom: symbols in screen pixels (their size kept),
// clusters with what they hold, the arrow keys' order, and when a cluster can still split.

import { describe, expect, it } from 'vitest';
import {
  canSplit,
  keyboardOrder,
  type MapPoint,
  type Mark,
  marksAt,
  marksSvg,
} from '../../../dashboard/web/charts/map-marks.js';

const point = (key: string, asset: string, weight: number, size = 6): MapPoint => ({
  key,
  asset,
  lon: 0,
  lat: 0,
  shape: 'circle',
  size,
  fill: '#D55E00',
  title: `${asset}：${weight} 户停电`,
  weight,
});
const look = (members: readonly MapPoint[]) => ({
  text: String(members.reduce((s, p) => s + p.weight, 0)),
  name: `${members.length} 起停电`,
  ring: '#D55E00',
});

describe('marksSvg', () => {
  it('draws a lone symbol at its place times the zoom, at its own size, as a named button', () => {
    const points = [point('e1', 'a1', 100)];
    const marks = marksAt(points, [{ x: 10, y: 20, weight: 100 }], 2);
    const svg = marksSvg(marks, points, { k: 2, tabStop: 'e1', look, hint: () => '' });
    expect(svg).toMatch(/^<circle cx="20" cy="40" r="6" /);
    for (const part of [
      'data-asset="a1"',
      'tabindex="0"',
      'role="button"',
      'data-key="e1"',
      'aria-label="a1：100 户停电"',
      'aria-haspopup="dialog"',
    ])
      expect(svg).toContain(part);
    expect(svg).not.toContain('<title>');
  });

  it('draws a cluster as a ring sized to its count, saying what it holds', () => {
    const points = [point('e1', 'a1', 100), point('e2', 'a2', 250)];
    const base = [
      { x: 0, y: 0, weight: 100 },
      { x: 5, y: 0, weight: 250 },
    ];
    const marks = marksAt(points, base, 1);
    // One cluster, named by its first point (e1), at the mean x = 2.5; the count "350" is
    // 3 × 0.6 × 11 = 19.8 px wide, so the ring's radius is 19.8 / 2 + 6 = 15.9.
    expect(marks).toEqual([{ anchor: 'e1', members: [0, 1], x: 2.5, y: 0 }]);
    const svg = marksSvg(marks, points, { k: 1, tabStop: 'none', look, hint: () => '（按下放大查看）' });
    expect(svg).toBe(
      '<g tabindex="-1" role="button" data-key="e1" data-mark="" class="cluster" transform="translate(2.5,0)" ' +
        'aria-label="2 起停电（按下放大查看）" data-count="2" data-weight="350" data-assets="a1 a2">' +
        '<circle r="15.9" fill="#FFFFFF" stroke="#D55E00" stroke-width="3"/>' +
        '<text text-anchor="middle" dy="0.35em" class="count">350</text></g>',
    );
  });
});

describe('keyboardOrder and canSplit', () => {
  const mark = (anchor: string, x: number, y: number, members = [0]): Mark => ({ anchor, members, x, y });

  it('goes west to east, then north to south', () => {
    const order = keyboardOrder([mark('c', 30, 0), mark('b', 10, 5), mark('a', 10, 1)]);
    expect(order.map((m) => m.anchor)).toEqual(['a', 'b', 'c']);
  });

  it('splits a cluster whose members are apart until the deepest zoom, never one at one place', () => {
    const base = [
      { x: 0, y: 0, weight: 1 },
      { x: 0.5, y: 0, weight: 1 },
      { x: 0.5, y: 0, weight: 1 },
    ];
    // 0.5 px apart at zoom 1 are 64 px apart at zoom 128: it can split.
    expect(canSplit(base, mark('a', 0.25, 0, [0, 1]), 1)).toBe(true);
    expect(canSplit(base, mark('a', 0.25, 0, [0, 1]), 128)).toBe(false);
    expect(canSplit(base, mark('b', 0.5, 0, [1, 2]), 1)).toBe(false);
    expect(canSplit(base, mark('c', 0, 0, [0]), 1)).toBe(false);
  });
});
