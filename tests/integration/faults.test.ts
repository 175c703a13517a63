// Faults with a real QuestDB, killed with SIGKILL (no clean shutdown) at exact moments chosen by
// a relay between the product and QuestDB (tests/support/kill-proxy.ts):
//   (a) during a query of the API: the caller gets a clean 503, the next request after the
//       restart is answered; during an ingest write: the batch is spooled (202) and stored
//       exactly once after the restart, whether or not QuestDB had committed it;
//   (b) during the month-end ledger freeze, between writing its entries and its run row: the
//       catch-up after the restart freezes the month exactly once;
//   (c) with the spool full (its limit, and a disk that is really full): ingest answers 503 with
//       Retry-After and acknowledges nothing it has not stored or spooled;
//   (d) duplicate, concurrent and out-of-order delivery over HTTP counts every outage once.

import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRuns } from '../../analytics/remediation/index.js';
import { type Jobs, startJobs } from '../../server/jobs/index.js';
import type { Product } from '../../server/runtime.js';
import { sql, walApplied } from '../../store/index.js';
import { type FaultRig, startFaultRig } from '../support/fault-rig.js';
import { INGEST, OPERATOR } from '../support/product.js';
import { eventually } from '../support/questdb.js';
import { mulberry32 } from '../support/random-history.js';

const local = (text: string): number => Date.parse(`${text.replace(' ', 'T')}+08:00`);

let rig: FaultRig;
let product: Product;

beforeAll(async () => {
  rig = await startFaultRig('faults');
  product = await rig.product();
}, 180_000);
afterAll(async () => {
  await rig?.stop();
});

async function call(p: Product, path: string, init: { body?: string; type?: string } = {}) {
  const res = await fetch(`${p.url}${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${init.body === undefined ? OPERATOR : INGEST}`,
      ...(init.type ? { 'content-type': init.type } : {}),
    },
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    text,
    body: JSON.parse(text) as Record<string, unknown>,
  };
}

