// The public live pages as residents read them, in real Chromium on a desktop and a 390 px
// phone, with JavaScript off and on: the map (server-rendered SVG from the county boundaries
// file), the list of outages with their areas, places and estimates, the planned-outage notices
// and the lookup form; axe-core finds no serious violation; with JavaScript the page refreshes
// itself every 60 s (the browser's clock is driven by the test, not waited for).
// The product runs on its own fresh QuestDB; screenshots go to .local/screenshots/public-live-*.png.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset, OutageEvent } from '../../core/index.js';
import { formatInZone } from '../../core/index.js';
import { publicPages } from '../../dashboard/public-pages/index.js';
import { loadConfig } from '../../server/config.js';
import { createLogger } from '../../server/log.js';
import { securityHeaders } from '../../dashboard/api/middleware/security/index.js';
import { productRouters } from '../../server/routes.js';
import { type Product, startProduct } from '../../server/runtime.js';
import { sql } from '../../store/index.js';
import { eventually, jarCache, testRoot } from '../support/questdb.js';
import { axeSerious, screenshot, screenshotDir } from './harness.js';

const ZONE = 'Asia/Shanghai';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const H = 3_600_000;
const DAY = 24 * H;

let product: Product;
let server: Server;
let web: string;
let browser: Browser;
let noJs: BrowserContext;
let noJsPhone: BrowserContext;
let withJs: BrowserContext;
let withJsPhone: BrowserContext;
/** The pages' clock runs `shift` ms ahead of the real one: moving it expires the minute's cache. */
let shift = 0;
const T0 = Date.now();
const minute = (ms: number) => formatInZone(ms, ZONE).slice(0, 16).replace('T', ' ');

const square = (lon: number, lat: number, size: number): [number, number][][] => [
  [
    [lon, lat],
    [lon + size, lat],
    [lon + size, lat + size],
    [lon, lat + size],
    [lon, lat],
  ],
];

const asset = (a: Partial<Asset> & Pick<Asset, 'assetId' | 'kind' | 'name' | 'county'>): Asset => ({
  province: '云南省',
  city: '昆明市',
  areaClass: 'urban',
  customers: 100,
  validFrom: T0 - 400 * DAY,
  ...a,
});

async function write(kind: 'assets' | 'outages', records: Asset[] | OutageEvent[]): Promise<void> {
  await product.deps.writer.write({ kind, receivedAt: Date.now(), records } as Parameters<
    Product['deps']['writer']['write']
  >[0]);
}

const outage = (
  o: Partial<OutageEvent> & Pick<OutageEvent, 'eventId' | 'assetId' | 'start'>,
): OutageEvent => ({
  end: null,
  customersAffected: 100,
  restorations: [],
  cause: 'equipment_fault',
  planned: false,
  ...o,
});

/** Waits until QuestDB shows the outages and their attribution rows (two WAL tables, applied apart). */
async function visible(ids: string[], reached: number): Promise<void> {
  await eventually(async () => {
    const [o] = await product.store.rows<{ n: number }>(
      sql`SELECT count() n FROM outages WHERE event_id IN (${ids})`,
    );
    const [r] = await product.store.rows<{ n: number }>(
      sql`SELECT count() n FROM outage_reach WHERE event_id IN (${ids})`,
    );
    return o?.n === ids.length && r?.n === reached;
  }, 30_000);
}

