// Exports as a Chinese utility files them (issue 19), on the shared QuestDB: the frozen June
// ledger of a rule set of its own (scoped to its own province) opened with exceljs — title row,
// 序号, dates as dates, numbers as numbers, equipment codes beside the ids, print set-up, frozen
// header, autofilter, sign-off block, the 停电明细 sheet of the counted outages behind each row —
// an asset named =HYPERLINK(…) kept as text in XLSX and CSV, the GB18030 CSV, and the Chinese
// file names.

import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRuleSet } from '../../analytics/rules/index.js';
import type { Asset, Cause, OutageEvent } from '../../core/index.js';
import { remediationRouter } from '../../dashboard/api/remediation.js';
import { type AppDeps, createApp } from '../../server/app.js';
import { type Jobs, startJobs } from '../../server/jobs/index.js';
import { requireRole } from '../../dashboard/api/middleware/auth/index.js';
import type { Product } from '../../server/runtime.js';
import { sql } from '../../store/index.js';
import { OPERATOR, startTestProduct } from '../support/product.js';
import { eventually } from '../support/questdb.js';

const P = `xf${Date.now().toString(36)}`;
const PROVINCE = `省${P}`;
const local = (text: string): number => Date.parse(`${text.replace(' ', 'T')}+08:00`);
const wall = (text: string): Date => new Date(Date.parse(`${text.replace(' ', 'T')}:00Z`));
const HYPERLINK = '=HYPERLINK("http://x","y")';

let product: Product;
let jobs: Jobs;
let server: Server;
let url = '';

const feeder = (id: string, name: string, code?: string): Asset => ({
  assetId: `${P}-${id}`,
  kind: 'feeder',
  name,
  ...(code ? { code } : {}),
  province: PROVINCE,
  city: '保山市',
  county: '隆阳区',
  areaClass: 'rural',
  customers: 900,
  validFrom: local('2024-01-01 00:00'),
});

/** An outage of `hours` from a local start. */
function outage(asset: string, start: string, hours: number, cause: Cause = 'equipment_fault'): OutageEvent {
  return {
    eventId: `${P}-${asset}-${start.replaceAll(/\D/g, '')}`,
    assetId: `${P}-${asset}`,
    start: local(start),
    end: local(start) + hours * 3_600_000,
    customersAffected: 300,
    restorations: [],
    cause,
    planned: cause === 'planned_maintenance',
  };
}

// F1 (code PMS-0871-0001) and its area A1 (PMS-TQ-0001), which every F1 outage reaches (they
// name no area): five counted outages in the year to 30 June, four of them within 60 days (a
// breach of over-3-in-60d on 29 June), and an external-damage one that does not count.
// F2, named like a formula and without a code: four one-hour outages from 1 to 13 June.
const F1_OUTAGES = [
  outage('F1', '2024-09-01 10:00', 2),
  outage('F1', '2025-05-01 10:00', 2),
  outage('F1', '2025-05-20 10:00', 1.5, 'weather_fault'),
  outage('F1', '2025-06-10 10:00', 2),
  outage('F1', '2025-06-15 14:00', 2, 'external_damage'),
  outage('F1', '2025-06-29 10:00', 0.75, 'planned_maintenance'),
];
const F2_OUTAGES = ['2025-06-01', '2025-06-05', '2025-06-09', '2025-06-13'].map((d) =>
  outage('F2', `${d} 08:00`, 1),
);

