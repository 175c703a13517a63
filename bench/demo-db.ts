// One bundled QuestDB holding one demo size, shared by the benchmarks that read demo data
// (reliability, payloads, dashboard): generated and loaded once through the writer (timed and
// reported), then every WAL table applied before anything is measured. The demo ends at the
// run's own "now" so the dashboard's trailing windows hold data. With `reuse`, a data folder a
// previous run kept is used as it is (its marker file says which demo it holds).

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Demo, type DemoSize, generateDemo, loadDemo } from '../demo/index.js';
import { createLogger } from '../server/log.js';
import {
  AssetDirectory,
  createStore,
  type LocalQuestDB,
  migrate,
  parseClientConf,
  type Store,
  startLocalQuestDB,
  Writer,
  walApplied,
} from '../store/index.js';
import { type Measurement, singleRun } from './harness.js';

export const DEMO_SEED = 7;
export const DEMO_ZONE = 'Asia/Shanghai';

export interface DemoDatabase {
  size: DemoSize;
  now: number;
  demo: Demo;
  qdb: LocalQuestDB;
  store: Store;
  /** the folder for anything else the benchmarks write (DuckDB files, boundaries) */
  workDir: string;
  /** run (last first) before QuestDB stops: products, browsers, DuckDB */
  cleanups: (() => Promise<void>)[];
}

interface Marker {
  size: DemoSize;
  seed: number;
  now: number;
  outages: number;
}

const HEAP: Record<DemoSize, string> = { small: '2g', medium: '2g', large: '4g' };

/** Time to produce the history alone (no writing): the generator's share of generate + load. */
export function timeGeneration(demo: Demo): { ms: number; outages: number; assets: number } {
  const t0 = performance.now();
  let outages = 0;
  let assets = 0;
  for (const _ of demo.assets()) assets++;
  for (const _ of demo.outages()) outages++;
  return { ms: performance.now() - t0, outages, assets };
}

export async function withDemoDatabase(
  root: string,
  size: DemoSize,
  options: { reuse: boolean; keep: boolean },
  loads: Measurement[],
  use: (db: DemoDatabase) => Promise<void>,
): Promise<void> {
  const base = join(root, '.local', 'bench', `demo-${size}`);
  const markerFile = join(base, 'loaded.json');
  const reused = options.reuse && existsSync(markerFile);
  if (!reused) rmSync(base, { recursive: true, force: true });
  const marker: Marker | undefined = reused ? JSON.parse(readFileSync(markerFile, 'utf8')) : undefined;
  const now = marker?.now ?? Math.floor(Date.now() / 60_000) * 60_000;
  const workDir = join(base, 'work');
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const qdb = await startLocalQuestDB({
    dataDir: join(base, 'questdb'),
    cacheDir: join(root, '.local', 'questdb-jar'),
    heap: HEAP[size],
  });
  let ok = false;
  try {
    const store = createStore(parseClientConf(qdb.clientConf));
    await migrate(store);
    const demo = generateDemo({ seed: DEMO_SEED, size, now, zone: DEMO_ZONE });
    if (!reused) await load(store, qdb, demo, size, now, loads, markerFile);
    else process.stdout.write(`demo ${size}: reusing ${base} (now ${new Date(now).toISOString()})\n`);
    await walApplied(store);
    writeFileSync(join(workDir, 'boundaries.geojson'), JSON.stringify(demo.boundaries()));
    const cleanups: (() => Promise<void>)[] = [];
    try {
      await use({ size, now, demo, qdb, store, workDir, cleanups });
    } finally {
      for (const c of cleanups.reverse()) await c().catch((err) => process.stderr.write(`cleanup: ${err}\n`));
    }
    ok = true;
  } finally {
    await qdb.stop();
    if (!options.keep || !ok) rmSync(base, { recursive: true, force: true });
  }
}

async function load(
  store: Store,
  qdb: LocalQuestDB,
  demo: Demo,
  size: DemoSize,
  now: number,
  loads: Measurement[],
  markerFile: string,
): Promise<void> {
  const writer = await Writer.open({
    connection: store.connection,
    store,
    assets: new AssetDirectory(store),
    spoolDir: join(qdb.dataDir, '..', 'spool'),
    spoolLimitBytes: 2 ** 31,
    log: createLogger('warn'),
  });
  const sampler = peakSampler();
  const t0 = performance.now();
  let summary: Awaited<ReturnType<typeof loadDemo>>;
  try {
    summary = await loadDemo(withProgress(demo, size), writer, now);
    await writer.close();
    await walApplied(store);
  } finally {
    sampler.stop();
  }
  const ms = performance.now() - t0;
  loads.push(
    singleRun('demo generate + load (writer, WAL applied)', size, ms, sampler.peakMb(), summary.outages, {
      note: `${summary.assets.toLocaleString('en')} asset versions, ${summary.outages.toLocaleString('en')} outage records, ${summary.warnings} warnings`,
    }),
  );
  process.stdout.write(`demo ${size}: generated and loaded in ${(ms / 1000).toFixed(1)} s\n`);
  // The generator's share: the same stream produced again without writing.
  const gen = timeGeneration(demo);
  const rss = Math.round(process.memoryUsage().rss / 2 ** 20);
  loads.push(
    singleRun('demo generate only (stream, no writes)', size, gen.ms, rss, gen.outages, {
      baseline: 'demo generate + load (writer, WAL applied)',
      note: `${gen.assets.toLocaleString('en')} asset versions, ${gen.outages.toLocaleString('en')} outage records`,
    }),
  );
  const marker: Marker = { size, seed: DEMO_SEED, now, outages: summary.outages };
  writeFileSync(markerFile, JSON.stringify(marker));
}

/** The same demo, printing the outages streamed so far (a partial rate if a large load is cut short). */
function withProgress(demo: Demo, size: DemoSize, every = 100_000): Demo {
  return {
    ...demo,
    outages: () => ({
      *[Symbol.iterator]() {
        const t0 = performance.now();
        let n = 0;
        for (const o of demo.outages()) {
          yield o;
          if (++n % every === 0) {
            const s = (performance.now() - t0) / 1000;
            process.stdout.write(
              `demo ${size}: ${n.toLocaleString('en')} outages in ${s.toFixed(0)} s (${Math.round(n / s)}/s)\n`,
            );
          }
        }
      },
    }),
  };
}

export function peakSampler(intervalMs = 200) {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, intervalMs);
  return {
    stop: () => clearInterval(timer),
    peakMb: () => Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20),
  };
}
