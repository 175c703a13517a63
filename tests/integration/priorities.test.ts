// Remediation priorities on the shared QuestDB, on fixed data computed by hand: four feeders of
// one county (their own rule set, scoped to their own province), the work list's order and
// scores, "what it buys" for two of them (region SAIDI/SAIFI, target status, the assets that
// leave the frequent-outage list), and the XLSX export equal to the CSV.
//
// The county: F1 100 customers, F2 200, F3 300, F4 400, all rural leaf feeders valid from
// 2024-01-01, so N_T = 1000 over any window after that. As of 2025-07-02 00:00 (+08:00):
//   F1  2025-05-01, 05-05, 05-10, 05-15 equipment_fault, 05-20 weather_fault (no warning),
//       05-25 planned_maintenance (planned); 1 h each, 100 customers each
//       → over-3-in-60d breach on 05-25 with 6 in the window; over-5-in-365d breach on 05-25 (6)
//   F2  2025-06-01, 03, 05, 07 customer_side, 06-09 equipment_fault; 1 h, 200 customers each
//       → over-3-in-60d breach on 06-09 with 5; over-5-in-365d at risk (5 = limit)
//   F3  2025-06-10, 15, 20 weather_fault; 2 h, 300 customers → over-3-in-60d at risk (3)
//   F4  2025-06-25, 28 equipment_fault; 0.5 h, 400 customers → watch (2 = lowered limit 2)
// Customer interruptions (Σ N_i): F1 600, F2 1000, F3 900, F4 800; county 3300 → SAIFI 3.3.
// Customer-hours (Σ r_i N_i):     F1 600, F2 1000, F3 1800, F4 400; county 3800 → SAIDI 3.8 h.
// Target (this file's rule set): rural SAIDI at most 7 h a year, low-voltage basis; 2025 so far
// is 182 of 365 days, so 7 × 182 / 365 = 3.4904 h are allowed: 3.8 h is off track.

import type { Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyTransition, openCasesFromBreaches } from '../../analytics/remediation/index.js';
import { type CompiledRuleSet, parseRuleSet } from '../../analytics/rules/index.js';
import type { Asset, Cause, OutageEvent } from '../../core/index.js';
import { prioritiesRouter } from '../../dashboard/api/priorities.js';
import { createApp } from '../../server/app.js';
import { requireRole } from '../../dashboard/api/middleware/auth/index.js';
import type { Product } from '../../server/runtime.js';
import { sql } from '../../store/index.js';
import { OPERATOR, startTestProduct } from '../support/product.js';
import { eventually } from '../support/questdb.js';

const RUN = `pr${Date.now().toString(36)}`;
const PROVINCE = `省${RUN}`;
const CITY = '保山市';
const COUNTY = `县${RUN}`;
const REGION = `${PROVINCE}/${CITY}/${COUNTY}`;
const HOUR = 3_600_000;
const local = (text: string): number => Date.parse(`${text.replace(' ', 'T')}+08:00`);
const id = (s: string): string => `${RUN}-${s}`;

let product: Product;
let server: Server;
let url: string;
let ruleSet: CompiledRuleSet;

