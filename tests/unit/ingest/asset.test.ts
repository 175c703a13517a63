import { describe, expect, it } from 'vitest';
import type { Result } from '../../../core/issues.js';
import { validateAsset } from '../../../ingest/schemas/index.js';

const ctx = { zone: 'Asia/Shanghai', now: Date.UTC(2025, 5, 1) };
const feeder = { assetId: 'BS-F0231', kind: 'feeder', areaClass: 'urban', customers: 326 };
const area = { assetId: 'BS-T10452', kind: 'area', feederId: 'BS-F0231', areaClass: 'town', customers: 87 };

const errors = <T>(r: Result<T>) => (r.ok ? 'accepted' : r.issues.map((i) => `${i.path}: ${i.message}`));

describe('validateAsset accepts', () => {
  it('a minimal feeder, with validFrom defaulting to now', () => {
    expect(validateAsset(feeder, ctx)).toEqual({ ok: true, value: { ...feeder, validFrom: ctx.now } });
  });

  it('a full transformer area from JSON', () => {
    const raw = {
      ...area,
      name: '城东1号公变',
      substation: '110kV城东变',
      province: '云南省',
      city: '保山市',
      county: '隆阳区',
      park: '保山工贸园区',
      transformers: 1,
      lat: 25.112,
      lon: 99.167,
      validFrom: '2025-01-01',
    };
    expect(validateAsset(raw, ctx)).toEqual({
      ok: true,
      value: { ...raw, validFrom: Date.UTC(2024, 11, 31, 16) },
    });
  });

  it('the same area from CSV text: numbers as text, blanks as absent', () => {
    const raw = {
      assetId: ' BS-T10452 ',
      kind: 'area',
      name: '',
      feederId: 'BS-F0231',
      substation: '',
      province: '云南省',
      city: '保山市',
      county: '',
      park: '',
      areaClass: 'town',
      customers: '87',
      transformers: '1',
      lat: '25.112',
      lon: '99.167',
      validFrom: '2025/1/1 8:00',
    };
    expect(validateAsset(raw, ctx)).toEqual({
      ok: true,
      value: {
        assetId: 'BS-T10452',
        kind: 'area',
        feederId: 'BS-F0231',
        province: '云南省',
        city: '保山市',
        areaClass: 'town',
        customers: 87,
        transformers: 1,
        lat: 25.112,
        lon: 99.167,
        validFrom: Date.UTC(2025, 0, 1),
      },
    });
  });

  it('the fields of the public lookup, the search and DL/T 836 users, from JSON and from CSV', () => {
    const json = {
      ...area,
      code: '300000123456',
      places: ['金鸡村', '学府路小区'],
      enterpriseCustomers: 3,
      importantUser: true,
    };
    expect(validateAsset(json, ctx)).toEqual({ ok: true, value: { ...json, validFrom: ctx.now } });
    // a CSV cell lists places with ; (or ；), counts and flags as text
    const csv = { ...area, places: '金鸡村；学府路小区', enterpriseCustomers: '3', importantUser: '是' };
    expect(validateAsset(csv, ctx)).toEqual({
      ok: true,
      value: {
        ...area,
        places: ['金鸡村', '学府路小区'],
        enterpriseCustomers: 3,
        importantUser: true,
        validFrom: ctx.now,
      },
    });
    expect(errors(validateAsset({ ...area, places: ';', enterpriseCustomers: -1 }, ctx))).toEqual([
      'enterpriseCustomers: must be a whole number ≥ 0, got -1',
      'places: must name at least one place; leave it out when there is none',
    ]);
  });

  it('ids sent as numbers, read as their text', () => {
    const r = validateAsset({ ...feeder, assetId: 10231 }, ctx);
    expect(r.ok && r.value.assetId).toBe('10231');
  });

  it('validFrom as epoch milliseconds or with an offset', () => {
    const at = (validFrom: unknown) => {
      const r = validateAsset({ ...feeder, validFrom }, ctx);
      return r.ok ? r.value.validFrom : r.issues;
    };
    expect(at(Date.UTC(2025, 0, 1))).toBe(Date.UTC(2025, 0, 1));
    expect(at('2025-01-01T00:00:00Z')).toBe(Date.UTC(2025, 0, 1));
    expect(at(null)).toBe(ctx.now);
  });
});

