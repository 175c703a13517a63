// One load run on loopback against a running product: ingest writers posting NDJSON batches of
// new outages while dashboard readers poll the API, bounded in events and time, then the check
// that every accepted event is in QuestDB exactly once. Driven by the `load` benchmark
// (bench/load.ts) and by tests/integration/load.test.ts.

import { type Store, sql } from '../store/index.js';

export interface LoadTarget {
  url: string;
  /** a token with the ingest and operator roles (or admin) */
  token: string;
  store: Store;
}

export interface LoadOptions {
  /** event and asset ids start with this (unique per run) */
  prefix: string;
  /** stop after this many events were sent… */
  maxEvents: number;
  /** …or after this long, whichever comes first */
  maxMs: number;
  writers: number;
  readers: number;
  /** events per ingest request */
  batch: number;
  /** feeders the events fall on (created first) */
  feeders: number;
  /** dashboard reads, cycled through by each reader */
  reads?: readonly string[];
}

export interface Latencies {
  requests: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
  /** the first few failures: status and the start of the answer */
  failures: string[];
}

export interface LoadResult {
  sent: number;
  accepted: number;
  /** the ids of every event the product acknowledged (200 or 202) */
  acceptedIds: string[];
  ms: number;
  eventsPerSecond: number;
  ingest: Latencies;
  reads: Latencies;
}

export const DASHBOARD_READS = [
  '/api/v1/outages/active',
  '/api/v1/hotspots?kind=feeder',
  '/api/v1/outages/daily?from=2025-01-01&to=2025-12-31',
  '/api/v1/flags',
  '/api/v1/reliability?from=2025-01-01&to=2025-12-31',
  '/api/v1/outages/daily?from=2025-06-01&to=2025-06-30&kind=feeder',
];

const CAUSES = ['equipment_fault', 'weather_fault', 'external_damage', 'planned_maintenance', 'unknown'];

class Recorder {
  readonly ms: number[] = [];
  errors = 0;
  readonly failures: string[] = [];
  fail(what: string): void {
    this.errors += 1;
    if (this.failures.length < 5) this.failures.push(what);
  }
  summary(): Latencies {
    const s = [...this.ms].sort((a, b) => a - b);
    const at = (q: number) =>
      Math.round((s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0) * 10) / 10;
    return {
      requests: s.length,
      errors: this.errors,
      p50Ms: at(0.5),
      p99Ms: at(0.99),
      failures: this.failures,
    };
  }
}

/** What the writers and readers of one run share. */
interface LoadRun {
  target: LoadTarget;
  o: LoadOptions;
  headers: { authorization: string };
  feederIds: string[];
  ingest: Recorder;
  reads: Recorder;
  acceptedIds: string[];
  /** the index of the next event to send: a writer takes a batch from here before it awaits */
  next: number;
  writing: boolean;
  deadline: number;
}

/** Runs writers and readers together until `maxEvents` were sent or `maxMs` passed. */
export async function runLoad(target: LoadTarget, o: LoadOptions): Promise<LoadResult> {
  const headers = { authorization: `Bearer ${target.token}` };
  const feederIds = await createFeeders(target, headers, o);
  const ingest = new Recorder();
  const reads = new Recorder();
  const acceptedIds: string[] = [];
  const t0 = performance.now();
  const deadline = t0 + o.maxMs;
  const run: LoadRun = {
    target,
    o,
    headers,
    feederIds,
    ingest,
    reads,
    acceptedIds,
    next: 0,
    writing: true,
    deadline,
  };

  const readers = Array.from({ length: o.readers }, (_, k) => reader(run, k));
  await Promise.all(Array.from({ length: o.writers }, () => writer(run)));
  const ms = performance.now() - t0;
  run.writing = false;
  await Promise.all(readers);
  return {
    sent: run.next,
    accepted: acceptedIds.length,
    acceptedIds,
    ms: Math.round(ms),
    eventsPerSecond: Math.round(acceptedIds.length / (ms / 1000)),
    ingest: ingest.summary(),
    reads: reads.summary(),
  };
}

/** The feeders the load's events fall on, created through the API. */
async function createFeeders(
  target: LoadTarget,
  headers: { authorization: string },
  o: LoadOptions,
): Promise<string[]> {
  const feederIds = Array.from({ length: o.feeders }, (_, i) => `${o.prefix}F${i}`);
  const assets = feederIds.map((assetId) => ({
    assetId,
    kind: 'feeder',
    areaClass: 'urban',
    customers: 800,
  }));
  const made = await fetch(`${target.url}/api/v1/assets`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(assets),
  });
  if (made.status !== 200)
    throw new Error(`creating the load's feeders: ${made.status} ${await made.text()}`);
  return feederIds;
}