function makeRuleSet(): CompiledRuleSet {
  const data = JSON.parse(readFileSync('rules/national-2025.json', 'utf8')) as {
    name: string;
    rules: Record<string, unknown>[];
  };
  data.name = RUN;
  for (const r of data.rules) r['scope'] = { ...(r['scope'] as object), province: [PROVINCE] };
  data.rules.push({
    id: 'rural-saidi-7h',
    family: 'reliability_target',
    title: { zh: '农村户均停电时间7小时以内', en: 'Rural SAIDI at most 7 h' },
    scope: { kind: ['feeder'], province: [PROVINCE] },
    measure: 'saidi_hours',
    window: 'calendar year',
    per: 'area_class',
    basis: 'low_voltage',
    target: { atMost: { rural: 7 } },
  });
  const parsed = parseRuleSet(data);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

function areaRuleSet(): CompiledRuleSet {
  const data = JSON.parse(readFileSync('rules/national-2025.json', 'utf8')) as {
    name: string;
    rules: Record<string, unknown>[];
  };
  data.name = `${RUN}b`;
  for (const r of data.rules) r['scope'] = { ...(r['scope'] as object), province: [P2] };
  const parsed = parseRuleSet(data);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

const feeder = (name: string, customers: number): Asset => ({
  assetId: id(name),
  kind: 'feeder',
  name: `10kV ${name}线`,
  province: PROVINCE,
  city: CITY,
  county: COUNTY,
  areaClass: 'rural',
  customers,
  validFrom: local('2024-01-01 00:00'),
});

const outages = (
  name: string,
  customers: number,
  hours: number,
  list: readonly [string, Cause, boolean?][],
): OutageEvent[] =>
  list.map(([date, cause, planned]) => ({
    eventId: id(`${name}-${date}`),
    assetId: id(name),
    start: local(`${date} 10:00`),
    end: local(`${date} 10:00`) + hours * HOUR,
    customersAffected: customers,
    restorations: [],
    cause,
    planned: planned ?? false,
  }));

const ASSETS = [feeder('F1', 100), feeder('F2', 200), feeder('F3', 300), feeder('F4', 400)];
const EVENTS = [
  ...outages('F1', 100, 1, [
    ['2025-05-01', 'equipment_fault'],
    ['2025-05-05', 'equipment_fault'],
    ['2025-05-10', 'equipment_fault'],
    ['2025-05-15', 'equipment_fault'],
    ['2025-05-20', 'weather_fault'],
    ['2025-05-25', 'planned_maintenance', true],
  ]),
  ...outages('F2', 200, 1, [
    ['2025-06-01', 'customer_side'],
    ['2025-06-03', 'customer_side'],
    ['2025-06-05', 'customer_side'],
    ['2025-06-07', 'customer_side'],
    ['2025-06-09', 'equipment_fault'],
  ]),
  ...outages('F3', 300, 2, [
    ['2025-06-10', 'weather_fault'],
    ['2025-06-15', 'weather_fault'],
    ['2025-06-20', 'weather_fault'],
  ]),
  ...outages('F4', 400, 0.5, [
    ['2025-06-25', 'equipment_fault'],
    ['2025-06-28', 'equipment_fault'],
  ]),
];
const AS_OF = local('2025-07-02 00:00');
/** The router's clock: AS_OF unless a test moves it (and puts it back). */
let clock = AS_OF;

// A second scenario under its own rule set (province P2, national rules, no target): feeder G
// (no customers of its own: its areas are the units) feeds areas A (50 customers) and B (150).
//   G  2025-06-01, 05, 10, 15 equipment_fault, no areas listed (so both areas lost supply);
//      1 h, 200 customers each → G breaches over-3-in-60d on 06-15 (4), and so do A and B
//   A  its own 2025-06-20 equipment_fault, 2 h, 50 customers → A has 5 in 60 days
// Region (units A and B, N_T 200): Σ r_i N_i = 4 × 200 × 1 + 50 × 2 = 900 → SAIDI 4.5 h;
// Σ N_i = 4 × 200 + 50 = 850 → SAIFI 4.25.
const P2 = `省${RUN}b`;
const REGION2 = `${P2}/${CITY}/${COUNTY}`;
const id2 = (s: string): string => `${RUN}b-${s}`;
const AREA_ASSETS: Asset[] = [
  { ...feeder('G', 0), assetId: id2('G'), province: P2 },
  { ...feeder('A', 50), assetId: id2('A'), kind: 'area', feederId: id2('G'), province: P2 },
  { ...feeder('B', 150), assetId: id2('B'), kind: 'area', feederId: id2('G'), province: P2 },
];
const AREA_EVENTS: OutageEvent[] = [
  ...outages('G', 200, 1, [
    ['2025-06-01', 'equipment_fault'],
    ['2025-06-05', 'equipment_fault'],
    ['2025-06-10', 'equipment_fault'],
    ['2025-06-15', 'equipment_fault'],
  ]).map((e) => ({ ...e, eventId: e.eventId.replace(`${RUN}-`, `${RUN}b-`), assetId: id2('G') })),
  ...outages('A', 50, 2, [['2025-06-20', 'equipment_fault']]).map((e) => ({
    ...e,
    eventId: e.eventId.replace(`${RUN}-`, `${RUN}b-`),
    assetId: id2('A'),
  })),
];

beforeAll(async () => {
  product = await startTestProduct();
  ruleSet = makeRuleSet();
  const areaSet = areaRuleSet();
  const deps = {
    ...product.deps,
    ruleSets: new Map([
      [ruleSet.name, ruleSet],
      [areaSet.name, areaSet],
    ]),
    config: { ...product.deps.config, ruleSet: ruleSet.name },
  };
  const app = createApp(deps, [
    (d) =>
      prioritiesRouter({
        store: d.store,
        zone: d.config.zone,
        ruleSets: d.ruleSets,
        defaultRuleSet: d.config.ruleSet,
        requireRole: (role) => requireRole(d.tokens, role),
        now: () => clock,
      }),
  ]);
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  await product.deps.writer.write({
    kind: 'assets',
    receivedAt: Date.now(),
    records: [...ASSETS, ...AREA_ASSETS],
  });
  await product.deps.writer.write({
    kind: 'outages',
    receivedAt: Date.now(),
    records: [...EVENTS, ...AREA_EVENTS],
  });
  const like = `${RUN}%`;
  await eventually(async () => {
    const [a] = await product.deps.store.rows<{ n: number }>(
      sql`SELECT count() n FROM assets WHERE asset_id LIKE ${like}`,
    );
    const [o] = await product.deps.store.rows<{ n: number }>(
      sql`SELECT count() n FROM outages WHERE event_id LIKE ${like} AND NOT deleted`,
    );
    return a?.n === ASSETS.length + AREA_ASSETS.length && o?.n === EVENTS.length + AREA_EVENTS.length;
  }, 30_000);
  // F1's case: opened by its breach as of 2025-06-01 (due 90 days later, 2025-08-30), then
  // given a responsible unit.
  const zone = product.deps.config.zone;
  const opened = await openCasesFromBreaches(product.deps.store, {
    ruleSet,
    now: local('2025-06-01 00:00'),
    zone,
  });
  expect(opened.opened).toHaveLength(1);
  const caseId = opened.opened[0] as string;
  const updated = await applyTransition(product.deps.store, {
    caseId,
    request: { action: 'update', actor: '张工', fields: { responsibleUnit: '隆阳供电局' } },
    role: 'planner',
    via: 'test',
    now: local('2025-06-02 09:00'),
    zone,
    ruleSets: new Map([[ruleSet.name, ruleSet]]),
  });
  expect(updated.ok).toBe(true);
});

afterAll(async () => {
  if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  await product?.stop();
});

async function call(path: string, init: { body?: unknown; accept?: string; token?: string } = {}) {
  const headers: Record<string, string> = {
    accept: init.accept ?? 'application/json',
    authorization: `Bearer ${init.token ?? OPERATOR}`,
  };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${url}/api/v1${path}`, {
    method: init.body !== undefined ? 'POST' : 'GET',
    headers,
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const type = res.headers.get('content-type') ?? '';
  const body = type.includes('json') ? ((await res.clone().json()) as Record<string, unknown>) : {};
  return { status: res.status, body, res };
}

// Default weights (sum 100): status 25, excess 10, recency 10, customers 10, customer-hours 10,
// SAIDI share 10, SAIFI share 5, ledger 5, case age 5, overdue 5, target gap 5. No frozen
// ledgers here; only F1 has a case, opened 2025-06-01, 31 days before 07-02 and not overdue. Every asset's region is off track by
// (3.8 − 7 × 182/365) / (7 × 182/365) = 0.0887, so each gets 5 × 0.0887 = 0.44 target points.
const allowed = (7 * 182) / 365;
const gapPoints = (5 * (3.8 - allowed)) / allowed;
const expected = {
  // breach 25; excess max((6−3)/3, (6−5)/5) = 1 → 10; breach 05-25, 38 days before 07-02:
  // 10 × 0.5^(38/90); customers 600/1000 × 10; customer-hours 600/1800 × 10;
  // SAIDI share 600/3800 × 10; SAIFI share 600/3300 × 5; case age 31/365 × 5
  F1: 25 + 10 + 10 * 0.5 ** (38 / 90) + 6 + 10 / 3 + 6000 / 3800 + 3000 / 3300 + 155 / 365 + gapPoints,
  // breach 25; excess (5−3)/3 → 6.667; breach 06-09, 23 days: 10 × 0.5^(23/90); customers 1000/1000;
  // customer-hours 1000/1800 × 10; SAIDI share 1000/3800 × 10; SAIFI share 1000/3300 × 5
  F2: 25 + 20 / 3 + 10 * 0.5 ** (23 / 90) + 10 + 100 / 18 + 10_000 / 3800 + 5000 / 3300 + gapPoints,
  // at risk 0.6 × 25 = 15; customers 900/1000 × 10 = 9; customer-hours 1800/1800 → 10;
  // SAIDI share 1800/3800 × 10; SAIFI share 900/3300 × 5
  F3: 15 + 9 + 10 + 18_000 / 3800 + 4500 / 3300 + gapPoints,
  // watch 0.3 × 25 = 7.5; customers 800/1000 × 10 = 8; customer-hours 400/1800 × 10;
  // SAIDI share 400/3800 × 10; SAIFI share 800/3300 × 5
  F4: 7.5 + 8 + 40 / 18 + 4000 / 3800 + 4000 / 3300 + gapPoints,
};

/** A filed sheet's table (header row 2, 序号 left out) as CSV text: dates as YYYY-MM-DD. */
function tableText(sheet: ExcelJS.Worksheet, width: number, rows: number): string[][] {
  return Array.from({ length: rows + 1 }, (_, r) =>
    Array.from({ length: width }, (_, i) => {
      const v = sheet.getRow(2 + r).getCell(2 + i).value;
      if (v === null || v === undefined) return '';
      return v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
    }),
  );
}

describe('the work list', () => {
  it('ranks by score: F2 (60.19), F1 (55.15), F3 (40.54), F4 (20.43), with each part shown', async () => {
    const r = await call('/priorities');
    expect(r.status).toBe(200);
    const rows = r.body['rows'] as Record<string, unknown>[];
    expect(rows.map((x) => x['assetId'])).toEqual([id('F2'), id('F1'), id('F3'), id('F4')]);
    const score = (name: keyof typeof expected) => rows.find((x) => x['assetId'] === id(name))?.['score'];
    for (const name of ['F1', 'F2', 'F3', 'F4'] as const)
      expect(score(name)).toBe(Math.round(expected[name] * 100) / 100);
    expect(rows.map((x) => x['status'])).toEqual(['breach', 'breach', 'at_risk', 'watch']);
    const f1 = rows[1] as Record<string, unknown>;
    expect(f1).toMatchObject({
      rank: 2,
      customersAffected: 600,
      customerHours: 600,
      region: REGION,
      regionSaidi: 3.8,
      regionSaifi: 3.3,
      breachDate: '2025-05-25',
      statusPoints: 25,
      excessPoints: 10,
      customersPoints: 6,
      customerHoursPoints: 3.33,
      saidiSharePoints: 1.58,
      saifiSharePoints: 0.91,
      caseAgePoints: 0.42,
      overduePoints: 0,
      targetGapPoints: 0.44,
      caseStatus: 'open',
      openedDate: '2025-06-01',
      dueDate: '2025-08-30',
      overdue: false,
      responsibleUnit: '隆阳供电局',
    });
    const parts = f1['parts'] as { part: string; basis: string }[];
    expect(parts.map((p) => p.part)).toEqual([
      'status',
      'excess',
      'recency',
      'customers',
      'customerHours',
      'saidiShare',
      'saifiShare',
      'ledgerMonths',
      'caseAge',
      'overdue',
      'targetGap',
    ]);
    expect(parts.find((p) => p.part === 'recency')?.basis).toBe(
      'breach on 2025-05-25, 38 days before 2025-07-02: 0.5^(38 / 90)',
    );
    expect(r.body['weights']).toMatchObject({ source: 'defaults', region: 'county' });
    expect(r.body['ranked']).toBe(4);
  });

  it('computes the ranking of now once a minute, and an explicit asOf afresh', async () => {
    const asOfOf = async (path: string) => (await call(path)).body['asOf'];
    try {
      const first = await asOfOf('/priorities');
      clock = AS_OF + 30_000; // within the minute: the same ranking, with the asOf it was made for
      expect(await asOfOf('/priorities?kind=feeder')).toBe(first);
      clock = AS_OF + 61_000; // a minute later: computed again
      expect(await asOfOf('/priorities')).toBe('2025-07-02T00:01:01+08:00');
      expect(await asOfOf('/priorities?asOf=2025-07-01T12:00:00%2B08:00')).toBe('2025-07-01T12:00:00+08:00');
    } finally {
      clock = AS_OF;
    }
  });

  it('filters by kind and cause after scoring, and by region', async () => {
    const weather = await call('/priorities?kind=feeder&cause=weather_fault');
    expect((weather.body['rows'] as Record<string, unknown>[]).map((x) => [x['rank'], x['assetId']])).toEqual(
      [
        [1, id('F1')],
        [2, id('F3')],
      ],
    );
    const top1 = await call(`/priorities?region=${encodeURIComponent(COUNTY)}&top=1`);
    expect((top1.body['rows'] as Record<string, unknown>[]).map((x) => x['assetId'])).toEqual([id('F2')]);
    const unit = await call(`/priorities?unit=${encodeURIComponent('隆阳供电局')}`);
    expect((unit.body['rows'] as Record<string, unknown>[]).map((x) => x['assetId'])).toEqual([id('F1')]);
    const elsewhere = await call('/priorities?region=nowhere');
    expect(elsewhere.body['rows']).toEqual([]);
  });

  it('refuses unknown parameters and values, naming them', async () => {
    const r = await call('/priorities?kind=line');
    expect(r.status).toBe(400);
    expect(r.body['issues']).toEqual([{ path: 'kind', message: 'expected one of feeder, area, got "line"' }]);
    expect((await call('/priorities?color=red')).status).toBe(400);
    expect((await call('/priorities?top=0')).status).toBe(400);
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`exports an XLSX (${lang}) that opens and whose cells equal the CSV's`, async () => {
      const csv = await call(`/priorities?format=csv&lang=${lang}`);
      expect(csv.res.headers.get('content-type')).toContain('text/csv');
      const records = parseCsv(await csv.res.text(), { bom: true }) as string[][];
      const xlsx = await call(`/priorities?format=xlsx&lang=${lang}`);
      expect(xlsx.status).toBe(200);
      expect(xlsx.res.headers.get('content-disposition')).toContain('.xlsx');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await xlsx.res.arrayBuffer()) as unknown as ExcelJS.Buffer);
      const sheet = wb.worksheets[0];
      if (!sheet) throw new Error('no sheet');
      // the filed sheet: a title row, then the CSV's table with 序号 before it, dates as dates
      expect(tableText(sheet, records[0]?.length ?? 0, records.length - 1)).toEqual(records);
      expect(records).toHaveLength(5);
      expect(records[0]?.slice(0, 2)).toEqual(lang === 'zh' ? ['排序', '设备编号'] : ['Rank', 'Asset id']);
      expect(records.slice(1).map((r) => r[1])).toEqual([id('F2'), id('F1'), id('F3'), id('F4')]);
    });
  }

  it('answers CSV and Arrow by Accept', async () => {
    const csv = await call('/priorities', { accept: 'text/csv' });
    const lines = (await csv.res.text()).trim().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]?.replace('\uFEFF', '').split(',').slice(0, 3)).toEqual(['rank', 'assetId', 'name']);
    const arrow = await call('/priorities', { accept: 'application/vnd.apache.arrow.stream' });
    expect(arrow.res.headers.get('content-type')).toContain('arrow');
  });
});

