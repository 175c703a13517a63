// The public quarterly disclosure pages on the shared QuestDB: a quarter published from fixed
// data (breaches → cases → the quarter frozen against a fixed clock) shows exactly its rows
// and counts; later data changes nothing; the CSV equals the HTML table; the static export
// writes a self-contained folder; nothing internal (tokens, names, notes, customer data) leaks.
// The scenario has its own rule set scoped to its own province, so it sees only its data.

import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import express from 'express';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { applyTransition, parseTransition } from '../../analytics/remediation/index.js';
import { type CompiledRuleSet, parseRuleSet } from '../../analytics/rules/index.js';
import type { Asset, OutageEvent } from '../../core/index.js';
import { ExportError, exportDisclosure } from '../../dashboard/public-pages/export.js';
import { runExportDisclosure } from '../../cli/export-disclosure.js';
import { publicPages } from '../../dashboard/public-pages/index.js';
import type { AppDeps } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { createLogger } from '../../server/log.js';
import { type Jobs, startJobs } from '../../server/jobs/index.js';
import type { Product } from '../../server/runtime.js';
import { sql } from '../../store/index.js';
import { ADMIN, INGEST, OPERATOR, startTestProduct } from '../support/product.js';
import { eventually, testRoot } from '../support/questdb.js';

const P = `pd${Date.now().toString(36)}`;
const PROVINCE = `省${P}`;
const ZONE = 'Asia/Shanghai';
const local = (text: string): number => Date.parse(`${text.replace(' ', 'T')}+08:00`);

// Everything a public page must never show: people and notes from the cases, customer counts,
// outage notes, case ids and the product's tokens.
const SECRETS = [
  '赵秘密',
  '孙秘密',
  '钱核查',
  '周秘书',
  '李娜',
  '13900001111',
  '13700001111',
  '记事丙丁',
  '内部分析甲',
  '内部说明乙',
  '隆阳供电局',
  '9173',
  '8461',
  '6357',
  'RC-',
  ADMIN,
  OPERATOR,
  INGEST,
  'test-',
];

let product: Product;
let ruleSet: CompiledRuleSet;
let ruleData: unknown;
let deps: AppDeps;
let jobs: Jobs;
const clock = { now: local('2025-05-01 00:00') };
const servers: Server[] = [];

