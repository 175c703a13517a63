// The DuckDB peers of the rules benchmark: the same demo rows copied into DuckDB, with the
// attribution rows derived by the product's own function from the same records, and the flag
// statements run there: the product's statement on the copy of outage_reach, and the statement
// before it (attribution by joins in every query).

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { statementGroups } from '../analytics/flags/shared-sql.js';
import { deriveReach, Topology, WarningBook } from '../store/index.js';
import {
  duckdbFlagQuery,
  duckdbReachFlagQuery,
  duckdbSharedReachFlagQuery,
  duckdbWithData,
} from './duckdb-flags.js';
import type { BenchCase } from './harness.js';
import { type DemoRows, NOW, previousShapePeer, type RulesRun, ZONE } from './rules-run.js';

export async function duckdbCases(run: RulesRun): Promise<BenchCase[]> {
  const { qdb, ruleSet, size, rows, counts, product } = run;
  const { events } = rows;
  const rules = ruleSet.countRules;
  const dir = join(qdb.dataDir, `duck-${size}`);
  mkdirSync(dir, { recursive: true });
  const { duck, reachRows } = await duckdbCopy(dir, rows);
  // One statement for the rules that count alike, as the product runs them. Each rule's rows
  // are counted once, outside the timed runs (reading them into JS objects would time Node).
  const duckStatements = statementGroups(rules).map((group) =>
    group.length === 1
      ? duckdbReachFlagQuery(group[0]!, NOW, ZONE, ruleSet.shortOutageMinutes)
      : duckdbSharedReachFlagQuery(group, NOW, ZONE, ruleSet.shortOutageMinutes),
  );
  for (const [g, group] of statementGroups(rules).entries()) {
    const statement = duckStatements[g]!;
    for (const [i, rule] of group.entries()) {
      const only = group.length === 1 ? 'true' : `in_${i}`;
      const r = await duck.runAndReadAll(`SELECT count(*) FROM (${statement}) WHERE ${only}`);
      counts.count('duckdb-reach', rules.indexOf(rule), Number(r.getRows()[0]?.[0]));
    }
  }
  counts.agree('duckdb-reach');
  return [
    {
      name: 'peer: DuckDB, the product statement on a copy of outage_reach',
      size,
      baseline: product,
      items: events.length,
      run: async () => {
        for (const statement of duckStatements) await duck.runAndReadAll(statement);
      },
      note: `${reachRows.toLocaleString('en')} attribution rows; the shared statement of the two rules, as the product runs it`,
    },
    previousShapePeer(
      run,
      'peer: DuckDB, attribution by joins (the statement before)',
      'duckdb-joins',
      async (rule) =>
        (await duck.runAndReadAll(duckdbFlagQuery(rule, NOW, ZONE, ruleSet.shortOutageMinutes)))
          .currentRowCount,
    ),
  ];
}

/** The rows in a DuckDB database in `dir`, with the attribution rows derived as the writer does. */
async function duckdbCopy(dir: string, { assets, events, warnings }: DemoRows) {
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
  return { duck, reachRows };
}
