import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../core/issues.js';
import {
  AssetDeriver,
  compileMapping,
  type Derive,
  loadMapping,
  type Mapping,
  median,
  parseMapping,
} from '../../../ingest/mapping/index.js';

const compiled = (json: unknown, idPrefix?: string): Mapping => {
  const r = compileMapping(json, { source: 'test.json', ...(idPrefix ? { idPrefix } : {}) });
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return r.value;
};
const errors = <T>(r: Result<T>) => (r.ok ? 'compiled' : r.issues.map((i) => `${i.path}: ${i.message}`));
const problems = (json: unknown) => errors(compileMapping(json, { source: 'm.json' }));

describe('otherwise: a value for every spelling a values map does not list', () => {
  const m = compiled({
    record: 'outages',
    columns: { CODE: 'cause' },
    values: { cause: { STORM: 'weather_fault', PATROLLING: 'unknown' } },
    otherwise: { cause: 'equipment_fault' },
    defaults: { cause: 'unknown' },
  });

  it('maps listed spellings, sends the rest to otherwise and leaves blanks to defaults', () => {
    expect(m.apply({ CODE: ' STORM ' })).toEqual({ record: { cause: 'weather_fault' } });
    expect(m.apply({ CODE: 'PATROLLING' })).toEqual({ record: { cause: 'unknown' } });
    expect(m.apply({ CODE: 'DAMGE UG CABLE' })).toEqual({ record: { cause: 'equipment_fault' } });
    expect(m.apply({ CODE: 'storm' })).toEqual({ record: { cause: 'equipment_fault' } });
    expect(m.apply({ CODE: '' })).toEqual({ record: { cause: 'unknown' } });
    expect(m.apply({})).toEqual({ record: { cause: 'unknown' } });
  });
});

describe('routes: rows go to record shapes by a column', () => {
  const m = compiled({
    record: 'outages',
    columns: { id: 'eventId' },
    unmapped: 'drop',
    skip: [{ column: 'cause', in: ['NOT OUTAGE'], reason: 'not an outage' }],
    routes: {
      column: 'extent',
      to: {
        feeder: { when: ['SOURCE', 'DEVICE'], columns: { circuit: 'assetId' } },
        area: { when: ['SERVICE TRANSFORMER'], columns: { device: 'assetId' }, constants: { notes: 'area' } },
        customer: { when: ['CUSTOMER'], import: false },
      },
    },
  });
  const row = { id: '7', circuit: 'C1', device: 'D9', cause: 'STORM' };

  it('reads each route with its own columns and constants and names the route', () => {
    expect(m.apply({ ...row, extent: 'DEVICE' })).toEqual({
      record: { eventId: '7', assetId: 'C1' },
      route: 'feeder',
    });
    expect(m.apply({ ...row, extent: 'SERVICE TRANSFORMER' })).toEqual({
      record: { eventId: '7', assetId: 'D9', notes: 'area' },
      route: 'area',
    });
  });

  it('counts a route that is not imported under its name, and skips what no route takes', () => {
    expect(m.apply({ ...row, extent: 'CUSTOMER' })).toEqual({
      skip: 'extent is "CUSTOMER": counted as customer, not imported',
      route: 'customer',
    });
    expect(m.apply({ ...row, extent: 'FEEDER' })).toEqual({
      skip: 'extent is "FEEDER", not one of "SOURCE", "DEVICE", "SERVICE TRANSFORMER", "CUSTOMER"',
    });
    expect(m.apply({ id: '7' })).toMatchObject({ skip: expect.stringContaining('extent is ""') });
  });

  it('applies skip rules before routes', () => {
    expect(m.apply({ ...row, extent: 'CUSTOMER', cause: 'NOT OUTAGE' })).toEqual({ skip: 'not an outage' });
  });

  it('lists its routes', () => {
    expect(m.routes).toEqual([
      { name: 'feeder', imported: true },
      { name: 'area', imported: true },
      { name: 'customer', imported: false },
    ]);
  });
});

