// A storm's restoration curve and the export of its outages, against the real QuestDB: a
// handful of outages with hand-picked times on 2026-09-10 (Shanghai), the curve's points and
// peak checked by hand, the export read back as CSV and as XLSX, a region filter, a cancelled
// outage left out, and the refusals. The regions are this run's own, so other files' outages
// in the shared database never reach these figures.
//
// The outages (window 07:00 … 12:00):
//   o1  F1  06:00–10:00  300 customers, 100 back at 08:00; estimate 09:00 (passed)
//   o2  A1  08:00–       120 customers, still out; estimate 12:00
//   o3  F2  08:00–09:30  200 customers, planned
//   o4  F2  07:00–11:00   50 customers, then cancelled
//   o5  F1  04:00–07:00   80 customers: back at the window's first instant, not in it
//   o6  F1  12:30–10 customers: after the window

import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../server/runtime.js';
import { get, post, startTestProduct } from '../support/product.js';

let product: Product;
const P = `ST${Date.now().toString(36)}`;
const id = (s: string) => `${P}-${s}`;
const PROVINCE = `省${P}`;
const CITY_A = `甲市${P}`;
const CITY_B = `乙市${P}`;
const COUNTY_A = `甲县${P}`;

const at = (hhmm: string) => `2026-09-10T${hhmm}:00+08:00`;
const ms = (hhmm: string) => Date.parse(at(hhmm));

const outage = (
  n: string,
  asset: string,
  start: string,
  end: string | null,
  customers: number,
  extra = {},
) => ({
  eventId: id(n),
  assetId: id(asset),
  start: at(start),
  ...(end ? { end: at(end) } : {}),
  customersAffected: customers,
  cause: 'weather_fault',
  ...extra,
});

const send = async (records: unknown[]) => {
  const r = await post(product, '/api/v1/outages?wait=visible', JSON.stringify(records));
  expect(r.body).toMatchObject({ accepted: records.length, rejected: [] });
};

beforeAll(async () => {
  product = await startTestProduct();
  const a = {
    province: PROVINCE,
    city: CITY_A,
    county: COUNTY_A,
    areaClass: 'urban',
    validFrom: '2024-01-01',
  };
  const b = {
    province: PROVINCE,
    city: CITY_B,
    county: `乙县${P}`,
    areaClass: 'rural',
    validFrom: '2024-01-01',
  };
  const assets = await post(
    product,
    '/api/v1/assets?wait=visible',
    JSON.stringify([
      { assetId: id('F1'), kind: 'feeder', name: '10kV松华线', code: 'PMS-F1', customers: 1000, ...a },
      { assetId: id('A1'), kind: 'area', feederId: id('F1'), name: '=HYPERLINK("x")', customers: 200, ...a },
      { assetId: id('F2'), kind: 'feeder', name: '10kV龙泉线', customers: 500, ...b },
    ]),
  );
  expect(assets.body).toMatchObject({ rejected: [] });
  await send([
    outage('o1', 'F1', '06:00', '10:00', 300, {
      restorations: [{ at: at('08:00'), customersRestored: 100 }],
      estimatedRestoration: at('09:00'),
    }),
    outage('o2', 'A1', '08:00', null, 120, { cause: 'equipment_fault', estimatedRestoration: at('12:00') }),
    outage('o3', 'F2', '08:00', '09:30', 200, { cause: 'planned_maintenance', planned: true }),
    outage('o4', 'F2', '07:00', '11:00', 50),
    outage('o5', 'F1', '04:00', '07:00', 80),
    outage('o6', 'F1', '12:30', '13:00', 10),
  ]);
  await send([outage('o4', 'F2', '07:00', '11:00', 50, { cancelled: true })]);
});
afterAll(async () => {
  await product.stop();
});

