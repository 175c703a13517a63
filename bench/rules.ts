// Rules: full evaluation of the national rule set as of the demo's "now" on the demo data sets,
// in QuestDB (the product's path), with the reference evaluator (pure TypeScript, in memory)
// and with the same windowed query in DuckDB on the same rows (bench/rules-duckdb.ts), in the
// same run.

import { join } from 'node:path';
import { evaluateFlags, explainAsset } from '../analytics/flags/index.js';
import { type CountQuery, flagRowsQuery } from '../analytics/flags/sql.js';
import { type CompiledRuleSet, evaluate, loadRuleFile } from '../analytics/rules/index.js';
import { type Asset, localDay, type OutageEvent, type Warning } from '../core/index.js';
import { type DemoSize, generateDemo, loadDemo, toOutageEvent } from '../demo/index.js';
import { createLogger } from '../server/log.js';
import { AssetDirectory, type LocalQuestDB, type Store, sql, walApplied, Writer } from '../store/index.js';
import { joinedFlagRowsQuery, PREVIOUS, previousFlagSql } from './baseline-flags.js';
import { type BenchCase, type Measurement, singleRun } from './harness.js';
import { duckdbCases } from './rules-duckdb.js';
import {
  type CountRule,
  type DemoRows,
  FlagRowCounts,
  NOW,
  previousShapePeer,
  type RulesRun,
  ZONE,
} from './rules-run.js';

const PRODUCT = 'flags: QuestDB, attribution kept at write (product)';

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
    const rows = await loadSize(store, writer, size, loads);
    const run: RulesRun = { qdb, store, ruleSet, size, rows, counts: new FlagRowCounts(), product: PRODUCT };
    cases.push(...(await questdbCases(run, referenceSizes.includes(size))));
    cases.push(await oneAssetCase(run));
    cases.push(...(await duckdbCases(run)));
    cases.push(attributionCheck(run));
  }
  await writer.close();
  return cases;
}

/** Generates and loads one demo size through the writer (timed), and its records in memory. */
async function loadSize(
  store: Store,
  writer: Writer,
  size: DemoSize,
  loads: Measurement[],
): Promise<DemoRows> {
  const demo = generateDemo({ seed: 7, size, now: NOW, zone: ZONE });
  const t0 = performance.now();
  const summary = await loadDemo(demo, writer, NOW);
  await walApplied(store);
  const loadMs = performance.now() - t0;
  const rss = Math.round(process.memoryUsage().rss / 2 ** 20);
  loads.push(
    singleRun('demo generate + load (writer)', size, loadMs, rss, summary.outages, {
      note: `${summary.assets} asset versions, ${summary.warnings} warnings`,
    }),
  );
  const assets: Asset[] = [...demo.assets()];
  const byId = new Map<string, OutageEvent>();
  for (const e of demo.outages()) byId.set(e.eventId, toOutageEvent(e));
  const events = [...byId.values()];
  const warnings: Warning[] = [...demo.warnings()];
  return { assets, events, warnings };
}

/** The count query of a rule as of NOW. */
function queryOf(ruleSet: CompiledRuleSet): (rule: CountRule) => CountQuery {
  const today = localDay(NOW, ZONE);
  return (rule) => ({ rule, asOf: NOW, zone: ZONE, today, shortOutageMinutes: ruleSet.shortOutageMinutes });
}

/**
 * The product's evaluation, the statements before it (the one-table statement at PREVIOUS, and
 * attribution by joins) and the reference evaluator. The statement at PREVIOUS returns every
 * current window, below the limit too: the peers of that shape agree with it, those of today's
 * shape with the product.
 */