describe('validateAsset refuses, with every issue of the record', () => {
  it('an empty record', () => {
    expect(errors(validateAsset({}, ctx))).toMatchInlineSnapshot(`
      [
        "assetId: is required",
        "kind: is required",
        "areaClass: is required",
        "customers: is required",
      ]
    `);
  });

  it('unknown fields, with a hint when only the spelling differs', () => {
    expect(
      errors(validateAsset({ ...feeder, asset_id: 'x', colour: 'red', Customers: 3 }, ctx)),
    ).toMatchInlineSnapshot(`
      [
        "asset_id: unknown field "asset_id"; did you mean "assetId"?",
        "colour: unknown field "colour"; expected one of assetId, kind, name, feederId, substation, code, province, city, county, park, areaClass, customers, transformers, enterpriseCustomers, places, importantUser, lat, lon, validFrom",
        "Customers: unknown field "Customers"; did you mean "customers"?",
      ]
    `);
  });

  it('bad values of each type', () => {
    const raw = {
      assetId: true,
      kind: 'line',
      areaClass: 'city',
      customers: '约300',
      transformers: -2,
      lat: '95.5',
      lon: 'east',
      validFrom: '2025-02-30',
      name: { zh: '城东线' },
    };
    expect(errors(validateAsset(raw, ctx))).toMatchInlineSnapshot(`
      [
        "assetId: must be text, got true",
        "kind: unknown kind "line"; expected one of feeder, area",
        "name: must be text, got {"zh":"城东线"}",
        "areaClass: unknown areaClass "city"; expected one of urban_core, urban, town, rural",
        "customers: must be a whole number ≥ 0, got "约300"",
        "transformers: must be a whole number ≥ 0, got -2",
        "lat: must be a number between -90 and 90, got 95.5",
        "lon: must be a number between -180 and 180, got "east"",
        "validFrom: not a valid time: "2025-02-30" (no such date)",
      ]
    `);
  });

  it('counts that are not whole numbers', () => {
    const bad = ['12.5', 12.5, '1,200', '1e3', true, Number.NaN, '-0.5'];
    expect(
      bad.map((customers) => errors(validateAsset({ ...feeder, customers }, ctx))),
    ).toMatchInlineSnapshot(`
      [
        [
          "customers: must be a whole number ≥ 0, got 12.5",
        ],
        [
          "customers: must be a whole number ≥ 0, got 12.5",
        ],
        [
          "customers: must be a whole number ≥ 0, got "1,200"",
        ],
        [
          "customers: must be a whole number ≥ 0, got "1e3"",
        ],
        [
          "customers: must be a whole number ≥ 0, got true",
        ],
        [
          "customers: must be a whole number ≥ 0, got NaN",
        ],
        [
          "customers: must be a whole number ≥ 0, got -0.5",
        ],
      ]
    `);
  });

  it('an area without its feeder, a feeder with one, an area fed by itself', () => {
    expect(errors(validateAsset({ ...area, feederId: '' }, ctx))).toMatchInlineSnapshot(`
      [
        "feederId: is required for a transformer area (kind "area")",
      ]
    `);
    expect(errors(validateAsset({ ...feeder, feederId: 'BS-F0001' }, ctx))).toMatchInlineSnapshot(`
      [
        "feederId: must be left out for a feeder (kind "feeder"), got "BS-F0001"",
      ]
    `);
    expect(errors(validateAsset({ ...area, feederId: area.assetId }, ctx))).toMatchInlineSnapshot(`
      [
        "feederId: must name the feeder, not the area itself ("BS-T10452")",
      ]
    `);
  });

  it('coordinates out of range or half given', () => {
    expect(errors(validateAsset({ ...feeder, lat: -91, lon: 180.5 }, ctx))).toMatchInlineSnapshot(`
      [
        "lat: must be a number between -90 and 90, got -91",
        "lon: must be a number between -180 and 180, got 180.5",
      ]
    `);
    expect(errors(validateAsset({ ...feeder, lat: 25.1 }, ctx))).toMatchInlineSnapshot(`
      [
        "lon: is required when lat is given",
      ]
    `);
    expect(errors(validateAsset({ ...feeder, lon: 99.2 }, ctx))).toMatchInlineSnapshot(`
      [
        "lat: is required when lon is given",
      ]
    `);
  });

  it('a county without its city, a city without its province', () => {
    expect(errors(validateAsset({ ...feeder, county: '隆阳区' }, ctx))).toMatchInlineSnapshot(`
      [
        "city: is required when county is given ("隆阳区")",
      ]
    `);
    expect(
      errors(validateAsset({ ...feeder, city: '保山市', county: '隆阳区' }, ctx)),
    ).toMatchInlineSnapshot(`
      [
        "province: is required when city is given ("保山市")",
      ]
    `);
  });

  it('validFrom in epoch seconds by mistake', () => {
    expect(errors(validateAsset({ ...feeder, validFrom: 1748930700 }, ctx))).toMatchInlineSnapshot(`
      [
        "validFrom: must be epoch milliseconds, got 1748930700, which looks like seconds",
      ]
    `);
  });
});
