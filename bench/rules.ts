// Rules: full evaluation of the national rule set as of the demo's "now" on the demo data sets,
// in QuestDB (the product's path), with the reference evaluator (pure TypeScript, in memory)
// and with the same windowed query in DuckDB on the same rows, in the same run.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateFlags } from '../analytics/flags/index.js';
import { type CompiledRuleSet, evaluate, loadRuleFile } from '../analytics/rules/index.js';
import type { Asset, OutageEvent, Warning } from '../core/index.js';
import { type DemoSize, generateDemo, loadDemo, toOutageEvent } from '../demo/index.js';
import { createLogger } from '../server/log.js';
import { AssetDirectory, type LocalQuestDB, type Store, sql, Writer } from '../store/index.js';
import { duckdbFlagQuery, duckdbWithData } from './duckdb-flags.js';
import type { BenchCase, Measurement } from './harness.js';

const ZONE = 'Asia/Shanghai';
const NOW = Date.UTC(2025, 5, 15, 2, 30);

/** Loads a demo size (timed, reported as its own measurement) and returns the rule cases. */
export async function rulesCases(
  qdb: LocalQuestDB,
  store: Store,
  sizes: readonly DemoSize[],
  referenceSizes: readonly DemoSize[],
  loads: Measurement[],
): Promise<BenchCase[]> {
  const loaded = await loadRuleFile('rules/national-2025.json');
  if (!loaded.ok) throw new Error('rule set did not load');
  const ruleSet: CompiledRuleSet = loaded.value;
  const cases: BenchCase[] = [];
  const writer = await Writer.open({
    connection: store.connection,
    store,
    assets: new AssetDirectory(store),
    spoolDir: join(qdb.dataDir, 'spool'),
    spoolLimitBytes: 2 ** 31,
    log: createLogger('warn'),
  });
  for (const size of sizes) {
    const demo = generateDemo({ seed: 7, size, now: NOW, zone: ZONE });
    const t0 = performance.now();
    const summary = await loadDemo(demo, writer, NOW);
    for (;;) {
      const [r] = await store.rows<{ n: number }>(sql`SELECT count() n FROM outage_history`);
      if ((r?.n ?? 0) >= summary.outages) break;
      await new Promise((res) => setTimeout(res, 200));
    }
    const loadMs = performance.now() - t0;
    loads.push({
      name: 'demo generate + load (writer)',
      size,
      runs: [Math.round(loadMs)],
      medianMs: Math.round(loadMs),
      peakRssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
      items: summary.outages,
      rate: Math.round(summary.outages / (loadMs / 1000)),
      note: `${summary.assets} asset versions, ${summary.warnings} warnings`,
    });
    // The same rows in memory: final versions of events (a correction replaces its original).
    const assets: Asset[] = [...demo.assets()];
    const byId = new Map<string, OutageEvent>();
    for (const e of demo.outages()) byId.set(e.eventId, toOutageEvent(e));
    const events = [...byId.values()];
    const warnings: Warning[] = [...demo.warnings()];
    let flagged = 0;
    cases.push({
      name: 'flags: QuestDB SQL (product)',
      size,
      items: events.length,
      run: async () => {
        flagged = (await evaluateFlags(store, { ruleSet, asOf: NOW, zone: ZONE })).length;
      },
      note: 'national-2025, 2 rules',
    });
    if (referenceSizes.includes(size)) {
      cases.push({
        name: 'peer: reference evaluator (TypeScript)',
        size,
        baseline: 'flags: QuestDB SQL (product)',
        items: events.length,
        run: async () => {
          const n = evaluate({ assets, events, warnings, asOf: NOW, zone: ZONE, ruleSet }).flags.length;
          if (flagged && n !== flagged) throw new Error(`reference found ${n} flags, SQL ${flagged}`);
        },
      });
    }
    const dir = join(qdb.dataDir, `duck-${size}`);
    mkdirSync(dir, { recursive: true });
    const duck = await duckdbWithData(dir, assets, events, warnings);
    cases.push({
      name: 'peer: DuckDB, same windowed query',
      size,
      baseline: 'flags: QuestDB SQL (product)',
      items: events.length,
      run: async () => {
        for (const rule of ruleSet.countRules) {
          await duck.runAndReadAll(duckdbFlagQuery(rule, NOW, ZONE, ruleSet.shortOutageMinutes));
        }
      },
    });
  }
  await writer.close();
  return cases;
}
