// Rules: full evaluation of the national rule set as of the demo's "now" on the demo data sets,
// in QuestDB (the product's path), with the reference evaluator (pure TypeScript, in memory)
// and with the same windowed query in DuckDB on the same rows, in the same run.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateFlags, explainAsset } from '../analytics/flags/index.js';
import { type CountQuery, flagRowsQuery } from '../analytics/flags/sql.js';
import { type CompiledRuleSet, evaluate, loadRuleFile } from '../analytics/rules/index.js';
import { type Asset, localDay, type OutageEvent, type Warning } from '../core/index.js';
import { type DemoSize, generateDemo, loadDemo, toOutageEvent } from '../demo/index.js';
import { createLogger } from '../server/log.js';
import {
  AssetDirectory,
  deriveReach,
  type LocalQuestDB,
  type Store,
  sql,
  Topology,
  WarningBook,
  walApplied,
  Writer,
} from '../store/index.js';
import { joinedFlagRowsQuery, PREVIOUS, previousFlagSql } from './baseline-flags.js';
import {
  duckdbFlagQuery,
  duckdbReachFlagQuery,
  duckdbSharedReachFlagQuery,
  duckdbWithData,
} from './duckdb-flags.js';
import { statementGroups } from '../analytics/flags/shared-sql.js';
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
    await walApplied(store);
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
    const today = localDay(NOW, ZONE);
    const query = (rule: CountQuery['rule']): CountQuery => ({
      rule,
      asOf: NOW,
      zone: ZONE,
      today,
      shortOutageMinutes: ruleSet.shortOutageMinutes,
    });
    // Each statement's rows, per rule, from its first run: every peer must find the same rows.
    const rowCounts = new Map<string, number[]>();
    const counted = (name: string, rule: number, n: number) => {
      const list = rowCounts.get(name) ?? [];
      if (list[rule] === undefined) list[rule] = n;
      rowCounts.set(name, list);
    };
    for (const [i, rule] of ruleSet.countRules.entries()) {
      counted('product', i, (await store.rows(flagRowsQuery(query(rule)))).length);
    }
    // The statement at PREVIOUS returns every current window, below the limit too: the peers of
    // that shape agree with it, those of today's shape with the product.
    const previous = await previousFlagSql();
    for (const [i, rule] of ruleSet.countRules.entries()) {
      counted('previous', i, (await store.query(previous.flagRowsQuery(query(rule)))).dataset.length);
    }
    const agree = (name: string, like = 'product') => {
      const mine = rowCounts.get(name)?.join('/');
      const theirs = rowCounts.get(like)?.join('/');
      if (mine !== theirs) throw new Error(`${name} found ${mine} flag rows, ${like} ${theirs}`);
    };
    const PRODUCT = 'flags: QuestDB, attribution kept at write (product)';
    cases.push({
      name: PRODUCT,
      size,
      items: events.length,
      run: async () => {
        flagged = (await evaluateFlags(store, { ruleSet, asOf: NOW, zone: ZONE })).length;
      },
      note: `national-2025, 2 rules, as of ${new Date(NOW).toISOString().slice(0, 10)}; flag rows per rule ${rowCounts.get('product')?.join('/')}`,
    });
    cases.push({
      name: 'before: QuestDB, the one-table statement at PREVIOUS',
      size,
      baseline: PRODUCT,
      items: events.length,
      run: async () => {
        for (const rule of ruleSet.countRules) await store.query(previous.flagRowsQuery(query(rule)));
      },
      note: `analytics/flags/sql.ts at ${PREVIOUS.slice(0, 7)}: event ids ordered as SYMBOL, every current window returned (flag rows per rule ${rowCounts.get('previous')?.join('/')}); statements only, no assembly`,
    });
    cases.push({
      name: 'before: QuestDB, attribution by joins in every query',
      size,
      baseline: PRODUCT,
      items: events.length,
      run: async () => {
        for (const [i, rule] of ruleSet.countRules.entries()) {
          counted(
            'before',
            i,
            (await store.query(joinedFlagRowsQuery(previous, query(rule)))).dataset.length,
          );
        }
        agree('before', 'previous');
      },
      note: 'the product statement before outage_reach (bench/baseline-flags.ts)',
    });
    if (referenceSizes.includes(size)) {
      cases.push({
        name: 'peer: reference evaluator (TypeScript)',
        size,
        baseline: PRODUCT,
        items: events.length,
        run: async () => {
          const n = evaluate({ assets, events, warnings, asOf: NOW, zone: ZONE, ruleSet }).flags.length;
          if (flagged && n !== flagged) throw new Error(`reference found ${n} flags, SQL ${flagged}`);
        },
      });
    }
    // One asset with the most outages: its flags and the explanation of each rule, as of two dates.
    const [busiest] = await store.rows<{ asset_id: string }>(
      sql`SELECT asset_id, count() n FROM outage_reach WHERE NOT deleted GROUP BY asset_id ORDER BY n DESC LIMIT 1`,
    );
    const one = busiest?.asset_id ?? '';
    cases.push({
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
    });
    const dir = join(qdb.dataDir, `duck-${size}`);
    mkdirSync(dir, { recursive: true });
    // The same attribution rows, derived with the product's own function from the same records.
    const topology = new Topology();
    for (const a of assets) topology.add(a);
    const book = new WarningBook();
    for (const w of warnings) book.set(w);
    let reachRows = 0;
    const reach = function* () {
      for (const e of events) {
        const rows = deriveReach(e, NOW, topology, book.lookup);
        reachRows += rows.length;
        yield* rows;
      }
    };
    const duck = await duckdbWithData(dir, assets, events, warnings, reach());
    // One statement for the rules that count alike, as the product runs them. Each rule's rows
    // are counted once, outside the timed runs (reading them into JS objects would time Node).
    const duckStatements = statementGroups(ruleSet.countRules).map((group) =>
      group.length === 1
        ? duckdbReachFlagQuery(group[0]!, NOW, ZONE, ruleSet.shortOutageMinutes)
        : duckdbSharedReachFlagQuery(group, NOW, ZONE, ruleSet.shortOutageMinutes),
    );
    for (const [g, group] of statementGroups(ruleSet.countRules).entries()) {
      const statement = duckStatements[g]!;
      for (const [i, rule] of group.entries()) {
        const only = group.length === 1 ? 'true' : `in_${i}`;
        const r = await duck.runAndReadAll(`SELECT count(*) FROM (${statement}) WHERE ${only}`);
        counted('duckdb-reach', ruleSet.countRules.indexOf(rule), Number(r.getRows()[0]?.[0]));
      }
    }
    agree('duckdb-reach');
    cases.push({
      name: 'peer: DuckDB, the product statement on a copy of outage_reach',
      size,
      baseline: PRODUCT,
      items: events.length,
      run: async () => {
        for (const statement of duckStatements) await duck.runAndReadAll(statement);
      },
      note: `${reachRows.toLocaleString('en')} attribution rows; the shared statement of the two rules, as the product runs it`,
    });
    cases.push({
      name: 'peer: DuckDB, attribution by joins (the statement before)',
      size,
      baseline: PRODUCT,
      items: events.length,
      run: async () => {
        for (const [i, rule] of ruleSet.countRules.entries()) {
          const r = await duck.runAndReadAll(duckdbFlagQuery(rule, NOW, ZONE, ruleSet.shortOutageMinutes));
          counted('duckdb-joins', i, r.currentRowCount);
        }
        agree('duckdb-joins', 'previous');
      },
    });
    cases.push({
      name: 'attribution check: every month derived afresh and compared',
      size,
      items: events.length,
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
    });
  }
  await writer.close();
  return cases;
}