/** A fresh public router (empty caches) on 127.0.0.1, as the product mounts it. */
async function serve(ruleSets?: readonly CompiledRuleSet[]): Promise<string> {
  const app = express();
  app.use('/public', publicPages({ store: product.store, zone: ZONE, ruleSet, ruleSets }));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push(server);
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/public`;
}

const asset = (
  id: string,
  kind: Asset['kind'],
  name: string,
  city: string,
  county: string,
  customers: number,
) =>
  ({
    assetId: `${P}-${id}`,
    kind,
    name,
    province: PROVINCE,
    city,
    county,
    areaClass: 'rural',
    customers,
    validFrom: local('2024-01-01 00:00'),
  }) satisfies Asset;

async function outages(id: string, starts: readonly string[], notes?: string): Promise<void> {
  const events: OutageEvent[] = starts.map((start) => ({
    eventId: `${P}-${id}-${start.replaceAll(/\D/g, '')}`,
    assetId: `${P}-${id}`,
    start: local(start),
    end: local(start) + 2 * 3_600_000,
    customersAffected: 100,
    restorations: [],
    cause: 'equipment_fault',
    planned: false,
    ...(notes ? { notes } : {}),
  }));
  await deps.writer.write({ kind: 'outages', receivedAt: Date.now(), records: events });
  const ids = events.map((e) => e.eventId);
  await eventually(async () => {
    const [row] = await product.store.rows<{ n: number }>(
      sql`SELECT count() n FROM outages WHERE event_id IN (${ids}) AND NOT deleted`,
    );
    return row?.n === ids.length;
  });
}

async function openCases(at: string): Promise<string[]> {
  clock.now = local(at);
  return ((await jobs.runNow('cases')) as { opened: string[] }).opened;
}

/**
 * A case change as people make it under separation of duties: 李娜 drafts a plan that 王强
 * approves as saved, and 王强 verifies and closes what 李娜 did.
 */
async function act(caseId: string, at: string, body: Record<string, unknown>): Promise<void> {
  if (body['action'] === 'approve_plan') {
    const { action: _approve, ...plan } = body;
    await actAs('李娜', caseId, at, { action: 'update', ...plan });
    await actAs('王强', caseId, at, { action: 'approve_plan' });
    return;
  }
  await actAs(body['action'] === 'close' ? '王强' : '李娜', caseId, at, body);
}

async function actAs(
  actor: string,
  caseId: string,
  at: string,
  body: Record<string, unknown>,
): Promise<void> {
  const parsed = parseTransition({ actor, ...body });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const outcome = await applyTransition(product.store, {
    caseId,
    request: parsed.value,
    role: 'admin',
    via: 'test',
    now: local(at),
    zone: ZONE,
    ruleSets: deps.ruleSets,
  });
  if (!outcome.ok) throw new Error(`${body['action']}: ${JSON.stringify(outcome.issues)}`);
}

const PLAN = {
  action: 'approve_plan',
  causeAnalysis: '内部分析甲：通道树障',
  measures: ['tree_clearing', 'line_insulation'],
  measuresNote: '内部说明乙',
  responsibleUnit: '隆阳供电局',
  plannedStart: '2025-05-06',
  plannedEnd: '2025-06-30',
};

beforeAll(async () => {
  product = await startTestProduct();
  const data = JSON.parse(readFileSync('rules/national-2025.json', 'utf8')) as {
    name: string;
    rules: { scope: Record<string, unknown> }[];
  };
  data.name = P;
  for (const r of data.rules) r.scope = { ...r.scope, province: [PROVINCE] };
  ruleData = data;
  const parsed = parseRuleSet(data);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  ruleSet = parsed.value;
  deps = {
    ...product.deps,
    ruleSets: new Map([[ruleSet.name, ruleSet]]),
    config: { ...product.deps.config, ruleSet: ruleSet.name },
  };
  jobs = startJobs(deps, { clock: () => clock.now, cron: false, runAtStart: false });

  await deps.writer.write({
    kind: 'assets',
    receivedAt: Date.now(),
    records: [
      asset('F1', 'feeder', '10kV 清水线', '保山市', '隆阳区', 9173),
      asset('F2', 'feeder', '10kV 松林线', '昆明市', '五华区', 8461),
      asset('A1', 'area', '金鸡村1号台区', '保山市', '施甸县', 6357),
    ],
  });
  // four counted outages within 60 days each: breaches of over-3-in-60d
  await outages('F1', ['2025-04-01 10:00', '2025-04-10 10:00', '2025-04-20 10:00', '2025-05-01 10:00']);
  await outages('F2', ['2025-07-01 10:00', '2025-07-10 10:00', '2025-07-20 10:00', '2025-07-30 10:00']);
  await outages(
    'A1',
    ['2025-08-01 10:00', '2025-08-05 10:00', '2025-08-10 10:00', '2025-08-15 10:00'],
    '抢修联系人 周秘书 13700001111',
  );

  // F1: remediated, observed 90 days and closed within the quarter
  const [f1] = await openCases('2025-05-02 00:20');
  if (!f1) throw new Error('no case for F1');
  await act(f1, '2025-05-05 10:00', {
    ...PLAN,
    responsiblePerson: '赵秘密',
    note: '记事丙丁：联系人赵秘密 13900001111',
  });
  await act(f1, '2025-05-06 08:00', { action: 'start_work', actualStart: '2025-05-06' });
  await act(f1, '2025-06-05 18:00', { action: 'complete_work', actualEnd: '2025-06-05' });
  await act(f1, '2025-09-10 10:00', {
    action: 'close',
    verification: {
      methods: ['user_visit'],
      result: '回访用户，无投诉',
      passed: true,
      verifiedBy: '钱核查',
      verifiedOn: '2025-09-10',
    },
  });
  // F2: work in progress at the quarter's end
  const [f2] = await openCases('2025-07-31 00:20');
  if (!f2) throw new Error('no case for F2');
  await act(f2, '2025-08-02 10:00', {
    ...PLAN,
    measures: ['equipment_replacement'],
    responsiblePerson: '孙秘密',
  });
  await act(f2, '2025-08-05 08:00', { action: 'start_work', actualStart: '2025-08-05' });
  // A1: opened, nothing done yet but an internal note
  const [a1] = await openCases('2025-08-16 00:20');
  if (!a1) throw new Error('no case for A1');
  await act(a1, '2025-08-20 10:00', { action: 'comment', note: '记事丙丁 周秘书 已联系' });

  // the night after the quarter ends
  clock.now = local('2025-10-01 00:20');
  const due = await jobs.runDue(clock.now);
  expect({ ledger: due.ledger, disclosure: due.disclosure }).toEqual({
    ledger: ['2025-09'],
    disclosure: ['2025-Q3'],
  });
}, 180_000);

afterAll(async () => {
  jobs?.stop();
  for (const s of servers) await new Promise<void>((resolve) => s.close(() => resolve()));
  await product?.stop();
});

// Reading the served HTML without a DOM: the pages are ours and regular.
const textOf = (s: string): string =>
  s
    .replaceAll(/<[^>]+>/g, '')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&')
    .trim();

/** Header row then body rows of the first table with `class`, as text. */
function tableOf(html: string, cls: string, index = 0): string[][] {
  const tables = [...html.matchAll(new RegExp(`<table class="${cls}">([\\s\\S]*?)</table>`, 'g'))];
  const table = tables[index]?.[1];
  if (!table) throw new Error(`no table.${cls} #${index}`);
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((tr) =>
    [...(tr[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => textOf(c[1] ?? '')),
  );
}

const lead = (html: string): string => textOf(/<p class="lead">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '');
const publishedAt = (html: string): string | undefined => /<dd><time datetime="([^"]+)">/.exec(html)?.[1];

