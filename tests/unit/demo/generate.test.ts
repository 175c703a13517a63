import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type DemoOptions, generateDemo } from '../../../demo/index.js';

const NOW = Date.parse('2025-06-15T10:30:00+08:00');

function fingerprint(options: DemoOptions): string {
  const demo = generateDemo(options);
  const hash = createHash('sha256');
  for (const a of demo.assets()) hash.update(`${JSON.stringify(a)}\n`);
  for (const e of demo.outages()) hash.update(`${JSON.stringify(e)}\n`);
  for (const w of demo.warnings()) hash.update(`${JSON.stringify(w)}\n`);
  hash.update(JSON.stringify(demo.boundaries()));
  hash.update(JSON.stringify(demo.summary));
  return hash.digest('hex');
}

describe('generateDemo', () => {
  it('is deterministic: the same seed gives the same hash, another seed another', () => {
    const a = fingerprint({ seed: 1, size: 'small', now: NOW });
    expect(fingerprint({ seed: 1, size: 'small', now: NOW })).toBe(a);
    expect(fingerprint({ seed: 2, size: 'small', now: NOW })).not.toBe(a);
  }, 30_000);

  it('replays the same stream on each call of outages()', () => {
    const demo = generateDemo({ seed: 3, size: 'small', now: NOW, years: 1 });
    const first = [...demo.outages()].slice(0, 500);
    expect([...demo.outages()].slice(0, 500)).toEqual(first);
  });

  it('starts the history `years` before now at local midnight', () => {
    const demo = generateDemo({ seed: 3, size: 'small', now: NOW, years: 1 });
    expect(new Date(demo.summary.from).toISOString()).toBe('2024-06-14T16:00:00.000Z');
    const firstAsset = demo.assets()[Symbol.iterator]().next().value!;
    expect(firstAsset.validFrom).toBe(demo.summary.from);
  });

  it('follows the operating zone for local days', () => {
    const demo = generateDemo({ seed: 3, size: 'small', now: NOW, years: 1, zone: 'Europe/Berlin' });
    expect(new Date(demo.summary.from).toISOString()).toBe('2024-06-14T22:00:00.000Z');
  });

  it('rejects bad options with the bad value quoted', () => {
    expect(() => generateDemo({ seed: 1, size: 'huge' as 'small', now: NOW })).toThrow(
      'unknown demo size: huge',
    );
    expect(() => generateDemo({ seed: 1, size: 'small', now: NOW, zone: 'Mars/Olympus' })).toThrow(
      'unknown time zone: Mars/Olympus',
    );
    expect(() => generateDemo({ seed: 1, size: 'small', now: Number.NaN })).toThrow('invalid now: NaN');
    expect(() => generateDemo({ seed: 1, size: 'small', now: NOW, years: 0 })).toThrow(
      'years must be in (0, 20]: 0',
    );
  });

  it('summarises the small network', () => {
    const { summary } = generateDemo({ seed: 1, size: 'small', now: NOW });
    expect({
      cities: summary.cities,
      counties: summary.counties,
      parks: summary.parks,
      feeders: summary.feeders,
      areas: summary.areas,
      networkUpdates: summary.networkUpdates,
    }).toEqual({ cities: 8, counties: 38, parks: 4, feeders: 300, areas: 4000, networkUpdates: 5 });
    expect(summary.warnings).toBeGreaterThan(100);
    expect(summary.scenarios.atRiskYear).toHaveLength(3);
  });
});
