import { describe, expect, it } from 'vitest';
import { groupBy, pushTo, slices } from '../../../core/collections.js';

describe('pushTo', () => {
  it('starts a list for a new key and appends to the list of a known one', () => {
    const m = new Map<string, number[]>();
    pushTo(m, 'a', 1);
    pushTo(m, 'b', 2);
    pushTo(m, 'a', 3);
    expect([...m]).toEqual([
      ['a', [1, 3]],
      ['b', [2]],
    ]);
  });

  it('appends to the very list the map holds', () => {
    const kept = [1];
    const m = new Map([['a', kept]]);
    pushTo(m, 'a', 2);
    expect(m.get('a')).toBe(kept);
    expect(kept).toEqual([1, 2]);
  });
});

describe('groupBy', () => {
  it('keeps the input order in each list and the keys in the order first met', () => {
    const g = groupBy(['F2:1', 'F1:2', 'F2:3', 'F1:4'], (s) => s.slice(0, 2));
    expect([...g]).toEqual([
      ['F2', ['F2:1', 'F2:3']],
      ['F1', ['F1:2', 'F1:4']],
    ]);
  });

  it('takes null as a key of its own and gives an empty map for no items', () => {
    const g = groupBy([{ region: null }, { region: 'A' }, { region: null }], (r) => r.region);
    expect(g.get(null)).toHaveLength(2);
    expect(groupBy([], (x: number) => x).size).toBe(0);
  });
});

describe('slices', () => {
  it('cuts in order, the last slice shorter', () => {
    expect(slices([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(slices([1, 2, 3, 4], 2)).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('gives no slice for no items and one for fewer than a slice', () => {
    expect(slices([], 500)).toEqual([]);
    expect(slices(['a'], 500)).toEqual([['a']]);
  });

  it('refuses a size below 1 (it would never end)', () => {
    expect(() => slices([1], 0)).toThrow(RangeError);
    expect(() => slices([1], Number.NaN)).toThrow(RangeError);
  });
});