const HEADERS_ZH = [
  '线路/台区名称',
  '类型',
  '市（州）',
  '县（区）',
  '频繁停电判定条件',
  '越限日期',
  // the count is today's (the period's last day), not the breach's: the header says so
  '近一年计入停电次数（截至 2025-09-30）',
  '整治措施',
  '整治状态',
  '整治期限',
  '销号日期',
];
const RULE = '连续60天停电次数超过3次';
// frozen order: by asset id
const ROWS_ZH = [
  ['金鸡村1号台区', '台区', '保山市', '施甸县', RULE, '2025-08-15', '4', '', '已立案', '2025-11-14', ''],
  [
    '10kV 清水线',
    '中压线路',
    '保山市',
    '隆阳区',
    RULE,
    '2025-05-01',
    '4',
    '树障清理；线路绝缘化改造',
    '已销号',
    '2025-07-31',
    '2025-09-10',
  ],
  [
    '10kV 松林线',
    '中压线路',
    '昆明市',
    '五华区',
    RULE,
    '2025-07-30',
    '4',
    '老旧设备更换',
    '整治中',
    '2025-10-29',
    '',
  ],
];

describe('a published quarter', () => {
  let base: string;
  let first: string;
  beforeAll(async () => {
    base = await serve();
    first = await (await fetch(`${base}/disclosures/2025-Q3`)).text();
  });

  it('lists exactly the frozen rows, in Chinese by default', async () => {
    const res = await fetch(`${base}/disclosures/2025-Q3`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=3600');
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<title>2025年第三季度频繁停电整治公示</title>');
    expect(tableOf(html, 'list')).toEqual([HEADERS_ZH, ...ROWS_ZH]);
    expect(lead(html)).toBe(
      '本期共有 2 条中压线路、1 个台区列入频繁停电整治清单，其中 1 个已整治完成并销号。',
    );
    expect(publishedAt(html)).toBe('2025-10-01T00:20:00+08:00');
    expect(html).toContain('>2025-10-01 00:20</time> (Asia/Shanghai)');
    expect(html).toContain('2025-07-01 至 2025-09-30');
  });

  it('shows summary charts as SVG images with a table of the same numbers', async () => {
    expect(
      first.match(/<svg class="chart"[^>]*role="img" aria-labelledby="chart-status-t chart-status-d"/),
    ).not.toBeNull();
    expect(first).toContain('<title id="chart-status-t">按整治状态</title>');
    expect(first).toMatch(/<desc id="chart-region-d">[^<]+共 3 条，已销号 1 条。<\/desc>/);
    expect(tableOf(first, 'figure-data', 0)).toEqual([
      ['整治状态', '中压线路', '台区', '合计'],
      ['已立案', '0', '1', '1'],
      ['方案已审批', '0', '0', '0'],
      ['整治中', '1', '0', '1'],
      ['整治完成（观察期）', '0', '0', '0'],
      ['已销号', '1', '0', '1'],
    ]);
    expect(tableOf(first, 'figure-data', 1)).toEqual([
      ['州/市', '列入条目', '已销号', '未销号'],
      ['保山市', '2', '1', '1'],
      ['昆明市', '1', '0', '1'],
    ]);
    // one bar path per series, computed by d3 on the server
    expect(first.match(/<path d="M[\d.,hvMZ-]+" fill="#/g)?.length).toBe(4);
  });

  it('filters by region, with the summary and charts of that region', async () => {
    const html = await (
      await fetch(`${base}/disclosures/2025-Q3?region=${encodeURIComponent('保山市')}`)
    ).text();
    expect(tableOf(html, 'list').slice(1)).toEqual([ROWS_ZH[0], ROWS_ZH[1]]);
    expect(lead(html)).toBe(
      '本期共有 1 条中压线路、1 个台区列入频繁停电整治清单，其中 1 个已整治完成并销号。',
    );
    expect(tableOf(html, 'figure-data', 1)).toEqual([
      ['区县', '列入条目', '已销号', '未销号'],
      ['施甸县', '1', '0', '1'],
      ['隆阳区', '1', '1', '0'],
    ]);
    expect(html).toContain(
      `href="/public/disclosures/2025-Q3.csv?lang=zh&amp;region=${encodeURIComponent('保山市')}"`,
    );
    const none = await fetch(`${base}/disclosures/2025-Q3?region=${encodeURIComponent('大理州')}`);
    expect(none.status).toBe(404);
    expect(await none.text()).toContain('本期公示中没有“大理州”的条目。');
  });

  it('filters the list by county and finds a name, keeping the summary of the whole quarter', async () => {
    const html = await (
      await fetch(`${base}/disclosures/2025-Q3?county=${encodeURIComponent('五华区')}`)
    ).text();
    expect(tableOf(html, 'list').slice(1)).toEqual([ROWS_ZH[2]]);
    expect(html).toContain('<option selected>五华区</option>');
    expect(html).toContain('<p role="status">共 1 条，显示第 1–1 条。</p>');
    expect(lead(html)).toBe(
      '本期共有 2 条中压线路、1 个台区列入频繁停电整治清单，其中 1 个已整治完成并销号。',
    );
    const found = await (await fetch(`${base}/disclosures/2025-Q3?q=${encodeURIComponent('清水')}`)).text();
    expect(tableOf(found, 'list').slice(1)).toEqual([ROWS_ZH[1]]);
    const none = await (await fetch(`${base}/disclosures/2025-Q3?q=nothing&page=7`)).text();
    expect(none).toContain('<p role="status">没有符合条件的条目。</p>');
    expect(none).not.toContain('<table class="list">');
    // three entries: one page, no page links
    expect(first).not.toContain('class="pager"');
  });

  it('switches to English', async () => {
    const html = await (await fetch(`${base}/disclosures/2025-Q3?lang=en`)).text();
    expect(html).toContain('<html lang="en">');
    expect(lead(html)).toBe(
      '2 lines and 1 transformer area had frequent outages this period; 1 has been remediated and closed.',
    );
    const rows = tableOf(html, 'list');
    expect(rows[0]).toEqual([
      'Name',
      'Kind',
      'City',
      'County',
      'Rule broken',
      'Breach date',
      'Outages counted (trailing year), to 2025-09-30',
      'Measures',
      'Status',
      'Due date',
      'Closing date',
    ]);
    expect(rows[2]).toEqual([
      '10kV 清水线',
      'Feeder',
      '保山市',
      '隆阳区',
      'More than 3 outages within 60 consecutive days',
      '2025-05-01',
      '4',
      'Tree clearing; Line insulation',
      'Closed',
      '2025-07-31',
      '2025-09-10',
    ]);
    expect(html).toContain('href="/public/disclosures/2025-Q3" lang="zh-CN"');
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`serves a CSV (${lang}) whose cells equal the HTML table's`, async () => {
      for (const region of [null, '昆明市']) {
        const q = `lang=${lang}${region ? `&region=${encodeURIComponent(region)}` : ''}`;
        const html = await (await fetch(`${base}/disclosures/2025-Q3?${q}`)).text();
        const res = await fetch(`${base}/disclosures/2025-Q3.csv?${q}`);
        expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
        expect(res.headers.get('content-disposition')).toContain('.csv');
        const csv = parseCsv(await res.text(), { bom: true, relax_column_count: false }) as string[][];
        expect(csv).toEqual(tableOf(html, 'list'));
      }
    });
  }

  it('serves the frozen rows as JSON', async () => {
    const body = (await (await fetch(`${base}/disclosures/2025-Q3.json`)).json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      period: '2025-Q3',
      firstDate: '2025-07-01',
      lastDate: '2025-09-30',
      publishedAt: '2025-10-01T00:20:00+08:00',
      region: null,
    });
    const rows = body['rows'] as Record<string, unknown>[];
    expect(rows.map((r) => [r['assetId'], r['status'], r['outagesCounted'], r['closedDate']])).toEqual([
      [`${P}-A1`, 'open', 4, null],
      [`${P}-F1`, 'closed', 4, '2025-09-10'],
      [`${P}-F2`, 'in_progress', 4, null],
    ]);
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(
      [
        'assetId',
        'assetName',
        'breachDate',
        'city',
        'closedDate',
        'county',
        'dueDate',
        'family',
        'kind',
        'measures',
        'outagesCounted',
        'period',
        'province',
        'ruleSet',
        'rules',
        'status',
      ].sort(),
    );
  });

  it('lists the published quarters', async () => {
    const res = await fetch(`${base}/disclosures`);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const html = await res.text();
    expect(html).toContain('<a href="/public/disclosures/2025-Q3">2025年第三季度</a>');
    expect(html).toContain('>2025-10-01 00:20</time>');
  });

  it('answers 404 for a quarter not yet published and 400 for a malformed one', async () => {
    const q4 = await fetch(`${base}/disclosures/2025-Q4`);
    expect([q4.status, q4.headers.get('cache-control')]).toEqual([404, 'public, max-age=60']);
    expect(await q4.text()).toContain('2025年第四季度的公示尚未发布：统计期结束后的当晚（2026-01-01）发布。');
    const bad = await fetch(`${base}/disclosures/2025-09.csv`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('期间格式不正确，例如 2025-Q3。');
  });

  it('does not change when later data arrives', async () => {
    // late outages dated inside the quarter and after it, a renamed asset, a case moving on
    await outages('F2', ['2025-09-25 10:00', '2025-10-03 10:00']);
    await outages('A1', ['2025-09-20 10:00']);
    await deps.writer.write({
      kind: 'assets',
      receivedAt: Date.now(),
      records: [
        {
          ...asset('F2', 'feeder', '10kV 松林线（改）', '昆明市', '五华区', 8461),
          validFrom: local('2025-10-02 00:00'),
        },
      ],
    });
    const [f2] = (
      (await product.store.rows<{ case_id: string }>(
        sql`SELECT DISTINCT case_id FROM case_events WHERE rule_set = ${ruleSet.name} AND asset_id = ${`${P}-F2`}`,
      )) ?? []
    ).map((r) => r.case_id);
    if (!f2) throw new Error('no case for F2');
    await act(f2, '2025-10-06 18:00', { action: 'complete_work', actualEnd: '2025-10-06' });
    clock.now = local('2025-10-07 00:20');
    expect((await jobs.runDue(clock.now)).disclosure).toEqual([]);

    const again = await serve(); // nothing cached: read from the database again
    const html = await (await fetch(`${again}/disclosures/2025-Q3`)).text();
    expect(tableOf(html, 'list')).toEqual(tableOf(first, 'list'));
    expect(lead(html)).toBe(lead(first));
    expect(publishedAt(html)).toBe('2025-10-01T00:20:00+08:00');
    expect(html).toBe(first);
  });
});

describe('the choice of jurisdiction', () => {
  it('offers every publishing rule set on the list page, and keeps the choice in its links', async () => {
    const parsed = parseRuleSet({
      ...(ruleData as object),
      name: `${P}-other`,
      jurisdiction: { zh: '另一辖区', en: 'Another jurisdiction' },
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const other = parsed.value;
    const base = await serve([ruleSet, other]);
    const list = await (await fetch(`${base}/disclosures`)).text();
    expect(list).toContain(
      `<select id="rule-set" name="ruleSet"><option value="${P}" selected>${ruleSet.jurisdiction.zh}</option><option value="${P}-other">另一辖区</option></select>`,
    );
    // the default set's links carry no ruleSet
    expect(list).toContain(`<a href="/public/disclosures/2025-Q3">`);
    // the other set has published nothing: its list says so, its quarter is not there
    const theirs = await (await fetch(`${base}/disclosures?ruleSet=${P}-other&lang=en`)).text();
    expect(theirs).toContain(`<option value="${P}-other" selected>Another jurisdiction</option>`);
    expect(theirs).toContain('<input type="hidden" name="lang" value="en">');
    expect(theirs).toContain('No disclosure has been published yet.');
    expect(theirs).toContain(`href="/public/disclosures?ruleSet=${P}-other&amp;lang=zh"`); // the language switch keeps it
    expect((await fetch(`${base}/disclosures/2025-Q3?ruleSet=${P}-other`)).status).toBe(404);
    expect((await fetch(`${base}/disclosures?ruleSet=nope`)).status).toBe(404);
    // with one publishing set there is nothing to choose
    expect(await (await fetch(`${await serve()}/disclosures`)).text()).not.toContain('name="ruleSet"');
  });
});

describe('the static export', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(testRoot(), 'disclosure-export-'));
  });

  it('writes the pages and downloads of a quarter with relative links only', async () => {
    const out = await exportDisclosure({ store: product.store, zone: ZONE, ruleSet }, '2025-Q3', dir);
    const expected = [
      '2025-Q3.csv',
      '2025-Q3.en.csv',
      '2025-Q3.json',
      'en.html',
      'index.html',
      'region-01.csv',
      'region-01.en.csv',
      'region-01.en.html',
      'region-01.html',
      'region-01.json',
      'region-02.csv',
      'region-02.en.csv',
      'region-02.en.html',
      'region-02.html',
      'region-02.json',
    ];
    expect([...out.files].sort()).toEqual(expected);
    expect(readdirSync(dir).sort()).toEqual(expected);
    expect([out.period, out.rows, out.publishedAt]).toEqual(['2025-Q3', 3, '2025-10-01T00:20:00+08:00']);

    for (const name of expected.filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(dir, name), 'utf8');
      const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? '');
      for (const href of hrefs.filter((h) => h !== '#main')) {
        expect(href, `${name}: ${href}`).not.toMatch(/^(\/|[a-z]+:)/);
        expect(existsSync(join(dir, href)), `${name}: ${href}`).toBe(true);
      }
    }
    const index = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(tableOf(index, 'list')).toEqual([HEADERS_ZH, ...ROWS_ZH]);
    expect(index).toContain('href="en.html"');
    expect(index).toContain('href="region-02.html"');
    const region = readFileSync(join(dir, 'region-02.en.html'), 'utf8');
    expect(
      tableOf(region, 'list')
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(['10kV 松林线']);
    expect(parseCsv(readFileSync(join(dir, '2025-Q3.csv'), 'utf8'), { bom: true })).toEqual(
      tableOf(index, 'list'),
    );
    expect(parseCsv(readFileSync(join(dir, 'region-02.en.csv'), 'utf8'), { bom: true })).toEqual(
      tableOf(region, 'list'),
    );
  });

  it('refuses a quarter that is not published, saying when it will be', async () => {
    await expect(
      exportDisclosure({ store: product.store, zone: ZONE, ruleSet }, '2025-Q4', join(dir, 'q4')),
    ).rejects.toThrow(
      new ExportError(
        'the disclosure of Q4 2025 (2025-Q4) is not published: it is frozen in the night after the period ends (2026-01-01)',
      ),
    );
    expect(existsSync(join(dir, 'q4'))).toBe(false);
    await expect(exportDisclosure({ store: product.store, zone: ZONE, ruleSet }, 'Q3', dir)).rejects.toThrow(
      'invalid period "Q3": expected e.g. 2025-Q3',
    );
  });
});

