// Reliability: a year's measures (SAIFI, SAIDI, CAIDI, ASAI, MAIFI, CEMI, CELID) by county and
// by feeder on a demo set, computed by QuestDB (queryReliability, the product's path), by the
// statements of before the attribution was read from outage_reach (baseline-reliability.ts),
// by the pure reference evaluator on the same records in memory, and by DuckDB running the
// very same statements on a copy of the same tables, in the same run. Before anything is timed
// the answers are compared: same groups, SAIDI and SAIFI equal within 1e-9 (relative).

import { type GroupDimension, computeReliability } from '../analytics/reliability/index.js';
import { yearPeriod } from '../analytics/reliability/periods.js';
import type { ReliabilityReport } from '../analytics/reliability/index.js';
import { queryReliability } from '../analytics/reliability-sql/index.js';
import type { Asset, OutageEvent } from '../core/index.js';
import { wallClock } from '../core/index.js';
import { toOutageEvent } from '../demo/index.js';
import type { DemoDatabase } from './demo-db.js';
import { PREVIOUS_RELIABILITY, previousReliability } from './baseline-reliability.js';
import { duckdbFromQuestDB, duckdbStore } from './duckdb-reliability.js';
import type { BenchCase } from './harness.js';

const TOLERANCE = 1e-9;
const GROUPS: readonly GroupDimension[] = ['county', 'feeder'];

/** The records of the period as the reference reads them: final versions of events starting in it. */
function recordsOf(db: DemoDatabase, from: number, to: number): { assets: Asset[]; events: OutageEvent[] } {
  const assets = [...db.demo.assets()];
  const byId = new Map<string, OutageEvent>();
  for (const o of db.demo.outages()) {
    const e = toOutageEvent(o);
    // a later version replaces the earlier one, also when it moves the start out of the period
    if (e.start >= from && e.start < to) byId.set(e.eventId, e);
    else byId.delete(e.eventId);
  }
  return { assets, events: [...byId.values()] };
}

const keyOf = (r: ReliabilityReport['rows'][number]) => JSON.stringify(r.keys);

/** Largest relative difference of SAIDI and SAIFI between two reports; throws when groups differ. */
export function compareReports(a: ReliabilityReport, b: ReliabilityReport, what: string): number {
  const other = new Map(b.rows.map((r) => [keyOf(r), r]));
  if (a.rows.length !== b.rows.length)
    throw new Error(`${what}: ${a.rows.length} groups against ${b.rows.length}`);
  let worst = 0;
  for (const r of a.rows) {
    const o = other.get(keyOf(r));
    if (!o) throw new Error(`${what}: group ${keyOf(r)} missing`);
    for (const m of ['saidi', 'saifi'] as const) {
      const x = r[m];
      const y = o[m];
      if (x === null || y === null) {
        if (x !== y) throw new Error(`${what}: ${m} of ${keyOf(r)} is ${x} against ${y}`);
        continue;
      }
      const d = Math.abs(x - y) / Math.max(1, Math.abs(x));
      worst = Math.max(worst, d);
      if (d > TOLERANCE) throw new Error(`${what}: ${m} of ${keyOf(r)} is ${x} against ${y}`);
    }
  }
  return worst;
}

/** The cases, and `close` to free the DuckDB copy once they have run. */
export async function reliabilityCases(db: DemoDatabase): Promise<{ cases: BenchCase[]; close: () => void }> {
  const zone = 'Asia/Shanghai';
  const year = wallClock(db.now, zone).year - 1;
  const { from, to } = yearPeriod(year, zone);
  const asOf = db.now;
  const { assets, events } = recordsOf(db, from, to);
  const duck = await duckdbFromQuestDB(db.qdb, db.workDir);
  const duckStore = duckdbStore(duck.connection, db.store);
  const before = await previousReliability();
  const copy = `DuckDB copy of assets/outages/outage_areas/outage_reach (${Object.values(duck.rows)
    .map((n) => n.toLocaleString('en'))
    .join('/')} rows) took ${(duck.copyMs / 1000).toFixed(1)} s, not timed`;

  const cases: BenchCase[] = [];
  for (const groupBy of GROUPS) {
    const options = { from, to, asOf, zone, groupBy };
    const product = async () => {
      const r = await queryReliability(db.store, options);
      if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
      return r.value;
    };
    const reference = () => {
      const r = computeReliability({ ...options, assets, events });
      if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
      return r.value;
    };
    const duckdb = async () => {
      const r = await queryReliability(duckStore, options);
      if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
      return r.value;
    };
    // Agreement first: the times below are only reported for answers that agree.
    const q = await product();
    const dRef = compareReports(q, reference(), `reference by ${groupBy}`);
    const dDuck = compareReports(q, await duckdb(), `DuckDB by ${groupBy}`);
    const agree = `${q.rows.length} groups; SAIDI/SAIFI agree (max rel. diff: reference ${dRef.toExponential(1)}, DuckDB ${dDuck.toExponential(1)})`;
    const name = `reliability ${year} by ${groupBy}`;
    const groups = await before.run(db.store, options);
    if (groups !== q.rows.length)
      throw new Error(`before by ${groupBy}: ${groups} groups against ${q.rows.length}`);
    cases.push(
      {
        name: `${name}: QuestDB SQL (product)`,
        size: db.size,
        items: events.length,
        run: async () => void (await product()),
        note: agree,
      },
      {
        name: `${name}: before (joins, ${PREVIOUS_RELIABILITY.slice(0, 7)})`,
        size: db.size,
        items: events.length,
        baseline: `${name}: QuestDB SQL (product)`,
        run: async () => void (await before.run(db.store, options)),
      },
      {
        name: `${name}: peer reference evaluator (TypeScript)`,
        size: db.size,
        items: events.length,
        baseline: `${name}: QuestDB SQL (product)`,
        run: async () => void reference(),
      },
      {
        name: `${name}: peer DuckDB, same statements`,
        size: db.size,
        items: events.length,
        baseline: `${name}: QuestDB SQL (product)`,
        run: async () => void (await duckdb()),
        note: copy,
      },
    );
  }
  return { cases, close: duck.close };
}
