import { describe, expect, it } from 'vitest';
import { countyBoundaries } from '../../../demo/boundaries.js';
import { generateDemo } from '../../../demo/generate.js';
import { CITIES } from '../../../demo/geography.js';

const NOW = Date.parse('2025-06-15T10:30:00+08:00');
const collection = countyBoundaries();

function inside(ring: readonly [number, number][], lon: number, lat: number): boolean {
  let hit = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/** Twice the signed area in degrees²: positive when counter-clockwise. */
function signedArea(ring: readonly [number, number][]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++)
    s += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return s;
}

describe('countyBoundaries', () => {
  it('has one closed counter-clockwise polygon per county', () => {
    const counties = CITIES.flatMap((c) => c.counties);
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.map((f) => f.id)).toEqual(counties.map((c) => c.id));
    for (const f of collection.features) {
      const ring = f.geometry.coordinates[0]!;
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      expect(signedArea(ring)).toBeGreaterThan(0);
    }
  });

  it('names the region path of each county', () => {
    const wuhua = collection.features.find((f) => f.id === 'wuhua')!;
    expect(wuhua.properties).toEqual({
      province: '云南省',
      city: '昆明市',
      county: '五华区',
      cityId: 'kunming',
      countyId: 'wuhua',
      code: '530102',
    });
  });

  it('puts each county seat inside its own polygon and no other', () => {
    for (const city of CITIES) {
      for (const county of city.counties) {
        const holders = collection.features.filter((f) =>
          inside(f.geometry.coordinates[0]!, county.lon, county.lat),
        );
        expect(holders.map((f) => f.id)).toEqual([county.id]);
      }
    }
  });

  it('contains every generated asset in the polygon of its county', () => {
    const demo = generateDemo({ seed: 5, size: 'small', now: NOW });
    const byCounty = new Map(
      collection.features.map((f) => [f.properties.county, f.geometry.coordinates[0]!]),
    );
    let checked = 0;
    for (const a of demo.assets()) {
      const ring = byCounty.get(a.county!)!;
      expect(inside(ring, a.lon!, a.lat!), `${a.assetId} at ${a.lat},${a.lon} outside ${a.county}`).toBe(
        true,
      );
      checked++;
    }
    expect(checked).toBe(demo.summary.assetVersions);
  });
});