describe('the export-disclosure command', () => {
  it('exports from the configured QuestDB and rule set, and says why it cannot', async () => {
    const rules = mkdtempSync(join(testRoot(), 'disclosure-rules-'));
    writeFileSync(join(rules, `${P}.json`), JSON.stringify(ruleData));
    const config = loadConfig({
      OUTAGE_DATA_DIR: mkdtempSync(join(testRoot(), 'disclosure-cli-')),
      OUTAGE_RULES_DIR: rules,
      OUTAGE_RULE_SET: P,
      QDB_CLIENT_CONF: inject('qdbClientConf'),
    });
    const out = join(mkdtempSync(join(testRoot(), 'disclosure-cli-out-')), '2025-Q3');
    const written: string[] = [];
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const log = createLogger('silent');
      expect(await runExportDisclosure(['2025-Q3', '--out', out], config, log)).toBe(0);
      expect(JSON.parse(written.join(''))).toMatchObject({ period: '2025-Q3', outDir: out, rows: 3 });
      expect(readdirSync(out)).toContain('index.html');
      written.length = 0;
      expect(await runExportDisclosure(['2025-Q3'], config, log)).toBe(2);
      expect(written.join('')).toContain('usage: export-disclosure PERIOD --out DIR');
      written.length = 0;
      expect(await runExportDisclosure(['2025-Q4', '--out', out], config, log)).toBe(1);
      expect(written.join('')).toBe(
        'error: the disclosure of Q4 2025 (2025-Q4) is not published: it is frozen in the night after the period ends (2026-01-01)\n',
      );
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
  });
});