beforeAll(async () => {
  product = await startTestProduct();
  const parsed = parseRuleSet({
    ...(JSON.parse(readFileSync('rules/national-2025.json', 'utf8')) as object),
    name: P,
    region: { province: [PROVINCE] },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const ruleSet = parsed.value;
  const clock = { now: local('2025-07-01 00:20') };
  const deps: AppDeps = {
    ...product.deps,
    ruleSets: new Map([[ruleSet.name, ruleSet]]),
    config: { ...product.deps.config, ruleSet: ruleSet.name },
  };
  const app = createApp(deps, [
    (d) =>
      remediationRouter({
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

  const area: Asset = {
    assetId: `${P}-A1`,
    kind: 'area',
    name: '龙泉村1号台区',
    code: 'PMS-TQ-0001',
    feederId: `${P}-F1`,
    province: PROVINCE,
    city: '保山市',
    county: '隆阳区',
    areaClass: 'rural',
    customers: 120,
    validFrom: local('2024-01-01 00:00'),
  };
  const assets = [feeder('F1', '10kV 龙泉线', 'PMS-0871-0001'), feeder('F2', HYPERLINK), area];
  await deps.writer.write({ kind: 'assets', receivedAt: Date.now(), records: assets });
  await eventually(async () => {
    const [row] = await deps.store.rows<{ n: number }>(
      sql`SELECT count() n FROM assets WHERE asset_id IN (${assets.map((a) => a.assetId)})`,
    );
    return row?.n === assets.length;
  });
  const events = [...F1_OUTAGES, ...F2_OUTAGES];
  await deps.writer.write({ kind: 'outages', receivedAt: Date.now(), records: events });
  // F1's outages reach F1 and A1, F2's reach F2
  await eventually(async () => {
    const [row] = await deps.store.rows<{ n: number }>(
      sql`SELECT count() n FROM outage_reach WHERE event_id IN (${events.map((e) => e.eventId)}) AND NOT deleted`,
    );
    return row?.n === 2 * F1_OUTAGES.length + F2_OUTAGES.length;
  });
  jobs = startJobs(deps, { clock: () => clock.now, cron: false, runAtStart: false });
  const due = await jobs.runDue(clock.now);
  expect(due).toMatchObject({ ledger: ['2025-06'], disclosure: ['2025-Q2'] });
}, 180_000);

afterAll(async () => {
  jobs?.stop();
  if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  await product?.stop();
});

async function get(path: string, token: string | null = OPERATOR): Promise<Response> {
  return fetch(`${url}/api/v1${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
}

async function workbook(path: string): Promise<ExcelJS.Workbook> {
  const res = await get(path);
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
  return wb;
}

const sheetOf = (wb: ExcelJS.Workbook, i: number): ExcelJS.Worksheet => {
  const ws = wb.worksheets[i];
  if (!ws) throw new Error(`no sheet ${i}`);
  return ws;
};

/** Row `r` of a sheet as an array of its first `width` cells (exceljs values). */
const cells = (ws: ExcelJS.Worksheet, r: number, width: number): unknown[] =>
  Array.from({ length: width }, (_, i) => ws.getRow(r).getCell(i + 1).value ?? null);

const columnOf = (ws: ExcelJS.Worksheet, header: string): number => {
  const headers = (ws.getRow(2).values as unknown[]).slice(1);
  const i = headers.indexOf(header);
  if (i < 0) throw new Error(`no column ${header} in ${headers.join(', ')}`);
  return i + 1;
};

describe('the ledger as a filed workbook', () => {
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    wb = await workbook('/ledger/2025-06?format=xlsx&lang=zh');
    ws = sheetOf(wb, 0);
  });

  it('is frozen with the rows and counts the details will explain', async () => {
    const rows = ((await (await get('/ledger/2025-06')).json()) as { rows: Record<string, unknown>[] }).rows;
    expect(rows.map((r) => [r['assetId'], r['rules'], r['breachDate'], r['outagesCounted']])).toEqual([
      [`${P}-A1`, ['over-3-in-60d'], '2025-06-29', 5],
      [`${P}-F1`, ['over-3-in-60d'], '2025-06-29', 5],
      [`${P}-F2`, ['over-3-in-60d'], '2025-06-13', 4],
    ]);
  });

  it('has a title row, 序号 1..n, the codes beside the ids, and dates and numbers as such', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['台账 2025-06', '停电明细', '说明']);
    expect(ws.getCell('A1').value).toBe('云南省频繁停电台账（2025年6月）');
    expect(cells(ws, 2, 5)).toEqual(['序号', '统计月份', '设备编号', '设备编码（PMS）', '线路/台区名称']);
    expect([3, 4, 5].map((r) => cells(ws, r, 5))).toEqual([
      [1, '2025-06', `${P}-A1`, 'PMS-TQ-0001', '龙泉村1号台区'],
      [2, '2025-06', `${P}-F1`, 'PMS-0871-0001', '10kV 龙泉线'],
      [3, '2025-06', `${P}-F2`, null, HYPERLINK],
    ]);
    const breach = ws.getRow(4).getCell(columnOf(ws, '越限日期'));
    expect(breach.value).toEqual(new Date(Date.UTC(2025, 5, 29)));
    expect(breach.type).toBe(ExcelJS.ValueType.Date);
    expect(breach.numFmt).toBe('yyyy-mm-dd');
    expect(ws.getRow(4).getCell(columnOf(ws, '用户数')).value).toBe(900);
    expect(ws.getRow(4).getCell(columnOf(ws, '近一年计入停电次数')).value).toBe(5);
    expect(ws.getRow(4).getCell(columnOf(ws, '近一年不计入停电次数')).value).toBe(1);
  });

  it('shows an asset named =HYPERLINK(…) as text, never a formula', () => {
    const name = ws.getCell('E5');
    expect([name.type, name.value, name.formula, name.numFmt]).toEqual([
      ExcelJS.ValueType.String,
      HYPERLINK,
      undefined,
      '@',
    ]);
  });

  it('prints landscape on A3 (33 columns), fitted to the width, the header on every page', () => {
    expect(ws.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 8,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '2:2',
    });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, topLeftCell: 'A3' });
    // 31 ledger columns, 序号 and the code: A to AG
    expect(ws.autoFilter).toBe('A2:AG2');
  });

  it('has the sign-off block under the table', () => {
    // rows 3–5, a blank row, then 填报人, 审核人, 日期 at columns 1, 12 and 23 of 33
    expect([ws.getCell('A7').value, ws.getCell('L7').value, ws.getCell('W7').value]).toEqual([
      '填报人：__________',
      '审核人：__________',
      '日期：__________',
    ]);
    expect(ws.getCell('A6').value).toBeNull();
  });

  it('lists each counted outage behind each row on 停电明细', () => {
    const details = sheetOf(wb, 1);
    expect(details.getCell('A1').value).toBe('云南省频繁停电台账停电明细（2025年6月）');
    expect(cells(details, 2, 12)).toEqual([
      '序号',
      '清单序号',
      '设备编码（PMS）',
      '设备编号',
      '线路/台区名称',
      '停电编号',
      '停电开始时间',
      '停电结束时间',
      '停电时长（小时）',
      '停电原因',
      '经由线路',
      '计入规则',
    ]);
    const rule = '连续60天停电次数超过3次';
    // the external-damage outage of 15 June counts nowhere
    const f1 = [
      ['2024-09-01 10:00', '2024-09-01 12:00', 2, '设备故障', '202409011000'],
      ['2025-05-01 10:00', '2025-05-01 12:00', 2, '设备故障', '202505011000'],
      ['2025-05-20 10:00', '2025-05-20 11:30', 1.5, '天气原因故障', '202505201000'],
      ['2025-06-10 10:00', '2025-06-10 12:00', 2, '设备故障', '202506101000'],
      ['2025-06-29 10:00', '2025-06-29 10:45', 0.75, '计划检修', '202506291000'],
    ] as const;
    const f2 = ['2025-06-01', '2025-06-05', '2025-06-09', '2025-06-13'];
    const expected = [
      ...f1.map(([s, e, h, cause, id]) => [
        1,
        'PMS-TQ-0001',
        `${P}-A1`,
        '龙泉村1号台区',
        `${P}-F1-${id}`,
        wall(s),
        wall(e),
        h,
        cause,
        'PMS-0871-0001',
        rule,
      ]),
      ...f1.map(([s, e, h, cause, id]) => [
        2,
        'PMS-0871-0001',
        `${P}-F1`,
        '10kV 龙泉线',
        `${P}-F1-${id}`,
        wall(s),
        wall(e),
        h,
        cause,
        null,
        rule,
      ]),
      ...f2.map((d) => [
        3,
        null,
        `${P}-F2`,
        HYPERLINK,
        `${P}-F2-${d.replaceAll('-', '')}0800`,
        wall(`${d} 08:00`),
        wall(`${d} 09:00`),
        1,
        '设备故障',
        null,
        rule,
      ]),
    ].map((r, i) => [i + 1, ...r]);
    expect(Array.from({ length: 14 }, (_, i) => cells(details, 3 + i, 12))).toEqual(expected);
    expect(cells(details, 17, 12).every((v) => v === null)).toBe(true);
    expect(details.getCell('G3').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(details.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      printTitlesRow: '2:2',
    });
    expect(details.autoFilter).toBe('A2:L2');
  });

  it('says what the document is on the last sheet', () => {
    const about = sheetOf(wb, 2);
    expect(cells(about, 4, 2)).toEqual(['报送期限', '2025-07-10']);
  });

  it('is named in Chinese, with an ASCII name beside it', async () => {
    const res = await get('/ledger/2025-06?format=xlsx&lang=zh');
    const disposition = res.headers.get('content-disposition') ?? '';
    const m = /^attachment; filename="([^"]+)"; filename\*=UTF-8''(\S+)$/.exec(disposition);
    expect(m?.[1]).toBe(`ledger-${P}-2025-06-zh.xlsx`);
    expect(decodeURIComponent(m?.[2] ?? '')).toBe('频繁停电台账_云南省_2025-06.xlsx');
    // every byte of the extended name is an RFC 5987 attr-char or a %-escape
    expect(m?.[2]).toMatch(/^(?:[A-Za-z0-9!#$&+\-.^_`|~]|%[0-9A-F]{2})+$/);
  });
});

describe('the ledger in English', () => {
  it('titles, signs and names its sheets in English', async () => {
    const wb = await workbook('/ledger/2025-06?format=xlsx&lang=en');
    const ws = sheetOf(wb, 0);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Ledger 2025-06', 'Outage details', 'About']);
    expect(ws.getCell('A1').value).toBe('Frequent-outage ledger, Yunnan province, June 2025');
    expect(cells(ws, 2, 4)).toEqual(['No.', 'Period', 'Asset id', 'Equipment code (PMS)']);
    expect([ws.getCell('A7').value, ws.getCell('L7').value, ws.getCell('W7').value]).toEqual([
      'Prepared by: __________',
      'Reviewed by: __________',
      'Date: __________',
    ]);
    expect(sheetOf(wb, 1).getCell('J3').value).toBe('Equipment fault');
    const res = await get('/ledger/2025-06?format=csv&lang=en');
    const star = /filename\*=UTF-8''(\S+)$/.exec(res.headers.get('content-disposition') ?? '')?.[1];
    expect(decodeURIComponent(star ?? '')).toBe('Frequent-outage ledger_Yunnan province_2025-06.csv');
  });
});

describe('the ledger as CSV', () => {
  it('neutralises the formula-looking name and keeps the rows of the workbook', async () => {
    const res = await get('/ledger/2025-06?format=csv&lang=zh');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parseCsv(bytes.toString('utf8'), { bom: true }) as string[][];
    expect(records.map((r) => r.slice(0, 4))).toEqual([
      ['统计月份', '设备编号', '设备编码（PMS）', '线路/台区名称'],
      ['2025-06', `${P}-A1`, 'PMS-TQ-0001', '龙泉村1号台区'],
      ['2025-06', `${P}-F1`, 'PMS-0871-0001', '10kV 龙泉线'],
      ['2025-06', `${P}-F2`, '', `'${HYPERLINK}`],
    ]);
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toContain(`filename="ledger-${P}-2025-06-zh.csv"`);
    expect(decodeURIComponent(/filename\*=UTF-8''(\S+)$/.exec(disposition)?.[1] ?? '')).toBe(
      '频繁停电台账_云南省_2025-06.csv',
    );
  });

  it('in GB18030 decodes to the same text, without a byte-order mark', async () => {
    const utf8 = await (await get('/ledger/2025-06?format=csv&lang=zh')).text();
    const res = await get('/ledger/2025-06?format=csv&lang=zh&encoding=gb18030');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=gb18030');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    // "统计" is CD B3 BC C6 in GB18030 (as in GB2312)
    expect([...bytes.subarray(0, 4)]).toEqual([0xcd, 0xb3, 0xbc, 0xc6]);
    expect(iconv.decode(bytes, 'gb18030')).toBe(utf8.replace(/^\uFEFF/, ''));
    expect((await get('/ledger/2025-06?format=csv&encoding=latin1')).status).toBe(400);
  });

  it('neutralises it in the lists answered by Accept too, in either encoding', async () => {
    const res = await fetch(`${url}/api/v1/cases?encoding=gb18030`, {
      headers: { authorization: `Bearer ${OPERATOR}`, accept: 'text/csv' },
    });
    expect(res.headers.get('content-type')).toBe('text/csv; charset=gb18030');
    const records = parseCsv(iconv.decode(Buffer.from(await res.arrayBuffer()), 'gb18030'), {
      columns: true,
    }) as Record<string, string>[];
    expect(records.map((r) => [r['assetId'], r['assetName']]).sort()).toEqual([
      [`${P}-A1`, '龙泉村1号台区'],
      [`${P}-F1`, '10kV 龙泉线'],
      [`${P}-F2`, `'${HYPERLINK}`],
    ]);
  });
});

describe('the quarterly disclosure as a filed workbook', () => {
  it('has the title, 序号, the codes, the details and the text name as text', async () => {
    const wb = await workbook('/disclosures/2025-Q2?format=xlsx&lang=zh');
    const ws = sheetOf(wb, 0);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['公示 2025-Q2', '停电明细', '说明']);
    expect(ws.getCell('A1').value).toBe('云南省频繁停电整治公示（2025年第二季度）');
    expect([3, 4, 5].map((r) => cells(ws, r, 5))).toEqual([
      [1, '2025-Q2', `${P}-A1`, 'PMS-TQ-0001', '龙泉村1号台区'],
      [2, '2025-Q2', `${P}-F1`, 'PMS-0871-0001', '10kV 龙泉线'],
      [3, '2025-Q2', `${P}-F2`, null, HYPERLINK],
    ]);
    expect(ws.getCell('E5').type).toBe(ExcelJS.ValueType.String);
    // 14 disclosure columns, 序号 and the code: past 12, so A3
    expect(ws.pageSetup.paperSize).toBe(8);
    expect(ws.getRow(3).getCell(columnOf(ws, '越限日期')).value).toEqual(new Date(Date.UTC(2025, 5, 29)));
    // the same 14 counted outages behind the rows
    const details = sheetOf(wb, 1);
    expect(details.getCell('A16').value).toBe(14);
    expect(details.getCell('A17').value).toBeNull();
  });
});