beforeAll(async () => {
  mkdirSync(testRoot(), { recursive: true });
  mkdirSync(screenshotDir(), { recursive: true });
  const dataDir = mkdtempSync(join(testRoot(), 'public-live-'));
  // Two counties side by side, as the demo's boundaries file gives them (counter-clockwise rings).
  const boundariesFile = join(dataDir, 'boundaries.geojson');
  writeFileSync(
    boundariesFile,
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { city: '昆明市', county: '官渡区' },
          geometry: { type: 'Polygon', coordinates: square(102.7, 24.9, 0.2) },
        },
        {
          type: 'Feature',
          properties: { city: '昆明市', county: '五华区' },
          geometry: { type: 'Polygon', coordinates: square(102.5, 24.9, 0.2) },
        },
      ],
    }),
  );
  const config = loadConfig({
    PORT: '0',
    OUTAGE_DATA_DIR: dataDir,
    OUTAGE_DEMO: '0',
    OUTAGE_LOG_LEVEL: 'silent',
    OUTAGE_ADMIN_TOKEN: 'public-live-admin-token-0123456789',
    OUTAGE_QDB_CACHE_DIR: jarCache(),
  });
  product = await startProduct(config, createLogger('silent'), { routers: productRouters, jobs: false });
  await write('assets', [
    asset({
      assetId: 'GF',
      kind: 'feeder',
      name: '10kV 官渡线',
      county: '官渡区',
      customers: 1000,
      lat: 25.0,
      lon: 102.8,
    }),
    asset({
      assetId: 'GA1',
      kind: 'area',
      name: '小板桥3号台区',
      county: '官渡区',
      feederId: 'GF',
      customers: 300,
      places: ['小板桥街道', '云秀小区'],
      lat: 25.02,
      lon: 102.82,
    }),
    asset({
      assetId: 'GA2',
      kind: 'area',
      name: '关上1号台区',
      county: '官渡区',
      feederId: 'GF',
      customers: 200,
      places: ['关上村'],
      lat: 24.98,
      lon: 102.78,
    }),
    asset({
      assetId: 'WF',
      kind: 'feeder',
      name: '10kV 五华线',
      county: '五华区',
      customers: 800,
      lat: 25.0,
      lon: 102.6,
    }),
    asset({
      assetId: 'WA1',
      kind: 'area',
      name: '龙泉路2号台区',
      county: '五华区',
      feederId: 'WF',
      customers: 400,
      places: ['龙泉路'],
      lat: 25.0,
      lon: 102.6,
    }),
  ]);
  await write('outages', [
    // the feeder's fault reaching one of its areas, its estimate already passed
    outage({
      eventId: 'L-1',
      assetId: 'GF',
      start: T0 - 2 * H,
      customersAffected: 300,
      affectedAreas: ['GA1'],
      estimatedRestoration: T0 - 15 * 60_000,
    }),
    // an area's planned work in progress, its estimate ahead
    outage({
      eventId: 'L-2',
      assetId: 'WA1',
      start: T0 - H,
      customersAffected: 40,
      cause: 'planned_maintenance',
      planned: true,
      estimatedRestoration: T0 + 3 * H,
    }),
    // a notice for 10 days ahead: listed as planned, not as in progress
    outage({
      eventId: 'L-3',
      assetId: 'GA2',
      start: T0 + 10 * DAY,
      end: T0 + 10 * DAY + 8 * H,
      customersAffected: 200,
      cause: 'planned_construction',
      planned: true,
    }),
  ]);
  await visible(['L-1', 'L-2', 'L-3'], 4); // the feeder's fault reaches the feeder and its one area

  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders(undefined));
  app.use(
    '/public',
    publicPages({
      store: product.store,
      zone: ZONE,
      ruleSet: product.deps.ruleSets.get(config.ruleSet),
      boundariesFile,
      report: { hotline: '95598', url: 'https://example.cn/report' },
      now: () => Date.now() + shift,
    }),
  );
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
  const phone = { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
  noJs = await browser.newContext({ ...common, viewport: DESKTOP, javaScriptEnabled: false });
  noJsPhone = await browser.newContext({ ...common, ...phone, javaScriptEnabled: false });
  withJs = await browser.newContext({ ...common, viewport: DESKTOP });
  withJsPhone = await browser.newContext({ ...common, ...phone });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  if (server) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  await product?.stop();
});

const rowsOf = (page: Page, selector: string) =>
  page
    .locator(selector)
    .evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())),
    );

/** The county fills of the map: county name → share class. */
const mapClasses = (page: Page) =>
  page
    .locator('svg.map path[data-county]')
    .evaluateAll((paths) =>
      paths.map((p) => `${p.getAttribute('data-county')}:${p.getAttribute('data-class')}`),
    );

const width = (page: Page) => page.evaluate('document.documentElement.scrollWidth') as Promise<number>;

