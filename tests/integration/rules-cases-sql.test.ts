// The hand-computed rule cases (tests/unit/rules) against the SQL evaluator. The unit files are
// imported here, so their tests run first (checking the reference evaluator against the hand-
// computed answers) and record every input they evaluate; the last test writes each input into
// QuestDB under its own id prefix and demands that evaluateFlags answers exactly what the
// reference answers, and that the explanation read back from QuestDB is the reference's.
// Together: every clause case (exclusions, 59/60-day edges, local midnight, overlap,
// attribution, ongoing, corrections) holds for both evaluators.

import '../unit/rules/windows.test.js';
import '../unit/rules/exclusions.test.js';
import '../unit/rules/attribution.test.js';
import { describe, expect, it } from 'vitest';
import { evaluateFlags, explainAsset } from '../../analytics/flags/index.js';
import { type EvaluationInput, evaluate, explain } from '../../analytics/rules/index.js';
import { createLogger } from '../../server/log.js';
import { type Store, sql, Writer } from '../../store/index.js';
import { prefixHistory } from '../support/prefix.js';
import { eventually, testRoot } from '../support/questdb.js';
import { sharedStore } from '../support/store.js';
import { evaluatedInputs } from '../unit/rules/fixtures.js';

const run = `HC${Date.now().toString(36)}`;

/** The case's input with every id prefixed, so that all cases share one database. */
function prefixed(input: EvaluationInput, n: number): EvaluationInput {
  const h = prefixHistory(
    {
      ...input,
      seed: n,
      assets: [...input.assets],
      events: [...input.events],
      warnings: [...input.warnings],
    },
    `${run}c${n}-`,
  );
  return { ...input, assets: h.assets, events: h.events, warnings: h.warnings };
}

async function store(cases: EvaluationInput[]): Promise<Store> {
  const db = await sharedStore();
  const writer = await Writer.open({
    connection: db.connection,
    store: db,
    spoolDir: `${testRoot()}/spool-${run}`,
    spoolLimitBytes: 1e8,
    log: createLogger('silent'),
  });
  // One write unit per case, in the order the case lists its records: a later version of an
  // event (a correction) replaces the earlier one as it would when delivered in that order.
  for (const c of cases) {
    await writer.write({ kind: 'assets', receivedAt: 1, records: [...c.assets] });
    await writer.write({ kind: 'warnings', receivedAt: 1, records: [...c.warnings] });
    await writer.write({ kind: 'outages', receivedAt: 2, records: [...c.events] });
  }
  await writer.close();
  const ids = new Set(cases.flatMap((c) => c.events.map((e) => e.eventId)));
  await eventually(async () => {
    const [row] = await db.rows<{ n: number }>(
      sql`SELECT count() n FROM outages WHERE event_id LIKE ${`${run}%`} AND NOT deleted`,
    );
    return row?.n === ids.size;
  }, 60_000);
  return db;
}

describe('the hand-computed cases, through QuestDB', () => {
  it('give the same flags and explanations as the reference evaluator', async () => {
    // The imported unit tests have run by now (tests run in the order they are declared).
    const cases = evaluatedInputs.map((c, n) => ({ ...c, input: prefixed(c.input, n) }));
    expect(cases.length).toBeGreaterThan(40);
    const db = await store(cases.map((c) => c.input));
    const mismatches: string[] = [];
    let flagged = 0;
    for (const [n, c] of cases.entries()) {
      const expected = evaluate(c.input).flags;
      const actual = await evaluateFlags(db, {
        ruleSet: c.input.ruleSet,
        asOf: c.input.asOf,
        zone: c.input.zone,
        assetIds: [...new Set(c.input.assets.map((a) => a.assetId))],
        warningIds: c.input.warnings.map((w) => w.warningId),
      });
      flagged += expected.length;
      try {
        // Duration rules are the reliability issue's: the SQL evaluator answers count rules.
        const counted = new Set(c.input.ruleSet.countRules.map((r) => r.id));
        expect(actual).toEqual(expected.filter((f) => counted.has(f.rule)));
      } catch (err) {
        mismatches.push(`case ${n} flags: ${String(err).slice(0, 600)}`);
      }
      if (!c.explained) continue;
      const assetId = `${run}c${n}-${c.explained.assetId}`;
      const want = explain(c.input, assetId, c.explained.rule);
      const got = await explainAsset(db, {
        ruleSet: c.input.ruleSet,
        ruleId: c.explained.rule,
        assetId,
        asOf: c.input.asOf,
        zone: c.input.zone,
        warningIds: c.input.warnings.map((w) => w.warningId),
      });
      try {
        expect(got).toEqual(want);
      } catch (err) {
        mismatches.push(`case ${n} explanation: ${String(err).slice(0, 600)}`);
      }
    }
    expect(mismatches).toEqual([]);
    // The cases must produce flags at all, or agreeing on them proves little.
    expect(flagged).toBeGreaterThan(20);
  }, 300_000);
});
