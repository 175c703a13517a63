import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutageEvent } from '../../core/index.js';
import type { Product } from '../../server/runtime.js';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger } from '../../server/log.js';
import { sql, Writer } from '../../store/index.js';
import { eventually, testRoot } from '../support/questdb.js';
import { get, INGEST, OPERATOR, post, startTestProduct } from '../support/product.js';

let product: Product;
beforeAll(async () => {
  product = await startTestProduct();
});
afterAll(async () => {
  await product.stop();
});

const P = `T${Date.now().toString(36)}`; // keeps this run's ids apart on the shared database
const feeder = (id: string, extra: Record<string, unknown> = {}) => ({
  assetId: `${P}-${id}`,
  kind: 'feeder',
  name: `10kV ${id}线`,
  province: '云南省',
  city: '昆明市',
  county: '五华区',
  areaClass: 'urban',
  customers: 800,
  validFrom: '2024-01-01T00:00:00+08:00',
  ...extra,
});

/** A writer of another process on the same QuestDB: it knows only what QuestDB tells it. */
const otherWriter = () =>
  Writer.open({
    connection: product.store.connection,
    store: product.store,
    spoolDir: mkdtempSync(join(testRoot(), 'spool-')),
    spoolLimitBytes: 1e6,
    log: createLogger('silent'),
  });

async function currentRows(eventId: string) {
  return product.store.rows<{ event_id: string; start: number; end_at: number | null; cause: string }>(
    sql`SELECT event_id, start, end_at, cause FROM outages WHERE event_id = ${eventId} AND NOT deleted`,
  );
}