describe('an id prefix', () => {
  it('goes before every id of an outage, also the listed areas in any spelling', () => {
    const m = compiled({ record: 'outages', columns: { id: 'eventId' } }, 'T1-');
    const out = (record: Record<string, unknown>) => ('record' in m.apply(record) ? m.apply(record) : null);
    expect(out({ id: 12, assetId: 'F1', warningId: 'W', affectedAreas: 'A1; A2' })).toEqual({
      record: { eventId: 'T1-12', assetId: 'T1-F1', warningId: 'T1-W', affectedAreas: 'T1-A1;T1-A2' },
    });
    expect(out({ id: 'E', assetId: '', affectedAreas: ['A1', 'A2'] })).toEqual({
      record: { eventId: 'T1-E', assetId: '', affectedAreas: ['T1-A1', 'T1-A2'] },
    });
    expect(out({ id: 'E', affectedAreas: '["A1"]' })).toEqual({
      record: { eventId: 'T1-E', affectedAreas: ['T1-A1'] },
    });
  });

  it('goes before asset and feeder ids of assets', () => {
    const m = compiled({ record: 'assets' }, 'P');
    expect(m.apply({ assetId: 'A1', feederId: 'F1', name: 'A1' })).toEqual({
      record: { assetId: 'PA1', feederId: 'PF1', name: 'A1' },
    });
  });
});

describe('AssetDeriver', () => {
  const spec = (fields: Derive['fields'], extra: Partial<Derive> = {}): Derive => ({
    kind: 'feeder',
    assetId: 'circuit',
    fields,
    ...extra,
  });

  it('reduces each field over the asset’s rows with its pick', () => {
    const d = new AssetDeriver(
      [
        spec({
          name: { column: 'circuit', pick: 'first' },
          city: { column: 'city' },
          county: { column: 'county', pick: 'last' },
          customers: { column: 'n', pick: 'max' },
          transformers: { column: 'n', pick: 'min' },
          lat: { column: 'lat', pick: 'median' },
          validFrom: { column: 'start', pick: 'min' },
        }),
      ],
      { zone: 'America/Los_Angeles' },
    );
    const rows = [
      { circuit: 'C1', city: 'Oakland', county: 'a', n: '9', lat: '1', start: '2024-03-01T10:00:00Z' },
      { circuit: 'C1', city: 'Berkeley', county: 'b', n: '10', lat: '2', start: '2024-02-29 23:00' },
      { circuit: 'C1', city: 'Oakland', county: '', n: '', lat: '4', start: '2024-03-01T06:59:00Z' },
      { circuit: 'C1', city: 'Berkeley', county: 'c', n: '2', lat: 'x', start: 'soon' },
      { circuit: ' ', city: 'Nowhere' },
    ];
    for (const r of rows) d.add(r, undefined);
    // city: Oakland and Berkeley twice each, Berkeley seen last; start: 2024-02-29 23:00 in
    // Los Angeles is 2024-03-01T07:00Z, later than 06:59Z.
    expect(d.finish()).toEqual({
      records: [
        {
          assetId: 'C1',
          kind: 'feeder',
          name: 'C1',
          city: 'Berkeley',
          county: 'c',
          customers: '10',
          transformers: '2',
          lat: 2,
          validFrom: '2024-03-01T06:59:00Z',
        },
      ],
      issues: [],
    });
  });

  it('reads only the rows of its routes, puts the prefix on asset and feeder ids, and keeps an id to one derivation', () => {
    const d = new AssetDeriver(
      [
        spec(
          { customers: { column: 'n', pick: 'max' } },
          { routes: ['feeder', 'area'], constants: { areaClass: 'urban' } },
        ),
        {
          kind: 'area',
          assetId: 'device',
          routes: ['area'],
          fields: { feederId: { column: 'circuit' } },
          constants: { areaClass: 'rural' },
        },
      ],
      { zone: 'UTC', idPrefix: 'X-' },
    );
    d.add({ circuit: 'C1', device: 'D1', n: '50' }, 'feeder');
    d.add({ circuit: 'C1', device: 'D2', n: '70' }, 'area');
    d.add({ circuit: 'C2', device: 'D3', n: '99' }, 'customer');
    d.add({ circuit: 'D2', device: 'C1', n: '1' }, 'area');
    expect(d.finish()).toEqual({
      records: [
        { assetId: 'X-C1', kind: 'feeder', customers: '70', areaClass: 'urban' },
        { assetId: 'X-D2', kind: 'feeder', customers: '1', areaClass: 'urban' },
      ],
      issues: [
        {
          assetId: 'X-D2',
          message:
            'derived again by derive[1] (kind "area") after derive[0] (kind "feeder"); the first is kept',
        },
        {
          assetId: 'X-C1',
          message:
            'derived again by derive[1] (kind "area") after derive[0] (kind "feeder"); the first is kept',
        },
      ],
    });
  });

  it('takes the middle value, or the mean of the two middle ones', () => {
    expect([median([]), median([3, 1, 2]), median([4, 1, 3, 2])]).toEqual([undefined, 2, 2.5]);
  });
});

