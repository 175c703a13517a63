import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../server/runtime.js';
import { sql } from '../../store/index.js';
import { get, INGEST, OPERATOR, post, startTestProduct } from '../support/product.js';
import { eventually } from '../support/questdb.js';

/** a Prometheus scraper's token: the metrics role only */
const SCRAPER = 'test-prometheus-scraper-0123456789';
let product: Product;
const P = `S${Date.now().toString(36)}`;
beforeAll(async () => {
  product = await startTestProduct({
    OUTAGE_RATE_LIMIT: '400',
    OUTAGE_TOKENS: `operator:${OPERATOR},ingest:${INGEST},metrics:prometheus:${SCRAPER}`,
  });
});
afterAll(async () => {
  await product.stop();
});

// Strings an attacker or a careless export might send: quotes, statement breaks, comments,
// SQL keywords, Unicode look-alikes and control characters, and something very long.
const HOSTILE = [
  "x' OR '1'='1",
  "'; DROP TABLE outages; --",
  'a"b\\c',
  '/* comment */ SELECT 1',
  '台区\u200b；ＤＲＯＰ',
  "line\nbreak\ttab'",
  `long-${'9'.repeat(3000)}`,
];

describe('hostile input', () => {
  it('stores hostile text exactly and reads it back, in ids and in free text', async () => {
    const asset = `${P}-F`;
    await post(
      product,
      '/api/v1/assets',
      JSON.stringify([{ assetId: asset, kind: 'feeder', areaClass: 'rural', customers: 1 }]),
    );
    const events = HOSTILE.map((h, i) => ({
      eventId: `${P}-${i}-${h.slice(0, 200)}`,
      assetId: asset,
      start: '2025-01-01 10:00',
      customersAffected: 1,
      cause: 'unknown',
      notes: h,
    }));
    const r = await post(product, '/api/v1/outages', JSON.stringify(events));
    expect(r.body['accepted']).toBe(HOSTILE.length);
    let rows: { event_id: string; notes: string }[] = [];
    await eventually(async () => {
      rows = await product.store.rows(
        sql`SELECT event_id, notes FROM outages WHERE asset_id = ${asset} ORDER BY event_id`,
      );
      return rows.length === HOSTILE.length;
    });
    const expected = events
      .map((e) => ({ event_id: e.eventId, notes: e.notes }))
      .sort((a, b) => (a.event_id < b.event_id ? -1 : 1));
    expect(rows).toEqual(expected);
    // The tables are all still there.
    const [count] = await product.store.rows<{ n: number }>(sql`SELECT count() n FROM outages`);
    expect(count!.n).toBeGreaterThan(0);
    // And every history read by hostile id finds exactly its event.
    for (const e of events) {
      const res = await get(product, `/api/v1/outages/${encodeURIComponent(e.eventId)}/history`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { rows: { eventId: string; notes: string }[] };
      expect(body.rows.map((x) => [x.eventId, x.notes])).toEqual([[e.eventId, e.notes]]);
    }
  });

  it("finds an asset whose id has a quote in it (QuestDB's indexed symbols compare such literals wrongly)", async () => {
    const feeder = `${P}-O'Brien`;
    const area = `${P}-台区'1`;
    await post(
      product,
      '/api/v1/assets',
      JSON.stringify([
        { assetId: feeder, kind: 'feeder', areaClass: 'rural', customers: 5, validFrom: '2020-01-01' },
        {
          assetId: area,
          kind: 'area',
          feederId: feeder,
          areaClass: 'rural',
          customers: 5,
          validFrom: '2020-01-01',
        },
      ]),
    );
    const r = await post(
      product,
      '/api/v1/outages',
      JSON.stringify([
        {
          eventId: `${P}-q1`,
          assetId: feeder,
          start: '2025-03-01 10:00',
          end: '2025-03-01 11:00',
          customersAffected: 5,
          cause: 'equipment_fault',
        },
        {
          eventId: `${P}-q2`,
          assetId: area,
          start: '2025-03-05 10:00',
          end: '2025-03-05 11:00',
          customersAffected: 5,
          cause: 'equipment_fault',
        },
      ]),
    );
    expect(r.body, JSON.stringify(r.body)).toMatchObject({ accepted: 2 });
    const explained = async (id: string): Promise<[string, boolean][]> => {
      const res = await get(
        product,
        `/api/v1/flags/${encodeURIComponent(id)}/explain?rule=over-3-in-60d&asOf=2025-04-01`,
      );
      if (res.status !== 200) return [];
      const body = (await res.json()) as { outages: { eventId: string; counted: boolean }[] };
      return body.outages.map((o) => [o.eventId, o.counted]);
    };
    // The area counts its own outage and the one on its feeder; the feeder only its own.
    await eventually(async () => (await explained(area)).length === 2, 30_000);
    expect(await explained(area)).toEqual([
      [`${P}-q1`, true],
      [`${P}-q2`, true],
    ]);
    expect(await explained(feeder)).toEqual([[`${P}-q1`, true]]);
    const rows = await product.store.rows<{ n: number }>(
      sql`SELECT count() n FROM outage_reach WHERE asset_id = ${area}`,
    );
    expect(rows[0]?.n).toBe(2);
  });

  it('answers hostile query parameters with a clean 400 or an empty list, never SQL or a stack', async () => {
    for (const h of HOSTILE) {
      const q = encodeURIComponent(h);
      for (const path of [
        `/api/v1/flags?ruleSet=${q}`,
        `/api/v1/rejects?kind=${q}`,
        `/api/v1/assets?kind=${q}`,
        `/api/v1/outages/active?asOf=${q}`,
      ]) {
        const res = await get(product, path);
        const text = await res.text();
        expect([200, 400]).toContain(res.status);
        // The value may be quoted back; SQL text, QuestDB's words or stack frames may not.
        expect(text).not.toMatch(/FROM (outages|assets|warnings|rejects)|QuestDB|\.ts:\d+|at async /);
      }
    }
  });
  it('answers a NUL or another control character in a path id or a query parameter with 400', async () => {
    for (const bad of ['%00', 'a%00b', '%1B%5B2J']) {
      for (const path of [
        `/api/v1/rejects?kind=${bad}`,
        `/api/v1/flags/${bad}/explain?rule=over-3-in-60d`,
        `/api/v1/outages/${bad}/history`,
        `/api/v1/cases/${bad}`,
        `/api/v1/cases/${bad}/history`,
        `/api/v1/ledger/${bad}`,
        `/api/v1/flags?ruleSet=${bad}`,
        `/api/v1/assets?county=${bad}`,
        `/api/v1/hotspots?county=${bad}`,
        `/api/v1/disclosures/${bad}`,
      ]) {
        const res = await get(product, path);
        expect(res.status, path).toBe(400);
        expect(await res.json(), path).toMatchObject({ error: 'invalid request' });
      }
    }
  });
});

describe('access', () => {
  it('lets only the health checks and public disclosure through without a token', async () => {
    const routes: string[] = [];
    for (const path of [
      '/api/v1/outages/active',
      '/api/v1/outages/x/history',
      '/api/v1/rejects',
      '/api/v1/flags',
      '/api/v1/flags/x/explain',
      '/api/v1/rule-sets',
      '/api/v1/assets',
      '/api/v1/boundaries',
      '/api/v1/live',
      '/api/v1/me',
      '/api/v1/cases',
      '/api/v1/cases/x',
      '/api/v1/ledger',
      '/api/v1/ledger/2025-01',
      '/api/v1/remediation/clearing',
      '/metrics',
    ]) {
      const res = await fetch(`${product.url}${path}`);
      if (res.status !== 401) routes.push(`${path}: ${res.status}`);
    }
    expect(routes).toEqual([]);
    // The allowlist of anonymous routes: health checks and public disclosure.
    expect((await fetch(`${product.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${product.url}/public/outages`)).status).toBe(200);
    expect((await fetch(`${product.url}/api/v1/disclosures`)).status).toBe(200);
    expect((await fetch(`${product.url}/readyz`)).status).toBe(200);
  });

  it('sends security headers and no CORS header unless configured', async () => {
    const res = await fetch(`${product.url}/healthz`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('x-powered-by')).toBeNull();
    // API answers are never kept by a cache; the dashboard's source map is not served.
    const api = await get(product, '/api/v1/rejects?limit=1');
    expect(api.headers.get('cache-control')).toBe('no-store');
    const page = await (await fetch(`${product.url}/`)).text();
    const bundle = /src="([^"]*app\.js)"/.exec(page)?.[1] ?? 'build/app.js';
    expect((await fetch(`${product.url}/${bundle.replace(/^\//, '')}`)).status).toBe(200);
    expect((await fetch(`${product.url}/${bundle.replace(/^\//, '')}.map`)).status).toBe(404);
  });

  it('serves Prometheus metrics to operators', async () => {
    const text = await (await get(product, '/metrics', OPERATOR)).text();
    expect(text).toMatch(/^outage_questdb_up 1$/m);
    expect(text).toMatch(/^# TYPE outage_records_written_total counter$/m);
    expect(text).toContain(`outage_build_info{version="0.1.0",questdb="9.3.4",node="${process.version}"} 1`);
  });

  it("gives a scraper's metrics token /metrics and nothing else", async () => {
    expect((await get(product, '/metrics', SCRAPER)).status).toBe(200);
    for (const path of ['/api/v1/me', '/api/v1/flags', '/api/v1/outages/active', '/api/v1/rejects']) {
      expect([path, (await get(product, path, SCRAPER)).status]).toEqual([path, 403]);
    }
    const write = await post(product, '/api/v1/assets', '[]', 'application/json', SCRAPER);
    expect(write.status).toBe(403);
  });

  it('answers 429 with Retry-After past the rate limit', async () => {
    let last: Response | undefined;
    for (let i = 0; i < 401; i++) last = await get(product, '/api/v1/me');
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