type Point = { at: string; customersOut: number };
type Curve = {
  from: string;
  to: string;
  basis: string;
  stepMinutes: number;
  rows: Point[];
  samples: Point[];
  peak: Point | null;
  outages: number;
  ongoing: number;
  customersAffected: number;
  customersOut: number;
  customersRestored: number;
  restoredShare: number | null;
};
const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
const curve = async (params: Record<string, string>): Promise<Curve> => {
  const res = await get(product, `/api/v1/outages/curve?${q(params)}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Curve;
};
const pts = (...pairs: [string, number][]) => pairs.map(([t, n]) => ({ at: at(t), customersOut: n }));
const WINDOW = { from: at('07:00'), to: at('12:00') };

describe('GET /api/v1/outages/curve', () => {
  it('steps at every start, restoration and end, with the peak and the share restored', async () => {
    const c = await curve({ ...WINDOW, region: PROVINCE, step: '60' });
    // 07:00 o1 300; 08:00 −100 of o1, +o2 120, +o3 200; 09:30 −o3; 10:00 −o1's other 200
    expect(c.rows).toEqual(
      pts(['07:00', 300], ['08:00', 520], ['09:30', 320], ['10:00', 120], ['12:00', 120]),
    );
    expect(c.peak).toEqual({ at: at('08:00'), customersOut: 520 });
    expect(c.samples).toEqual(
      pts(['07:00', 300], ['08:00', 520], ['09:00', 520], ['10:00', 120], ['11:00', 120], ['12:00', 120]),
    );
    // o1, o2, o3: 620 affected, o2's 120 still out
    expect([c.outages, c.ongoing, c.customersAffected, c.customersOut, c.customersRestored]).toEqual([
      3, 1, 620, 120, 500,
    ]);
    expect(c.restoredShare).toBeCloseTo(500 / 620, 12);
    expect([c.from, c.to, c.basis, c.stepMinutes]).toEqual([at('07:00'), at('12:00'), 'requested', 60]);
  });

  it('keeps to a city or a county', async () => {
    const b = await curve({ ...WINDOW, region: CITY_B, step: '60' });
    expect(b.rows).toEqual(pts(['07:00', 0], ['08:00', 200], ['09:30', 0], ['12:00', 0]));
    expect([b.peak, b.customersAffected, b.restoredShare]).toEqual([
      { at: at('08:00'), customersOut: 200 },
      200,
      1,
    ]);
    const a = await curve({ ...WINDOW, region: COUNTY_A, step: '60' });
    expect(a.rows).toEqual(pts(['07:00', 300], ['08:00', 320], ['10:00', 120], ['12:00', 120]));
  });

  it('takes the current event from the earliest outage still ongoing, the cancelled one left out', async () => {
    // at 10:30 o2 (08:00) is ongoing; o4 (07:00–11:00) would be, had it not been cancelled
    const c = await curve({ to: at('10:30'), region: PROVINCE });
    expect([c.from, c.basis, c.stepMinutes]).toEqual([at('08:00'), 'earliest-ongoing', 5]);
    expect(c.rows).toEqual(pts(['08:00', 520], ['09:30', 320], ['10:00', 120], ['10:30', 120]));
    // nothing ongoing at 13:30 in this region: the last 24 hours
    const quiet = await curve({ to: at('13:30'), region: CITY_B });
    expect([quiet.from, quiet.basis]).toEqual(['2026-09-09T13:30:00+08:00', 'last-24h']);
  });

  it('answers the points as CSV', async () => {
    const res = await get(
      product,
      `/api/v1/outages/curve?${q({ ...WINDOW, region: CITY_B })}`,
      undefined,
      'text/csv',
    );
    expect(res.status).toBe(200);
    const rows = parse(await res.text(), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r['at'], r['customersOut']])).toEqual([
      [at('07:00'), '0'],
      [at('08:00'), '200'],
      [at('09:30'), '0'],
      [at('12:00'), '0'],
    ]);
  });

  it('refuses a bad from, a window the wrong way round, a future to and unknown parameters', async () => {
    const bad = await get(product, `/api/v1/outages/curve?${q({ from: 'yesterday' })}`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual([
      'from',
    ]);
    const statuses = await Promise.all(
      [
        { from: at('12:00'), to: at('07:00') },
        { to: '2999-01-01' },
        { from: '2026-07-01', to: at('12:00') },
        { ...WINDOW, step: '0' },
        { ...WINDOW, step: '1', from: '2026-08-20' },
        { ...WINDOW, colour: 'red' },
      ].map(async (p) => (await get(product, `/api/v1/outages/curve?${q(p)}`)).status),
    );
    expect(statuses).toEqual([400, 400, 400, 400, 400, 400]);
    expect((await get(product, `/api/v1/outages/export?${q({ from: 'nope' })}`)).status).toBe(400);
  });
});

describe('GET /api/v1/outages/export', () => {
  const exportOf = (params: Record<string, string>) =>
    get(product, `/api/v1/outages/export?${q({ ...WINDOW, region: PROVINCE, ...params })}`);

  it('lists every outage of the window once, as CSV with field names', async () => {
    const t0 = Date.now();
    const res = await exportOf({ format: 'csv' });
    const t1 = Date.now();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="storm-outages-/);
    const rows = parse(await res.text(), { bom: true, columns: true }) as Record<string, string>[];
    // o4 cancelled, o5 back at 07:00, o6 after 12:00: not there
    expect(rows.map((r) => r['eventId'])).toEqual([id('o1'), id('o2'), id('o3')]);
    expect(rows[0]).toEqual({
      eventId: id('o1'),
      assetId: id('F1'),
      assetName: '10kV松华线',
      assetCode: 'PMS-F1',
      regionPath: `${PROVINCE} / ${CITY_A} / ${COUNTY_A}`,
      start: at('06:00'),
      end: at('10:00'),
      durationMinutes: '240',
      customersAffected: '300',
      // 100 × 120 min + 200 × 240 min
      customerMinutes: '60000',
      cause: 'weather_fault',
      planned: 'false',
      estimatedRestoration: at('09:00'),
      estimatePassed: 'true',
    });
    // a name that would run as a formula stays text
    expect(rows[1]?.['assetName']).toBe(`'=HYPERLINK("x")`);
    // o2 is still out: measured up to the time of the request
    const minutes = Number(rows[1]?.['durationMinutes']);
    expect(minutes).toBeGreaterThanOrEqual(Math.floor((t0 - ms('08:00')) / 60_000));
    expect(minutes).toBeLessThanOrEqual(Math.ceil((t1 - ms('08:00')) / 60_000));
    const customerMinutes = Number(rows[1]?.['customerMinutes']);
    expect(customerMinutes).toBeGreaterThanOrEqual(Math.round((120 * (t0 - ms('08:00'))) / 60_000));
    expect(customerMinutes).toBeLessThanOrEqual(Math.round((120 * (t1 - ms('08:00'))) / 60_000));
    expect([rows[1]?.['end'], rows[1]?.['estimatePassed']]).toEqual(['', 'true']);
    expect([rows[2]?.['durationMinutes'], rows[2]?.['customerMinutes'], rows[2]?.['planned']]).toEqual([
      '90',
      '18000',
      'true',
    ]);
    expect(rows[2]?.['estimatePassed']).toBe('');
  });

  it('words the CSV in Chinese with lang=zh, and keeps to a region', async () => {
    const res = await exportOf({ format: 'csv', lang: 'zh', region: CITY_B });
    const rows = parse(await res.text(), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      {
        停电事件编号: id('o3'),
        设备编号: id('F2'),
        设备名称: '10kV龙泉线',
        设备编码: '',
        所属地区: `${PROVINCE} / ${CITY_B} / 乙县${P}`,
        '停电时间（Asia/Shanghai）': '2026-09-10 08:00:00',
        '恢复送电时间（Asia/Shanghai）': '2026-09-10 09:30:00',
        '停电时长（分钟）': '90',
        停电用户数: '200',
        停电户·分钟: '18000',
        停电原因: '计划检修',
        计划停电: '是',
        '预计恢复时间（Asia/Shanghai）': '',
        已过预计恢复时间: '',
      },
    ]);
  });

  it('gives a workbook with the outages under a title row and a numbered header', async () => {
    const res = await exportOf({ format: 'xlsx', lang: 'en' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    expect(values(2).slice(0, 8)).toEqual([
      'No.',
      'Outage id',
      'Asset id',
      'Asset name',
      'Equipment code',
      'Region',
      'Start (Asia/Shanghai)',
      'End (Asia/Shanghai)',
    ]);
    const o1 = values(3);
    expect(o1[1]).toBe(id('o1'));
    // times are Excel dates holding the zone's wall clock
    expect(o1[6]).toEqual(new Date(Date.UTC(2026, 8, 10, 6, 0)));
    expect(o1[7]).toEqual(new Date(Date.UTC(2026, 8, 10, 10, 0)));
    expect(o1.slice(8, 14)).toEqual([
      240,
      300,
      60000,
      'Weather fault',
      'no',
      new Date(Date.UTC(2026, 8, 10, 9, 0)),
    ]);
    expect(o1[14]).toBe('yes');
    expect([values(4)[1], values(5)[1], ws.getRow(6).getCell(2).value]).toEqual([id('o2'), id('o3'), null]);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Outages', 'About']);
  });

  it('answers JSON rows without a format', async () => {
    const res = await exportOf({});
    const body = (await res.json()) as { rows: { eventId: string }[]; basis: string };
    expect(body.rows.map((r) => r.eventId)).toEqual([id('o1'), id('o2'), id('o3')]);
    expect(body.basis).toBe('requested');
  });
});