describe('a mapping file with routes and derivations is refused, naming the field', () => {
  it('when otherwise, routes or derive name what is not there', () => {
    expect(
      problems({
        record: 'outages',
        columns: { id: 'eventId', circuit: 'assetId' },
        values: { cause: { X: 'unknown' } },
        otherwise: { cause: 'storm', planned: true },
        routes: {
          column: 'extent',
          to: {
            feeder: { when: ['A', 'B'], columns: { circuit: 'assetId', other: 'eventId' } },
            area: { when: ['B'], columns: { dev: 'asset' }, constants: { customersAffected: -1 } },
            customer: { when: ['C'], import: false, constants: { notes: 'x' } },
          },
        },
        derive: [
          { kind: 'area', assetId: 'dev', routes: ['customer', 'zone'], fields: { kind: { column: 'k' } } },
          { kind: 'feeder', assetId: 'c', fields: { customers: { column: 'n', pick: 'sum' } } },
          {
            kind: 'feeder',
            assetId: 'c',
            fields: { city: { column: 'c' } },
            constants: { city: 'x', lat: 'north' },
          },
        ],
      }),
    ).toMatchInlineSnapshot(`
      [
        "m.json: derive[1].fields.customers.pick: must be one of mode, first, last, min, max, median, got "sum"",
      ]
    `);
    expect(
      problems({
        record: 'outages',
        columns: { id: 'eventId', circuit: 'assetId' },
        values: { cause: { X: 'unknown' } },
        otherwise: { cause: 'storm', planned: true },
        routes: {
          column: 'extent',
          to: {
            feeder: { when: ['A', 'B'], columns: { circuit: 'assetId', other: 'eventId' } },
            area: { when: ['B'], columns: { dev: 'asset' }, constants: { customersAffected: -1 } },
            customer: { when: ['C'], import: false, constants: { notes: 'x' } },
          },
        },
        derive: [
          { kind: 'area', assetId: 'dev', routes: ['customer', 'zone'], fields: { kind: { column: 'k' } } },
          {
            kind: 'feeder',
            assetId: 'c',
            fields: { city: { column: 'c' } },
            constants: { city: 'x', lat: 'north' },
          },
        ],
      }),
    ).toMatchInlineSnapshot(`
      [
        "m.json: otherwise.cause: unknown cause "storm"; expected one of equipment_fault, weather_fault, natural_disaster, external_damage, planned_maintenance, planned_construction, protective_supply_switching, mode_adjustment, supply_shortage, customer_side, arrears, unknown",
        "m.json: otherwise.planned: has no values map for "planned": list the spellings under values first",
        "m.json: routes.to.feeder.columns.circuit: "circuit" is also mapped in columns (to "assetId")",
        "m.json: routes.to.feeder.columns.other: maps to "eventId" like "id"; a field is read from one column",
        "m.json: routes.to.area.when[0]: "B" is also in route "feeder"",
        "m.json: routes.to.area.columns.dev: "asset" is not an outage field; expected one of eventId, assetId, start, end, customersAffected, affectedAreas, restorations, cause, planned, warningId, forceMajeure, cancelled, estimatedRestoration, notes",
        "m.json: routes.to.area.constants.customersAffected: must be a whole number ≥ 0, got -1",
        "m.json: routes.to.customer: is not imported (import: false), so it takes no columns or constants",
        "m.json: derive[0].routes[0]: route "customer" is not imported, so no asset is derived from it",
        "m.json: derive[0].routes[1]: unknown route "zone"; routes are feeder, area, customer",
        "m.json: derive[0].fields.kind: "kind" is set by the derivation itself",
        "m.json: derive[0]: derives transformer areas (kind "area"), which need feederId under fields or constants",
        "m.json: derive[1].constants.city: is also derived under fields; give it once",
        "m.json: derive[1].constants.lat: must be a number between -90 and 90, got "north"",
      ]
    `);
  });

  it('when it derives from anything but outages, or routes without a column', () => {
    expect(problems({ record: 'assets', derive: [{ kind: 'feeder', assetId: 'c' }] })).toMatchInlineSnapshot(`
      [
        "m.json: derive: derives assets from outage rows; this file reads assets",
      ]
    `);
    expect(
      problems({
        record: 'outages',
        routes: { to: {} },
        derive: [{ kind: 'feeder', assetId: 'c', routes: ['x'] }],
      }),
    ).toMatchInlineSnapshot(`
      [
        "m.json: routes.column: is required",
      ]
    `);
  });
});

