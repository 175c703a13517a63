// The public pages in real Chromium with JavaScript disabled, as an anonymous reader on a
// desktop and on a phone: the quarterly disclosure (frozen from fixed data against a fixed
// clock) and the live outage page render completely, pass axe-core (run in a second context
// with JavaScript on, as axe is a script), do not overflow a phone's width, and print.
// The product runs on its own fresh QuestDB (the browser project has no global setup).
// Screenshots go to .local/screenshots/public-*.png.

import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyTransition, parseTransition } from '../../analytics/remediation/index.js';
import type { CompiledRuleSet } from '../../analytics/rules/index.js';
import type { Asset, OutageEvent } from '../../core/index.js';
import { publicPages } from '../../dashboard/public-pages/index.js';
import { loadConfig, projectRoot } from '../../server/config.js';
import { type Jobs, startJobs } from '../../server/jobs/index.js';
import { createLogger } from '../../server/log.js';
import { securityHeaders } from '../../dashboard/api/middleware/security/index.js';
import { productRouters } from '../../server/routes.js';
import { type Product, startProduct } from '../../server/runtime.js';
import { sql } from '../../store/index.js';
import { eventually, jarCache, testRoot } from '../support/questdb.js';

const ZONE = 'Asia/Shanghai';
const local = (text: string): number => Date.parse(`${text.replace(' ', 'T')}+08:00`);
const SHOTS = join(projectRoot(), '.local', 'screenshots');
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

let product: Product;
let ruleSet: CompiledRuleSet;
let jobs: Jobs;
let server: Server;
let web: string;
let browser: Browser;
let noJs: BrowserContext;
let noJsPhone: BrowserContext;
let withJs: BrowserContext;
let withJsPhone: BrowserContext;
const clock = { now: local('2025-05-01 00:00') };

const asset = (id: string, kind: Asset['kind'], name: string, city: string, county: string): Asset => ({
  assetId: id,
  kind,
  name,
  province: '云南省',
  city,
  county,
  areaClass: 'rural',
  customers: kind === 'feeder' ? 900 : 120,
  validFrom: local('2024-01-01 00:00'),
});

async function write(kind: 'assets' | 'outages', records: Asset[] | OutageEvent[]): Promise<void> {
  await product.deps.writer.write({ kind, receivedAt: Date.now(), records } as Parameters<
    Product['deps']['writer']['write']
  >[0]);
}

/** Four counted outages within 60 days, the last on `last`: a breach dated that day. */
async function breach(id: string, last: string): Promise<void> {
  const end = local(`${last} 10:00`);
  const events: OutageEvent[] = [45, 30, 15, 0].map((daysBefore) => ({
    eventId: `${id}-${daysBefore}`,
    assetId: id,
    start: end - daysBefore * 86_400_000,
    end: end - daysBefore * 86_400_000 + 2 * 3_600_000,
    customersAffected: 100,
    restorations: [],
    cause: 'equipment_fault',
    planned: false,
  }));
  await write('outages', events);
}

async function openCase(id: string, at: string): Promise<string> {
  clock.now = local(at);
  await jobs.runNow('cases');
  const [row] = await product.store.rows<{ case_id: string }>(
    sql`SELECT case_id FROM case_events WHERE asset_id = ${id} AND action = 'open' LIMIT 1`,
  );
  if (!row) throw new Error(`no case for ${id}`);
  return row.case_id;
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
    ruleSets: product.deps.ruleSets,
  });
  if (!outcome.ok) throw new Error(`${body['action']}: ${JSON.stringify(outcome.issues)}`);
}

const plan = (measures: string[]) => ({
  action: 'approve_plan',
  causeAnalysis: '通道树障',
  measures,
  responsibleUnit: '供电所',
  responsiblePerson: '赵秘密',
  plannedStart: '2025-05-06',
  plannedEnd: '2025-12-30',
});

