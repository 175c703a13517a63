import { describe, expect, it } from 'vitest';
import { rankHits, type SearchHit, strength } from '../../../analytics/search/index.js';

const asset = (
  id: string,
  name: string | null,
  kind: 'feeder' | 'area' = 'feeder',
  substation: string | null = null,
): SearchHit => ({
  type: 'asset',
  id,
  name,
  kind,
  substation,
  province: '云南省',
  city: '昆明市',
  county: '五华区',
});

describe('search ranking', () => {
  it('scores an exact id or name 0, a prefix 1, a substring 2, a substation 3, ignoring case and spaces', () => {
    const h = asset('FD-Songhua-01', '10kV松华线', 'feeder', '松华变');
    expect(strength(h, ' fd-songhua-01 ')).toBe(0);
    expect(strength(h, '10kV松华线')).toBe(0);
    expect(strength(h, 'fd-song')).toBe(1);
    expect(strength(h, '松华')).toBe(2);
    expect(strength(h, '华变')).toBe(3);
    expect(strength(h, '滇池')).toBeNull();
    expect(strength(h, '   ')).toBeNull();
  });

  it('orders by strength, then cases before assets, feeders before areas, then name and id', () => {
    const hits: SearchHit[] = [
      asset('a2', '松华2号台区', 'area'),
      asset('f2', '10kV松华线', 'feeder'),
      asset('f1', '10kV松华线', 'feeder'),
      asset('x', '滇池线'),
      asset('a1', '松华1号台区', 'area'),
      { ...asset('f1', '10kV松华线'), type: 'case', id: 'RC-松华-1', assetId: 'f1' },
      asset('s', '其他线', 'feeder', '松华变'),
    ];
    // "松华": prefix of the areas' names and of the case id? No: the case id starts with "RC-".
    expect(rankHits(hits, '松华', 10).map((h) => `${h.type}:${h.id}`)).toEqual([
      'asset:a1', // prefix, area, 松华1… < 松华2…
      'asset:a2',
      'case:RC-松华-1', // substring: the case first
      'asset:f1', // then feeders with the same name, by id
      'asset:f2',
      'asset:s', // substation only
    ]);
    expect(rankHits(hits, '松华', 2).map((h) => h.id)).toEqual(['a1', 'a2']);
  });
});
