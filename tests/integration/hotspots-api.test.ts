// GET /hotspots of "now" comes from a computation shared for a minute (made ready after each full
// flag evaluation), filtered in memory: its rows must equal what the query with the same filters
// and that asOf gives, and the counts the ones worked out by hand from the outages sent.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatInZone } from '../../core/index.js';
import type { Product } from '../../server/runtime.js';
import { sql } from '../../store/index.js';
import { get, post, startTestProduct } from '../support/product.js';
import { eventually } from '../support/questdb.js';

let product: Product;
const P = `H${Date.now().toString(36)}`;
const id = (s: string) => `${P}-${s}`;
const CITY_A = `甲市${P}`;
const CITY_B = `乙市${P}`;
const DAY = 86_400_000;
const shanghai = (ms: number) => formatInZone(ms, 'Asia/Shanghai');

type Row = Record<string, unknown>;
const mine = (rows: Row[]) => rows.filter((r) => String(r['assetId']).startsWith(P));
const rowsOf = async (path: string) =>
  (await (await get(product, path)).json()) as { asOf: string; rows: Row[] };

beforeAll(async () => {
  product = await startTestProduct();
  const base = {
    validFrom: '2020-01-01',
    customers: 300,
    province: '云南省',
    county: '县',
    areaClass: 'urban',
  };
  const assets = await post(
    product,
    '/api/v1/assets',
    JSON.stringify([
      { assetId: id('FA'), kind: 'feeder', city: CITY_A, ...base },
      { assetId: id('AA'), kind: 'area', feederId: id('FA'), city: CITY_A, ...base },
      { assetId: id('FB'), kind: 'feeder', city: CITY_B, ...base },
    ]),
  );
  expect(assets.body['rejected']).toEqual([]);
  // FA: outages 10, 40 and 200 days ago (2 in 60 days, 3 in 365), one of them weather; FB: 5
  // days ago. AA, on FA, inherits FA's (they name no areas).
  const t = Date.now();
  const ev = (n: string, asset: string, daysAgo: number, cause = 'equipment_fault') => ({
    eventId: id(n),
    assetId: asset,
    start: shanghai(t - daysAgo * DAY),
    end: shanghai(t - daysAgo * DAY + 2 * 3_600_000),
    customersAffected: 50,
    cause,
  });
  const body = [ev('a1', id('FA'), 10), ev('a2', id('FA'), 40, 'weather_fault'), ev('a3', id('FA'), 200)];
  body.push(ev('b1', id('FB'), 5));
  const sent = await post(product, '/api/v1/outages', JSON.stringify(body));
  expect(sent.body['rejected']).toEqual([]);
  expect(sent.body['accepted']).toBe(4);
  await eventually(async () => {
    const [row] = await product.store.rows<{ n: number }>(
      sql`SELECT count() n FROM outages WHERE event_id LIKE ${`${P}%`}`,
    );
    return row?.n === 4;
  });
  // A product computes the hotspots of now after its start-up flag evaluation: the one under
  // test starts once the data are in, as after a restart.
  await product.stop();
  product = await startTestProduct();
});
afterAll(async () => {
  await product.stop();
});

describe('GET /hotspots of now', () => {
  it('gives the hand-worked counts, filtered in memory as the query filters', async () => {
    const all = await rowsOf('/api/v1/hotspots');
    const counts = mine(all.rows).map((r) => [r['assetId'], r['outages365'], r['outages60'], r['hours365']]);
    expect(counts).toEqual([
      [id('AA'), 3, 2, 6],
      [id('FA'), 3, 2, 6],
      [id('FB'), 1, 1, 2],
    ]);
    for (const filter of [
      `city=${encodeURIComponent(CITY_A)}`,
      'kind=feeder',
      `feederId=${id('FA')}`,
      `assetId=${id('FB')}`,
      'cause=weather_fault',
      `cause=weather_fault&city=${encodeURIComponent(CITY_A)}&kind=area`,
    ]) {
      const cached = await rowsOf(`/api/v1/hotspots?${filter}`);
      const queried = await rowsOf(`/api/v1/hotspots?${filter}&asOf=${encodeURIComponent(cached.asOf)}`);
      expect({ filter, rows: mine(cached.rows) }).toEqual({ filter, rows: mine(queried.rows) });
    }
    const weatherA = await rowsOf(`/api/v1/hotspots?cause=weather_fault&city=${encodeURIComponent(CITY_A)}`);
    expect(mine(weatherA.rows).map((r) => [r['assetId'], r['outages365'], r['outages60']])).toEqual([
      [id('AA'), 1, 1],
      [id('FA'), 1, 1],
    ]);
  });

  it('answers from a shared computation, and its asOf says which', async () => {
    const first = await rowsOf(`/api/v1/hotspots?city=${encodeURIComponent(CITY_B)}`);
    const posting = Date.now();
    await post(
      product,
      '/api/v1/outages',
      JSON.stringify([
        {
          eventId: id('b2'),
          assetId: id('FB'),
          start: shanghai(Date.now() - DAY),
          end: shanghai(Date.now() - DAY + 3_600_000),
          customersAffected: 5,
          cause: 'unknown',
        },
      ]),
    );
    const posted = Date.now();
    await eventually(async () => {
      const fresh = await rowsOf(
        `/api/v1/hotspots?assetId=${id('FB')}&asOf=${encodeURIComponent(shanghai(Date.now()))}`,
      );
      return fresh.rows[0]?.['outages365'] === 2;
    });
    // The same computation answers until a newer one replaces it (a minute later, or after a
    // full flag evaluation): its asOf says which, and so whether it can count the new outage.
    // No timing is assumed: a computation that began while the outage was being written may
    // count it or not; one that began before does not, one that began after does.
    const again = await rowsOf(`/api/v1/hotspots?city=${encodeURIComponent(CITY_B)}`);
    const at = Date.parse(again.asOf);
    const counted = mine(again.rows)[0]?.['outages365'];
    if (again.asOf === first.asOf || at < posting) expect(counted).toBe(1);
    else if (at >= posted) expect(counted).toBe(2);
    else expect([1, 2]).toContain(counted);
    expect(at).toBeGreaterThanOrEqual(Date.parse(first.asOf));
  });
});

describe('after a full flag evaluation', () => {
  it('computes the hotspots of now, which the next requests are answered from', async () => {
    const dated = async () => Date.parse((await rowsOf('/api/v1/hotspots')).asOf);
    // A fresh answer first (computed now, by the evaluation or by the request)...
    const before = Date.now();
    await product.deps.currentFlags.refreshAll();
    await eventually(async () => (await dated()) >= before);
    // ...so that within the next minute only the next evaluation can give a newer one.
    const again = Date.now();
    await product.deps.currentFlags.refreshAll();
    await eventually(async () => (await dated()) >= again);
  });
});