/** Events [from, from + n) as NDJSON lines, spread over 300 days of 2025 and the feeders. */
function batchOf(prefix: string, feederIds: readonly string[], from: number, n: number) {
  const ids: string[] = [];
  const lines: string[] = [];
  for (let i = from; i < from + n; i++) {
    const id = `${prefix}E${i}`;
    const start = Date.UTC(2025, 0, 1) + ((i * 7_919) % 300) * 86_400_000 + (i % 1_440) * 60_000;
    ids.push(id);
    lines.push(
      JSON.stringify({
        eventId: id,
        assetId: feederIds[i % feederIds.length],
        start: new Date(start).toISOString(),
        end: new Date(start + (20 + (i % 200)) * 60_000).toISOString(),
        customersAffected: 10 + (i % 500),
        cause: CAUSES[i % CAUSES.length],
      }),
    );
  }
  return { ids, lines };
}

/** Posts batches until the events or the time are used up; an event counts when its batch was accepted whole. */
async function writer(run: LoadRun): Promise<void> {
  const { target, o, headers, ingest } = run;
  while (performance.now() < run.deadline) {
    const from = run.next;
    const n = Math.min(o.batch, o.maxEvents - from);
    if (n <= 0) break;
    run.next += n;
    const { ids, lines } = batchOf(o.prefix, run.feederIds, from, n);
    const t = performance.now();
    try {
      const res = await fetch(`${target.url}/api/v1/outages`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/x-ndjson' },
        body: `${lines.join('\n')}\n`,
      });
      const text = await res.text();
      ingest.ms.push(performance.now() - t);
      const answer = res.ok ? (JSON.parse(text) as { accepted: number; rejectedCount: number }) : undefined;
      if (!answer || answer.accepted !== n || answer.rejectedCount !== 0)
        ingest.fail(`${res.status} ${text.slice(0, 200)}`);
      if (answer && answer.accepted === n) run.acceptedIds.push(...ids);
    } catch (err) {
      ingest.ms.push(performance.now() - t);
      ingest.fail(String(err));
    }
  }
}

/** Reader `k` cycles through the reads, starting at the k-th, while the writers write. */
async function reader(run: LoadRun, k: number): Promise<void> {
  const { target, o, headers, reads } = run;
  const paths = o.reads ?? DASHBOARD_READS;
  for (let i = k; run.writing && performance.now() < run.deadline; i++) {
    const path = paths[i % paths.length]!;
    const t = performance.now();
    try {
      const res = await fetch(`${target.url}${path}`, { headers });
      const text = await res.text();
      reads.ms.push(performance.now() - t);
      if (res.status !== 200) reads.fail(`${path}: ${res.status} ${text.slice(0, 200)}`);
    } catch (err) {
      reads.ms.push(performance.now() - t);
      reads.fail(`${path}: ${String(err)}`);
    }
  }
}

/** How many of `ids` QuestDB holds, and how many of those more than once (waits for the WAL). */
export async function storedOnce(
  store: Store,
  prefix: string,
  ids: readonly string[],
  timeoutMs = 120_000,
): Promise<{ stored: number; doubled: number; missing: string[] }> {
  const deadline = Date.now() + timeoutMs;
  const like = `${prefix}E%`;
  for (;;) {
    const rows = await store.rows<{ event_id: string; n: number }>(
      sql`SELECT event_id, count() n FROM outages WHERE event_id LIKE ${like} AND NOT deleted`,
    );
    const counts = new Map(rows.map((r) => [r.event_id, r.n]));
    const missing = ids.filter((id) => !counts.has(id));
    if (missing.length === 0 || Date.now() > deadline) {
      return {
        stored: counts.size,
        doubled: rows.filter((r) => r.n > 1).length,
        missing: missing.slice(0, 10),
      };
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

export function describeLoad(r: LoadResult): string {
  return (
    `${r.accepted.toLocaleString('en')} events in ${(r.ms / 1000).toFixed(1)} s = ${r.eventsPerSecond.toLocaleString('en')}/s; ` +
    `ingest p50 ${r.ingest.p50Ms} ms, p99 ${r.ingest.p99Ms} ms (${r.ingest.requests} requests, ${r.ingest.errors} errors); ` +
    `reads p50 ${r.reads.p50Ms} ms, p99 ${r.reads.p99Ms} ms (${r.reads.requests} requests, ${r.reads.errors} errors)`
  );
}
