// queryReliability: the reference's computeReliability, computed by QuestDB over the stored
// assets, outages and outage_reach. QuestDB does the filtering, attribution to areas, per-step customer
// time, N_T and the sums per group (and per unit for CN, CEMI and CELID); TypeScript only
// divides the sums, by the reference's own formulas (formulas.ts), and orders the rows.

import { ok, type Result } from '../../core/issues.js';
import type { Store } from '../../store/index.js';
import { compareGroups } from '../reliability/groups.js';
import { type GroupSums, measuresOf, periodHours } from '../reliability/formulas.js';
import type { GroupKeys, ReliabilityReport } from '../reliability/index.js';
import { servedUntil } from '../reliability/periods.js';
import { reportOf } from '../reliability/report.js';
import { census } from './census.js';
import { isWeighted } from './denominator.js';
import { type IdSet, withIdSet } from './id-set.js';
import { type IssueRow, issuesOf, issuesStatement } from './issues.js';
import { checkSqlOptions, type SqlSettings } from './options.js';
import { type Plan, planOf } from './plan.js';
import { rows as query } from './run.js';
import { reportStatement } from './statements.js';
import type { SqlReliabilityOptions } from './types.js';

type GroupRow = Record<string, unknown> & {
  num: number;
  users: number;
  s_users: number;
  user_ms: number;
  events: number;
  s_events: number;
  ongo: number;
  cn: number;
};

export async function queryReliability(
  store: Store,
  options: SqlReliabilityOptions,
): Promise<Result<ReliabilityReport>> {
  const checked = checkSqlOptions(options);
  if (!checked.ok) return checked;
  const s = checked.value;
  return ok(await withIdSet(store, s.excludedIds, 'o.event_id', (excluded) => run(store, s, excluded)));
}

async function run(store: Store, s: SqlSettings, excluded: IdSet): Promise<ReliabilityReport> {
  const first = planOf(s, excluded);
  // The census sizes the step parsing; the issues need no steps and run beside it.
  const [issues, { dropped, steps }] = await Promise.all([
    query<IssueRow>(store, issuesStatement(first)).then((r) => issuesOf(r, first)),
    census(store, first),
  ]);
  const p: Plan = { ...first, steps };
  const groups = await query<GroupRow>(store, reportStatement(p, s.denominator));
  const end = servedUntil(p);
  const divisor = isWeighted(p, s.denominator) ? end - s.from : 1;
  const hours = periodHours(s.from, end);
  const basis = { periodHours: hours, cemiN: s.cemiN, celidHours: s.celidHours };
  const rows = groups
    .map((g) => measuresOf(sumsOf(g, s, divisor), basis))
    .sort((a, b) => compareGroups(a.keys, b.keys, s.dims));
  return reportOf(s, {
    rows,
    periodHours: hours,
    includesOngoing: rows.some((r) => r.includesOngoing),
    exclusionsApplied: s.excludedIds !== undefined,
    dropped,
    issues,
  });
}

/** A group's sums as QuestDB names them (groupSelect in aggregate.ts). */
function sumsOf(g: GroupRow, s: SqlSettings, divisor: number): GroupSums {
  const keys: GroupKeys = {};
  s.dims.forEach((d, i) => {
    const v = g[`k${i}`];
    keys[d] = typeof v === 'string' ? v : null;
  });
  const served = (column: string): number => Number(g[column] ?? 0);
  return {
    keys,
    served: g.num,
    divisor,
    events: g.events,
    shortEvents: g.s_events,
    customerInterruptions: g.users,
    shortInterruptions: g.s_users,
    customerMs: g.user_ms,
    interruptedServed: served('cn'),
    cemiServed: s.cemiN.map((_, i) => served(`cemi${i}`)),
    celidSingleServed: s.celidHours.map((_, i) => served(`celid_s${i}`)),
    celidCumulativeServed: s.celidHours.map((_, i) => served(`celid_c${i}`)),
    includesOngoing: g.ongo > 0,
  };
}
