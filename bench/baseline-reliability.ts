// The reliability statements as they were before they read the attribution kept at write:
// every report re-derived what each outage interrupted (the outage's asset version at its
// start by a join on version intervals, the listed areas through outage_areas, the areas on
// the feeder by a second interval join, a window per event over the candidates). The three
// modules that changed (units.ts, aggregate.ts, issues.ts) are loaded as they stood at
// PREVIOUS_RELIABILITY; the rest (versions, events, census, N_T) is today's and unchanged.
// Benchmarks only: the "before" beside the product on the same database in the same run.

import { importAt } from './before.js';
import { census } from '../analytics/reliability-sql/census.js';
import { keptEventCtes } from '../analytics/reliability-sql/events.js';
import { denominatorCte } from '../analytics/reliability-sql/denominator.js';
import { checkSqlOptions } from '../analytics/reliability-sql/options.js';
import { type Plan, planOf } from '../analytics/reliability-sql/plan.js';
import { versionCtes } from '../analytics/reliability-sql/versions.js';
import type { SqlReliabilityOptions } from '../analytics/reliability-sql/types.js';
import { join, raw, type Sql, type Store, sql } from '../store/index.js';

/** The last commit whose reliability statements derived the attribution in every query. */
export const PREVIOUS_RELIABILITY = '807904bcd02159b833afc96b7811b8b3fbc6fc4e';

type Units = { pieceCtes(p: Plan, ranked?: boolean): Sql[] };
type Aggregate = { aggregateCtes(p: Plan): Sql[]; groupSelect(p: Plan): string };
type Issues = { issuesStatement(p: Plan): Sql };

export interface PreviousReliability {
  /** the census and the issues statement side by side, then the report statement: as report.ts ran them */
  run(store: Store, options: SqlReliabilityOptions): Promise<number>;
}

export async function previousReliability(): Promise<PreviousReliability> {
  const at = <T>(path: string) => importAt<T>(PREVIOUS_RELIABILITY, `analytics/reliability-sql/${path}`);
  const [units, aggregate, issues] = await Promise.all([
    at<Units>('units.ts'),
    at<Aggregate>('aggregate.ts'),
    at<Issues>('issues.ts'),
  ]);
  return {
    async run(store, options) {
      const checked = checkSqlOptions(options);
      if (!checked.ok || checked.value.excludedIds !== undefined)
        throw new Error('the baseline takes checked options without excluded ids');
      const s = checked.value;
      const first = planOf(s, { join: raw(''), member: raw('false') });
      const [, { steps }] = await Promise.all([
        store.rows(issues.issuesStatement(first)),
        census(store, first),
      ]);
      const p: Plan = { ...first, steps };
      const ctes = [
        ...versionCtes(p.scope, p.beforeFirstVersion),
        ...keptEventCtes(p),
        ...units.pieceCtes(p),
        denominatorCte(p, s.denominator),
        ...aggregate.aggregateCtes(p),
      ];
      const groups = await store.rows(sql`WITH ${join(ctes, ',\n')}
${raw(aggregate.groupSelect(p))}`);
      return groups.length;
    },
  };
}