/** A quarter with every status: published in the night after it ends. */
async function publishQuarter(): Promise<void> {
  await write('assets', [
    asset('F1', 'feeder', '10kV 清水线', '保山市', '隆阳区'),
    asset('A1', 'area', '金鸡村1号台区', '保山市', '施甸县'),
    asset('F2', 'feeder', '10kV 松林线', '昆明市', '五华区'),
    asset('F3', 'feeder', '10kV 官渡Ⅱ回线', '昆明市', '官渡区'),
    asset('A2', 'area', '小板桥3号台区', '昆明市', '官渡区'),
    asset('F4', 'feeder', '10kV 麒麟线', '曲靖市', '麒麟区'),
  ]);
  await breach('F1', '2025-05-01');
  await breach('A2', '2025-06-01');
  await breach('F2', '2025-07-20');
  await breach('F3', '2025-08-10');
  await breach('A1', '2025-08-20');
  await breach('F4', '2025-09-05');
  await eventually(async () => {
    const [n] = await product.store.rows<{ n: number }>(sql`SELECT count() n FROM outages`);
    return n?.n === 24;
  }, 30_000);

  const f1 = await openCase('F1', '2025-05-02 00:20');
  await act(f1, '2025-05-05 10:00', plan(['tree_clearing', 'line_insulation']));
  await act(f1, '2025-05-06 08:00', { action: 'start_work', actualStart: '2025-05-06' });
  await act(f1, '2025-06-05 18:00', { action: 'complete_work', actualEnd: '2025-06-05' });
  await act(f1, '2025-09-10 10:00', {
    action: 'close',
    verification: {
      methods: ['user_visit', 'field_check'],
      result: '回访用户，无投诉',
      passed: true,
      verifiedBy: '钱核查',
      verifiedOn: '2025-09-10',
    },
  });
  const a2 = await openCase('A2', '2025-06-02 00:20');
  await act(a2, '2025-06-05 10:00', plan(['capacity_increase']));
  await act(a2, '2025-06-10 08:00', { action: 'start_work', actualStart: '2025-06-10' });
  await act(a2, '2025-08-30 18:00', { action: 'complete_work', actualEnd: '2025-08-30' });
  const f2 = await openCase('F2', '2025-07-21 00:20');
  await act(f2, '2025-07-25 10:00', plan(['equipment_replacement', 'automation']));
  await act(f2, '2025-08-01 08:00', { action: 'start_work', actualStart: '2025-08-01' });
  const f3 = await openCase('F3', '2025-08-11 00:20');
  await act(f3, '2025-08-20 10:00', plan(['external_damage_prevention']));
  await openCase('A1', '2025-08-21 00:20');
  await openCase('F4', '2025-09-06 00:20');
  clock.now = local('2025-10-01 00:20');
  const due = await jobs.runDue(clock.now);
  expect(due.disclosure).toEqual(['2025-Q3']);
}

/** Outages in progress now, for the live page. */
async function liveOutages(): Promise<void> {
  const now = Date.now();
  await write('outages', [
    {
      eventId: 'LIVE-1',
      assetId: 'F2',
      start: now - 90 * 60_000,
      end: null,
      customersAffected: 640,
      restorations: [],
      cause: 'weather_fault',
      planned: false,
      estimatedRestoration: now + 60 * 60_000,
      notes: '联系人 张三',
    },
    {
      eventId: 'LIVE-2',
      assetId: 'A1',
      start: now - 30 * 60_000,
      end: null,
      customersAffected: 120,
      restorations: [],
      cause: 'planned_maintenance',
      planned: true,
    },
  ]);
  await eventually(async () => {
    const [n] = await product.store.rows<{ n: number }>(
      sql`SELECT count() n FROM outages WHERE event_id IN ('LIVE-1', 'LIVE-2')`,
    );
    return n?.n === 2;
  }, 30_000);
}

