// Stored rows back into records: a null column is a field left out, the fields in the order the
// API answers them (assets, warnings).

import { describe, expect, it } from 'vitest';
import type { Store } from '../../../store/index.js';
import { type AssetRow, assetOfRow, presentFields, readWarnings } from '../../../store/records.js';

const row: AssetRow = {
  asset_id: 'A1',
  kind: 'area',
  name: null,
  feeder_id: 'F1',
  substation: null,
  code: 'C-1',
  province: '云南省',
  city: null,
  county: '隆阳区',
  park: null,
  area_class: 'rural',
  customers: 40,
  transformers: 2,
  enterprise_customers: null,
  places: '["甲村"]',
  important_user: true,
  lat: 25.1,
  lon: null,
  valid_from: 1_000,
};

describe('presentFields', () => {
  it('names the columns that are not null under their fields, in the order asked', () => {
    const fields = presentFields(row, { county: 'county', city: 'city', feederId: 'feeder_id' } as const);
    expect(Object.entries(fields)).toEqual([
      ['county', '隆阳区'],
      ['feederId', 'F1'],
    ]);
  });
});

describe('assetOfRow', () => {
  it('keeps the fields of the columns that are not null, in the record’s order', () => {
    expect(JSON.stringify(assetOfRow(row))).toBe(
      JSON.stringify({
        assetId: 'A1',
        kind: 'area',
        areaClass: 'rural',
        customers: 40,
        validFrom: 1_000,
        feederId: 'F1',
        code: 'C-1',
        province: '云南省',
        county: '隆阳区',
        transformers: 2,
        places: ['甲村'],
        importantUser: true,
        lat: 25.1,
      }),
    );
  });
});

describe('readWarnings', () => {
  it('reads each warning with the optional fields it has', async () => {
    const store = {
      rows: async () => [
        {
          warning_id: 'W1',
          issuer_level: 'province',
          hazard: 'typhoon',
          level: 'red',
          province: '广东省',
          city: null,
          county: null,
          start: 1,
          end_at: 2,
        },
      ],
    } as unknown as Store;
    const [w] = await readWarnings(store);
    expect(JSON.stringify(w)).toBe(
      JSON.stringify({
        warningId: 'W1',
        issuerLevel: 'province',
        hazard: 'typhoon',
        start: 1,
        end: 2,
        level: 'red',
        province: '广东省',
      }),
    );
  });
});