async function questdbCases(run: RulesRun, reference: boolean) {
  const { store, ruleSet, size, rows, counts } = run;
  const { events } = rows;
  const rules = ruleSet.countRules;
  const query = queryOf(ruleSet);
  let flagged = 0;
  await counts.countEach(
    'product',
    rules,
    async (rule) => (await store.rows(flagRowsQuery(query(rule)))).length,
  );
  const previous = await previousFlagSql();
  await counts.countEach(
    'previous',
    rules,
    async (rule) => (await store.query(previous.flagRowsQuery(query(rule)))).dataset.length,
  );
  const cases: BenchCase[] = [
    {
      name: PRODUCT,
      size,
      items: events.length,
      run: async () => {
        flagged = (await evaluateFlags(store, { ruleSet, asOf: NOW, zone: ZONE })).length;
      },
      note: `national-2025, 2 rules, as of ${new Date(NOW).toISOString().slice(0, 10)}; flag rows per rule ${counts.of('product')}`,
    },
    {
      name: 'before: QuestDB, the one-table statement at PREVIOUS',
      size,
      baseline: PRODUCT,
      items: events.length,
      run: async () => {
        for (const rule of rules) await store.query(previous.flagRowsQuery(query(rule)));
      },
      note: `analytics/flags/sql.ts at ${PREVIOUS.slice(0, 7)}: event ids ordered as SYMBOL, every current window returned (flag rows per rule ${counts.of('previous')}); statements only, no assembly`,
    },
    previousShapePeer(
      run,
      'before: QuestDB, attribution by joins in every query',
      'before',
      async (rule) => (await store.query(joinedFlagRowsQuery(previous, query(rule)))).dataset.length,
      'the product statement before outage_reach (bench/baseline-flags.ts)',
    ),
  ];
  if (reference) {
    cases.push({
      name: 'peer: reference evaluator (TypeScript)',
      size,
      baseline: PRODUCT,
      items: events.length,
      run: async () => {
        const n = evaluate({ ...rows, asOf: NOW, zone: ZONE, ruleSet }).flags.length;
        if (flagged && n !== flagged) throw new Error(`reference found ${n} flags, SQL ${flagged}`);
      },
    });
  }
  return cases;
}

/** One asset with the most outages: its flags and the explanation of each rule, as of two dates. */
async function oneAssetCase({ store, ruleSet, size }: RulesRun): Promise<BenchCase> {
  const [busiest] = await store.rows<{ asset_id: string }>(
    sql`SELECT asset_id, count() n FROM outage_reach WHERE NOT deleted GROUP BY asset_id ORDER BY n DESC LIMIT 1`,
  );
  const one = busiest?.asset_id ?? '';
  return {
    name: "one asset's flags and explanation",
    size,
    baseline: PRODUCT,
    items: 1,
    run: async () => {
      for (const asOf of [NOW, NOW - 200 * 86_400_000]) {
        await evaluateFlags(store, { ruleSet, asOf, zone: ZONE, assetIds: [one] });
        for (const rule of ruleSet.countRules) {
          const r = await explainAsset(store, { ruleSet, ruleId: rule.id, assetId: one, asOf, zone: ZONE });
          if (!r.ok) throw new Error(`no explanation for ${one}`);
        }
      }
    },
    note: `${one}: as of the run's date and 200 days before, both rules (≤ 100 ms each wanted)`,
  };
}

function attributionCheck({ qdb, store, size, rows }: RulesRun): BenchCase {
  return {
    name: 'attribution check: every month derived afresh and compared',
    size,
    items: rows.events.length,
    run: async () => {
      const checker = await Writer.open({
        connection: store.connection,
        store,
        spoolDir: join(qdb.dataDir, 'spool-check'),
        spoolLimitBytes: 2 ** 31,
        log: createLogger('warn'),
      });
      try {
        const done = await checker.repairReach({ all: true });
        if (done.rows + done.tombstones > 0)
          throw new Error(
            `attribution kept at write differed from a fresh derivation: ${JSON.stringify(done)}`,
          );
      } finally {
        await checker.close();
      }
    },
    note: 'what `reach rebuild` does, with loading the network; nothing to write when the rows kept at write are right',
  };
}
