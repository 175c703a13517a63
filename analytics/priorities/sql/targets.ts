// Target status of every group of the rule set's reliability targets for the calendar year of
// asOf (so far), by the reliability queries, against the year before; optionally also as if
// some events had not happened (the previous year stays as recorded: it is the baseline).

import { localDate } from '../../../core/time.js';
import { ok, type Result } from '../../../core/issues.js';
import type { Store } from '../../../store/index.js';
import {
  assessTarget,
  elapsedFraction,
  type GroupDimension,
  type GroupKeys,
  type ReliabilityRow,
  type ReliabilityTarget,
  type TargetAssessment,
  yearPeriod,
} from '../../reliability/index.js';
import { queryReliability, type SqlReliabilityOptions } from '../../reliability-sql/index.js';
import type { CompiledRuleSet, TargetRule } from '../../rules/index.js';
import { conventionOf, groupInScope, groupLabel, targetDims, targetFor, variantOf } from '../targets.js';

export interface TargetGroup {
  keys: GroupKeys;
  label: string;
  target: ReliabilityTarget;
  before: TargetAssessment;
  /** with the excluded events left out (only when some were given) */
  after: TargetAssessment | null;
  includesOngoing: boolean;
}

export interface RuleTargets {
  rule: TargetRule;
  dims: GroupDimension[];
  year: number;
  elapsedFraction: number;
  groups: TargetGroup[];
}

export interface TargetQuery {
  ruleSet: CompiledRuleSet;
  asOf: number;
  zone: string;
  excludedEventIds?: readonly string[] | undefined;
}

const measureOf = (rule: TargetRule, row: ReliabilityRow | undefined): number | null =>
  row === undefined ? null : rule.measure === 'saidi_hours' ? row.saidi : row.saifi;

/** Every evaluable target rule's groups (per asset is left out), in rule order. */
export async function assessTargets(store: Store, q: TargetQuery): Promise<Result<RuleTargets[]>> {
  const year = Number(localDate(q.asOf, q.zone).slice(0, 4));
  const period = yearPeriod(year, q.zone);
  const elapsed = elapsedFraction(period, q.asOf);
  const out: RuleTargets[] = [];
  for (const rule of q.ruleSet.targetRules) {
    const dims = targetDims(rule);
    if (dims === null) continue;
    const base: Omit<SqlReliabilityOptions, 'from' | 'to'> = {
      asOf: q.asOf,
      zone: q.zone,
      groupBy: dims,
      convention: conventionOf(rule),
      variant: variantOf(rule),
      shortOutageMinutes: q.ruleSet.shortOutageMinutes,
      ...(rule.scope.province ? { scope: { provinces: rule.scope.province } } : {}),
    };
    const excluded = q.excludedEventIds && q.excludedEventIds.length > 0 ? q.excludedEventIds : undefined;
    const [current, previous, after] = await Promise.all([
      queryReliability(store, { ...base, ...period }),
      queryReliability(store, { ...base, ...yearPeriod(year - 1, q.zone) }),
      excluded
        ? queryReliability(store, { ...base, ...period, excludedEventIds: excluded })
        : Promise.resolve(null),
    ]);
    if (!current.ok) return current;
    if (!previous.ok) return previous;
    if (after && !after.ok) return after;
    const key = (keys: GroupKeys): string => JSON.stringify(dims.map((d) => keys[d] ?? null));
    const before = new Map(previous.value.rows.map((r) => [key(r.keys), r]));
    const later = new Map((after?.value.rows ?? []).map((r) => [key(r.keys), r]));
    const groups: TargetGroup[] = [];
    for (const row of current.value.rows) {
      if (!groupInScope(rule, row.keys)) continue;
      const target = targetFor(rule, row.keys);
      const value = measureOf(rule, row);
      if (!target || value === null) continue;
      const previousValue = measureOf(rule, before.get(key(row.keys)));
      const assess = (v: number): TargetAssessment =>
        assessTarget({ target, saidiHours: v, previousSaidiHours: previousValue, elapsedFraction: elapsed });
      const afterValue = after ? (measureOf(rule, later.get(key(row.keys))) ?? 0) : null;
      groups.push({
        keys: row.keys,
        label: groupLabel(row.keys, dims),
        target,
        before: assess(value),
        after: afterValue === null ? null : assess(afterValue),
        includesOngoing: row.includesOngoing,
      });
    }
    out.push({ rule, dims, year, elapsedFraction: elapsed, groups });
  }
  return ok(out);
}
