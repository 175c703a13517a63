// What a proposed outage would do to the frequent-outage rules, before anyone switches off
// (先算后停: compute, then cut). The proposal is one more outage in the history the reference
// evaluator reads; the evaluator runs with and without it and the difference is the answer.
//
// Two views of time: the window of the proposed day (counts before and after, the flag as of
// that day), and every later window that holds the proposed day: an outage already scheduled
// for the weeks after it can be the one that goes over the limit once the proposal is in.

import { pushTo } from '../../core/collections.js';
import type { AssetKind, OutageEvent } from '../../core/domain.js';
import { dayToDate, localDay } from '../../core/time.js';
import { attributeEvents } from './attribution.js';
import { indexWarnings } from './exclusions.js';
import { assetHistory } from './history.js';
import { compareText } from '../../core/order.js';
import { type EvaluationInput, evaluate, type WindowCount, windowCounts } from './reference.js';
import type { CompiledRuleSet, CountRule, NotCountedReason, Text } from './types.js';
import { formatWindow } from './window.js';

const DAY_MS = 86_400_000;

export type ProposedOutcome = 'breach' | 'at_risk' | 'none';

interface State {
  /** counted outages in the window of the proposed day */
  count: number;
  /** the flag as of the proposed start */
  status: 'breach' | 'at_risk' | null;
}

export interface ProposedEffect {
  ruleSet: string;
  assetId: string;
  kind: AssetKind;
  /** the feeder whose outage reaches this area; absent for the proposed asset itself */
  viaFeeder?: string;
  rule: string;
  family: string;
  title: Text;
  limit: number;
  window: string;
  /** why the proposal does not count under this rule; null when it counts */
  notCounted: NotCountedReason | null;
  /** local dates 'YYYY-MM-DD' of the window of the proposed day, inclusive */
  windowStart: string;
  windowEnd: string;
  before: State;
  after: State;
  /**
   * breach: some window holding the proposal goes over the limit that did not before;
   * at_risk: the window of the proposed day reaches the limit (one more outage breaches).
   */
  outcome: ProposedOutcome;
  /** local dates of the breaches the proposal causes (its own day or a later scheduled outage's) */
  breachDates: string[];
}

/** Days after the proposed start within which a window can still hold the proposed day. */
export function horizonDays(rules: readonly CountRule[]): number {
  let days = 1;
  for (const r of rules) days = Math.max(days, r.window.kind === 'rolling' ? r.window.days : 366);
  return days;
}

const key = (assetId: string, rule: string): string => `${assetId}\u0000${rule}`;

const byKey = (counts: readonly WindowCount[]): Map<string, WindowCount> =>
  new Map(counts.map((c) => [key(c.assetId, c.rule), c]));

const RANK: Record<ProposedOutcome, number> = { breach: 0, at_risk: 1, none: 2 };

/** Breaches first, then windows at risk, then the rest. */
export const byOutcome = (x: ProposedEffect, y: ProposedEffect): number => RANK[x.outcome] - RANK[y.outcome];

/**
 * Each asset the proposed outage reaches (the proposed asset and, for a feeder, the areas it
 * would interrupt), under each count rule of the set whose scope holds it. `input.events` are
 * the stored outages (scheduled ones included); `input.asOf` is ignored: the proposal's start
 * and the horizon after it are used.
 */
export function proposedEffects(
  input: Omit<EvaluationInput, 'asOf' | 'ruleSet'>,
  proposal: OutageEvent,
  ruleSet: CompiledRuleSet,
): ProposedEffect[] {
  const rules = ruleSet.countRules;
  if (rules.length === 0) return [];
  const base = { ...input, ruleSet };
  const withProposal = [...input.events.filter((e) => e.eventId !== proposal.eventId), proposal];
  const at = { asOf: proposal.start };
  const later = { asOf: proposal.start + horizonDays(rules) * DAY_MS };
  const day = localDay(proposal.start, input.zone);

  const before = { ...base, ...at };
  const after = { ...base, ...at, events: withProposal };
  const countsBefore = byKey(windowCounts(before, day));
  const countsAfter = byKey(windowCounts(after, day));
  const flagBefore = new Map(evaluate(before).flags.map((f) => [key(f.assetId, f.rule), f.status]));
  const flagAfter = new Map(evaluate(after).flags.map((f) => [key(f.assetId, f.rule), f.status]));
  const breachKey = (b: { assetId: string; rule: string; breachDate: string }) =>
    `${key(b.assetId, b.rule)}\u0000${b.breachDate}`;
  const knownBreaches = new Set(evaluate({ ...base, ...later }).breaches.map(breachKey));
  const newBreaches = new Map<string, string[]>();
  for (const b of evaluate({ ...base, ...later, events: withProposal }).breaches) {
    if (!b.eventIds.includes(proposal.eventId) || knownBreaches.has(breachKey(b))) continue;
    pushTo(newBreaches, key(b.assetId, b.rule), b.breachDate);
  }

  const history = assetHistory(input.assets);
  const reached = attributeEvents(history, [proposal]);
  const warnings = indexWarnings(input.warnings);
  const effects: ProposedEffect[] = [];
  for (const [assetId, items] of reached) {
    const asset = history.at(assetId, proposal.start);
    const item = items[0];
    if (asset === undefined || item === undefined) continue;
    for (const rule of rules) {
      if (!rule.inScope(asset)) continue;
      const k = key(assetId, rule.id);
      const b = countsBefore.get(k);
      const a = countsAfter.get(k);
      const range = rule.windowOf(day);
      const beforeState: State = { count: b?.count ?? 0, status: flagBefore.get(k) ?? null };
      const afterState: State = { count: a?.count ?? 0, status: flagAfter.get(k) ?? null };
      const breachDates = newBreaches.get(k) ?? [];
      const outcome: ProposedOutcome =
        breachDates.length > 0
          ? 'breach'
          : afterState.count >= rule.limit && beforeState.count < rule.limit
            ? 'at_risk'
            : 'none';
      const effect: ProposedEffect = {
        ruleSet: ruleSet.name,
        assetId,
        kind: asset.kind,
        rule: rule.id,
        family: rule.family,
        title: rule.title,
        limit: rule.limit,
        window: formatWindow(rule.window),
        notCounted: rule.notCounted(proposal, asset, warnings),
        windowStart: dayToDate(range.start),
        windowEnd: dayToDate(range.end),
        before: beforeState,
        after: afterState,
        outcome,
        breachDates,
      };
      if (item.viaFeeder !== undefined) effect.viaFeeder = item.viaFeeder;
      effects.push(effect);
    }
  }
  return effects.sort(
    (x, y) => byOutcome(x, y) || compareText(x.assetId, y.assetId) || compareText(x.rule, y.rule),
  );
}
