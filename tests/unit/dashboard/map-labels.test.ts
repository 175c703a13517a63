// County names on the zoomable map: where a name goes (pole of inaccessibility), which names
// fit at a zoom, and the candidates of real boundaries through the map's projection.

import { describe, expect, it } from 'vitest';
import { type FeatureCollection, mapFrame } from '../../../dashboard/web/charts/map.js';
import {
  clipToBox,
  type LabelCandidate,
  labelCandidates,
  placeLabels,
  textWidth,
  viewCandidates,
} from '../../../dashboard/web/charts/map-labels.js';
import { poleOfInaccessibility, signedDistance } from '../../../dashboard/web/charts/map-polylabel.js';

const square = [
  [
    [0, 0],
    [100, 0],
    [100, 100],
    [0, 100],
    [0, 0],
  ],
] as [number, number][][];

describe('poleOfInaccessibility', () => {
  it('finds the centre of a square, 50 px from every edge', () => {
    expect(poleOfInaccessibility(square)).toEqual({ x: 50, y: 50, distance: 50 });
  });

  it('stays inside an L whose centroid falls outside it', () => {
    // Arms 20 px wide; the widest circle sits in the corner square at (t, t) with
    // t = √2 (20 − t), t = 20√2 / (1 + √2) = 11.716, touching both outer edges and the inner corner.
    const ell = [
      [
        [0, 0],
        [100, 0],
        [100, 20],
        [20, 20],
        [20, 100],
        [0, 100],
      ],
    ] as [number, number][][];
    const pole = poleOfInaccessibility(ell, 0.1);
    expect(pole.distance).toBeCloseTo(11.716, 1);
    expect(pole.x).toBeCloseTo(11.716, 0);
    expect(pole.y).toBeCloseTo(11.716, 0);
  });

  it('measures signed distances: positive inside, negative outside', () => {
    expect(signedDistance(50, 30, square)).toBe(30);
    expect(signedDistance(150, 50, square)).toBe(-50);
  });
});

describe('placeLabels', () => {
  const wuhua: LabelCandidate = { key: 0, name: '五华区', x: 50, y: 50, room: 10, width: 30, height: 30 };
  const guandu: LabelCandidate = { key: 1, name: '官渡区', x: 60, y: 50, room: 10, width: 28, height: 28 };

  it('estimates a name’s width: CJK one em, Latin 0.6 em', () => {
    expect(textWidth('五华区', 12)).toBe(36);
    expect(textWidth('Anning', 10)).toBeCloseTo(36, 10);
  });

  it('shows a name once its county is wider than the name plus 4 px on screen', () => {
    // 30 px wide at zoom 1 < 36 + 4; 60 px at zoom 2.
    expect(placeLabels([wuhua], 1, 12)).toEqual([]);
    expect(placeLabels([wuhua], 2, 12)).toEqual([{ key: 0, name: '五华区', x: 50, y: 50 }]);
  });

  it('needs room of 0.75 font sizes around the point', () => {
    const thin = { ...wuhua, room: 4, width: 200 };
    expect(placeLabels([thin], 2, 12)).toEqual([]); // 8 px < 9 px
    expect(placeLabels([thin], 3, 12)).toHaveLength(1); // 12 px
  });

  it('drops the smaller county’s name where two would overlap, and shows both further in', () => {
    // Zoom 2: 五华区 spans x 80–120 with its margin, 官渡区 100–140: overlap.
    expect(placeLabels([guandu, wuhua], 2, 12).map((l) => l.name)).toEqual(['五华区']);
    // Zoom 4: 180–220 and 220–260 only touch.
    expect(placeLabels([guandu, wuhua], 4, 12).map((l) => l.name)).toEqual(['五华区', '官渡区']);
  });
});

describe('viewCandidates', () => {
  const county: LabelCandidate = {
    key: 3,
    name: '呈贡区',
    x: 50,
    y: 50,
    room: 50,
    width: 100,
    height: 100,
    ring: square[0]!,
    box: [0, 0, 100, 100],
  };

  it('keeps a county whose point is 20 screen pixels inside the view', () => {
    expect(viewCandidates([county], [0, 0, 200, 200], 1)).toEqual([county]);
    // At zoom 4, 20 px are 5 base pixels: (50, 50) is 5 from the view's edge at x = 45.
    expect(viewCandidates([county], [45, 0, 200, 200], 4)).toEqual([county]);
  });

  it('names the part in view at its own pole when the county’s point is out of view', () => {
    // The view shows x 60–200: the part in view is 60–100 × 0–100, whose pole is (80, 50), 20 from its edges.
    expect(viewCandidates([county], [60, 0, 200, 200], 1)).toEqual([
      { ...county, x: 80, y: 50, room: 20, width: 40, height: 100 },
    ]);
  });

  it('leaves out counties out of view', () => {
    expect(viewCandidates([county], [150, 0, 300, 100], 1)).toEqual([]);
  });

  it('clips an outline to a box', () => {
    expect(clipToBox(square[0]!.slice(0, 4), [60, -10, 200, 50])).toEqual([
      [60, 0],
      [100, 0],
      [100, 50],
      [60, 50],
    ]);
  });
});

describe('labelCandidates', () => {
  const two: FeatureCollection = {
    type: 'FeatureCollection',
    features: [100, 101].map((lon, i) => ({
      type: 'Feature' as const,
      properties: { county: i === 0 ? '甲县' : '乙县' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [lon, 25],
            [lon + 1, 25],
            [lon + 1, 26],
            [lon, 26],
            [lon, 25],
          ],
        ],
      },
    })),
  };

  it('puts each county’s name at its pole, in the frame’s pixels', () => {
    // 2° of longitude fill 284 px (8 px margins in 300): 142 px a degree, so the western county
    // spans x 8–150 and its inscribed circle (radius 71) is centred at x = 79. Its height is
    // 142 × 180/π × (ln tan 58° − ln tan 57.5°) = 157.3 px (Mercator).
    const frame = mapFrame(two, [], 300, 180);
    const cands = labelCandidates(frame.features, frame.projection, (f) => String(f.properties?.['county']));
    expect(cands.map((c) => [c.key, c.name])).toEqual([
      [0, '甲县'],
      [1, '乙县'],
    ]);
    const west = cands[0]!;
    expect(west.x).toBeCloseTo(79, 0);
    expect(west.room).toBeCloseTo(71, 0);
    expect(west.width).toBeCloseTo(142, 0);
    expect(west.height).toBeCloseTo(157.3, 0);
    expect(cands[1]?.x).toBeCloseTo(221, 0);
  });

  it('skips features without a name', () => {
    const frame = mapFrame(two, [], 300, 180);
    expect(labelCandidates(frame.features, frame.projection, () => null)).toEqual([]);
  });
});