describe('mappings/pge-outage-map.json', () => {
  const m = loadMapping('mappings/pge-outage-map.json', 'outages', 'America/Los_Angeles');
  if (!m.ok) throw new Error(m.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  const mapping = m.value;
  const row = {
    outage_id: '2333963',
    circuit_id: '12101103',
    device_id: '314842454073',
    extent: 'DEVICE',
    cause: 'STORM',
    est_customers: '1183',
    city: 'Oakland',
    latitude: '37.8376',
    longitude: '-122.21066',
    outage_start: '2024-02-03T22:19:23Z',
    removed_from_map: '2024-02-06T01:01:48Z',
    last_estimated_restoration: '2024-02-05T16:00:00Z',
  };

  it('compiles, reads Los Angeles time and routes by extent', () => {
    expect(errors(parseMapping(readFileSync('mappings/pge-outage-map.json', 'utf8')))).toBe('compiled');
    expect(mapping.zone).toBe('America/Los_Angeles');
    expect(mapping.apply(row)).toEqual({
      record: {
        eventId: '2333963',
        assetId: '12101103',
        start: '2024-02-03T22:19:23Z',
        end: '2024-02-06T01:01:48Z',
        customersAffected: '1183',
        estimatedRestoration: '2024-02-05T16:00:00Z',
        cause: 'weather_fault',
      },
      route: 'feeder',
    });
    const routeOf = (extent: string) => {
      const r = mapping.apply({ ...row, extent });
      return 'record' in r ? [r.route, r.record['assetId']] : [r.route ?? null, r.skip];
    };
    expect(['SOURCE', 'DEVICE', 'DEVICETAP LINE', 'SERVICE TRANSFORMER', 'CUSTOMER'].map(routeOf)).toEqual([
      ['feeder', '12101103'],
      ['feeder', '12101103'],
      ['feeder', '12101103'],
      ['area', '314842454073'],
      ['customer', 'extent is "CUSTOMER": counted as customer, not imported'],
    ]);
  });

  it('maps the causes as issue 11 lists them', () => {
    const causeOf = (cause: string) => {
      const r = mapping.apply({ ...row, cause });
      return 'record' in r ? r.record['cause'] : `skipped: ${r.skip}`;
    };
    const codes = [
      'STORM',
      'LGHTNING',
      'SNOW',
      'FLOOD',
      'FIRE',
      'THRD PARTY',
      'CAR POLE',
      'FOREIGN OBJ',
      'PLNND SHUTDOWN',
      'NOT OUTAGE',
      'PATROLLING',
      'Awaiting Investigation',
      '',
      'DAMGE UG CABLE',
      'TREE CONTACT',
      'POLE FIRE',
    ];
    expect(Object.fromEntries(codes.map((c) => [c, causeOf(c)]))).toEqual({
      STORM: 'weather_fault',
      LGHTNING: 'weather_fault',
      SNOW: 'weather_fault',
      FLOOD: 'weather_fault',
      FIRE: 'natural_disaster',
      'THRD PARTY': 'external_damage',
      'CAR POLE': 'external_damage',
      'FOREIGN OBJ': 'external_damage',
      'PLNND SHUTDOWN': 'planned_maintenance',
      'NOT OUTAGE': 'skipped: not an outage (cause NOT OUTAGE)',
      PATROLLING: 'unknown',
      'Awaiting Investigation': 'unknown',
      '': 'unknown',
      'DAMGE UG CABLE': 'equipment_fault',
      'TREE CONTACT': 'equipment_fault',
      'POLE FIRE': 'equipment_fault',
    });
  });

  it('derives feeders from circuits and areas from service-transformer devices', () => {
    const d = new AssetDeriver(mapping.derive, { zone: 'America/Los_Angeles' });
    const st = {
      ...row,
      extent: 'SERVICE TRANSFORMER',
      est_customers: '12',
      latitude: '37.9',
      longitude: '-122.3',
    };
    d.add(row, 'feeder');
    d.add({ ...row, outage_start: '2024-01-01T00:00:00Z', est_customers: '40', latitude: '37.7' }, 'feeder');
    d.add(st, 'area');
    expect(d.finish().records).toEqual([
      {
        assetId: '12101103',
        kind: 'feeder',
        name: '12101103',
        city: 'Oakland',
        lat: 37.8376,
        lon: -122.21066,
        customers: '1183',
        validFrom: '2024-01-01T00:00:00Z',
        province: 'California',
        areaClass: 'urban',
      },
      {
        assetId: '314842454073',
        kind: 'area',
        name: '314842454073',
        feederId: '12101103',
        city: 'Oakland',
        lat: 37.9,
        lon: -122.3,
        customers: '12',
        validFrom: '2024-02-03T22:19:23Z',
        province: 'California',
        areaClass: 'urban',
      },
    ]);
  });
});
