import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../server/runtime.js';
import { sql } from '../../store/index.js';
import { get, post, startTestProduct } from '../support/product.js';
import { eventually } from '../support/questdb.js';

let product: Product;
const P = `G${Date.now().toString(36)}`;
const id = (s: string) => `${P}-${s}`;
const asOf = encodeURIComponent('2025-06-30T12:00:00+08:00');

beforeAll(async () => {
  product = await startTestProduct();
  const region = {
    province: `省${P}`,
    city: '保山市',
    county: '隆阳区',
    areaClass: 'rural',
    validFrom: '2024-01-01',
  };
  await post(
    product,
    '/api/v1/assets',
    JSON.stringify([
      { assetId: id('F1'), kind: 'feeder', customers: 900, ...region },
      { assetId: id('A1'), kind: 'area', feederId: id('F1'), customers: 90, ...region },
      { assetId: id('F2'), kind: 'feeder', customers: 500, ...region },
    ]),
  );
  const ev = (n: string, asset: string, start: string, cause = 'equipment_fault', end?: string) => ({
    eventId: id(n),
    assetId: asset,
    start,
    end:
      end ??
      start.replace(
        /(\d\d):(\d\d)$/,
        (_m, h: string, mm: string) => `${String(Number(h) + 1).padStart(2, '0')}:${mm}`,
      ),
    customersAffected: 100,
    cause,
  });
  // F1: four counted outages on 2025-05-01, 05-20, 06-10 and 06-29 (59 days from the first):
  // the fourth makes 4 > 3 within 60 days, a breach dated 2025-06-29. A fifth, external
  // damage on 06-15, does not count. A1 (on F1, no affectedAreas) inherits all of them.
  // F2: three counted outages in the 60 days to 06-30 = exactly the limit: at risk.
  const body = [
    ev('e1', id('F1'), '2025-05-01 10:00'),
    ev('e2', id('F1'), '2025-05-20 10:00'),
    ev('e3', id('F1'), '2025-06-10 10:00'),
    ev('e4', id('F1'), '2025-06-15 10:00', 'external_damage'),
    ev('e5', id('F1'), '2025-06-29 10:00'),
    ev('g1', id('F2'), '2025-05-10 10:00'),
    ev('g2', id('F2'), '2025-06-01 10:00'),
    ev('g3', id('F2'), '2025-06-20 10:00'),
  ];
  const r = await post(product, '/api/v1/outages', JSON.stringify(body));
  expect(r.body['accepted']).toBe(8);
  await eventually(async () => {
    const [row] = await product.store.rows<{ n: number }>(
      sql`SELECT count() n FROM outages WHERE event_id LIKE ${`${P}%`}`,
    );
    return row?.n === 8;
  });
});
afterAll(async () => {
  await product.stop();
});

