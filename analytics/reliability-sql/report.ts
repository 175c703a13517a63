// queryReliability: the reference's computeReliability, computed by QuestDB over the stored
// assets, outages and outage_reach. QuestDB does the filtering, attribution to areas, per-step customer
// time, N_T and the sums per group (and per unit for CN, CEMI and CELID); TypeScript only
// divides the sums, as the reference does, and orders the rows.

import { ok, type Result } from '../../core/issues.js';
import type { Store } from '../../store/index.js';
import { compareGroups } from '../reliability/groups.js';
import type { GroupKeys, ReliabilityReport, ReliabilityRow } from '../reliability/index.js';
import { census } from './census.js';
import { isWeighted } from './denominator.js';
import { type IdSet, withIdSet } from './id-set.js';
import { type IssueRow, issuesOf, issuesStatement } from './issues.js';
import { checkSqlOptions, type SqlSettings } from './options.js';
import { type Plan, planOf, windowEnd } from './plan.js';
import { rows as query } from './run.js';
import { reportStatement } from './statements.js';
import type { SqlReliabilityOptions } from './types.js';
import { denominatorIssues } from '../reliability/plausibility.js';

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;

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
  const end = windowEnd(p);
  const divisor = isWeighted(p, s.denominator) ? end - s.from : 1;
  const periodHours = (end - s.from) / MS_PER_HOUR;
  const rows = groups
    .map((g) => toRow(g, s, divisor, periodHours))
    .sort((a, b) => compareGroups(a.keys, b.keys, s.dims));
  return {
    rows,
    from: s.from,
    to: s.to,
    asOf: s.asOf,
    zone: s.zone,
    groupBy: s.dims,
    convention: s.convention,
    variant: s.variant,
    denominator: s.denominator,
    splitAtEdges: s.splitAtEdges,
    shortOutageMinutes: s.shortOutageMinutes,
    periodHours,
    includesOngoing: rows.some((r) => r.includesOngoing),
    exclusionsApplied: s.excludedIds !== undefined,
    majorEventDaysApplied: s.majorEventDays !== undefined,
    dropped,
    issues: [...issues, ...denominatorIssues(rows, s.dims)],
  };
}

function toRow(g: GroupRow, s: SqlSettings, divisor: number, periodHours: number): ReliabilityRow {
  const keys: GroupKeys = {};
  s.dims.forEach((d, i) => {
    const v = g[`k${i}`];
    keys[d] = typeof v === 'string' ? v : null;
  });
  const customers = g.num / divisor;
  const per = (x: number): number | null => (customers > 0 ? x / customers : null);
  const users = (column: string): number => Number(g[column] ?? 0) / divisor;
  const saifi = per(g.users);
  const saidi = customers > 0 ? g.user_ms / MS_PER_HOUR / customers : null;
  return {
    keys,
    customers,
    events: g.events,
    shortEvents: g.s_events,
    customerInterruptions: g.users,
    shortInterruptions: g.s_users,
    customerMinutes: g.user_ms / MS_PER_MINUTE,
    saifi,
    saidi,
    caidi: saifi !== null && saifi > 0 && saidi !== null ? saidi / saifi : null,
    asai: saidi !== null && periodHours > 0 ? 1 - saidi / periodHours : null,
    maifi: per(g.s_users),
    customersInterrupted: users('cn'),
    cemi: s.cemiN.map((n, i) => {
      const c = users(`cemi${i}`);
      return { n, customers: c, value: per(c) };
    }),
    celid: s.celidHours.map((hours, i) => {
      const singleCustomers = users(`celid_s${i}`);
      const cumulativeCustomers = users(`celid_c${i}`);
      return {
        hours,
        singleCustomers,
        single: per(singleCustomers),
        cumulativeCustomers,
        cumulative: per(cumulativeCustomers),
      };
    }),
    includesOngoing: g.ongo > 0,
  };
}