beforeAll(async () => {
  mkdirSync(testRoot(), { recursive: true });
  mkdirSync(SHOTS, { recursive: true });
  const config = loadConfig({
    PORT: '0',
    OUTAGE_DATA_DIR: mkdtempSync(join(testRoot(), 'public-pages-')),
    OUTAGE_DEMO: '0',
    OUTAGE_LOG_LEVEL: 'silent',
    OUTAGE_ADMIN_TOKEN: 'public-admin-token-0123456789',
    OUTAGE_QDB_CACHE_DIR: jarCache(),
  });
  product = await startProduct(config, createLogger('silent'), { routers: productRouters, jobs: false });
  const set = product.deps.ruleSets.get(config.ruleSet);
  if (!set) throw new Error(`no rule set ${config.ruleSet}`);
  ruleSet = set;
  jobs = startJobs(product.deps, { clock: () => clock.now, cron: false, runAtStart: false });
  await publishQuarter();
  await liveOutages();

  // The public router as the product mounts it, with the product's security headers.
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders(undefined));
  app.use('/public', publicPages({ store: product.store, zone: ZONE, ruleSet }));
  server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
  web = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const common = { timezoneId: 'America/New_York', locale: 'en-US' };
  noJs = await browser.newContext({ ...common, viewport: DESKTOP, javaScriptEnabled: false });
  noJsPhone = await browser.newContext({
    ...common,
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    javaScriptEnabled: false,
  });
  // axe is a script: it runs in a context of its own, past the pages' Content-Security-Policy
  withJs = await browser.newContext({ ...common, viewport: DESKTOP, bypassCSP: true });
  withJsPhone = await browser.newContext({
    ...common,
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    bypassCSP: true,
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  if (server) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  jobs?.stop();
  await product?.stop();
});

const AXE = (): string => readFileSync(join(projectRoot(), 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: unknown[];
}

/** axe-core's serious and critical violations (WCAG 2.1 A/AA and best practice) on `path`. */
async function axe(path: string, viewport = DESKTOP): Promise<Violation[]> {
  const page = await withJs.newPage();
  try {
    await page.setViewportSize(viewport);
    await page.goto(`${web}${path}`);
    await page.addScriptTag({ content: AXE() });
    const violations = (await page.evaluate(`axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
        resultTypes: ['violations'],
      }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target) })))`)) as Violation[];
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  } finally {
    await page.close();
  }
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `public-${name}.png`), fullPage: true });
}

/** How wide the page lays out on a phone (wider than the screen: it scrolls sideways). */
async function phoneWidth(path: string): Promise<number> {
  const page = await withJsPhone.newPage();
  try {
    await page.goto(`${web}${path}`);
    return (await page.evaluate('document.documentElement.scrollWidth')) as number;
  } finally {
    await page.close();
  }
}

const cellTexts = (page: Page, selector: string) =>
  page
    .locator(selector)
    .evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())),
    );

