// What the priority routes share: each rule set's weights, read and checked once (a bad file is
// reported on every request), and the ranking of "now", which takes seconds (every flag, the
// region figures, the cases): computed once a minute per rule set and shared by the requests
// (filters, exports) of that minute, whose answers carry the asOf it was computed for. An
// explicit asOf is computed afresh.

import {
  loadPriorityWeights,
  type PriorityWeights,
  priorityList,
} from '../../../analytics/priorities/index.js';
import type { CompiledRuleSet } from '../../../analytics/rules/index.js';
import { formatInZone, HttpError, type Issue } from '../../../core/index.js';
import type { RuleSetDeps } from '../deps.js';
import { prioritiesQuery, ruleSetReader } from '../query/index.js';
import { type Computed, Recent } from '../recent.js';

export interface PrioritiesRouterDeps extends RuleSetDeps {
  /** Where `<ruleSet>.priority.json` weight files are looked for; without it the defaults apply. */
  rulesDir?: string;
}

export type Ranking = Extract<Awaited<ReturnType<typeof priorityList>>, { ok: true }>['value'];

export interface Priorities extends PrioritiesRouterDeps {
  now: () => number;
  iso: (ms: number) => string;
  query: ReturnType<typeof prioritiesQuery>;
  ruleSetOf: (value: unknown) => CompiledRuleSet;
  weightsOf: (ruleSet: string) => Promise<PriorityWeights>;
  /** the ranking as of `asOf`, or of "now" (shared) when undefined */
  rankingOf: (
    ruleSet: CompiledRuleSet,
    w: PriorityWeights,
    asOf: number | undefined,
  ) => Promise<Computed<Ranking>>;
}

const RANKING_TTL_MS = 60_000;
export const FORMULA =
  'score = 100 × Σ weight × value / Σ weight over the parts; each value is from 0 to 1 (see each part’s basis)';
export const ONGOING_NOTE = 'includes ongoing outages with their duration so far, up to asOf';

/** What an answer says about the weights. */
export const describeWeights = (w: PriorityWeights) => ({
  source: w.source,
  weights: w.weights,
  statusValues: w.statusValues,
  scales: w.scales,
  region: w.region,
  remediableCauses: w.remediableCauses,
  formula: FORMULA,
});

/** The reliability query refused options the ranking gave it: a fault of ours, not the client's. */
export const refused = (issues: readonly Issue[]): HttpError =>
  new HttpError(500, 'the reliability query refused its options', { issues });

export function prioritiesContext(deps: PrioritiesRouterDeps): Priorities {
  const now = deps.now ?? Date.now;
  const zone = deps.zone;
  const ruleSetOf = ruleSetReader(deps);
  const weights = new Map<string, Promise<PriorityWeights>>();
  const weightsOf = (ruleSet: string): Promise<PriorityWeights> => {
    let w = weights.get(ruleSet);
    if (!w) {
      w = loadPriorityWeights(deps.rulesDir, ruleSet).then((r) => {
        if (r.ok) return r.value;
        const message = r.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
        throw new HttpError(500, `invalid priority weights: ${message}`, { issues: r.issues });
      });
      weights.set(ruleSet, w);
    }
    return w;
  };
  const ranked = async (ruleSet: CompiledRuleSet, asOf: number, w: PriorityWeights) => {
    const r = await priorityList(deps.store, { ruleSet, asOf, zone, weights: w });
    if (!r.ok) throw refused(r.issues);
    return r.value;
  };
  const recent = new Recent<Ranking>(
    async (name, asOf) => ranked(ruleSetOf(name), asOf, await weightsOf(name)),
    { freshMs: RANKING_TTL_MS, staleMs: RANKING_TTL_MS, now },
  );
  return {
    ...deps,
    now,
    iso: (ms) => formatInZone(ms, zone),
    query: prioritiesQuery(deps),
    ruleSetOf,
    weightsOf,
    rankingOf: async (ruleSet, w, asOf) =>
      asOf === undefined ? recent.get(ruleSet.name) : { at: asOf, value: await ranked(ruleSet, asOf, w) },
  };
}
