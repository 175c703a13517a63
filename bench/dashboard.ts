// The hotspot view on a demo set, from the running product: the data it requests (GET /me,
// /rule-sets, /flags, /boundaries, /hotspots as Arrow, /outages/daily) fetched and decoded by
// the browser's own client in Node, and the view itself opened in headless Chromium, its
// progress read from performance marks a MutationObserver sets (two animation frames after the
// element appears, so the frame that shows it has been painted) and the API requests' resource
// timings. Times are from the start of navigation, each run in a fresh browser context.

import { type Browser, chromium } from 'playwright-core';
import { buildDashboard } from '../dashboard/build.js';
import { Api } from '../dashboard/web/api.js';
import type { DemoDatabase } from './demo-db.js';
import { peakSampler } from './demo-db.js';
import { fromSamples, type GroupContext, type Measurement } from './harness.js';
import { BENCH_TOKEN, type BenchProduct, benchProduct } from './product.js';

/** The budget: the whole hotspot view (ranking, map, calendar) within this of navigation. */
export const VIEW_BUDGET_MS = 10_000;
/** … and its data (every API answer it asked for) within this. */
export const DATA_BUDGET_MS = 5_000;

const MARKS = {
  ranking: 'table[data-name="hotspot-ranking"] tbody tr',
  map: 'canvas.density',
  calendar: '[data-name="hs-calendar"]',
} as const;

/** Runs in the page before its scripts: marks when each part is on screen. */
const pageScript = (marks: Record<string, string>): string => `
(() => {
  const marks = ${JSON.stringify(marks)};
  const seen = new Set();
  const check = () => {
    for (const [name, selector] of Object.entries(marks)) {
      if (seen.has(name) || !document.querySelector(selector)) continue;
      seen.add(name);
      requestAnimationFrame(() => requestAnimationFrame(() => performance.mark(name)));
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true });
})();`;

interface ViewTiming {
  marks: Record<string, number>;
  /** responseEnd of the last /api/v1 request, and of /hotspots, with its transfer size */
  dataMs: number;
  hotspotsMs: number;
  hotspotsBytes: number;
  heapMb: number;
  /** each API request's path and responseEnd (ms from navigation) */
  requests: { path: string; endMs: number; bytes: number }[];
}

async function openView(browser: Browser, url: string, timeoutMs: number): Promise<ViewTiming> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  try {
    // Signed in as the dashboard is: the token exchanged for the session cookie the context keeps.
    const signIn = await context.request.post(`${url}/api/v1/session`, { data: { token: BENCH_TOKEN } });
    if (!signIn.ok()) throw new Error(`sign-in refused: ${signIn.status()} ${await signIn.text()}`);
    await context.addInitScript(pageScript(MARKS));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${url}/#/hotspots`);
    await page.waitForFunction(
      (names) => names.every((n) => performance.getEntriesByName(n, 'mark').length > 0),
      Object.keys(MARKS),
      { timeout: timeoutMs, polling: 100 },
    );
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    return await page.evaluate((names) => {
      const marks: Record<string, number> = {};
      for (const n of names) marks[n] = performance.getEntriesByName(n, 'mark')[0]?.startTime ?? Number.NaN;
      const api = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) =>
        r.name.includes('/api/v1/'),
      );
      const hot = api.find((r) => new URL(r.name).pathname.endsWith('/hotspots'));
      const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
      return {
        marks,
        dataMs: Math.max(...api.map((r) => r.responseEnd)),
        hotspotsMs: hot?.responseEnd ?? Number.NaN,
        hotspotsBytes: hot?.encodedBodySize ?? 0,
        heapMb: (memory?.usedJSHeapSize ?? 0) / 2 ** 20,
        requests: api.map((r) => ({
          path: new URL(r.name).pathname.replace(/^.*\/api\/v1/, ''),
          endMs: r.responseEnd,
          bytes: r.encodedBodySize,
        })),
      };
    }, Object.keys(MARKS));
  } finally {
    await context.close();
  }
}

export async function dashboardGroup(db: DemoDatabase, ctx: GroupContext): Promise<void> {
  const bp = await benchProduct(db);
  pushFirstFlags(db, bp, ctx);
  const data = await nodeClientRun(db, bp, ctx);
  await buildDashboard();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  db.cleanups.push(() => browser.close());
  const sampler = peakSampler();
  const timings: ViewTiming[] = [];
  try {
    // One run first to warm the server's and QuestDB's caches, as the Node requests above did.
    await openView(browser, bp.url, 10 * 60_000);
    for (let i = 0; i < ctx.repeats; i++) timings.push(await openView(browser, bp.url, 10 * 60_000));
  } finally {
    sampler.stop();
  }
  reportView(db, ctx, { version: browser.version(), timings, sampler, data });
}

const rss = () => Math.round(process.memoryUsage().rss / 2 ** 20);

/** The product's first full flag evaluation (or the bench's, when the product's failed), with why. */
function pushFirstFlags(db: DemoDatabase, bp: BenchProduct, ctx: GroupContext): void {
  const queryTimeout = process.env['QDB_QUERY_TIMEOUT'];
  if (queryTimeout) {
    ctx.notes.push(
      `[${db.size}] QuestDB ran with query.timeout=${queryTimeout} (QDB_QUERY_TIMEOUT; default 1m): with the default, QuestDB aborted the product's first full flag evaluation at large ("timeout, query aborted"), so GET /flags failed and the view could not load`,
    );
  }
  if (bp.failure === undefined) {
    const name = 'flags: first full evaluation at product start (3 rule sets)';
    ctx.push(fromSamples(name, db.size, [bp.firstFlagsMs], rss()));
  } else {
    const name = 'flags: full evaluation by the bench, no client timeout (3 rule sets)';
    const note = 'the product’s own first evaluation failed, see below';
    ctx.push(fromSamples(name, db.size, [bp.firstFlagsMs], rss(), { note }));
    ctx.notes.push(
      `[${db.size}] the product's first full flag evaluation failed (${bp.failure}); the view was measured with the flags evaluated by the bench and placed in the product's cache`,
    );
  }
}

