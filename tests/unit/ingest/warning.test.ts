import { describe, expect, it } from 'vitest';
import type { Result } from '../../../core/issues.js';
import { validateWarning } from '../../../ingest/schemas/index.js';

const ctx = { zone: 'Asia/Shanghai', now: 0 };
const base = {
  warningId: 'YN-BS-20250603-01',
  issuerLevel: 'city',
  hazard: 'severe_weather',
  level: 'orange',
  province: '云南省',
  city: '保山市',
  start: '2025-06-03 12:00',
  end: '2025-06-04 12:00',
};
const errors = <T>(r: Result<T>) => (r.ok ? 'accepted' : r.issues.map((i) => `${i.path}: ${i.message}`));

describe('validateWarning', () => {
  it('accepts a city-wide warning', () => {
    expect(validateWarning(base, ctx)).toEqual({
      ok: true,
      value: { ...base, start: Date.UTC(2025, 5, 3, 4), end: Date.UTC(2025, 5, 4, 4) },
    });
  });

  it('accepts a national warning with no region and no level', () => {
    const { province: _p, city: _c, level: _l, ...national } = base;
    expect(validateWarning({ ...national, issuerLevel: 'national' }, ctx).ok).toBe(true);
  });

  it('refuses an empty record', () => {
    expect(errors(validateWarning({}, ctx))).toMatchInlineSnapshot(`
      [
        "warningId: is required",
        "issuerLevel: is required",
        "hazard: is required",
        "start: is required",
        "end: is required",
      ]
    `);
  });

  it('refuses unknown levels, hazards and issuers, listing the known ones', () => {
    const raw = { ...base, issuerLevel: 'township', hazard: 'typhoon', level: 'purple' };
    expect(errors(validateWarning(raw, ctx))).toMatchInlineSnapshot(`
      [
        "issuerLevel: unknown issuerLevel "township"; expected one of county, city, province, national",
        "hazard: unknown hazard "typhoon"; expected one of severe_weather, flood, geological",
        "level: unknown level "purple"; expected one of blue, yellow, orange, red",
      ]
    `);
  });

  it('refuses an end before the start', () => {
    expect(errors(validateWarning({ ...base, end: '2025-06-03 11:59' }, ctx))).toMatchInlineSnapshot(`
      [
        "end: must not be before start (2025-06-03T12:00:00+08:00)",
      ]
    `);
  });

  it('refuses a county without its city', () => {
    const { city: _c, ...raw } = base;
    expect(
      errors(validateWarning({ ...raw, issuerLevel: 'county', county: '隆阳区' }, ctx)),
    ).toMatchInlineSnapshot(`
      [
        "city: is required when county is given ("隆阳区")",
      ]
    `);
  });
});
