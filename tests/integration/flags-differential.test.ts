// The SQL evaluator (QuestDB) against the reference evaluator on seeded random histories.
// A failing seed replays with: FLAGS_SEEDS=<seed> npx vitest run tests/integration/flags-differential.test.ts

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateFlags } from '../../analytics/flags/index.js';
import { type CompiledRuleSet, evaluate, loadRuleFile } from '../../analytics/rules/index.js';
import type { Warning } from '../../core/index.js';
import { createLogger } from '../../server/log.js';
import { readWarnings, type Store, sql, walApplied, Writer } from '../../store/index.js';
import { prefixHistory } from '../support/prefix.js';
import { eventually, testRoot } from '../support/questdb.js';
import { type RandomHistory, randomHistory } from '../support/random-history.js';
import { sharedStore } from '../support/store.js';

const CASES = Number(process.env['FLAGS_CASES'] ?? 500);
const seeds = process.env['FLAGS_SEEDS']
  ? process.env['FLAGS_SEEDS'].split(',').map(Number)
  : Array.from({ length: CASES }, (_, i) => i + 1);
const RULE_SETS = ['national-2025', 'baoshan-2021', 'guizhou-2025'];

let store: Store;
const ruleSets: CompiledRuleSet[] = [];
const histories: RandomHistory[] = [];
const run = `D${Date.now().toString(36)}`;

beforeAll(async () => {
  store = await sharedStore();
  // Warnings other files stored must be visible before the writer reads the warnings it keeps.
  await walApplied(store, 60_000);
  for (const name of RULE_SETS) {
    const loaded = await loadRuleFile(`rules/${name}.json`);
    if (!loaded.ok) throw new Error(`rule set ${name} did not load`);
    ruleSets.push(loaded.value);
  }
  const writer = await Writer.open({
    connection: store.connection,
    store,
    spoolDir: `${testRoot()}/spool-${run}`,
    spoolLimitBytes: 1e8,
    log: createLogger('silent'),
  });
  let events = 0;
  for (const seed of seeds) {
    const h = prefixHistory(randomHistory(seed), `${run}s${seed}-`);
    histories.push(h);
    await writer.write({ kind: 'assets', receivedAt: 1, records: h.assets });
    await writer.write({ kind: 'warnings', receivedAt: 1, records: h.warnings });
    await writer.write({ kind: 'outages', receivedAt: 1, records: h.events });
    events += new Set(h.events.map((e) => e.eventId)).size;
  }
  await writer.close();
  await eventually(async () => {
    const [row] = await store.rows<{ n: number }>(
      sql`SELECT count() n FROM outages WHERE event_id LIKE ${`${run}%`} AND NOT deleted`,
    );
    return row?.n === events;
  }, 60_000);
}, 300_000);

afterAll(() => undefined);

/** Histories checked again with the covering warning kept at write (every stored warning counts). */
const KEPT_CASES = Number(process.env['FLAGS_KEPT_CASES'] ?? 150);

/**
 * Each history's flags from QuestDB against the reference's, with `warnings` the warnings the
 * reference sees and `chosen` whether the query is told to judge only the history's own.
 */
async function compare(some: readonly RandomHistory[], warnings: Warning[] | undefined, chosen: boolean) {
  const mismatches: number[] = [];
  let flagged = 0;
  const check = async (h: RandomHistory) => {
    for (const ruleSet of ruleSets) {
      const expected = evaluate({ ...h, warnings: warnings ?? h.warnings, ruleSet }).flags;
      const actual = await evaluateFlags(store, {
        ruleSet,
        asOf: h.asOf,
        zone: h.zone,
        assetIds: [...new Set(h.assets.map((a) => a.assetId))],
        ...(chosen ? { warningIds: h.warnings.map((w) => w.warningId) } : {}),
      });
      flagged += expected.length;
      try {
        expect(actual).toEqual(expected);
      } catch (err) {
        if (mismatches.length === 0) console.error(`seed ${h.seed}, ${ruleSet.name}: ${String(err)}`);
        mismatches.push(h.seed);
      }
    }
  };
  // A few at a time: QuestDB runs two workers here.
  for (let i = 0; i < some.length; i += 3) await Promise.all(some.slice(i, i + 3).map(check));
  expect(mismatches).toEqual([]);
  // The cases must exercise flags at all, or the comparison proves little.
  expect(flagged).toBeGreaterThan(some.length / 2);
}

describe('SQL flags equal the reference flags', () => {
  it(`on ${seeds.length} random histories × ${RULE_SETS.join(', ')}`, async () => {
    await compare(histories, undefined, true);
  }, 600_000);

  it(`with the warnings kept at write, on ${Math.min(KEPT_CASES, seeds.length)} of them`, async () => {
    await walApplied(store, 60_000);
    // Other files' national warnings cover these regions too: the reference sees them all.
    await compare(histories.slice(0, KEPT_CASES), await readWarnings(store), false);
  }, 600_000);
});
