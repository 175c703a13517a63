// A group whose outages interrupted more customers each than it serves is said to have
// overstated figures: its asset customer counts are too small (PG&E's derived counts: Arnold).

import { describe, expect, it } from 'vitest';
import type { Asset, OutageEvent } from '../../../core/domain.js';
import { computeReliability } from '../../../analytics/reliability/index.js';

const Z = 'America/Los_Angeles';
const asset = (assetId: string, city: string, customers: number): Asset => ({
  assetId,
  kind: 'feeder',
  province: 'CA',
  city,
  areaClass: 'rural',
  customers,
  validFrom: 0,
});
const outage = (eventId: string, assetId: string, day: number, customers: number): OutageEvent => ({
  eventId,
  assetId,
  start: Date.UTC(2025, 0, day, 18),
  end: Date.UTC(2025, 0, day, 19),
  customersAffected: customers,
  restorations: [],
  cause: 'equipment_fault',
  planned: false,
});

describe('denominator plausibility', () => {
  it('names the group whose outages interrupted more than twice the customers it serves, each', () => {
    const r = computeReliability({
      assets: [
        asset('F-ARNOLD', 'Arnold', 2),
        asset('F-SONORA', 'Sonora', 500),
        asset('F-PV', 'Placerville', 100),
        asset('F-LEBEC', 'Lebec', 0),
      ],
      // Arnold: 150 + 50 = 200 customer interruptions in 2 outages = 100 each, of 2 served.
      // Sonora: 300 of 500 served: plausible. Placerville: 180 each of 100 served (a count that
      // grew within the period?) is under twice: not said.
      events: [
        outage('E1', 'F-ARNOLD', 5, 150),
        outage('E2', 'F-ARNOLD', 9, 50),
        outage('E3', 'F-SONORA', 7, 300),
        outage('E4', 'F-PV', 3, 180),
        outage('E5', 'F-LEBEC', 4, 60),
      ],
      from: Date.UTC(2025, 0, 1, 8),
      to: Date.UTC(2025, 1, 1, 8),
      asOf: Date.UTC(2025, 2, 1),
      zone: Z,
      groupBy: ['city'],
    });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.rows.map((row) => [row.keys['city'], row.saifi])).toEqual([
      ['Arnold', 100],
      ['Lebec', null],
      ['Placerville', 1.8],
      ['Sonora', 0.6],
    ]);
    expect(r.value.issues).toEqual([
      {
        path: 'city=Arnold',
        message:
          'its 2 outages interrupted 100 customers each on average, more than twice the 2 it serves: the customer counts of its assets are too small for their outages, so SAIFI and SAIDI are overstated (50× at least)',
        code: 'customers_served_too_few',
        params: { group: 'city=Arnold', events: 2, perEvent: 100, customers: 2 },
      },
      {
        path: 'city=Lebec',
        message:
          'its 1 outage interrupted 60 customers, but its assets serve none by their customer counts: SAIFI and SAIDI cannot be given',
        code: 'no_customers_served',
        params: { group: 'city=Lebec', events: 1, interruptions: 60 },
      },
    ]);
  });
});
