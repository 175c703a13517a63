import { describe, expect, it } from 'vitest';
import type { Asset, OutageEvent } from '../../../core/domain.js';
import { fromWallClock } from '../../../core/time.js';
import { regionalRanking } from '../../../analytics/reliability/index.js';

const Z = 'Asia/Shanghai';
const t = (year: number, month: number, day: number, hour = 0): number =>
  fromWallClock({ year, month, day, hour, minute: 0, second: 0, millisecond: 0 }, Z);

const area = (assetId: string, city: string, customers = 100): Asset => ({
  assetId,
  kind: 'area',
  feederId: `F-${city}`,
  province: 'Yunnan',
  city,
  areaClass: 'town',
  customers,
  validFrom: 0,
});
const outage = (
  eventId: string,
  assetId: string,
  start: number,
  minutes: number,
  customers = 100,
): OutageEvent => ({
  eventId,
  assetId,
  start,
  end: start + minutes * 60_000,
  customersAffected: customers,
  restorations: [],
  cause: 'equipment_fault',
  planned: false,
});

// One area of 100 customers per city (Yuxi's has none: no figures).
//   Baoshan 2024: 60 min → SAIDI 1 h, SAIFI 1;   2023: 120 min → SAIDI 2 h, SAIFI 1
//   Kunming 2024: 2 × 30 min → SAIDI 1 h, SAIFI 2; 2023: none → 0, 0
//   Qujing  2024: 30 min → SAIDI 0.5 h, SAIFI 1;  2023: none
//   Yuxi    2024: an outage recorded on an area with 0 customers → SAIDI, SAIFI null
const assets = [area('B', 'Baoshan'), area('K', 'Kunming'), area('Q', 'Qujing'), area('Y', 'Yuxi', 0)];
const events = [
  outage('B24', 'B', t(2024, 4, 1), 60),
  outage('B23', 'B', t(2023, 4, 1), 120),
  outage('K24a', 'K', t(2024, 4, 1), 30),
  outage('K24b', 'K', t(2024, 5, 1), 30),
  outage('Q24', 'Q', t(2024, 4, 1), 30),
  outage('Y24', 'Y', t(2024, 4, 1), 30, 5),
];

describe('regionalRanking', () => {
  it('orders regions by SAIDI then SAIFI, best first, with ranks and the change on the year before', () => {
    const r = regionalRanking({ assets, events, asOf: t(2025, 1, 1), zone: Z, year: 2024 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.current.groupBy).toEqual(['city']);
    expect(
      r.value.rows.map((x) => [
        x.keys.city,
        x.saidi,
        x.saifi,
        x.saidiRank,
        x.saifiRank,
        x.saidiChange,
        x.saidiChangeFraction,
        x.saifiChange,
      ]),
    ).toEqual([
      // Qujing: 0.5 h; previous 0 → change +0.5, fraction undefined
      ['Qujing', 0.5, 1, 1, 1, 0.5, null, 1],
      // Baoshan and Kunming tie on SAIDI (rank 2 both); Baoshan's lower SAIFI puts it first
      // Baoshan: 1 − 2 = −1 h, −50 %; SAIFI 1 − 1 = 0
      ['Baoshan', 1, 1, 2, 1, -1, -0.5, 0],
      // Kunming: SAIFI 2 is third (1, 1, 2 → ranks 1, 1, 3)
      ['Kunming', 1, 2, 2, 3, 1, null, 2],
      // Yuxi: no customers served, last and unranked
      ['Yuxi', null, null, null, null, null, null, null],
    ]);
  });

  it('ranks by the grouping asked for', () => {
    const r = regionalRanking({
      assets,
      events,
      asOf: t(2025, 1, 1),
      zone: Z,
      year: 2024,
      groupBy: 'province',
    });
    // Yunnan: N_T = 100 + 100 + 100 + 0 = 300; 100·(60 + 30 + 30 + 30) + 5·30 = 15150 customer-minutes
    expect(r.ok && r.value.rows.map((x) => [x.keys, x.saidi, x.saidiRank])).toEqual([
      [{ province: 'Yunnan' }, 15150 / 60 / 300, 1],
    ]);
  });
});