describe('what it buys', () => {
  // Chosen: F1 and F2. Remediable (equipment_fault, weather_fault, unknown; unplanned): F1's
  // four equipment faults and its weather fault (5 × 100 customers × 1 h), not its planned
  // maintenance; F2's equipment fault (200 × 1 h), not its customer-side faults.
  // Left out: 700 customer interruptions and 700 customer-hours of the county's 3300 and 3800:
  //   SAIDI 3800 / 1000 = 3.8 h → 3100 / 1000 = 3.1 h; SAIFI 3.3 → 2600 / 1000 = 2.6.
  //   Target: 3.8 > 3.4904 off track → 3.1 ≤ 3.4904 on track.
  //   List: F1 keeps 1 counted outage (no flag): it leaves; F2 keeps 4 customer-side outages in
  //   9 days (4 > 3): it stays. One asset leaves.
  it('recomputes region SAIDI/SAIFI, the target and the list without the remediable outages', async () => {
    const r = await call('/priorities/what-it-buys', { body: { assetIds: [id('F1'), id('F2')] } });
    expect(r.status).toBe(200);
    expect(r.body['remediableCauses']).toEqual(['equipment_fault', 'weather_fault', 'unknown']);
    expect(r.body['excludedEvents']).toBe(6);
    const [region] = r.body['regions'] as Record<string, Record<string, number> & { region: string }>[];
    expect(region?.['region']).toBe(REGION);
    expect(region?.['before']?.['saidi']).toBeCloseTo(3.8, 9);
    expect(region?.['before']?.['saifi']).toBeCloseTo(3.3, 9);
    expect(region?.['after']?.['saidi']).toBeCloseTo(3.1, 9);
    expect(region?.['after']?.['saifi']).toBeCloseTo(2.6, 9);
    expect(region?.['saidiChange']).toBeCloseTo(-0.7, 9);
    const [target] = r.body['targets'] as Record<string, Record<string, unknown>>[];
    expect(target?.['group']).toBe('areaClass=rural');
    expect(target?.['before']).toMatchObject({ status: 'off_track' });
    expect(target?.['before']?.['allowedHours']).toBeCloseTo(allowed, 9);
    expect(target?.['after']).toMatchObject({ status: 'on_track' });
    expect(r.body['frequentOutageList']).toMatchObject({
      evaluated: 2,
      before: [id('F1'), id('F2')],
      after: [id('F2')],
      leaving: [id('F1')],
      agreesWithSql: true,
    });
    const assets = r.body['assets'] as Record<string, unknown>[];
    expect(assets.map((a) => [a['assetId'], a['outages'], a['excluded']])).toEqual([
      [id('F1'), 6, 5],
      [id('F2'), 5, 1],
    ]);
  });

  it('refuses unknown assets and bad bodies with the path', async () => {
    const r = await call('/priorities/what-it-buys', { body: { assetIds: [id('F1'), id('nope')] } });
    expect(r.status).toBe(400);
    expect(r.body['issues']).toEqual([{ path: 'assetIds[1]', message: `unknown asset "${id('nope')}"` }]);
    const empty = await call('/priorities/what-it-buys', { body: { assetIds: [] } });
    expect(empty.status).toBe(400);
    expect((await call('/priorities/what-it-buys', { body: { assetIds: ['x'], colour: 1 } })).status).toBe(
      400,
    );
  });
});

