// GET /reliability/causes: per region, the outages of a period by cause or by whose
// responsibility, in Pareto order, with the outages a rule set's count rule counts.

import type { Request, Response } from 'express';
import {
  byCauseOrder,
  byResponsibilityOrder,
  paretoOrder,
  queryCauses,
  responsibilityOf,
  rollUp,
} from '../../../analytics/causes/index.js';
import type { CompiledRuleSet, CountRule } from '../../../analytics/rules/index.js';
import { CAUSES } from '../../../core/domain.js';
import type { Issue } from '../../../core/index.js';
import { causesQuery, findRuleSet, QueryProblems } from '../query/index.js';
import type { Row } from '../respond.js';
import { sendRows } from '../respond.js';
import { ONGOING_NOTE, orBadRequest, type Reliability } from './context.js';

const FIGURES = [
  'events',
  'shortEvents',
  'customerInterruptions',
  'shortInterruptions',
  'customerHours',
  'counted',
] as const;
const PARETO_COLUMNS = ['rank', ...FIGURES, 'share', 'cumulativeShare', 'includesOngoing'];
const DEFAULT_SHORT_OUTAGE_MINUTES = 3;

interface Counting {
  set: CompiledRuleSet | undefined;
  rule: CountRule | undefined;
  issues: Issue[];
}

/** The rule set and count rule the breakdown counts by, or the issues naming what is known. */
function countRuleOf(c: Reliability, setName: string | undefined, ruleId: string | undefined): Counting {
  const sets = c.ruleSets;
  if (!sets || sets.size === 0) {
    const issues = [setName, ruleId].some((x) => x !== undefined)
      ? [{ path: setName !== undefined ? 'ruleSet' : 'rule', message: 'no rule sets are loaded here' }]
      : [];
    return { set: undefined, rule: undefined, issues };
  }
  const found = findRuleSet(
    { ruleSets: sets, defaultRuleSet: c.defaultRuleSet ?? [...sets.keys()][0] ?? '' },
    setName,
  );
  if (!found.ok) return { set: undefined, rule: undefined, issues: found.issues };
  const set = found.value;
  const rule = ruleId === undefined ? set.countRules[0] : set.countRules.find((r) => r.id === ruleId);
  if (ruleId !== undefined && !rule) {
    const known = set.countRules.map((r) => r.id).join(', ') || 'none';
    const message = `rule set "${set.name}" has no count rule "${ruleId}" (count rules: ${known})`;
    return { set, rule: undefined, issues: [{ path: 'rule', message }] };
  }
  return { set, rule, issues: [] };
}

/** The other count rules of the set that count the same outages (they differ only in window and limit). */
const countingAlike = (set: CompiledRuleSet, rule: CountRule): string[] =>
  set.countRules
    .filter(
      (r) =>
        r.id !== rule.id &&
        JSON.stringify(r.counts) === JSON.stringify(rule.counts) &&
        JSON.stringify(r.scope) === JSON.stringify(rule.scope),
    )
    .map((r) => r.id);

/** The figures and Pareto place of a row, in column order. */
const pick = (r: object): Row => Object.fromEntries(PARETO_COLUMNS.map((col) => [col, (r as Row)[col]]));

export async function showCauses(c: Reliability, req: Request, res: Response): Promise<void> {
  const p = new QueryProblems(causesQuery(c.zone), req.query);
  const from = p.read('from');
  const to = p.read('to');
  const asOf = p.read('asOf') ?? c.now();
  const groupBy = p.read('groupBy');
  const by = p.read('by');
  const paretoBy = p.read('paretoBy');
  // One name each; given several, the first still counts so that its problems are named too.
  const one = (key: 'region' | 'ruleSet' | 'rule'): string | undefined => {
    const v = p.read(key);
    if (v !== undefined && v.length > 1)
      p.issues.push({ path: key, message: `must name one, got: "${v.join(',')}"` });
    return v?.[0];
  };
  const region = one('region');
  const counting = countRuleOf(c, one('ruleSet'), one('rule'));
  p.issues.push(...counting.issues);
  if (paretoBy === 'counted' && !counting.rule && counting.issues.length === 0) {
    p.issues.push({ path: 'paretoBy', message: 'counted needs a rule set with a count rule' });
  }
  p.done();
  const { set, rule } = counting;
  const shortOutageMinutes = set?.shortOutageMinutes ?? DEFAULT_SHORT_OUTAGE_MINUTES;
  const report = orBadRequest(
    await queryCauses(c.store, { from, to, asOf, zone: c.zone, groupBy, region, rule, shortOutageMinutes }),
  );
  const rows =
    by === 'cause'
      ? paretoOrder(report.rows, paretoBy, byCauseOrder).map((r) => ({
          [groupBy]: r.region,
          cause: r.cause,
          responsibility: responsibilityOf(r.cause),
          ...pick(r),
        }))
      : paretoOrder(rollUp(report.rows), paretoBy, byResponsibilityOrder).map((r) => ({
          [groupBy]: r.region,
          responsibility: r.responsibility,
          causes: r.causes,
          ...pick(r),
        }));
  const keys = by === 'cause' ? [groupBy, 'cause', 'responsibility'] : [groupBy, 'responsibility', 'causes'];
  sendRows(req, res, rows, [...keys, ...PARETO_COLUMNS], {
    period: { from: c.iso(from), to: c.iso(to) },
    asOf: c.iso(asOf),
    zone: c.zone,
    groupBy,
    region: region ?? null,
    by,
    paretoBy,
    ruleSet: set?.name ?? null,
    rule: rule?.id ?? null,
    countsAlike: set && rule ? countingAlike(set, rule) : [],
    shortOutageMinutes,
    units: { customerHours: 'hours' },
    responsibilities: Object.fromEntries(CAUSES.map((cause) => [cause, responsibilityOf(cause)])),
    includesOngoing: report.includesOngoing,
    ...(report.includesOngoing ? { ongoing: ONGOING_NOTE } : {}),
  });
}
