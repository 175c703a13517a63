// Rules that count the same outages of the same assets over rolling windows (every rule set
// pairs "more than 5 in a year" with "more than 3 in 60 days") share one statement: the counted
// outages, their merging and their numbering are computed once, and each rule adds its own lag,
// breach marks and flag rows. Each rule's rows are exactly those of its own statement (sql.ts):
// a longer history adds only leaders before the rule's first relevant day, and those neither
// change a later leader's lag test (a lag that far back is never within the window) nor make a
// flag row (breach and current windows lie after that day).

import type { CountRule } from '../rules/index.js';
import { join, raw, type Sql, sql, ts } from '../../store/index.js';
import {
  type CountQuery,
  countedFromReach,
  firstRelevantDay,
  leaderCtes,
  scopeFilter,
  standing,
} from './sql.js';

type Rolling = CountRule & { window: { kind: 'rolling'; days: number } };

const isRolling = (rule: CountRule): rule is Rolling => rule.window.kind === 'rolling';

const sameCounting = (a: CountRule, b: CountRule): boolean =>
  JSON.stringify(a.counts) === JSON.stringify(b.counts) &&
  JSON.stringify(a.scope) === JSON.stringify(b.scope);

/**
 * The rules in statements: rolling rules that count alike together (in the rule set's order),
 * every other rule alone.
 */
export function statementGroups(rules: readonly CountRule[]): CountRule[][] {
  const groups: CountRule[][] = [];
  for (const rule of rules) {
    const group = isRolling(rule)
      ? groups.find((g) => isRolling(g[0]!) && sameCounting(g[0]!, rule))
      : undefined;
    if (group) group.push(rule);
    else groups.push([rule]);
  }
  return groups;
}

/**
 * The query that counts for a group: the rule whose outages reach back furthest sets the
 * bounds of the outages read (counts and scope are the same for all).
 */
export function groupQuery(q: Omit<CountQuery, 'rule'>, rules: readonly CountRule[]): CountQuery {
  const widest = rules.reduce((a, b) =>
    firstRelevantDay(b, q.today) < firstRelevantDay(a, q.today) ? b : a,
  );
  return { ...q, rule: widest };
}

/**
 * Flag rows of several rolling rules that count alike: target, kind, event id, seq, then per
 * rule its latest breach's seq and day and whether the row belongs to the rule's flag. Rows
 * that belong to no rule's flag are left out; no set order.
 */
export function sharedFlagRowsQuery(q: CountQuery, rules: readonly CountRule[]): Sql {
  const rolling = rules.filter(isRolling);
  if (rolling.length !== rules.length) throw new TypeError('a shared statement takes rolling rules only');
  const each = (f: (rule: Rolling, i: number) => Sql, separator = ',\n         '): Sql =>
    join(
      rolling.map((rule, i) => f(rule, i)),
      separator,
    );
  const n = (name: string, i: number) => raw(`${name}_${i}`);
  const inFlag = (rule: Rolling, i: number) =>
    sql`((${n('lb_seq', i)} IS NOT NULL AND seq <= ${n('lb_seq', i)} AND day >= ${n('lb_day', i)} - ${rule.window.days - 1})
       OR (${n('lb_seq', i)} IS NULL AND ${n('cur', i)} AND ${n('n', i)} >= ${rule.limit}))`;
  return sql`
WITH
${countedFromReach(q)},
${leaderCtes(q.zone)},
numbered AS (
  SELECT target, event_id, day,
         row_number() OVER (PARTITION BY target ORDER BY start, event_id) seq,
         ${each((rule, i) => sql`lag(day, ${rule.limit}) OVER (PARTITION BY target ORDER BY start, event_id) ${n('lag', i)}`)}
  FROM leaders
),
marked AS (
  SELECT target, event_id, day, seq,
         ${each(
           (rule, i) =>
             sql`(${n('lag', i)} IS NOT NULL AND day - ${n('lag', i)} <= ${rule.window.days - 1}) AND day >= ${q.today - 364} AND day <= ${q.today} ${n('recent', i)},
         day >= ${q.today - rule.window.days + 1} AND day <= ${q.today} ${n('cur', i)}`,
         )}
  FROM numbered
),
framed AS (
  SELECT target, event_id, day, seq,
         ${each(
           (_rule, i) => sql`${n('cur', i)},
         sum(CASE WHEN ${n('cur', i)} THEN 1 ELSE 0 END) OVER (PARTITION BY target) ${n('n', i)},
         max(CASE WHEN ${n('recent', i)} THEN seq END) OVER (PARTITION BY target) ${n('lb_seq', i)},
         max(CASE WHEN ${n('recent', i)} THEN day END) OVER (PARTITION BY target) ${n('lb_day', i)}`,
         )}
  FROM marked
),
flagged AS (
  SELECT target, event_id, seq,
         ${each((rule, i) => sql`${n('lb_seq', i)}, ${n('lb_day', i)}, ${inFlag(rule, i)} ${n('in', i)}`)}
  FROM framed
  WHERE ${each(inFlag, '\n     OR ')}
),
${standing(ts(q.asOf), q.assetIds)}
SELECT flagged.target, cur.kind, flagged.event_id, flagged.seq,
       ${each((_rule, i) => sql`flagged.${n('lb_seq', i)}, flagged.${n('lb_day', i)}, flagged.${n('in', i)}`)}
FROM flagged LEFT JOIN cur ON (cur.asset_id = flagged.target)
WHERE cur.asset_id IS NULL OR (${scopeFilter(q.rule)})`;
}