describe('nothing internal on a public page', () => {
  it('has no tokens, names or notes from the cases, and no customer data, in any page or download', async () => {
    const base = await serve();
    const paths = [
      '/disclosures',
      '/disclosures?lang=en',
      '/disclosures/2025-Q3',
      '/disclosures/2025-Q3?lang=en',
      `/disclosures/2025-Q3?region=${encodeURIComponent('保山市')}`,
      '/disclosures/2025-Q3.csv?lang=zh',
      '/disclosures/2025-Q3.csv?lang=en',
      '/disclosures/2025-Q3.json',
      '/disclosures/2025-Q4',
      '/outages',
    ];
    const bodies = await Promise.all(paths.map(async (p) => [p, await (await fetch(`${base}${p}`)).text()]));
    const dir = mkdtempSync(join(testRoot(), 'disclosure-secrets-'));
    await exportDisclosure({ store: product.store, zone: ZONE, ruleSet }, '2025-Q3', dir);
    for (const f of readdirSync(dir)) bodies.push([f, readFileSync(join(dir, f), 'utf8')]);
    // the names and notes are in the database, so their absence means something
    const [notes] = await product.store.rows<{ n: number }>(
      sql`SELECT count() n FROM case_events WHERE rule_set = ${ruleSet.name} AND data LIKE '%赵秘密%'`,
    );
    expect(notes?.n).toBeGreaterThan(0);
    for (const [path, body] of bodies) {
      for (const secret of SECRETS) expect(body, `${path} contains ${secret}`).not.toContain(secret);
    }
  });
});
