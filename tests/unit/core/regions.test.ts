import { describe, expect, it } from 'vitest';
import { assetRegions } from '../../../core/regions.js';

describe('assetRegions', () => {
  it('takes province, city and county, in that order, and nothing else', () => {
    const version = { assetId: 'A1', park: 'P', county: '五华', city: '昆明', province: '云南' };
    const r = assetRegions(version);
    expect(r).toEqual({ province: '云南', city: '昆明', county: '五华' });
    expect(Object.keys(r)).toEqual(['province', 'city', 'county']);
  });

  it('gives null for a level not given, and for no asset at all', () => {
    expect(assetRegions({ city: '昆明' })).toEqual({ province: null, city: '昆明', county: null });
    expect(assetRegions({ province: null, city: null, county: null })).toEqual({
      province: null,
      city: null,
      county: null,
    });
    expect(assetRegions(undefined)).toEqual({ province: null, city: null, county: null });
    expect(assetRegions(null)).toEqual({ province: null, city: null, county: null });
  });

  it('keeps an empty name (only a missing one is null)', () => {
    expect(assetRegions({ province: '', city: '', county: '' })).toEqual({
      province: '',
      city: '',
      county: '',
    });
  });
});