/**
 * `run` with the fetches to `base` carrying the bearer token: the browser's client relies on the
 * session cookie its browser sends, which Node's fetch does not keep; the API takes either. Only
 * those: the product runs in this process, and its own fetches to QuestDB carry QuestDB's login.
 */
async function withBearer<T>(base: string, token: string, run: () => Promise<T>): Promise<T> {
  const plain = globalThis.fetch;
  globalThis.fetch = (input, init) =>
    String(input instanceof Request ? input.url : input).startsWith(base)
      ? plain(input, {
          ...init,
          headers: { ...(init?.headers as Record<string, string>), authorization: `Bearer ${token}` },
        })
      : plain(input, init);
  try {
    return await run();
  } finally {
    globalThis.fetch = plain;
  }
}

/** The view's data as the browser's client fetches and decodes it, in Node. */
async function nodeClientRun(db: DemoDatabase, bp: BenchProduct, ctx: GroupContext): Promise<Measurement> {
  let rows = 0;
  const data = await ctx.run({
    name: 'hotspot view data: its 6 requests, decoded by the browser client (Node)',
    size: db.size,
    run: async () => {
      const api = new Api('', `${bp.url}/api/v1`);
      const [, , , , hotspots] = await withBearer(bp.url, BENCH_TOKEN, () =>
        Promise.all([
          api.json('/me'),
          api.json('/rule-sets'),
          api.json('/flags'),
          api.json('/boundaries'),
          api.arrowRows('/hotspots'),
          api.json('/outages/daily'),
        ]),
      );
      rows = hotspots.length;
    },
  });
  data.note = `${rows.toLocaleString('en')} assets in /hotspots`;
  return data;
}

interface ViewRuns {
  /** the browser's version, named in each measurement */
  version: string;
  timings: ViewTiming[];
  sampler: ReturnType<typeof peakSampler>;
  /** the Node client's measurement, for the budget's note */
  data: Measurement;
}

/** The view's measurements from the browser's runs, and notes on its requests and its budget. */
function reportView(
  db: DemoDatabase,
  ctx: GroupContext,
  { version, timings, sampler, data }: ViewRuns,
): void {
  const at = (f: (t: ViewTiming) => number) => timings.map(f);
  const heap = Math.round(Math.max(...at((t) => t.heapMb)));
  const kb = Math.round((timings[0]?.hotspotsBytes ?? 0) / 1024);
  const metric = (name: string, f: (t: ViewTiming) => number, note?: string) => {
    const m = fromSamples(`hotspot view in Chromium ${version}: ${name}`, db.size, at(f), sampler.peakMb(), {
      ...(note ? { note } : {}),
    });
    ctx.push(m);
    return m;
  };
  const hot = metric(
    '/hotspots (Arrow) received',
    (t) => t.hotspotsMs,
    `${kb.toLocaleString('en')} KiB on the wire`,
  );
  const all = metric('all data received', (t) => t.dataMs, `page JS heap up to ${heap} MB`);
  metric('ranking table drawn', (t) => t.marks['ranking'] ?? Number.NaN);
  metric('density map drawn', (t) => t.marks['map'] ?? Number.NaN);
  const done = metric('view complete (with calendar)', (t) => t.marks['calendar'] ?? Number.NaN);
  ctx.notes.push(
    `[${db.size}] the view's API requests, by when they ended (median ms from navigation; KiB on the wire): ${requestEnds(
      timings,
    )
      .map((e) => `${e.path} ${Math.round(e.ms)} (${e.kb.toLocaleString('en')})`)
      .join(', ')}`,
  );
  const verdict = (ms: number, budget: number) => (ms <= budget ? 'met' : 'NOT met');
  ctx.notes.push(
    `[${db.size}] budget: data within ${DATA_BUDGET_MS / 1000} s of navigation — ${verdict(all.medianMs, DATA_BUDGET_MS)} (median ${(all.medianMs / 1000).toFixed(1)} s; /hotspots ${(hot.medianMs / 1000).toFixed(1)} s; Node client ${(data.medianMs / 1000).toFixed(1)} s); view complete within ${VIEW_BUDGET_MS / 1000} s — ${verdict(done.medianMs, VIEW_BUDGET_MS)} (median ${(done.medianMs / 1000).toFixed(1)} s)`,
  );
}

/** Which request the view waited for longest: each path's end, median over the runs, latest first. */
function requestEnds(timings: readonly ViewTiming[]): { path: string; ms: number; kb: number }[] {
  const paths = [...new Set(timings.flatMap((t) => t.requests.map((r) => r.path)))];
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  return paths
    .map((path) => {
      const runs = timings.flatMap((t) => t.requests.filter((r) => r.path === path));
      return { path, ms: median(runs.map((r) => r.endMs)), kb: Math.round((runs[0]?.bytes ?? 0) / 1024) };
    })
    .sort((a, b) => b.ms - a.ms);
}
