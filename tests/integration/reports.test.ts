// The authority reports on the shared QuestDB against a fixed clock: the Guizhou rule file as a
// set of its own province, three pilot cities with hand-computed reliability, breaches and
// cases, and arrears disconnections received before and after their deadlines. Each report is
// frozen once, served as JSON, CSV and XLSX in zh and en, and does not change with later data.

import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReportRuns } from '../../analytics/reports/index.js';
import { type CompiledRuleSet, parseRuleSet } from '../../analytics/rules/index.js';
import type { Asset, OutageEvent } from '../../core/index.js';
import { reportsRouter } from '../../dashboard/api/reports.js';
import { type AppDeps, createApp } from '../../server/app.js';
import { type Jobs, startJobs } from '../../server/jobs/index.js';
import { requireRole } from '../../dashboard/api/middleware/auth/index.js';
import type { Product } from '../../server/runtime.js';
import { sql } from '../../store/index.js';
import { OPERATOR, startTestProduct } from '../support/product.js';
import { eventually } from '../support/questdb.js';

const P = `rp${Date.now().toString(36)}`;
const PROVINCE = `省${P}`;
const local = (text: string): number => Date.parse(`${text.replace(' ', 'T')}+08:00`);
const HOUR = 3_600_000;

let product: Product;
let ruleSet: CompiledRuleSet;
let deps: AppDeps;
let jobs: Jobs;
let server: Server;
let url: string;
const clock = { now: local('2026-04-21 00:20') };

