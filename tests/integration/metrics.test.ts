// GET /metrics as Prometheus scrapes it from a running product: latency histograms by route
// pattern, the writer's counters, a job run driven by hand, a full flag evaluation, and the
// metrics role, which reads /metrics and nothing else.

import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CurrentFlags } from '../../analytics/flags/index.js';
import type { AppDeps } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { type Jobs, startJobs } from '../../server/jobs/index.js';
import { createLogger } from '../../server/log.js';
import { productMetrics } from '../../server/metrics/index.js';
import { productRouters } from '../../server/routes.js';
import { type Product, startProduct } from '../../server/runtime.js';
import { INGEST, OPERATOR, post } from '../support/product.js';
import { testRoot } from '../support/questdb.js';

/** a Prometheus scraper's token: the metrics role only */
const SCRAPER = 'test-metrics-scraper-0123456789';
const P = `M${Date.now().toString(36)}`;
let product: Product;
const jobs: Jobs[] = [];

beforeAll(async () => {
  const config = loadConfig({
    PORT: '0',
    OUTAGE_DATA_DIR: mkdtempSync(join(testRoot(), 'app-')),
    OUTAGE_DEMO: '0',
    OUTAGE_LOG_LEVEL: 'silent',
    OUTAGE_NOTICES: '0',
    OUTAGE_RULE_SETS: 'national-2025',
    OUTAGE_TOKENS: `operator:${OPERATOR},ingest:${INGEST},metrics:prometheus:${SCRAPER}`,
    QDB_CLIENT_CONF: inject('qdbClientConf'),
  });
  // No scheduled jobs: the job runs below are the only ones.
  product = await startProduct(config, createLogger('silent'), { routers: productRouters, jobs: false });
});
afterAll(async () => {
  for (const j of jobs) j.stop();
  await product.stop();
});

