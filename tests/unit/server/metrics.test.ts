// The product's metrics from what they read: the writer's counts, the spool's files, QuestDB's
// answer, the flags of now and each evaluation, the jobs' runs, the build; one registry per
// product, with the process's metrics added at scrape.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { afterAll, describe, expect, it } from 'vitest';
import type { CurrentFlagsSnapshot } from '../../../analytics/flags/index.js';
import type { Flag } from '../../../analytics/rules/index.js';
import type { AppDeps } from '../../../server/app.js';
import { registerBuildInfo } from '../../../server/metrics/build-info.js';
import { flagMetrics } from '../../../server/metrics/flags.js';
import { productMetrics } from '../../../server/metrics/index.js';
import { jobMetrics } from '../../../server/metrics/jobs.js';
import { storeMetrics } from '../../../server/metrics/store.js';
import type { WriterStats } from '../../../store/index.js';
import { Spool } from '../../../store/writer/spool.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'metrics-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The value of one series in the exposition text; undefined when absent. */
function value(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

const flag = (assetId: string, status: Flag['status']) => ({ assetId, status }) as Flag;

/** A CurrentFlags stand-in: snapshots set by hand, full evaluations announced by `evaluated`. */
function fakeFlags() {
  const snapshots = new Map<string, CurrentFlagsSnapshot>();
  const listeners = new Set<() => void>();
  return {
    lastFullMs: 0,
    get: (name: string) => snapshots.get(name),
    onFullEvaluation(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    evaluated(ms: number, asOf: number, flags: Record<string, readonly Flag[]>) {
      this.lastFullMs = ms;
      for (const [name, list] of Object.entries(flags))
        snapshots.set(name, { asOf, updatedAt: asOf, flags: list });
      for (const listener of listeners) listener();
    },
  };
}

describe('job metrics', () => {
  it('times every run by outcome and keeps the as-of time of the last success', async () => {
    const registry = new Registry();
    const jobs = jobMetrics(registry);
    const asOf = Date.UTC(2025, 6, 1, 16, 20); // 2025-07-02 00:20 in Shanghai
    jobs.ran({ job: 'ledger', outcome: 'ok', asOf, startedAt: 1_000, finishedAt: 3_500 });
    jobs.ran({ job: 'ledger', outcome: 'ok', asOf: asOf + 3_600_000, startedAt: 5_000, finishedAt: 5_250 });
    jobs.ran({
      job: 'ledger',
      outcome: 'failed',
      asOf: asOf + 7_200_000,
      startedAt: 9_000,
      finishedAt: 9_100,
    });
    const text = await registry.metrics();
    expect(value(text, 'outage_job_duration_seconds_count{job="ledger",outcome="ok"}')).toBe(2);
    expect(value(text, 'outage_job_duration_seconds_sum{job="ledger",outcome="ok"}')).toBe(2.75);
    expect(value(text, 'outage_job_duration_seconds_bucket{le="0.5",job="ledger",outcome="ok"}')).toBe(1);
    expect(value(text, 'outage_job_duration_seconds_bucket{le="2.5",job="ledger",outcome="ok"}')).toBe(2);
    expect(value(text, 'outage_job_duration_seconds_count{job="ledger",outcome="failed"}')).toBe(1);
    // The failed run does not move the last success: the one an hour after asOf stays.
    expect(value(text, 'outage_job_last_success_timestamp_seconds{job="ledger"}')).toBe(1751390400);
    expect(text).not.toContain('job="cases"');
  });
});

describe('flag metrics', () => {
  it('observes each full evaluation and counts the flags of now by rule set and status', async () => {
    const registry = new Registry();
    const flags = fakeFlags();
    flagMetrics(
      registry,
      { currentFlags: flags, ruleSets: ['national-2025', 'baoshan-2021'] },
      jobMetrics(registry),
    );
    const before = await registry.metrics();
    expect(value(before, 'outage_flag_evaluation_duration_seconds_count')).toBe(0);
    expect(before).not.toContain('outage_flags{');

    const asOf = Date.UTC(2025, 0, 1);
    flags.evaluated(1_500, asOf, {
      'national-2025': [flag('F1', 'breach'), flag('F2', 'breach'), flag('A1', 'at_risk')],
      'baoshan-2021': [],
    });
    flags.evaluated(40_000, asOf + 86_400_000, {
      'national-2025': [
        flag('F1', 'breach'),
        flag('F2', 'breach'),
        flag('A1', 'at_risk'),
        flag('A2', 'breach'),
      ],
      'baoshan-2021': [flag('F9', 'at_risk')],
    });
    const text = await registry.metrics();
    expect(value(text, 'outage_flag_evaluation_duration_seconds_count')).toBe(2);
    expect(value(text, 'outage_flag_evaluation_duration_seconds_sum')).toBe(41.5);
    expect(value(text, 'outage_flag_evaluation_duration_seconds_bucket{le="1"}')).toBe(0);
    expect(value(text, 'outage_flag_evaluation_duration_seconds_bucket{le="2.5"}')).toBe(1);
    expect(value(text, 'outage_flag_evaluation_duration_seconds_bucket{le="60"}')).toBe(2);
    expect(value(text, 'outage_flags{rule_set="national-2025",status="breach"}')).toBe(3);
    expect(value(text, 'outage_flags{rule_set="national-2025",status="at_risk"}')).toBe(1);
    expect(value(text, 'outage_flags{rule_set="baoshan-2021",status="breach"}')).toBe(0);
    expect(value(text, 'outage_flags{rule_set="baoshan-2021",status="at_risk"}')).toBe(1);
    expect(value(text, 'outage_job_last_success_timestamp_seconds{job="flags"}')).toBe(1735776000);
  });
});

describe('store metrics', () => {
  const stats: WriterStats = {
    written: { assets: 4, outages: 12, warnings: 1, rejects: 3 },
    spooled: 7,
    replayed: 2,
    failures: 5,
  };

  it('mirrors the writer, the spool in units, records and bytes, QuestDB and its restarts', async () => {
    const dir = tempDir();
    const spool = new Spool<{ kind: string; records: unknown[] }>(dir, 1 << 20);
    spool.append({ kind: 'outages', records: [{ eventId: 'E1' }, { eventId: 'E2' }, { eventId: 'E3' }] });
    spool.append({ kind: 'assets', records: [{ assetId: 'F1' }, { assetId: 'F2' }] });
    let up = true;
    const registry = new Registry();
    storeMetrics(registry, {
      store: { ping: async () => up },
      writer: {
        stats,
        get spoolDepth() {
          return spool.depth;
        },
        get spoolBytes() {
          return spool.size;
        },
        refusedCount: 1,
      },
      spoolDir: dir,
      questdb: { restarts: 2 },
    });
    let text = await registry.metrics();
    expect(value(text, 'outage_records_written_total{kind="assets"}')).toBe(4);
    expect(value(text, 'outage_records_written_total{kind="outages"}')).toBe(12);
    expect(value(text, 'outage_records_written_total{kind="warnings"}')).toBe(1);
    expect(text).not.toContain('kind="rejects"');
    expect(value(text, 'outage_records_rejected_total')).toBe(3);
    expect(value(text, 'outage_records_spooled_total')).toBe(7);
    expect(value(text, 'outage_records_replayed_total')).toBe(2);
    expect(value(text, 'outage_write_failures_total')).toBe(5);
    expect(value(text, 'outage_spool_units')).toBe(2);
    expect(value(text, 'outage_spool_records')).toBe(5);
    expect(value(text, 'outage_spool_bytes')).toBe(spool.size);
    expect(spool.size).toBeGreaterThan(0);
    expect(value(text, 'outage_spool_refused_units')).toBe(1);
    expect(value(text, 'outage_questdb_up')).toBe(1);
    expect(value(text, 'outage_questdb_restarts_total')).toBe(2);
    expect(text).toMatch(/^# TYPE outage_records_written_total counter$/m);
    expect(text).toMatch(/^# TYPE outage_spool_records gauge$/m);

    // The oldest unit replayed, a new one spooled, QuestDB gone: counted again from the files.
    spool.shift();
    spool.append({ kind: 'warnings', records: [{ warningId: 'W1' }] });
    stats.written.outages += 3;
    up = false;
    text = await registry.metrics();
    expect(value(text, 'outage_spool_records')).toBe(3);
    expect(value(text, 'outage_spool_units')).toBe(2);
    expect(value(text, 'outage_records_written_total{kind="outages"}')).toBe(15);
    expect(value(text, 'outage_questdb_up')).toBe(0);
  });

  it('has no restart counter for an external QuestDB, and no spool records without a spool folder', async () => {
    const registry = new Registry();
    storeMetrics(registry, {
      store: { ping: async () => true },
      writer: { stats, spoolDepth: 1, spoolBytes: 0, refusedCount: 0 },
      spoolDir: join(tempDir(), 'never-made'),
    });
    const text = await registry.metrics();
    expect(text).not.toContain('outage_questdb_restarts_total');
    expect(value(text, 'outage_spool_records')).toBe(0);
  });
});

describe('build info', () => {
  it('labels a constant 1 with the product, QuestDB and Node.js versions', async () => {
    const registry = new Registry();
    registerBuildInfo(registry);
    expect(await registry.metrics()).toContain(
      `outage_build_info{version="0.1.0",questdb="9.3.4",node="${process.version}"} 1`,
    );
  });
});

describe('productMetrics', () => {
  const deps = () =>
    ({
      config: { spoolDir: tempDir() },
      store: { ping: async () => true },
      writer: { stats: structuredClone(stats0), spoolDepth: 0, spoolBytes: 0, refusedCount: 0 },
      ruleSets: new Map([['national-2025', {}]]),
      currentFlags: fakeFlags(),
      live: { size: 2 },
    }) as unknown as AppDeps;
  const stats0: WriterStats = {
    written: { assets: 0, outages: 0, warnings: 0, rejects: 0 },
    spooled: 0,
    replayed: 0,
    failures: 0,
  };

  it('keeps one registry per product, shared by its app and its jobs', async () => {
    const one = deps();
    const two = deps();
    expect(productMetrics(one)).toBe(productMetrics(one));
    expect(productMetrics(two).registry).not.toBe(productMetrics(one).registry);
    productMetrics(one).jobs.ran({ job: 'cases', outcome: 'ok', asOf: 0, startedAt: 0, finishedAt: 100 });
    const first = await productMetrics(one).scrape();
    const second = await productMetrics(two).scrape();
    expect(value(first, 'outage_job_duration_seconds_count{job="cases",outcome="ok"}')).toBe(1);
    expect(second).not.toContain('job="cases"');
    // The process's metrics under their usual names, in every product's scrape.
    for (const text of [first, second]) {
      expect(text).toMatch(/^# TYPE process_cpu_user_seconds_total counter$/m);
      expect(text).toMatch(/^# TYPE nodejs_heap_size_used_bytes gauge$/m);
      expect(value(text, 'outage_live_clients')).toBe(2);
    }
    expect(productMetrics(one).contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
  });
});