describe('GET /api/v1/flags', () => {
  it('lists breaches and early warnings of the default rule set', async () => {
    const res = await get(product, `/api/v1/flags?asOf=${asOf}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ruleSet: string; rows: Record<string, unknown>[] };
    expect(body.ruleSet).toBe('national-2025');
    const mine = body.rows.filter((f) => String(f['assetId']).startsWith(P));
    expect(mine).toEqual([
      {
        assetId: id('A1'),
        kind: 'area',
        rule: 'over-3-in-60d',
        ruleSet: 'national-2025',
        family: 'frequent_outage',
        status: 'breach',
        count: 4,
        limit: 3,
        windowStart: '2025-05-01',
        windowEnd: '2025-06-29',
        breachDate: '2025-06-29',
        eventIds: [id('e1'), id('e2'), id('e3'), id('e5')],
      },
      {
        assetId: id('F1'),
        kind: 'feeder',
        rule: 'over-3-in-60d',
        ruleSet: 'national-2025',
        family: 'frequent_outage',
        status: 'breach',
        count: 4,
        limit: 3,
        windowStart: '2025-05-01',
        windowEnd: '2025-06-29',
        breachDate: '2025-06-29',
        eventIds: [id('e1'), id('e2'), id('e3'), id('e5')],
      },
      {
        assetId: id('F2'),
        kind: 'feeder',
        rule: 'over-3-in-60d',
        ruleSet: 'national-2025',
        family: 'frequent_outage',
        status: 'at_risk',
        count: 3,
        limit: 3,
        // the 60 days ending 2025-06-30
        windowStart: '2025-05-02',
        windowEnd: '2025-06-30',
        breachDate: null,
        eventIds: [id('g1'), id('g2'), id('g3')],
      },
    ]);
  });

  it('explains each outage of an asset, counted or why not', async () => {
    const res = await get(product, `/api/v1/flags/${id('A1')}/explain?rule=over-3-in-60d&asOf=${asOf}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      outages: { eventId: string; counted: boolean; reason?: string; viaFeeder?: string }[];
    };
    expect(body.outages.map((o) => [o.eventId, o.counted, o.reason ?? null, o.viaFeeder ?? null])).toEqual([
      [id('e1'), true, null, id('F1')],
      [id('e2'), true, null, id('F1')],
      [id('e3'), true, null, id('F1')],
      [id('e4'), false, 'external_damage', id('F1')],
      [id('e5'), true, null, id('F1')],
    ]);
  });

  it('keeps the current flags fresh: a feeder and its area breaching through new outages show up without asOf', async () => {
    await eventually(async () => product.deps.currentFlags.get('national-2025') !== undefined, 60_000);
    const before = product.deps.currentFlags.get('national-2025')!;
    await post(
      product,
      '/api/v1/assets',
      JSON.stringify([
        { assetId: id('F9'), kind: 'feeder', customers: 10, areaClass: 'town', validFrom: '2020-01-01' },
        {
          assetId: id('A9'),
          kind: 'area',
          feederId: id('F9'),
          customers: 10,
          areaClass: 'town',
          validFrom: '2020-01-01',
        },
      ]),
    );
    const day = 86_400_000;
    const now = Date.now();
    // Four outages in the last 40 days: more than 3 within 60 days.
    const events = [40, 30, 20, 10].map((ago, i) => ({
      eventId: id(`h${i}`),
      assetId: id('F9'),
      start: new Date(now - ago * day).toISOString(),
      end: new Date(now - ago * day + 3_600_000).toISOString(),
      customersAffected: 10,
      cause: 'equipment_fault',
    }));
    expect((await post(product, '/api/v1/outages', JSON.stringify(events))).body['accepted']).toBe(4);
    // The area is reached through its feeder (the writer names it): it breaches as well.
    let rows: Record<string, unknown>[] = [];
    await eventually(async () => {
      const body = (await (await get(product, '/api/v1/flags')).json()) as {
        rows: Record<string, unknown>[];
      };
      rows = body.rows.filter(
        (f) => (f['assetId'] === id('F9') || f['assetId'] === id('A9')) && f['rule'] === 'over-3-in-60d',
      );
      return rows.length === 2;
    }, 30_000);
    for (const row of rows) {
      expect(row).toMatchObject({ status: 'breach', count: 4, eventIds: events.map((e) => e.eventId) });
    }
    // The full evaluation did not run again: the incremental path found it.
    expect(product.deps.currentFlags.get('national-2025')!.asOf).toBe(before.asOf);
  });

  it('records the breaches of each full evaluation, so the first breach date is a query', async () => {
    await product.deps.currentFlags.refreshAll();
    const body = (await (await get(product, `/api/v1/breaches?assetId=${id('F1')}`)).json()) as {
      rows: Record<string, unknown>[];
    };
    // F1's breach (2025-06-29) lies outside the 365 days before now: no evaluation as of now sees it.
    expect(body.rows).toEqual([]);
    // F9 breached the 60-day rule within the last 40 days (previous test).
    let f9: { rows: Record<string, unknown>[] } = { rows: [] };
    await eventually(async () => {
      f9 = (await (await get(product, `/api/v1/breaches?assetId=${id('F9')}`)).json()) as typeof f9;
      return f9.rows.length > 0;
    });
    expect(f9.rows).toMatchObject([
      { assetId: id('F9'), ruleSet: 'national-2025', rule: 'over-3-in-60d', breaches: 1 },
    ]);
  });

  it("reads Guizhou's exclusions: a weather fault recorded as force majeure and an unwarned disaster do not count there", async () => {
    const region = {
      province: '贵州省',
      city: '遵义市',
      county: '红花岗区',
      areaClass: 'rural',
      validFrom: '2024-01-01',
    };
    await post(
      product,
      '/api/v1/assets',
      JSON.stringify([{ assetId: id('F3'), kind: 'feeder', customers: 300, ...region }]),
    );
    const ev = (n: string, day: string, cause: string, extra: Record<string, unknown> = {}) => ({
      eventId: id(n),
      assetId: id('F3'),
      start: `2025-06-${day} 10:00`,
      end: `2025-06-${day} 11:00`,
      customersAffected: 300,
      cause,
      ...extra,
    });
    // Four outages in June: nationally all count (4 > 3 in 60 days, a breach); in Guizhou the
    // force-majeure weather fault and the natural disaster do not (2 counted: no breach).
    const r = await post(
      product,
      '/api/v1/outages?wait=visible',
      JSON.stringify([
        ev('h1', '02', 'equipment_fault'),
        ev('h2', '09', 'weather_fault', { forceMajeure: true }),
        ev('h3', '16', 'natural_disaster'),
        ev('h4', '23', 'equipment_fault', { forceMajeure: 'false' }),
      ]),
    );
    expect(r.body).toMatchObject({ accepted: 4, rejected: [] });
    const stored = await product.store.rows<{ event_id: string; force_majeure: boolean }>(
      sql`SELECT event_id, force_majeure FROM outage_reach WHERE asset_id = ${id('F3')} ORDER BY start`,
    );
    expect(stored.map((x) => x.force_majeure)).toEqual([false, true, false, false]);
    const explained = async (ruleSet: string) => {
      const res = await get(
        product,
        `/api/v1/flags/${id('F3')}/explain?ruleSet=${ruleSet}&rule=over-3-in-60d&asOf=${asOf}`,
      );
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        outages: { eventId: string; counted: boolean; reason?: string }[];
      };
      return body.outages.map((o) => [o.eventId, o.reason ?? 'counted']);
    };
    expect(await explained('guizhou-2025')).toEqual([
      [id('h1'), 'counted'],
      [id('h2'), 'force_majeure'],
      [id('h3'), 'natural_disaster'],
      [id('h4'), 'counted'],
    ]);
    expect(await explained('national-2025')).toEqual([
      [id('h1'), 'counted'],
      [id('h2'), 'counted'],
      [id('h3'), 'counted'],
      [id('h4'), 'counted'],
    ]);
    const flagOf = async (ruleSet: string) => {
      const res = await get(product, `/api/v1/flags?ruleSet=${ruleSet}&asOf=${asOf}`);
      const body = (await res.json()) as { rows: { assetId: string; rule: string; status: string }[] };
      return body.rows
        .filter((x) => x.assetId === id('F3') && x.rule === 'over-3-in-60d')
        .map((x) => x.status);
    };
    expect(await flagOf('national-2025')).toEqual(['breach']);
    expect(await flagOf('guizhou-2025')).toEqual([]);
  });

  it('answers 400 naming an unknown rule set and 404 for an unknown asset', async () => {
    const bad = await get(product, '/api/v1/flags?ruleSet=nope');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { issues: unknown[] }).issues).toEqual([
      {
        path: 'ruleSet',
        message: 'no rule set "nope" (known: baoshan-2021, guizhou-2025, kunming-parks-2023, national-2025)',
      },
    ]);
    expect((await get(product, `/api/v1/flags/${id('nope')}/explain`)).status).toBe(404);
  });
});
