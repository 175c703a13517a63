// The ranked list of a rule set as of a time: the facts gathered, every asset scored against
// the whole population (so filters applied later do not change a score).

import { localDate } from '../../../core/time.js';
import type { Result } from '../../../core/issues.js';
import { ok } from '../../../core/issues.js';
import type { Store } from '../../../store/index.js';
import { rankAssets, type Scored } from '../score.js';
import { type FactsQuery, type GatheredFacts, gatherFacts } from './facts.js';

export interface PriorityList extends Omit<GatheredFacts, 'facts'> {
  ranked: Scored[];
  /** local date of asOf */
  today: string;
}

export async function priorityList(store: Store, q: FactsQuery): Promise<Result<PriorityList>> {
  const gathered = await gatherFacts(store, q);
  if (!gathered.ok) return gathered;
  const { facts, ...rest } = gathered.value;
  const today = localDate(q.asOf, q.zone);
  return ok({ ...rest, today, ranked: rankAssets(facts, q.weights, today) });
}