/** A 503 as the contract says: Retry-After, a message, a request id, no stack trace or SQL. */
function expectClean503(a: Awaited<ReturnType<typeof call>>): void {
  expect(a.status, a.text).toBe(503);
  expect(Number(a.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(a.body).toEqual({ error: expect.stringMatching(/try again/), requestId: expect.any(String) });
  expect(a.text).not.toMatch(/SELECT|INSERT|FROM |\.ts:|\n\s+at |127\.0\.0\.1|ECONN|fetch failed/i);
}

const feeder = (assetId: string) => ({
  assetId,
  kind: 'feeder',
  name: `10kV ${assetId}线`,
  province: '云南省',
  city: '保山市',
  county: '隆阳区',
  areaClass: 'rural',
  customers: 900,
  validFrom: '2020-01-01 00:00',
});

const outage = (eventId: string, assetId: string, start: string, extra: Record<string, unknown> = {}) => ({
  eventId,
  assetId,
  start,
  end: new Date(local(start) + 2 * 3_600_000).toISOString(),
  customersAffected: 300,
  cause: 'equipment_fault',
  ...extra,
});

async function ingest(p: Product, kind: string, records: object[]) {
  return call(p, `/api/v1/${kind}`, { body: JSON.stringify(records), type: 'application/json' });
}

async function stored(p: Product, ids: readonly string[]): Promise<Map<string, number>> {
  const rows = await p.store.rows<{ event_id: string; n: number }>(
    sql`SELECT event_id, count() n FROM outages WHERE event_id IN (${[...ids]}) AND NOT deleted`,
  );
  return new Map(rows.map((r) => [r.event_id, r.n]));
}

describe('(a) QuestDB killed during a query of the API', () => {
  it('answers 503 without internals, and the next request after the restart works', async () => {
    const id = `KILLQ-${Date.now().toString(36)}`;
    expect((await ingest(product, 'assets', [feeder('QF1')])).status).toBe(200);
    expect((await ingest(product, 'outages', [outage(id, 'QF1', '2023-02-01 10:00')])).status).toBe(200);
    await eventually(async () => (await stored(product, [id])).get(id) === 1);

    // The history query reaches QuestDB, which is killed before it answers.
    const sprung = rig.proxy.trap({ pattern: new RegExp(`GET /exec\\?query=[^ ]*${id}`), forward: true });
    const answer = call(product, `/api/v1/outages/${id}/history`);
    await sprung;
    await rig.kill();
    expectClean503(await answer);
    // While it is down: health says so, other reads answer the same clean 503.
    expect((await fetch(`${product.url}/healthz`)).status).toBe(503);
    expectClean503(await call(product, `/api/v1/outages/${id}/history`));

    await rig.restart();
    const again = await call(product, `/api/v1/outages/${id}/history`);
    expect(again.status, again.text).toBe(200);
    expect((again.body['rows'] as { eventId: string }[]).map((r) => r.eventId)).toEqual([id]);
    expect((await fetch(`${product.url}/healthz`)).status).toBe(200);
  });
});

describe('(a) QuestDB killed while an ingest write is in flight', () => {
  it('answers 202 (spooled), and after the restart every record is stored exactly once', async () => {
    expect((await ingest(product, 'assets', [feeder('WF1')])).status).toBe(200);
    await eventually(async () => (await product.deps.assets.existing(['WF1'])).has('WF1'));
    const ids = Array.from({ length: 300 }, (_, i) => `KILLW-${i}`);
    // QuestDB receives the ILP batch and is killed before it answers; it may or may not have
    // committed it, so the spooled copy replayed after the restart must upsert, not add.
    const sprung = rig.proxy.trap({ pattern: /^POST \/write\?/, forward: true });
    const answer = ingest(
      product,
      'outages',
      ids.map((id, i) =>
        outage(
          id,
          'WF1',
          `2023-01-${String(1 + (i % 28)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:00`,
        ),
      ),
    );
    await sprung;
    await rig.kill();
    const a = await answer;
    expect(a.status, a.text).toBe(202);
    expect(a.body).toMatchObject({ accepted: 300, spooled: 300, rejectedCount: 0 });
    await rig.restart();
    await eventually(async () => {
      await product.writer.drain();
      return product.writer.spoolDepth === 0;
    }, 60_000);
    let found = new Map<string, number>();
    await eventually(async () => {
      found = await stored(product, ids);
      return found.size === ids.length;
    }, 30_000);
    expect([...found.values()].filter((n) => n !== 1)).toEqual([]);
    const [history] = await product.store.rows<{ n: number }>(
      sql`SELECT count() n FROM outage_history WHERE event_id IN (${ids})`,
    );
    expect(history?.n).toBe(300);
  });
});

describe('(b) QuestDB killed during the month-end ledger job', () => {
  let jobs: Jobs;
  const clock = { now: local('2025-06-30 23:00') };
  beforeAll(() => {
    jobs = startJobs(product.deps, { clock: () => clock.now, cron: false, runAtStart: false });
  });
  afterAll(() => jobs?.stop());

  it('is caught up after the restart, and June is frozen exactly once', async () => {
    await ingest(product, 'assets', [feeder('LF3')]);
    const starts = ['2025-05-01 10:00', '2025-05-20 10:00', '2025-06-10 10:00', '2025-06-29 10:00'];
    const ids = starts.map((_, i) => `LF3-${i}`);
    await ingest(
      product,
      'outages',
      starts.map((s, i) => outage(ids[i]!, 'LF3', s)),
    );
    await eventually(async () => [...(await stored(product, ids)).values()].length === 4);
    // The first run ever freezes the latest ended month (May).
    expect(await jobs.runDue(clock.now)).toMatchObject({ ledger: ['2025-05'] });

    // Month end: the June freeze writes its entries, then QuestDB dies as the run row is sent.
    clock.now = local('2025-07-01 00:20');
    const sprung = rig.proxy.trap({ pattern: /INSERT%20INTO%20report_runs/, forward: false });
    const failed = jobs.runDue(clock.now).then(
      () => 'finished',
      (err: unknown) => String(err),
    );
    await sprung;
    await rig.kill();
    expect(await failed).toMatch(/StoreError.*unreachable|QuestDB/);
    await rig.restart();
    const ruleSet = product.deps.config.ruleSet;
    // The entries of the killed run are there, its run row is not: June is not frozen yet.
    const orphans = await product.store.rows<{ run_id: string }>(
      sql`SELECT DISTINCT run_id FROM ledger_entries WHERE period = '2025-06' AND rule_set = ${ruleSet}`,
    );
    expect(orphans).toHaveLength(1);
    expect((await readRuns(product.store, 'ledger', ruleSet)).map((r) => r.period)).toEqual(['2025-05']);

    // The catch-up (hourly, or at the next start) freezes June once; running it again adds nothing.
    expect(await jobs.runDue(clock.now)).toMatchObject({ ledger: ['2025-06'], disclosure: ['2025-Q2'] });
    expect(await jobs.runDue(clock.now)).toMatchObject({ ledger: [], disclosure: [] });
    const runs = await product.store.rows<{ period: string; n: number }>(
      sql`SELECT period, count() n FROM report_runs WHERE report = 'ledger' AND rule_set = ${ruleSet} ORDER BY period`,
    );
    expect(runs).toEqual([
      { period: '2025-05', n: 1 },
      { period: '2025-06', n: 1 },
    ]);
    const june = await call(product, '/api/v1/ledger/2025-06');
    expect(june.status, june.text).toBe(200);
    const rows = june.body['rows'] as Record<string, unknown>[];
    expect(rows.map((r) => [r['assetId'], r['outagesCounted'], r['breachDate']])).toEqual([
      ['LF3', 4, '2025-06-29'],
    ]);
  });
});

describe('(c) the spool full while QuestDB is down', () => {
  it('answers 503 with Retry-After past the spool limit and on a full disk, and loses nothing it acknowledged', async () => {
    const limited = await rig.product({ OUTAGE_SPOOL_LIMIT_MB: '0.02' });
    const roomy = await rig.product();
    expect((await ingest(limited, 'assets', [feeder('SF1')])).status).toBe(200);
    await eventually(async () => (await limited.deps.assets.existing(['SF1'])).has('SF1'));
    await rig.kill();

    const acknowledged: string[] = [];
    const refused: string[] = [];
    let first503 = -1;
    for (let i = 0; i < 40 && refused.length < 20; i++) {
      const ids = Array.from({ length: 10 }, (_, k) => `SP-${i}-${k}`);
      const a = await ingest(
        limited,
        'outages',
        ids.map((id, k) =>
          outage(id, 'SF1', `2023-04-${String(1 + (i % 28)).padStart(2, '0')} ${10 + k}:00`),
        ),
      );
      if (a.status === 202) {
        expect(a.body).toMatchObject({ accepted: 10, spooled: 10, rejectedCount: 0 });
        acknowledged.push(...ids);
      } else {
        expectClean503(a);
        if (first503 < 0) first503 = i;
        refused.push(...ids);
      }
    }
    expect(first503).toBeGreaterThan(0); // some batches were spooled first
    expect(refused).toHaveLength(20); // and once full it stays full while QuestDB is down
    const ready = await fetch(`${limited.url}/readyz`);
    expect(ready.status).toBe(503);
    // (calendarGaps, when a rule set's deadlines need a holiday year not listed, may be there too)
    expect(await ready.json()).toMatchObject({ database: false, spoolDepth: first503 });

    // A disk that is really full: the spool's next file is /dev/full (writes fail with ENOSPC).
    await ingest(roomy, 'outages', [outage('SP-roomy-0', 'SF1', '2023-05-01 10:00')]);
    const next = `${String(roomy.writer.spoolDepth + 1).padStart(12, '0')}.json.tmp`;
    symlinkSync('/dev/full', join(roomy.deps.config.spoolDir, next));
    expectClean503(await ingest(roomy, 'outages', [outage('SP-enospc', 'SF1', '2023-05-02 10:00')]));
    refused.push('SP-enospc');
    // The disk has room again (the failed file is gone): spooling goes on.
    const after = await ingest(roomy, 'outages', [outage('SP-roomy-1', 'SF1', '2023-05-03 10:00')]);
    expect(after.status).toBe(202);
    acknowledged.push('SP-roomy-0', 'SP-roomy-1');

    await rig.restart();
    for (const p of [limited, roomy]) {
      await eventually(async () => {
        await p.writer.drain();
        return p.writer.spoolDepth === 0;
      }, 60_000);
    }
    let found = new Map<string, number>();
    await eventually(async () => {
      found = await stored(limited, [...acknowledged, ...refused]);
      return acknowledged.every((id) => found.has(id));
    }, 120_000).catch(async (err: unknown) => {
      // Say why: records set aside on replay, a suspended WAL, or a WAL still applying.
      throw new Error(
        `${String(err)}: missing ${JSON.stringify(acknowledged.filter((id) => !found.has(id)))}; ` +
          `set aside ${JSON.stringify([limited, roomy].map((p) => p.writer.refusedUnits().map((u) => u.reason)))}; ` +
          `WAL ${JSON.stringify(await limited.store.rows(sql`SELECT name, suspended, writerTxn, sequencerTxn FROM wal_tables() WHERE name IN ('outages', 'rejects')`))}; ` +
          `rejects ${JSON.stringify(await limited.store.rows(sql`SELECT record_id, errors FROM rejects WHERE record_id IN (${acknowledged})`))}`,
      );
    });
    expect(acknowledged.filter((id) => found.get(id) !== 1)).toEqual([]);
    expect(refused.filter((id) => found.has(id))).toEqual([]);
  }, 240_000);
});

describe('(d) duplicate, concurrent and out-of-order delivery over HTTP', () => {
  it('counts every outage once, in the table and in the daily counts', async () => {
    const rand = mulberry32(20_260_401);
    const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
    await ingest(product, 'assets', [feeder('DF1')]);
    await eventually(async () => (await product.deps.assets.existing(['DF1'])).has('DF1'));
    // 80 outages over March 2023, some near local midnight.
    const events = Array.from({ length: 80 }, (_, i) => {
      const day = String(int(1, 31)).padStart(2, '0');
      const time =
        rand() < 0.2
          ? '23:59'
          : `${String(int(0, 23)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}`;
      return outage(`DUP-${i}`, 'DF1', `2023-03-${day} ${time}`);
    });
    // Every event delivered 1–3 times, in shuffled requests of 1–12 records, also twice in one.
    const deliveries = events.flatMap((e) => Array.from({ length: int(1, 3) }, () => e));
    for (let i = deliveries.length - 1; i > 0; i--) {
      const j = int(0, i);
      [deliveries[i], deliveries[j]] = [deliveries[j]!, deliveries[i]!];
    }
    const requests: (typeof events)[] = [];
    for (let at = 0; at < deliveries.length; ) {
      const n = int(1, 12);
      requests.push(deliveries.slice(at, at + n));
      at += n;
    }
    // Three at a time, so deliveries of one event race each other.
    let accepted = 0;
    const send = async (batch: object[][]) => {
      const answers = await Promise.all(batch.map((r) => ingest(product, 'outages', r)));
      for (const a of answers) {
        expect(a.status, a.text).toBe(200);
        expect(a.body['rejectedCount']).toBe(0);
        accepted += a.body['accepted'] as number;
      }
    };
    for (let i = 0; i < requests.length; i += 3) await send(requests.slice(i, i + 3));
    // A correction that moves an outage's start, then the old version again (a late retry): the
    // outage is at its old start once, not at both.
    const moved = outage('DUP-moved', 'DF1', '2023-03-05 10:00');
    for (const version of [moved, { ...moved, start: '2023-03-06 09:00', end: '2023-03-06 11:00' }, moved])
      await send([[version]]);
    events.push(moved);
    expect(accepted).toBe(deliveries.length + 3);

    const ids = events.map((e) => e.eventId);
    let found = new Map<string, number>();
    await eventually(async () => {
      found = await stored(product, ids);
      return found.size === ids.length;
    }, 30_000);
    expect([...found.values()].every((n) => n === 1)).toBe(true);

    // Hand count per local day (the moved outage counts on the day of its last version, 5 March).
    const perDay = new Map<string, number>();
    for (const e of events) {
      const date = e.start.slice(0, 10);
      perDay.set(date, (perDay.get(date) ?? 0) + 1);
    }
    // One asset's daily counts read the attribution rows, a WAL table of their own: once QuestDB
    // has applied what it acknowledged, they hold each outage once.
    await walApplied(product.deps.store, 60_000);
    const daily = await call(product, '/api/v1/outages/daily?from=2023-03-01&to=2023-03-31&assetId=DF1');
    expect(daily.status, daily.text).toBe(200);
    const counted = Object.fromEntries(
      (daily.body['rows'] as { date: string; outages: number }[])
        .filter((r) => r.outages > 0)
        .map((r) => [r.date, r.outages]),
    );
    expect(counted).toEqual(Object.fromEntries([...perDay.entries()].sort()));
  });
});