describe('the quarterly disclosure without JavaScript', () => {
  it('runs in contexts where scripts do not run', async () => {
    for (const context of [noJs, noJsPhone]) {
      const page = await context.newPage();
      await page.setContent('<title>before</title><script>document.title = "after"</script>');
      expect(await page.title()).toBe('before');
      await page.close();
    }
  });

  it('renders the summary, the charts and every frozen row on a desktop', async () => {
    const page = await noJs.newPage();
    const res = await page.goto(`${web}/public/disclosures/2025-Q3`);
    expect(res?.status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('p.lead').textContent()).toBe(
      '本期共有 4 条中压线路、2 个台区列入频繁停电整治清单，其中 1 个已整治完成并销号。',
    );
    expect(await page.locator('table.list tbody tr').count()).toBe(6);
    expect(await page.locator('table.list tbody th[scope=row]').allTextContents()).toEqual([
      '金鸡村1号台区',
      '小板桥3号台区',
      '10kV 清水线',
      '10kV 松林线',
      '10kV 官渡Ⅱ回线',
      '10kV 麒麟线',
    ]);
    const charts = page.locator('svg.chart[role=img]');
    expect(await charts.count()).toBe(2);
    for (const chart of await charts.all()) {
      const box = await chart.boundingBox();
      expect(box?.width).toBeGreaterThan(300);
      expect(box?.height).toBeGreaterThan(60);
    }
    expect(await page.locator('svg.chart title').allTextContents()).toEqual(['按整治状态', '按州/市']);
    await shoot(page, 'disclosure-desktop');
    await page.close();
  });

  it('is readable on a phone: cards instead of columns, nothing wider than the screen', async () => {
    const page = await noJsPhone.newPage();
    await page.goto(`${web}/public/disclosures/2025-Q3`);
    const first = page.locator('table.list tbody tr').first();
    const box = await first.boundingBox();
    expect(box?.width).toBeLessThanOrEqual(PHONE.width);
    // each cell shows its column's name beside the value
    expect(await first.locator('td').first().getAttribute('data-label')).toBe('类型');
    await shoot(page, 'disclosure-phone');
    await page.goto(`${web}/public/disclosures/2025-Q3?lang=en&region=${encodeURIComponent('昆明市')}`);
    expect(await page.locator('table.list tbody tr').count()).toBe(3);
    await shoot(page, 'disclosure-en-region-phone');
    await page.close();
    expect(await phoneWidth('/public/disclosures/2025-Q3')).toBeLessThanOrEqual(PHONE.width);
    expect(await phoneWidth('/public/disclosures/2025-Q3?lang=en')).toBeLessThanOrEqual(PHONE.width);
  });

  it('prints the list as a table, without the navigation', async () => {
    const page = await noJs.newPage();
    await page.goto(`${web}/public/disclosures/2025-Q3`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header nav').isVisible()).toBe(false);
    expect(await page.locator('table.list thead').isVisible()).toBe(true);
    await shoot(page, 'disclosure-print');
    await page.close();
  });

  it('offers downloads whose rows are the table', async () => {
    const page = await noJs.newPage();
    await page.goto(`${web}/public/disclosures/2025-Q3`);
    const html = await cellTexts(page, 'table.list tr');
    const href = await page.locator('a[type="text/csv"]').getAttribute('href');
    const csv = await (await fetch(new URL(href ?? '', web))).text();
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines.map((l) => l.split(','))).toEqual(html);
    await page.close();
  });

  it('has no serious or critical accessibility violations (zh, en, region, list)', async () => {
    expect(await axe('/public/disclosures/2025-Q3')).toEqual([]);
    expect(await axe('/public/disclosures/2025-Q3?lang=en')).toEqual([]);
    expect(await axe(`/public/disclosures/2025-Q3?region=${encodeURIComponent('保山市')}`, PHONE)).toEqual(
      [],
    );
    expect(await axe('/public/disclosures')).toEqual([]);
    expect(await axe('/public/disclosures/2026-Q1')).toEqual([]);
  });

  it('lists the published quarters', async () => {
    const page = await noJs.newPage();
    await page.goto(`${web}/public/disclosures`);
    await page.locator('a', { hasText: '2025年第三季度' }).click();
    expect(new URL(page.url()).pathname).toBe('/public/disclosures/2025-Q3');
    await page.goto(`${web}/public/disclosures`);
    await shoot(page, 'disclosures-desktop');
    await page.close();
  });
});

describe('the live outage page without JavaScript', () => {
  it('shows the outages in progress by county, on a desktop and a phone', async () => {
    const page = await noJs.newPage();
    await page.goto(`${web}/public/outages`);
    // the share of the county's customers: 640 of 900 (its feeder's); 120 of 120 (one area, no feeder)
    expect(await cellTexts(page, 'table.counties tbody tr')).toEqual([
      ['昆明市', '五华区', '1', '640', '71.1%'],
      ['保山市', '施甸县', '1', '120', '100.0%'],
    ]);
    expect(await page.content()).not.toContain('张三');
    await shoot(page, 'live-desktop');
    await page.close();
    const phone = await noJsPhone.newPage();
    await phone.goto(`${web}/public/outages?lang=en`);
    expect(await phone.locator('h1').textContent()).toBe('Public outage information');
    await shoot(phone, 'live-phone');
    await phone.close();
    expect(await phoneWidth('/public/outages?lang=en')).toBeLessThanOrEqual(PHONE.width);
  });

  it('has no serious or critical accessibility violations', async () => {
    expect(await axe('/public/outages')).toEqual([]);
    expect(await axe('/public/outages?lang=en', PHONE)).toEqual([]);
  });
});