describe('POST /api/v1/*', () => {
  it('stores assets, outages and warnings sent as JSON, NDJSON and CSV', async () => {
    const a = await post(product, '/api/v1/assets', JSON.stringify([feeder('F1'), feeder('F2')]));
    expect(a).toMatchObject({ status: 200, body: { accepted: 2, rejected: [] } });
    const area = `${P}-A1,area,台区A1,${P}-F1,云南省,昆明市,五华区,urban,120,2024-01-01 00:00`;
    const c = await post(
      product,
      '/api/v1/assets',
      `\uFEFFassetId,kind,name,feederId,province,city,county,areaClass,customers,validFrom\r\n${area}\r\n`,
      'text/csv',
    );
    expect(c).toMatchObject({ status: 200, body: { accepted: 1, rejected: [] } });
    const ev = {
      eventId: `${P}-E1`,
      assetId: `${P}-F1`,
      start: '2025-06-03 14:05',
      end: '2025-06-03 16:35',
      customersAffected: 800,
      cause: 'equipment_fault',
    };
    const o = await post(product, '/api/v1/outages', `${JSON.stringify(ev)}\n`, 'application/x-ndjson');
    expect(o).toMatchObject({ status: 200, body: { accepted: 1, rejected: [] } });
    const w = await post(
      product,
      '/api/v1/warnings',
      JSON.stringify([
        {
          warningId: `${P}-W1`,
          issuerLevel: 'city',
          hazard: 'flood',
          level: 'orange',
          province: '云南省',
          city: '昆明市',
          start: '2025-06-01T00:00:00+08:00',
          end: '2025-06-05T00:00:00+08:00',
        },
      ]),
    );
    expect(w).toMatchObject({ status: 200, body: { accepted: 1 } });

    await eventually(async () => (await currentRows(`${P}-E1`)).length === 1);
    const [row] = await currentRows(`${P}-E1`);
    // 14:05 local (UTC+8) is 06:05Z; 2.5 hours later 08:35Z.
    expect(row).toEqual({
      event_id: `${P}-E1`,
      start: Date.UTC(2025, 5, 3, 6, 5),
      end_at: Date.UTC(2025, 5, 3, 8, 35),
      cause: 'equipment_fault',
    });
    const areas = await product.store.rows(
      sql`SELECT asset_id, feeder_id, customers FROM assets WHERE asset_id = ${`${P}-A1`}`,
    );
    expect(areas).toEqual([{ asset_id: `${P}-A1`, feeder_id: `${P}-F1`, customers: 120 }]);
    let warnings: unknown[] = [];
    await eventually(async () => {
      warnings = await product.store.rows(
        sql`SELECT warning_id, city, start FROM warnings WHERE warning_id = ${`${P}-W1`}`,
      );
      return warnings.length === 1;
    });
    expect(warnings).toEqual([{ warning_id: `${P}-W1`, city: '昆明市', start: Date.UTC(2025, 4, 31, 16) }]);
  });

  it('counts an event sent three times once, and a correction replaces it while history keeps every version', async () => {
    await post(product, '/api/v1/assets', JSON.stringify([feeder('F3')]));
    const v1 = {
      eventId: `${P}-E3`,
      assetId: `${P}-F3`,
      start: '2025-07-01 10:00',
      customersAffected: 300,
      cause: 'unknown',
    };
    for (let i = 0; i < 3; i++)
      expect((await post(product, '/api/v1/outages', JSON.stringify([v1]))).status).toBe(200);
    await eventually(async () => (await currentRows(`${P}-E3`)).length === 1);
    // The restoration arrives later, the cause is corrected and the start moved 10 minutes earlier.
    const v2 = { ...v1, start: '2025-07-01 09:50', end: '2025-07-01 12:00', cause: 'weather_fault' };
    expect((await post(product, '/api/v1/outages', JSON.stringify([v2]))).status).toBe(200);
    await eventually(async () => {
      const rows = await currentRows(`${P}-E3`);
      return rows.length === 1 && rows[0]?.cause === 'weather_fault';
    });
    expect(await currentRows(`${P}-E3`)).toEqual([
      {
        event_id: `${P}-E3`,
        start: Date.UTC(2025, 6, 1, 1, 50),
        end_at: Date.UTC(2025, 6, 1, 4, 0),
        cause: 'weather_fault',
      },
    ]);
    // The versions table is applied on its own: wait until it holds the correction too.
    let history = { rows: [] as { cause: string; end: string | null }[] };
    await eventually(async () => {
      history = await (await get(product, `/api/v1/outages/${P}-E3/history`)).json();
      return history.rows.length >= 4;
    });
    expect(history.rows.map((r: { cause: string; end: string | null }) => [r.cause, r.end])).toEqual([
      ['unknown', null],
      ['unknown', null],
      ['unknown', null],
      ['weather_fault', '2025-07-01T12:00:00+08:00'],
    ]);
  });

  it('rejects bad records with their line and reasons, keeps the good ones, and lists the rejects', async () => {
    const body = [
      JSON.stringify({
        eventId: `${P}-E4`,
        assetId: `${P}-F1`,
        start: '2025-08-01 08:00',
        customersAffected: 10,
        cause: 'equipment_fault',
      }),
      JSON.stringify({
        eventId: `${P}-E5`,
        assetId: `${P}-NOPE`,
        start: '2025-08-01 08:00',
        customersAffected: 10,
        cause: 'equipment_fault',
      }),
      '{"eventId": broken',
    ].join('\n');
    const r = await post(product, '/api/v1/outages', body, 'application/x-ndjson');
    expect(r.status).toBe(200);
    expect(r.body['accepted']).toBe(1);
    const rejected = r.body['rejected'] as {
      line: number;
      id?: string;
      errors: { path: string; message: string }[];
    }[];
    expect(rejected.map((x) => x.line)).toEqual([2, 3]);
    expect(rejected[0]).toEqual({
      line: 2,
      id: `${P}-E5`,
      errors: [{ path: 'assetId', message: `unknown asset "${P}-NOPE": send its asset record first` }],
    });
    await eventually(async () => {
      const res = await get(product, `/api/v1/rejects?batchId=${String(r.body['batchId'])}`);
      return ((await res.json()) as { rows: unknown[] }).rows.length === 2;
    });
  });

  it('refuses an outage claiming over ten times the customers its asset serves, and asks again before refusing', async () => {
    const F7 = `${P}-F7`;
    expect(
      (await post(product, '/api/v1/assets', JSON.stringify([feeder('F7', { customers: 10 })]))).body,
    ).toMatchObject({
      accepted: 1,
    });
    const outage = (id: string, customersAffected: number) => ({
      eventId: `${P}-${id}`,
      assetId: F7,
      start: '2025-08-02 08:00',
      customersAffected,
      cause: 'equipment_fault',
    });
    const r = await post(
      product,
      '/api/v1/outages',
      JSON.stringify([outage('C1', 100), outage('C2', 2147483647)]),
    );
    expect(r.body).toMatchObject({
      accepted: 1,
      rejected: [
        {
          line: 2,
          id: `${P}-C2`,
          errors: [
            {
              path: 'customersAffected',
              message: `2147483647 customers is more than 10 times the 10 that asset "${F7}" serves; correct the figure, or update the asset's customers first`,
            },
          ],
        },
      ],
    });
    // A larger version stored by another process (not through this product's ingest, so its
    // count is not in the product's memory): the outage is accepted against it.
    const other = await otherWriter();
    try {
      await other.write({
        kind: 'assets',
        receivedAt: Date.now(),
        records: [
          {
            assetId: F7,
            kind: 'feeder',
            areaClass: 'urban',
            customers: 500,
            validFrom: Date.UTC(2025, 0, 1),
          },
        ],
      });
    } finally {
      await other.close();
    }
    await eventually(async () => {
      const rows = await product.store.rows<{ n: number }>(
        sql`SELECT max(customers) n FROM assets WHERE asset_id = ${F7}`,
      );
      return rows[0]?.n === 500;
    });
    const again = await post(product, '/api/v1/outages', JSON.stringify([outage('C3', 5000)]));
    expect(again.body).toMatchObject({ accepted: 1, rejected: [] });
  });

  it('with ?wait=visible answers once queries see the records (read-after-write)', async () => {
    const events = Array.from({ length: 50 }, (_, i) => ({
      eventId: `${P}-V${i}`,
      assetId: `${P}-F1`,
      start: `2025-09-0${1 + (i % 9)} 0${i % 10}:00`,
      customersAffected: 3,
      cause: 'equipment_fault',
    }));
    const r = await post(product, '/api/v1/outages?wait=visible', JSON.stringify(events));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ accepted: 50, visible: true });
    // No waiting here: the answer said they are visible.
    const rows = await product.store.rows(
      sql`SELECT count() n FROM outages WHERE event_id LIKE ${`${P}-V%`} AND NOT deleted`,
    );
    expect(rows).toEqual([{ n: 50 }]);
    const reached = await product.store.rows(
      sql`SELECT count() n FROM outage_reach WHERE event_id LIKE ${`${P}-V%`} AND NOT deleted`,
    );
    expect((reached[0] as { n: number }).n).toBeGreaterThanOrEqual(50);
    expect((await post(product, '/api/v1/outages?wait=later', '[]')).status).toBe(400);
  });

  it('answers 400 with the reason when the body cannot be read at all', async () => {
    for (const [body, type, reason] of [
      ['[{"eventId":"x",', 'application/json', /the body/],
      ['', 'application/json', /the body is empty/],
      ['{"eventId": "x"}', 'application/json', /must be a JSON array/],
    ] as const) {
      const r = await post(product, '/api/v1/outages', body, type);
      expect(r.status, body).toBe(400);
      expect(r.body).toMatchObject({ error: 'the body could not be read' });
      const issues = r.body['issues'] as { path: string; message: string }[];
      expect(issues[0]?.path).toBe('body');
      expect(issues[0]?.message).toMatch(reason);
    }
  });

  it('replaces an event whose start moved when the correction comes through another writer', async () => {
    await post(product, '/api/v1/assets', JSON.stringify([feeder('F7')]));
    const v1 = {
      eventId: `${P}-E7`,
      assetId: `${P}-F7`,
      start: '2025-09-01 10:00',
      customersAffected: 30,
      cause: 'unknown',
    };
    expect((await post(product, '/api/v1/outages', JSON.stringify([v1]))).status).toBe(200);
    await eventually(async () => (await currentRows(`${P}-E7`)).length === 1);
    // The other writer learns of stored events from outage_history, a table of its own whose
    // WAL applies separately: wait until the first version is visible there too.
    await eventually(
      async () =>
        (await product.store.rows(sql`SELECT event_id FROM outage_history WHERE event_id = ${`${P}-E7`}`))
          .length === 1,
    );
    // A second writer (another process) knows nothing of E7 but what QuestDB tells it.
    const other = await otherWriter();
    const moved: OutageEvent = {
      eventId: v1.eventId,
      assetId: v1.assetId,
      start: Date.UTC(2025, 8, 1, 1, 30),
      end: null,
      customersAffected: 30,
      restorations: [],
      cause: 'unknown',
      planned: false,
    };
    await other.write({ kind: 'outages', receivedAt: Date.now(), records: [moved] });
    await other.close();
    await eventually(async () => {
      const rows = await currentRows(`${P}-E7`);
      return rows.length === 1 && rows[0]?.start === Date.UTC(2025, 8, 1, 1, 30);
    });
  });

  it('reads a CSV body in the charset its Content-Type declares (GB18030 from a Chinese export)', async () => {
    const header = 'assetId,kind,name,province,city,county,areaClass,customers,validFrom\r\n';
    const line = `${P}-FG,feeder,10kV 线路一,云南省,昆明市,五华区,urban,800,2024-01-01\r\n`;
    // 线路一 in GB18030: the bytes a GBK spreadsheet export holds
    const gb = Buffer.concat([
      Buffer.from(header + line.slice(0, line.indexOf('线'))),
      Buffer.from([0xcf, 0xdf, 0xc2, 0xb7, 0xd2, 0xbb]),
      Buffer.from(line.slice(line.indexOf('一') + 1).replace('云南省,昆明市,五华区', 'YN,KM,WH')),
    ]);
    const send = async (type: string) => {
      const res = await fetch(`${product.url}/api/v1/assets`, {
        method: 'POST',
        headers: { 'content-type': type, authorization: `Bearer ${INGEST}` },
        body: gb,
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const declared = await send('text/csv; charset=GB18030');
    expect(declared).toMatchObject({ status: 200, body: { accepted: 1, rejected: [] } });
    await eventually(
      async () =>
        (
          await product.store.rows<{ name: string }>(
            sql`SELECT name FROM assets WHERE asset_id = ${`${P}-FG`}`,
          )
        )[0]?.name === '10kV 线路一',
    );
    // undeclared, the bytes are not UTF-8: the row is refused, saying what to do
    const undeclared = await send('text/csv');
    expect(undeclared.body['accepted']).toBe(0);
    expect(JSON.stringify(undeclared.body['rejected'])).toContain('bytes that are not UTF-8 text in column');
    expect(await send('text/csv; charset=klingon')).toMatchObject({
      status: 415,
      body: { error: 'unknown charset "klingon"; send UTF-8, or CSV in GB18030' },
    });
  });

  it('asks for a token with the ingest role', async () => {
    const none = await fetch(`${product.url}/api/v1/outages`, {
      method: 'POST',
      body: '[]',
      headers: { 'content-type': 'application/json' },
    });
    expect(none.status).toBe(401);
    const operator = await post(product, '/api/v1/outages', '[]', 'application/json', OPERATOR);
    expect(operator.status).toBe(403);
    expect(operator.body['error']).toBe('this token lacks the ingest role');
  });

  it('lists ongoing outages with the customers still out, as JSON and CSV', async () => {
    await post(product, '/api/v1/assets', JSON.stringify([feeder('F9')]));
    const ev = {
      eventId: `${P}-E9`,
      assetId: `${P}-F9`,
      start: '2030-01-01 08:00',
      customersAffected: 500,
      restorations: [{ at: '2030-01-01 09:00', customersRestored: 200 }],
      estimatedRestoration: '2030-01-01 12:00',
      cause: 'weather_fault',
    };
    expect((await post(product, '/api/v1/outages', JSON.stringify([ev]))).status).toBe(200);
    const asOf = encodeURIComponent('2030-01-01T10:00:00+08:00');
    let rows: { eventId: string; customersOut: number; minutesSoFar: number }[] = [];
    await eventually(async () => {
      const body = await (await get(product, `/api/v1/outages/active?asOf=${asOf}`)).json();
      rows = body.rows.filter((r: { eventId: string }) => r.eventId === `${P}-E9`);
      return rows.length === 1;
    });
    // 500 out, 200 restored at 09:00: 300 still out at 10:00, two hours after the start.
    expect(rows[0]).toMatchObject({
      customersOut: 300,
      minutesSoFar: 120,
      estimatedRestoration: '2030-01-01T12:00:00+08:00',
    });
    const res = await get(product, `/api/v1/outages/active?asOf=${asOf}`, OPERATOR, 'text/csv');
    const bytes = Buffer.from(await res.arrayBuffer());
    // A BOM first, so that spreadsheet programs read the Chinese text as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').split('\r\n')[0]).toBe(
      'eventId,assetId,assetName,kind,province,city,county,start,minutesSoFar,customersOut,cause,planned,estimatedRestoration',
    );
  });
});