function guizhouAs(name: string): CompiledRuleSet {
  const data = {
    ...(JSON.parse(readFileSync('rules/guizhou-2025.json', 'utf8')) as object),
    name,
    region: { province: [PROVINCE] },
  };
  const parsed = parseRuleSet(data);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

const asset = (id: string, city: string, extra: Partial<Asset> = {}): Asset => ({
  assetId: `${P}-${id}`,
  kind: 'area',
  name: id,
  province: PROVINCE,
  city,
  county: `${city}区`,
  areaClass: 'urban',
  customers: 100,
  validFrom: local('2024-01-01 00:00'),
  ...extra,
});
const feeder = (id: string, city: string) => asset(id, city, { kind: 'feeder', customers: 400 });
const area = (id: string, city: string, feederId: string, extra: Partial<Asset> = {}) =>
  asset(id, city, { feederId: `${P}-${feederId}`, ...extra });

let n = 0;
const outage = (
  assetId: string,
  start: string,
  hours: number,
  extra: Partial<OutageEvent> = {},
): OutageEvent => ({
  eventId: `${P}-E${++n}`,
  assetId: `${P}-${assetId}`,
  start: local(start),
  end: local(start) + hours * HOUR,
  customersAffected: 100,
  restorations: [],
  cause: 'equipment_fault',
  planned: false,
  ...extra,
});

async function write(kind: 'assets' | 'outages', records: (Asset | OutageEvent)[], receivedAt = Date.now()) {
  await deps.writer.write({ kind, receivedAt, records } as Parameters<typeof deps.writer.write>[0]);
}
async function visible(events: OutageEvent[]) {
  const ids = events.map((e) => e.eventId);
  await eventually(async () => {
    const [row] = await deps.store.rows<{ n: number }>(
      sql`SELECT count() n FROM outage_reach WHERE source_id IN (${events.map((e) => e.assetId)}) AND event_id IN (${ids}) AND NOT deleted`,
    );
    const [current] = await deps.store.rows<{ n: number }>(
      sql`SELECT count() n FROM outages WHERE event_id IN (${ids}) AND NOT deleted`,
    );
    return (row?.n ?? 0) >= ids.length && current?.n === ids.length;
  });
}

async function call(path: string, accept = 'application/json') {
  const res = await fetch(`${url}/api/v1${path}`, {
    headers: { accept, authorization: `Bearer ${OPERATOR}` },
  });
  const type = res.headers.get('content-type') ?? '';
  const body = type.includes('json') ? ((await res.clone().json()) as Record<string, unknown>) : {};
  return { status: res.status, body, res };
}

// 贵阳市: feeder GY-F with 4 areas; 遵义市: ZY-F with 2; 贵安新区: GA-F with 4 (one a hospital)
const GY = '贵阳市';
const ZY = '遵义市';
const GA = '贵安新区';

beforeAll(async () => {
  product = await startTestProduct();
  ruleSet = guizhouAs(P);
  deps = {
    ...product.deps,
    ruleSets: new Map([[ruleSet.name, ruleSet]]),
    config: { ...product.deps.config, ruleSet: ruleSet.name },
  };
  const app = createApp(deps, [
    (d) =>
      reportsRouter({
        store: d.store,
        zone: d.config.zone,
        ruleSets: d.ruleSets,
        defaultRuleSet: d.config.ruleSet,
        requireRole: (role) => requireRole(d.tokens, role),
        now: () => clock.now,
      }),
  ]);
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  jobs = startJobs(deps, { clock: () => clock.now, cron: false, runAtStart: false });

  await write('assets', [
    feeder('GY-F', GY),
    ...[1, 2, 3, 4].map((i) => area(`GY-A${i}`, GY, 'GY-F')),
    feeder('ZY-F', ZY),
    ...[1, 2].map((i) => area(`ZY-A${i}`, ZY, 'ZY-F')),
    feeder('GA-F', GA),
    ...[1, 2, 3].map((i) => area(`GA-A${i}`, GA, 'GA-F')),
    area('GA-H', GA, 'GA-F', { name: '贵安新区人民医院', customers: 1, importantUser: true }),
  ]);
  // 2025: GY-F twice for 2 h (4 areas each), ZY-A1 once for 1 h, GA-F once for 3 h (4 areas)
  // 2026, January–April: GY-F four times for 1 h within 60 days: a breach dated 20 April
  const history = [
    outage('GY-F', '2025-01-10 10:00', 2),
    outage('GY-F', '2025-02-10 10:00', 2),
    outage('ZY-A1', '2025-06-01 10:00', 1),
    outage('GA-F', '2025-08-01 10:00', 3),
    outage('GY-F', '2026-03-01 10:00', 1),
    outage('GY-F', '2026-03-15 10:00', 1),
    outage('GY-F', '2026-04-01 10:00', 1),
    outage('GY-F', '2026-04-20 10:00', 1),
  ];
  await write('outages', history);
  await visible(history);
}, 120_000);

afterAll(async () => {
  jobs?.stop();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await product?.stop();
});

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

describe('authority reports frozen on their own calendar', () => {
  it('on 21 April 2026 freezes the ranking of 2025 (caught up) and opens the April cases', async () => {
    const r = await jobs.runDue(clock.now);
    expect(r.reports).toEqual({ ranking: ['2025'], 'arrears-notice': ['2026-03'] });
    // GY-F and its four areas breach on 20 April: five cases
    expect(r.cases.opened).toHaveLength(5);
    expect((await jobs.runDue(clock.now)).reports).toEqual({});
  });

  it('ranks the pilot cities by SAIDI with the reward and penalty tiers', async () => {
    const r = await call(`/reports/ranking/2025`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      period: '2025',
      filingDue: '2026-03-31',
      trigger: 'catch_up',
      rows: expect.any(Array),
    });
    // DL/T 836 users (areas): 遵义 1 area-interruption × 1 h / 2 = 0.5; 贵安 4 × 3 h / 4 = 3 h;
    // 贵阳 8 × 2 h / 4 = 4 h. No outages in 2024: SAIDI 0 the year before, no change in percent.
    expect(
      (r.body['rows'] as Record<string, unknown>[]).map((x) => [
        x['rank'],
        x['region'],
        x['users'],
        x['saidi'],
        x['saifi'],
        x['rs1Percent'],
        x['previousSaidi'],
        x['saidiChangePercent'],
        x['tier'],
      ]),
    ).toEqual([
      [1, ZY, 2, 0.5, 0.5, 99.9943, 0, null, 'reward'],
      [2, GA, 4, 3, 1, 99.9658, 0, null, 'none'],
      [3, GY, 4, 4, 2, 99.9543, 0, null, 'penalty'],
    ]);
  });

  it('on 1 July freezes the half-year summary due 5 July, and the arrears months since', async () => {
    clock.now = local('2026-07-01 00:20');
    const r = await jobs.runDue(clock.now);
    expect(r.reports).toEqual({
      'half-year-summary': ['2026'],
      'arrears-notice': ['2026-04', '2026-05', '2026-06'],
    });
    const s = await call(`/reports/half-year-summary/2026`);
    expect(s.body).toMatchObject({ filingDue: '2026-07-05', trigger: 'schedule' });
    // H1 2026: only GY-F's four 1 h outages, each interrupting GY's 4 areas: SAIFI 4, SAIDI 4 h;
    // all ten areas: 16 / 10 = 1.6. RS-1 over 181 days (4344 h). GY-F and its 4 areas breach on
    // 20 April; their cases opened on 21 April are due on 20 July: open, not overdue, on 30 June.
    expect(
      (s.body['rows'] as Record<string, unknown>[]).map((x) => [
        x['region'],
        x['users'],
        x['saifi'],
        x['saidi'],
        x['rs1Percent'],
        x['frequentFeeders'],
        x['frequentAreas'],
        x['casesOpened'],
        x['casesClosed'],
        x['casesOpenAtEnd'],
        x['casesOverdueAtEnd'],
      ]),
    ).toEqual([
      [GA, 4, 0, 0, 100, 0, 0, 0, 0, 0, 0],
      [GY, 4, 4, 4, 99.9079, 1, 4, 5, 0, 5, 0],
      [ZY, 2, 0, 0, 100, 0, 0, 0, 0, 0, 0],
      [null, 10, 1.6, 1.6, 99.9632, 1, 4, 5, 0, 5, 0],
    ]);
  });

  it('lists each July arrears disconnection with its deadline, late when received after it', async () => {
    const onTime = outage('ZY-A2', '2026-07-10 09:00', 9, {
      cause: 'arrears',
      planned: true,
      customersAffected: 80,
    });
    const sameDay = outage('GY-A1', '2026-07-05 09:00', 8, {
      cause: 'arrears',
      planned: true,
      customersAffected: 60,
    });
    const fifty = outage('GA-A1', '2026-07-06 09:00', 8, {
      cause: 'arrears',
      planned: true,
      customersAffected: 50,
    });
    const hospital = outage('GA-H', '2026-07-20 08:00', 4, {
      cause: 'arrears',
      planned: true,
      customersAffected: 1,
    });
    await write('outages', [onTime], local('2026-07-07 20:00'));
    await write('outages', [sameDay], local('2026-07-02 00:00'));
    await write('outages', [fifty], local('2026-07-01 10:00'));
    await write('outages', [hospital], local('2026-07-18 10:00'));
    // a correction received later keeps the first reception
    await write('outages', [{ ...onTime, notes: '物业公司欠费' }], local('2026-07-09 12:00'));
    await visible([onTime, sameDay, fifty, hospital]);

    const upcoming = await call(`/reports/arrears-notice/upcoming?days=30`);
    expect(
      (upcoming.body['rows'] as Record<string, unknown>[]).map((x) => [x['assetId'], x['reportDue']]),
    ).toEqual([
      [`${P}-GY-A1`, '2026-07-02'],
      [`${P}-ZY-A2`, '2026-07-07'],
      [`${P}-GA-H`, '2026-07-17'],
    ]);

    clock.now = local('2026-08-01 00:20');
    expect((await jobs.runDue(clock.now)).reports).toEqual({ 'arrears-notice': ['2026-07'] });
    const r = await call(`/reports/arrears-notice/2026-07`);
    expect(r.body['filingDue']).toBeNull();
    expect(
      (r.body['rows'] as Record<string, unknown>[]).map((x) => [
        x['assetId'],
        x['subject'],
        x['households'],
        x['start'],
        x['reportDue'],
        x['firstReceived'],
        x['late'],
      ]),
    ).toEqual([
      [
        `${P}-GY-A1`,
        'compound',
        60,
        '2026-07-05T09:00:00+08:00',
        '2026-07-02',
        '2026-07-02T00:00:00+08:00',
        false,
      ],
      [
        `${P}-ZY-A2`,
        'compound',
        80,
        '2026-07-10T09:00:00+08:00',
        '2026-07-07',
        '2026-07-07T20:00:00+08:00',
        false,
      ],
      [
        `${P}-GA-H`,
        'important_user',
        1,
        '2026-07-20T08:00:00+08:00',
        '2026-07-17',
        '2026-07-18T10:00:00+08:00',
        true,
      ],
    ]);
  });

  it('never changes a frozen report: a late 2025 outage leaves the ranking as filed', async () => {
    const late = outage('ZY-F', '2025-12-01 10:00', 10);
    await write('outages', [late]);
    await visible([late]);
    await jobs.runDue(clock.now);
    const rows = (await call(`/reports/ranking/2025`)).body['rows'] as Record<string, unknown>[];
    expect(rows.map((x) => [x['region'], x['saidi']])).toEqual([
      [ZY, 0.5],
      [GA, 3],
      [GY, 4],
    ]);
    expect((await readReportRuns(deps.store, 'ranking', ruleSet.name)).map((r) => r.period)).toEqual([
      '2025',
    ]);
    const [count] = await deps.store.rows<{ n: number }>(
      sql`SELECT count() n FROM report_runs WHERE report = 'ranking' AND rule_set = ${ruleSet.name}`,
    );
    expect(count?.n).toBe(1);
  });

  it('lists the frozen reports with what is next', async () => {
    const r = await call('/reports');
    expect(
      (r.body['rows'] as Record<string, unknown>[]).map((x) => [x['report'], x['period'], x['filingDue']]),
    ).toEqual([
      ['ranking', '2025', '2026-03-31'],
      ['half-year-summary', '2026', '2026-07-05'],
      ['arrears-notice', '2026-03', null],
      ['arrears-notice', '2026-04', null],
      ['arrears-notice', '2026-05', null],
      ['arrears-notice', '2026-06', null],
      ['arrears-notice', '2026-07', null],
    ]);
    expect((r.body['reports'] as Record<string, { next: unknown }>)['annual-summary']?.next).toEqual({
      period: '2026',
      freezesAt: '2026-12-01T00:00:00+08:00',
      filingDue: '2026-12-20',
    });
    expect((await call('/reports/ranking/2026')).status).toBe(404);
    expect((await call('/reports/ranking/2026-01')).status).toBe(400);
    expect((await call('/reports/nonsense/2026')).status).toBe(400);
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`exports the ranking as CSV and XLSX (${lang}) with equal cells`, async () => {
      const csv = await call(`/reports/ranking/2025?format=csv&lang=${lang}`);
      expect(csv.res.headers.get('content-type')).toContain('text/csv');
      const records = parseCsv(await csv.res.text(), { bom: true }) as string[][];
      const xlsx = await call(`/reports/ranking/2025?format=xlsx&lang=${lang}`);
      expect(xlsx.res.headers.get('content-disposition')).toContain('.xlsx');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await xlsx.res.arrayBuffer()) as unknown as ExcelJS.Buffer);
      const sheet = wb.worksheets[0];
      if (!sheet) throw new Error('no sheet');
      // the filed sheet: a title row, then the CSV's table with 序号 before it, dates as dates
      expect(tableText(sheet, records[0]?.length ?? 0, records.length - 1)).toEqual(records);
      expect(records).toHaveLength(4);
      expect(records[0]?.slice(0, 3)).toEqual(
        lang === 'zh' ? ['年度', '排名', '区域'] : ['Year', 'Rank', 'Region'],
      );
      expect(records[1]?.slice(-2)).toEqual(
        lang === 'zh'
          ? ['奖励', '第1名/共3个（前1名奖励，后1名处罚）']
          : ['Reward', 'rank 1 of 3 (best 1 rewarded, worst 1 penalised)'],
      );
      expect(wb.worksheets[1]?.getCell('B4').value).toBe('2026-03-31');
    });
  }

  it('exports the arrears notice in Chinese words', async () => {
    const csv = await call(`/reports/arrears-notice/2026-07?format=csv&lang=zh`);
    const records = parseCsv(await csv.res.text(), { bom: true }) as string[][];
    const header = records[0] ?? [];
    const last = records[3] ?? [];
    const cell = (name: string) => last[header.indexOf(name)];
    expect([cell('报告情形'), cell('重要用户'), cell('报告期限'), cell('是否逾期')]).toEqual([
      '重要用户',
      '是',
      '2026-07-17',
      '是',
    ]);
  });
});