describe('a feeder and its transformer areas', () => {
  it('counts an area’s own outages only, and a feeder’s own', async () => {
    const r = await call(`/priorities?ruleSet=${RUN}b`);
    expect(r.status).toBe(200);
    const rows = r.body['rows'] as Record<string, unknown>[];
    const figures = Object.fromEntries(
      rows.map((x) => [
        x['assetId'],
        [x['status'], x['customersAffected'], x['customerHours'], x['regionSaidi']],
      ]),
    );
    expect(figures).toEqual({
      [id2('G')]: ['breach', 800, 800, 4.5],
      [id2('A')]: ['breach', 50, 100, 4.5],
      [id2('B')]: ['breach', 0, 0, 4.5],
    });
  });

  // Chosen: G. Its 4 equipment faults are left out: 800 of the region's 900 customer-hours and
  // 800 of its 850 customer interruptions: SAIDI 100 / 200 = 0.5 h, SAIFI 50 / 200 = 0.25.
  // G keeps nothing, A keeps its own outage, B nothing: all three leave the list.
  it('takes the areas its feeder events reached off the list as well', async () => {
    const r = await call('/priorities/what-it-buys', { body: { assetIds: [id2('G')], ruleSet: `${RUN}b` } });
    expect(r.status).toBe(200);
    expect(r.body['excludedEvents']).toBe(4);
    const [region] = r.body['regions'] as Record<string, Record<string, number> & { region: string }>[];
    expect(region?.['region']).toBe(REGION2);
    expect(region?.['before']?.['saidi']).toBeCloseTo(4.5, 9);
    expect(region?.['before']?.['saifi']).toBeCloseTo(4.25, 9);
    expect(region?.['after']?.['saidi']).toBeCloseTo(0.5, 9);
    expect(region?.['after']?.['saifi']).toBeCloseTo(0.25, 9);
    expect(r.body['targets']).toEqual([]);
    expect(r.body['frequentOutageList']).toMatchObject({
      evaluated: 3,
      before: [id2('A'), id2('B'), id2('G')],
      after: [],
      leaving: [id2('A'), id2('B'), id2('G')],
      agreesWithSql: true,
    });
  });
});
