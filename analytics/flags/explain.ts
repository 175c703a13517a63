// Why one asset is (or is not) flagged: its attributed outages, each counted or excluded with
// the reason. The records that can matter to the asset (the outages that reached it, by the
// attribution kept at write, and the versions they are judged by) are read from QuestDB and
// handed to the reference evaluator's explain(), so the explanation follows the rule text step
// by step.

import { type CompiledRuleSet, type Explanation, explain } from '../rules/index.js';
import type { Store } from '../../store/index.js';
import { readAssetsHistory } from './history-of.js';
import type { Result } from '../../core/index.js';
import { fail } from '../../core/index.js';

const DAY_MS = 86_400_000;

export async function explainAsset(
  store: Store,
  q: {
    ruleSet: CompiledRuleSet;
    ruleId: string;
    assetId: string;
    asOf: number;
    zone: string;
    /** Only these warnings can exclude outages (default: every stored warning). */
    warningIds?: readonly string[];
  },
): Promise<Result<Explanation>> {
  // Two years back covers the trailing 365 days plus any window ending in them (rules allow
  // windows of up to a year); earlier outages that are still ongoing can absorb later ones.
  const history = await readAssetsHistory(store, {
    assetIds: [q.assetId],
    from: q.asOf - 2 * 366 * DAY_MS,
    to: q.asOf,
    warningIds: q.warningIds,
  });
  if (history.assets.length === 0)
    return fail([{ path: 'assetId', message: `unknown asset "${q.assetId}"` }]);
  return explain(
    {
      ...history,
      asOf: q.asOf,
      zone: q.zone,
      ruleSet: q.ruleSet,
    },
    q.assetId,
    q.ruleId,
  );
}
