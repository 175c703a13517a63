// How soon the product answers on a demo database, as an operator meets it:
//   - start on the stored set: a second product started on the same QuestDB, the time until
//     /healthz answers 200 and until GET /flags answers (flags of now, computed on demand
//     before the first full evaluation has finished);
//   - flags of now after ingest: 100 new outages (4 on each of 25 areas, within the last
//     hours, so each area breaches the 60-day rule with them) posted as NDJSON; the time from
//     the POST's answer until the flags of now that GET /flags answers from list every one.

import { join } from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../server/config.js';
import { productRouters } from '../server/routes.js';
import { startProduct } from '../server/runtime.js';
import { sql } from '../store/index.js';
import type { DemoDatabase } from './demo-db.js';
import { fromSamples, type GroupContext } from './harness.js';
import { BENCH_TOKEN, benchProduct } from './product.js';

const auth = { authorization: `Bearer ${BENCH_TOKEN}` };
const rssMb = () => Math.round(process.memoryUsage().rss / 2 ** 20);

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    if (await check().catch(() => false)) return performance.now() - t0;
    if (performance.now() - t0 > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function startSamples(
  db: DemoDatabase,
  repeats: number,
): Promise<{ healthz: number[]; flags: number[] }> {
  const healthz: number[] = [];
  const flags: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      OUTAGE_DATA_DIR: join(db.workDir, `start-${i}`),
      OUTAGE_DEMO: '0',
      OUTAGE_LOG_LEVEL: 'error',
      OUTAGE_ADMIN_TOKEN: BENCH_TOKEN,
      OUTAGE_RATE_LIMIT: '1000000',
      // The demo network is in Yunnan: its three rule sets, as a Yunnan deployment runs them.
      OUTAGE_RULE_SETS: 'national-2025,baoshan-2021,kunming-parks-2023',
      QDB_CLIENT_CONF: db.qdb.clientConf,
    });
    const t0 = performance.now();
    const product = await startProduct(config, pino({ level: 'error' }), {
      routers: productRouters,
      jobs: false,
    });
    try {
      await until(async () => (await fetch(`${product.url}/healthz`)).ok, 120_000);
      healthz.push(performance.now() - t0);
      await until(async () => (await fetch(`${product.url}/api/v1/flags`, { headers: auth })).ok, 300_000);
      flags.push(performance.now() - t0);
    } finally {
      await product.stop();
    }
  }
  return { healthz, flags };
}

export async function freshnessGroup(db: DemoDatabase, ctx: GroupContext): Promise<void> {
  const started = await startSamples(db, ctx.repeats);
  ctx.push(
    fromSamples('start on the stored set: /healthz 200', db.size, started.healthz, rssMb(), {
      note: 'a second product on the running QuestDB (its own start not counted), no scheduled jobs',
    }),
  );
  ctx.push(
    fromSamples('start on the stored set: first GET /flags answered', db.size, started.flags, rssMb()),
  );

  const { url, product } = await benchProduct(db);
  // Areas picked at random: on a kept set, earlier runs' outages on the same areas would overlap
  // these (merged, so not listed by id) and the flags could never list all 100.
  const every = await db.store.rows<{ asset_id: string }>(
    sql`SELECT DISTINCT asset_id FROM assets WHERE kind = 'area'`,
  );
  const areas = Array.from({ length: 25 * ctx.repeats }, () => {
    const i = Math.floor(Math.random() * every.length);
    return every.splice(i, 1)[0]!;
  });
  const samples: number[] = [];
  for (let run = 0; run < ctx.repeats; run++) {
    const mine = areas.slice(run * 25, run * 25 + 25).map((a) => a.asset_id);
    const now = Date.now();
    const events = mine.flatMap((assetId, a) =>
      [0, 1, 2, 3].map((k) => ({
        eventId: `fresh-${now}-${a}-${k}`,
        assetId,
        start: new Date(now - (4 - k) * 3_600_000 - a * 60_000).toISOString(),
        end: new Date(now - (4 - k) * 3_600_000 - a * 60_000 + 1_800_000).toISOString(),
        customersAffected: 10,
        cause: 'equipment_fault',
      })),
    );
    const res = await fetch(`${url}/api/v1/outages`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/x-ndjson' },
      body: events.map((e) => JSON.stringify(e)).join('\n'),
    });
    if (!res.ok) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
    const wanted = new Set(events.map((e) => e.eventId));
    // The flags of now that GET /flags answers from, read in memory (not the 100k-row list over HTTP).
    const current = product.deps.currentFlags;
    samples.push(
      await until(async () => {
        const seen = new Set<string>();
        for (const set of product.deps.ruleSets.keys()) {
          for (const f of current.get(set)?.flags ?? [])
            for (const id of f.eventIds) if (wanted.has(id)) seen.add(id);
        }
        return seen.size === wanted.size;
      }, 60_000),
    );
  }
  ctx.push(
    fromSamples('flags of now current after an ingest batch of 100 outages', db.size, samples, rssMb(), {
      note: 'from the POST answer until GET /flags lists all 100 (≤ 1 s wanted)',
    }),
  );
}
