// What the dashboard's browser tests run against: the product on its own local QuestDB with
// the demo data, the dashboard's read endpoints mounted beside the product's routers, and a
// second small server on 127.0.0.1 that serves dashboard/public and forwards /api to the
// product (until dashboardPages() is mounted in server/app.ts), with the product's security
// headers so a Content-Security-Policy violation shows here too. Chromium from Debian.

import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { dashboardDataRouter } from '../../dashboard/api/dashboard-data.js';
import { buildDashboard } from '../../dashboard/build.js';
import { dashboardPages } from '../../dashboard/api/static.js';
import type { AppDeps, RouterFactory } from '../../server/app.js';
import { loadConfig, projectRoot } from '../../server/config.js';
import { loadDemoIfEmpty } from '../../server/demo.js';
import { createLogger } from '../../server/log.js';
import { requireRole } from '../../dashboard/api/middleware/auth/index.js';
import { securityHeaders } from '../../dashboard/api/middleware/security/index.js';
import { productRouters } from '../../server/routes.js';
import { type Product, startProduct } from '../../server/runtime.js';
import { jarCache, testRoot } from '../support/questdb.js';

export const ADMIN = 'browser-admin-token-0123456789';
export const OPERATOR = 'browser-operator-token-0123456789';
export const INGEST = 'browser-ingest-token-0123456789';
export const PLANNER = 'browser-planner-token-0123456789';
/** A second planner, named: approves what PLANNER drafts (separation of duties). */
export const REVIEWER = 'browser-reviewer-token-0123456789';
export const REVIEWER_NAME = '王审核';

export const screenshotDir = (): string => join(projectRoot(), '.local', 'screenshots');

const role = (d: AppDeps) => (r: Parameters<typeof requireRole>[1]) => requireRole(d.tokens, r);

export const dashboardData: RouterFactory = (d) =>
  dashboardDataRouter({ store: d.store, zone: d.config.zone, requireRole: role(d), ruleSets: d.ruleSets });

/**
 * GET /reliability… is being written beside this work; mounted when its module loads, so the
 * reliability view's test can say why it is skipped otherwise.
 */
export async function reliabilityRouterFactory(): Promise<RouterFactory | string> {
  try {
    const m = (await import('../../dashboard/api/reliability.js')) as {
      reliabilityRouter?: (deps: {
        store: AppDeps['store'];
        zone: string;
        requireRole: ReturnType<typeof role>;
      }) => express.Router;
    };
    const make = m.reliabilityRouter;
    if (!make) return 'dashboard/api/reliability.ts exports no reliabilityRouter';
    return (d) => make({ store: d.store, zone: d.config.zone, requireRole: role(d) });
  } catch (err) {
    return `dashboard/api/reliability.ts does not load: ${(err as Error).message}`;
  }
}

export interface Harness {
  product: Product;
  /** The pages server's origin (http://127.0.0.1:port). */
  web: string;
  browser: Browser;
  /** Why the reliability API is not mounted, or undefined when it is. */
  reliabilityMissing: string | undefined;
  stop(): Promise<void>;
}

function pagesServer(product: Product): Promise<Server> {
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders(undefined));
  app.use(dashboardPages());
  // Streams both ways, so the server-sent events arrive as they are written.
  app.use('/api', (req, res) => {
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port: product.port,
        path: req.originalUrl,
        method: req.method,
        headers: req.headers,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  return new Promise((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
}

/** Polls until the demo's writes are visible (QuestDB applies its WAL asynchronously). */
async function demoVisible(product: Product, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [active, flags] = await Promise.all([
      api<{ rows: unknown[] }>(product, '/api/v1/outages/active'),
      api<{ rows: unknown[] }>(product, '/api/v1/flags'),
    ]).catch(() => [{ rows: [] }, { rows: [] }]);
    if (active.rows.length > 0 && flags.rows.length > 0) return;
    if (Date.now() > deadline) throw new Error('demo data not visible in time');
    await new Promise((r) => setTimeout(r, 500));
  }
}

export async function startHarness(): Promise<Harness> {
  await buildDashboard();
  mkdirSync(testRoot(), { recursive: true });
  mkdirSync(screenshotDir(), { recursive: true });
  const reliability = await reliabilityRouterFactory();
  const dataDir = mkdtempSync(join(testRoot(), 'dashboard-'));
  const config = loadConfig({
    PORT: '0',
    OUTAGE_DATA_DIR: dataDir,
    OUTAGE_DEMO: '1',
    OUTAGE_LOG_LEVEL: 'silent',
    OUTAGE_ADMIN_TOKEN: ADMIN,
    OUTAGE_TOKENS: `operator:${OPERATOR},ingest:${INGEST},planner:${PLANNER},planner:${REVIEWER_NAME}:${REVIEWER}`,
    OUTAGE_QDB_CACHE_DIR: jarCache(),
  });
  const routers: RouterFactory[] = [...productRouters, dashboardData];
  if (typeof reliability !== 'string') routers.push(reliability);
  const product = await startProduct(config, createLogger('silent'), {
    routers,
    beforeListen: loadDemoIfEmpty,
  });
  let server: Server | undefined;
  let browser: Browser | undefined;
  try {
    await demoVisible(product);
    server = await pagesServer(product);
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
  } catch (err) {
    await browser?.close();
    server?.close();
    await product.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  const { port } = server.address() as AddressInfo;
  const s = server;
  const b = browser;
  return {
    product,
    web: `http://127.0.0.1:${port}`,
    browser: b,
    reliabilityMissing: typeof reliability === 'string' ? reliability : undefined,
    async stop() {
      await b.close();
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
      await product.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** GET from the product's API as JSON, with the operator token unless told otherwise. */
export async function api<T>(product: Product, path: string, token = OPERATOR): Promise<T> {
  const res = await fetch(`${product.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors seen since the last take(). */
  errors: { take(): string[] };
}

/**
 * A browser context in a time zone far from the operating one (what the page shows must not
 * depend on the browser's zone), with every console error and uncaught exception recorded.
 */
export async function openSession(h: Harness, viewport = { width: 1280, height: 900 }): Promise<Session> {
  const context = await h.browser.newContext({ viewport, timezoneId: 'America/New_York', locale: 'en-US' });
  const page = await context.newPage();
  let seen: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') seen.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => seen.push(`pageerror: ${e.message}`));
  return {
    context,
    page,
    errors: {
      take() {
        const out = seen;
        seen = [];
        return out;
      },
    },
  };
}

export async function signIn(page: Page, web: string, token = OPERATOR): Promise<void> {
  await page.goto(`${web}/#/live`);
  await page.locator('#token').fill(token);
  await page.locator('form.login button[type=submit]').click();
  await page.locator('nav.main-nav').waitFor();
}

const AXE = (): string => readFileSync(join(projectRoot(), 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core's serious and critical violations on the page as it is (WCAG 2 A/AA and best practice). */
export async function axeSerious(page: Page): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol, so the page's CSP does not block it.
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(`${AXE()};true`);
  const violations = (await page.evaluate(`axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target })) })))`)) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(screenshotDir(), `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