const request = (path: string, token?: string) =>
  fetch(`${product.url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

async function scrape(): Promise<string> {
  const res = await request('/metrics', SCRAPER);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  return res.text();
}

/** The value of one series in the exposition text; undefined when absent. */
function value(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

const HISTORY = 'route="/api/v1/outages/:eventId/history"';

describe('GET /metrics', () => {
  it('counts requests by route pattern and status in the latency histogram', async () => {
    for (const id of ['a', 'b', 'c'])
      expect((await request(`/api/v1/outages/${P}-${id}/history`, OPERATOR)).status).toBe(200);
    expect((await request(`/api/v1/outages/${P}-d/history`)).status).toBe(401);
    expect((await request(`/api/v1/no-such-route-${P}`, OPERATOR)).status).toBe(404);
    const text = await scrape();
    const ok = `method="GET",${HISTORY},status="200"`;
    expect(value(text, `outage_http_request_duration_seconds_count{${ok}}`)).toBe(3);
    expect(value(text, `outage_http_request_duration_seconds_bucket{le="+Inf",${ok}}`)).toBe(3);
    expect(value(text, `outage_http_request_duration_seconds_sum{${ok}}`)).toBeGreaterThan(0);
    expect(
      value(text, `outage_http_request_duration_seconds_count{method="GET",${HISTORY},status="401"}`),
    ).toBe(1);
    expect(
      value(text, 'outage_http_request_duration_seconds_count{method="GET",route="unmatched",status="404"}'),
    ).toBe(1);
    expect(text).toMatch(/^# TYPE outage_http_request_duration_seconds histogram$/m);
    // The ids asked for name no series.
    expect(text).not.toContain(P);
    // The default process metrics, by their usual names.
    expect(text).toMatch(/^# TYPE process_resident_memory_bytes gauge$/m);
    expect(text).toMatch(/^# TYPE nodejs_eventloop_lag_seconds gauge$/m);
    expect(value(text, 'outage_questdb_up')).toBe(1);
    expect(text).toContain(`outage_build_info{version="0.1.0",questdb="9.3.4",node="${process.version}"} 1`);
  });

  it('counts the records written and rejected', async () => {
    const before = await scrape();
    const assets = [
      { assetId: `${P}-F1`, kind: 'feeder', areaClass: 'rural', customers: 10 },
      { assetId: `${P}-F2`, kind: 'feeder', areaClass: 'rural', customers: 20 },
      { assetId: `${P}-F3`, kind: 'no-such-kind' },
    ];
    const r = await post(product, '/api/v1/assets', JSON.stringify(assets));
    expect(r.body).toMatchObject({ accepted: 2, rejectedCount: 1, spooled: 0 });
    const after = await scrape();
    const delta = (series: string) => (value(after, series) ?? 0) - (value(before, series) ?? 0);
    expect(delta('outage_records_written_total{kind="assets"}')).toBe(2);
    expect(delta('outage_records_rejected_total')).toBe(1);
    expect(delta('outage_records_spooled_total')).toBe(0);
    expect(value(after, 'outage_spool_records')).toBe(0);
    expect(value(after, 'outage_spool_bytes')).toBe(0);
  });

  it('times a job run and sets its last success to the time the run was as of', async () => {
    const asOf = Date.UTC(2025, 6, 1, 16, 50); // 2025-07-02 00:50 in Shanghai: an hourly run
    const j = startJobs(product.deps, { clock: () => asOf, cron: false, runAtStart: false });
    jobs.push(j);
    const count = 'outage_job_duration_seconds_count{job="reports",outcome="ok"}';
    expect(value(await scrape(), count)).toBeUndefined();
    await j.runNow('reports');
    let text = await scrape();
    expect(value(text, count)).toBe(1);
    expect(value(text, 'outage_job_duration_seconds_bucket{le="+Inf",job="reports",outcome="ok"}')).toBe(1);
    expect(value(text, 'outage_job_duration_seconds_sum{job="reports",outcome="ok"}')).toBeGreaterThanOrEqual(
      0,
    );
    expect(value(text, 'outage_job_last_success_timestamp_seconds{job="reports"}')).toBe(1751388600);
    await j.runNow('reports');
    text = await scrape();
    expect(value(text, count)).toBe(2);
  });

  it('counts a failed job run without moving its last success', async () => {
    // A product whose default rule set is missing: every job fails at once.
    const broken: AppDeps = { ...product.deps, config: { ...product.deps.config, ruleSet: `${P}-missing` } };
    const j = startJobs(broken, { clock: () => Date.UTC(2025, 0, 1), cron: false, runAtStart: false });
    jobs.push(j);
    await expect(j.runNow('ledger')).rejects.toThrow(/no rule set/);
    const text = await productMetrics(broken).scrape();
    expect(value(text, 'outage_job_duration_seconds_count{job="ledger",outcome="failed"}')).toBe(1);
    expect(value(text, 'outage_job_duration_seconds_count{job="ledger",outcome="ok"}')).toBeUndefined();
    expect(text).not.toContain('outage_job_last_success_timestamp_seconds{job="ledger"}');
  });

  it('observes a full flag evaluation and counts the flags of now', async () => {
    const now = Date.now();
    const currentFlags = new CurrentFlags(
      product.store,
      product.deps.ruleSets,
      product.deps.config.zone,
      () => now,
    );
    const deps: AppDeps = { ...product.deps, currentFlags };
    const metrics = productMetrics(deps);
    expect(value(await metrics.scrape(), 'outage_flag_evaluation_duration_seconds_count')).toBe(0);
    await currentFlags.refreshAll();
    const text = await metrics.scrape();
    expect(value(text, 'outage_flag_evaluation_duration_seconds_count')).toBe(1);
    expect(value(text, 'outage_flag_evaluation_duration_seconds_sum')).toBe(currentFlags.lastFullMs / 1000);
    expect(value(text, 'outage_job_last_success_timestamp_seconds{job="flags"}')).toBe(now / 1000);
    const flags = currentFlags.get('national-2025')!.flags;
    expect(value(text, 'outage_flags{rule_set="national-2025",status="breach"}')).toBe(
      flags.filter((f) => f.status === 'breach').length,
    );
    expect(value(text, 'outage_flags{rule_set="national-2025",status="at_risk"}')).toBe(
      flags.filter((f) => f.status === 'at_risk').length,
    );
  });

  it("gives a scraper's metrics token /metrics and nothing else", async () => {
    expect((await request('/metrics', SCRAPER)).status).toBe(200);
    expect((await request('/metrics', OPERATOR)).status).toBe(200);
    expect((await request('/metrics')).status).toBe(401);
    for (const path of ['/api/v1/me', '/api/v1/flags', `/api/v1/outages/${P}-a/history`]) {
      expect([path, (await request(path, SCRAPER)).status]).toEqual([path, 403]);
    }
    const write = await post(product, '/api/v1/assets', '[]', 'application/json', SCRAPER);
    expect(write.status).toBe(403);
    const text = await scrape();
    expect(
      value(
        text,
        'outage_http_request_duration_seconds_count{method="GET",route="/api/v1/flags",status="403"}',
      ),
    ).toBe(1);
  });
});