describe('the live page without JavaScript', () => {
  it('draws the map first: each county by the share of its customers out, a dot per outage', async () => {
    const page = await noJs.newPage();
    expect((await page.goto(`${web}/public/outages`))?.status()).toBe(200);
    const map = page.locator('svg.map[role=img]');
    const box = await map.boundingBox();
    expect(box?.width).toBeGreaterThan(500);
    expect(box?.height).toBeGreaterThan(300);
    // 官渡区: 300 of 1,000 (its feeder's) out, 30 % → the darkest class; 五华区: 40 of 800, 5 % → 5–20 %
    expect((await mapClasses(page)).sort()).toEqual(['五华区:3', '官渡区:4']);
    expect(await page.locator('svg.map circle').count()).toBe(2);
    expect(await page.locator('svg.map title').first().textContent()).toBe('停电分布图');
    // the map comes before the lists
    const order = await page.evaluate(
      `[...document.querySelectorAll('svg.map, table.counties, table.list')].map((e) => e.tagName + '.' + e.getAttribute('class'))`,
    );
    expect(order).toEqual(['svg.map', 'TABLE.counties', 'TABLE.list outages']);
    expect(await rowsOf(page, 'table.counties tbody tr')).toEqual([
      ['昆明市', '官渡区', '1', '300', '30.0%'],
      ['昆明市', '五华区', '1', '40', '5.0%'],
    ]);
    await screenshot(page, 'public-live-desktop');
    await page.close();
  });

  it('lists each outage with its areas, places, cause, estimate (a passed one being reassessed) and last update', async () => {
    const page = await noJs.newPage();
    await page.goto(`${web}/public/outages`);
    const rows = await rowsOf(page, 'table.list tbody tr');
    expect(rows.map((r) => r.slice(0, 6))).toEqual([
      [
        '官渡区 · 小板桥3号台区',
        '小板桥街道、云秀小区',
        '设备故障（故障停电）',
        '300',
        minute(T0 - 2 * H),
        '正在重新评估',
      ],
      ['五华区 · 龙泉路2号台区', '龙泉路', '计划检修（计划停电）', '40', minute(T0 - H), minute(T0 + 3 * H)],
    ]);
    const html = await page.content();
    for (const hidden of ['10kV 官渡线', '关上1号台区', 'L-1', 'GF'])
      expect(html).not.toContain(`>${hidden}<`);
    expect(await page.locator('a[href="tel:95598"]').textContent()).toBe('拨打 95598 报修');
    expect(await page.locator('a', { hasText: '计划停电公告（1）' }).count()).toBe(2);
    // without script the page says how to see newer figures, not that it refreshes itself
    expect(await page.locator('span.nojs').isVisible()).toBe(true);
    expect(await page.locator('span.js').isVisible()).toBe(false);
    await page.close();
  });

  it('reads as cards on a phone, nothing wider than the screen', async () => {
    const page = await noJsPhone.newPage();
    await page.goto(`${web}/public/outages`);
    expect(await width(page)).toBeLessThanOrEqual(PHONE.width);
    const first = page.locator('table.list tbody tr').first();
    expect((await first.boundingBox())?.width).toBeLessThanOrEqual(PHONE.width);
    expect(await first.locator('td').nth(4).getAttribute('data-label')).toBe('预计恢复时间');
    expect((await page.locator('svg.map').boundingBox())?.width).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'public-live-phone');
    await page.goto(`${web}/public/outages?lang=en`);
    expect(await width(page)).toBeLessThanOrEqual(PHONE.width);
    expect(await page.locator('table.list tbody tr').first().locator('td').nth(4).textContent()).toBe(
      'being reassessed',
    );
    await screenshot(page, 'public-live-phone-en');
    await page.close();
  });

  it('lists the planned outage announced 10 days ahead by county', async () => {
    const page = await noJsPhone.newPage();
    await page.goto(`${web}/public/outages`);
    await page.locator('a', { hasText: '计划停电公告（1）' }).last().click();
    expect(new URL(page.url()).pathname).toBe('/public/planned');
    expect(await page.locator('section h3').allTextContents()).toEqual(['昆明市 官渡区']);
    const [row] = await rowsOf(page, 'table.planned tbody tr');
    expect(row?.slice(0, 6)).toEqual([
      '官渡区 · 关上1号台区',
      minute(T0 + 10 * DAY),
      minute(T0 + 10 * DAY + 8 * H),
      '关上村',
      '工程施工',
      '200',
    ]);
    expect(await width(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'public-live-planned-phone');
    await page.close();
  });
});

