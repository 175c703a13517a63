// Clustering of map symbols by screen distance, with positions and sums worked out by hand.

import { describe, expect, it } from 'vitest';
import { clusterBounds, clusterPoints } from '../../../dashboard/web/charts/map-cluster.js';
import { CLUSTER_RADIUS, fitTransform } from '../../../dashboard/web/charts/map-marks.js';

const p = (x: number, y: number, weight = 1) => ({ x, y, weight });

describe('clusterPoints', () => {
  it('merges points closer than the radius and keeps those at the radius apart', () => {
    expect(clusterPoints([p(0, 0, 1), p(19, 0, 2)], 20)).toEqual([
      { members: [0, 1], x: 9.5, y: 0, weight: 3 },
    ]);
    expect(clusterPoints([p(0, 0, 1), p(20, 0, 2)], 20)).toEqual([
      { members: [1], x: 20, y: 0, weight: 2 },
      { members: [0], x: 0, y: 0, weight: 1 },
    ]);
  });

  it('lets the heaviest point gather its neighbours first', () => {
    // C (weight 5) takes B 15 px away; A is 30 px from C and 22.5 px from the pair's mean.
    expect(clusterPoints([p(0, 0, 1), p(15, 0, 1), p(30, 0, 5)], 20)).toEqual([
      { members: [1, 2], x: 22.5, y: 0, weight: 6 },
      { members: [0], x: 0, y: 0, weight: 1 },
    ]);
  });

  it('merges again when a merged cluster’s mean comes within the radius of another', () => {
    // Pass 1: A takes B (10 px) and sits at (5, 0); C at 22 px from A stays. Pass 2: C is 17 px
    // from (5, 0), so all three merge at their mean x = (0 + 10 + 22) / 3.
    const [only, ...rest] = clusterPoints([p(0, 0, 5), p(10, 0, 1), p(22, 0, 3)], 20);
    expect(rest).toEqual([]);
    expect(only?.members).toEqual([0, 1, 2]);
    expect(only?.weight).toBe(9);
    expect(only?.x).toBeCloseTo(32 / 3, 10);
    expect(only?.y).toBe(0);
  });

  it('splits clusters as the zoom grows (radius 20 px divided by the zoom factor)', () => {
    const points = [p(0, 0, 120), p(12, 0, 80)];
    expect(clusterPoints(points, CLUSTER_RADIUS / 1).map((c) => c.members)).toEqual([[0, 1]]);
    expect(clusterPoints(points, CLUSTER_RADIUS / 1)[0]?.weight).toBe(200);
    expect(clusterPoints(points, CLUSTER_RADIUS / 2).map((c) => c.members)).toEqual([[0], [1]]);
  });

  it('orders clusters heaviest first, ties by their first point, and leaves out unplaced points', () => {
    const out = clusterPoints([p(0, 0, 1), p(100, 0, 3), p(Number.NaN, 5, 9), p(200, 0, 3)], 20);
    expect(out.map((c) => c.members)).toEqual([[1], [3], [0]]);
  });

  it('keeps every point apart with a radius of 0', () => {
    expect(clusterPoints([p(5, 5), p(5, 5)], 0).map((c) => c.members)).toEqual([[0], [1]]);
  });
});

describe('clusterBounds and fitTransform', () => {
  it('gives the members’ extent', () => {
    expect(clusterBounds([p(3, 9), p(100, 100), p(-2, 4)], [0, 2])).toEqual([
      [-2, 4],
      [3, 9],
    ]);
  });

  it('zooms to show a cluster over 80 % of the view, at least twice the current zoom', () => {
    // 20 × 10 px of members in a 500 × 400 view: 0.8 × min(500 / 20, 400 / 10) = 20.
    const bounds = [
      [100, 100],
      [120, 110],
    ] as const;
    expect(fitTransform(bounds, 500, 400, 1)).toEqual({ k: 20, x: 250 - 20 * 110, y: 200 - 20 * 105 });
    expect(fitTransform(bounds, 500, 400, 16).k).toBe(32);
    // Members at one place: as far as the zoom goes.
    expect(
      fitTransform(
        [
          [10, 10],
          [10, 10],
        ],
        500,
        400,
        1,
        128,
      ),
    ).toEqual({ k: 128, x: 250 - 1280, y: 200 - 1280 });
  });
});
