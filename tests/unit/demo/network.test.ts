import { describe, expect, it } from 'vitest';
import type { Asset } from '../../../core/domain.js';
import { generateDemo } from '../../../demo/generate.js';
import { CUSTOMER_RANGES } from '../../../demo/network.js';
import { DEMO_SIZES } from '../../../demo/sizes.js';

const NOW = Date.parse('2025-06-15T10:30:00+08:00');
const demo = generateDemo({ seed: 2024, size: 'small', now: NOW });
const versions = [...demo.assets()];
const initial = versions.filter((a) => a.validFrom === demo.summary.from);
const later = versions.filter((a) => a.validFrom > demo.summary.from);
const feeders = initial.filter((a) => a.kind === 'feeder');
const areas = initial.filter((a) => a.kind === 'area');

describe('demo network (small)', () => {
  it('has the size of the table', () => {
    const spec = DEMO_SIZES.small;
    expect(feeders.length).toBe(spec.feeders);
    expect(areas.length).toBe(spec.areas);
    expect(demo.summary.feeders).toBe(spec.feeders);
    expect(demo.summary.areas).toBe(spec.areas);
    expect(demo.summary.assetVersions).toBe(versions.length);
    expect(demo.summary.parks).toBe(spec.parks);
  });

  it('gives every asset one record per validFrom, ids unique at the start', () => {
    expect(new Set(initial.map((a) => a.assetId)).size).toBe(initial.length);
    const keys = versions.map((a) => `${a.assetId}@${a.validFrom}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(versions.every((a) => a.validFrom < NOW)).toBe(true);
  });

  it('spans the province: 8 cities, 3–6 counties each, several substations', () => {
    const cities = new Map<string, Set<string>>();
    for (const f of feeders)
      (cities.get(f.city!) ?? cities.set(f.city!, new Set()).get(f.city!)!).add(f.county!);
    expect(cities.size).toBe(8);
    for (const counties of cities.values()) expect(counties.size >= 3 && counties.size <= 6).toBe(true);
    expect(new Set(feeders.map((f) => f.substation)).size).toBe(demo.summary.substations);
    expect(feeders.every((f) => f.province === '云南省')).toBe(true);
  });

  it('has every area class, with customers in the class range', () => {
    const classes = new Set(areas.map((a) => a.areaClass));
    expect([...classes].sort()).toEqual(['rural', 'town', 'urban', 'urban_core']);
    for (const a of areas) {
      const [min, max] = CUSTOMER_RANGES[a.park ? 'park' : a.areaClass];
      expect(a.customers >= min && a.customers <= max, `${a.assetId} ${a.areaClass} ${a.customers}`).toBe(
        true,
      );
    }
    const rural = areas.filter((a) => a.areaClass === 'rural').length;
    expect(rural / areas.length).toBeGreaterThan(0.3);
  });

  it('puts park feeders and their areas in industrial parks', () => {
    const parkAreas = areas.filter((a) => a.park);
    expect(new Set(parkAreas.map((a) => a.park)).size).toBe(DEMO_SIZES.small.parks);
    const parkFeeders = new Set(feeders.filter((f) => f.park).map((f) => f.assetId));
    expect(parkAreas.every((a) => parkFeeders.has(a.feederId!))).toBe(true);
  });

  it('keeps feeder customers and transformers equal to its areas at every version', () => {
    const current = new Map<string, Asset>();
    const check = (at: number) => {
      const sums = new Map<string, { customers: number; transformers: number }>();
      for (const a of current.values()) {
        if (a.kind !== 'area') continue;
        const s = sums.get(a.feederId!) ?? { customers: 0, transformers: 0 };
        s.customers += a.customers;
        s.transformers++;
        sums.set(a.feederId!, s);
      }
      for (const f of current.values()) {
        if (f.kind !== 'feeder') continue;
        expect({ id: f.assetId, at, ...sums.get(f.assetId) }).toEqual({
          id: f.assetId,
          at,
          customers: f.customers,
          transformers: f.transformers,
        });
      }
    };
    let at = versions[0]!.validFrom;
    for (const v of versions) {
      if (v.validFrom !== at) {
        check(at);
        at = v.validFrom;
      }
      current.set(v.assetId, v);
    }
    check(at);
  });

  it('changes topology and customers at later validFrom', () => {
    const first = new Map(initial.map((a) => [a.assetId, a]));
    const moved = later.filter((a) => a.kind === 'area' && a.feederId !== first.get(a.assetId)!.feederId);
    const grown = later.filter((a) => a.kind === 'area' && a.customers !== first.get(a.assetId)!.customers);
    expect(moved.length).toBeGreaterThan(10);
    expect(grown.length).toBeGreaterThan(100);
    expect(demo.summary.networkUpdates).toBe(new Set(later.map((a) => a.validFrom)).size);
  });
});