describe('the lookup', () => {
  it('answers from a GET form without JavaScript, on a phone', async () => {
    const page = await noJsPhone.newPage();
    await page.goto(`${web}/public/outages`);
    await page.locator('#lookup-q').fill('云秀小区');
    await page.locator('form.lookup button[type=submit]').click();
    expect(new URL(page.url()).searchParams.get('q')).toBe('云秀小区');
    const article = page.locator('article.area');
    expect(await article.count()).toBe(1);
    expect(await article.locator('h3').textContent()).toBe('小板桥3号台区');
    expect(await article.locator('.status-out').textContent()).toBe('当前停电');
    expect(await article.locator('dl.facts').nth(1).locator('dd').allTextContents()).toEqual([
      minute(T0 - 2 * H),
      '正在重新评估',
      '设备故障',
      expect.any(String),
    ]);
    expect(await width(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'public-live-lookup-phone');
    await page.goto(`${web}/public/lookup?q=${encodeURIComponent('关上')}&lang=en`);
    expect(await page.locator('article.area .status-on').textContent()).toBe('Power is on');
    expect(await page.locator('article.area ul.scheduled li').allTextContents()).toEqual([
      `${minute(T0 + 10 * DAY)} – ${minute(T0 + 10 * DAY + 8 * H)}, Construction work`,
    ]);
    await screenshot(page, 'public-live-lookup-en-phone');
    await page.goto(`${web}/public/lookup?q=${encodeURIComponent('没有这个地方')}`);
    expect(await page.locator('p.lead').textContent()).toBe(
      '没有找到与“没有这个地方”相符的台区。请输入台区名称、编号或村（社区、小区）名称。',
    );
    await page.close();
  });
});

describe('with JavaScript', () => {
  it('says it refreshes itself, and does so every 60 s without a reload', async () => {
    const page = await withJs.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      // the browser's own request for /favicon.ico answers 404: not the page's
      if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(m.text());
    });
    await page.clock.install();
    await page.goto(`${web}/public/outages`);
    await page.locator('span.js').waitFor({ state: 'visible' });
    expect(await page.locator('span.nojs').isVisible()).toBe(false);
    await page.evaluate('window.notReloaded = true');
    // a new outage; the server's minute passes (its cache expires), then the page's
    await write('outages', [
      outage({
        eventId: 'L-4',
        assetId: 'GA2',
        start: T0 - 10 * 60_000,
        customersAffected: 200,
        estimatedRestoration: T0 + 2 * H,
      }),
    ]);
    await visible(['L-4'], 1);
    shift += 61_000;
    await page.clock.fastForward(61_000);
    await page.locator('table.list tbody th', { hasText: '关上1号台区' }).waitFor();
    expect(await page.evaluate('window.notReloaded')).toBe(true);
    expect(await page.locator('table.list tbody tr').count()).toBe(3);
    expect(await page.locator('span.js').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await screenshot(page, 'public-live-refreshed-desktop');
    await page.close();
  });

  it('has no serious or critical accessibility violations (desktop and phone, zh and en)', async () => {
    for (const [context, path] of [
      [withJs, '/public/outages'],
      [withJsPhone, '/public/outages?lang=en'],
      [withJs, '/public/planned'],
      [withJsPhone, '/public/planned?lang=en'],
      [withJs, `/public/lookup?q=${encodeURIComponent('小板桥')}`],
      [withJsPhone, `/public/lookup?q=${encodeURIComponent('关上')}&lang=en`],
      [withJsPhone, '/public/lookup'],
    ] as const) {
      const page = await context.newPage();
      await page.goto(`${web}${path}`);
      expect(await axeSerious(page), path).toEqual([]);
      await page.close();
    }
  });
});
