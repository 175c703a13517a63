// The reference evaluator of count rules: plain TypeScript, written for clarity, against
// which the SQL evaluator is checked on seeded random histories. Target rules (SAIDI…) are
// left to the reliability module.
//
// Semantics, in order:
// 1. Only events with start ≤ asOf are seen; an eventId given twice keeps its last version.
//    An event's end is used as recorded (a recorded end after asOf is not rewritten).
// 2. Scope is tested on each asset's version valid at asOf (history.ts).
// 3. Outages are attributed to assets (attribution.ts); each is kept or dropped by the
//    rule's count filter (exclusions.ts), the region for warnings being the asset's version
//    at the outage's start.
// 4. Overlapping counted outages merge (counting.ts); windows are in local calendar days of
//    `zone`; every breach is recorded (counting.ts).
// 5. Status as of T: see flagOf.

import type { Asset, AssetKind, Cause, OutageEvent, Warning } from '../../core/domain.js';
import { fail, ok, type Result } from '../../core/issues.js';
import { dateToDay, dayToDate, localDay } from '../../core/time.js';
import { type Attributed, attributeEvents } from './attribution.js';
import { findBreaches, inRange, mergeOverlaps, type WindowBreach } from './counting.js';
import { indexWarnings } from './exclusions.js';
import { type AssetHistory, assetHistory } from './history.js';
import { compareText } from '../../core/order.js';
import type { CompiledRuleSet, CountRule, Reason, WarningLookup } from './types.js';

export interface EvaluationInput {
  /** every version of every asset */
  assets: readonly Asset[];
  /** current versions of the events */
  events: readonly OutageEvent[];
  warnings: readonly Warning[];
  asOf: number;
  /** the operating time zone, e.g. 'Asia/Shanghai' */
  zone: string;
  ruleSet: CompiledRuleSet;
}

interface Common {
  assetId: string;
  kind: AssetKind;
  rule: string;
  ruleSet: string;
  family: string;
  count: number;
  limit: number;
  /** local dates 'YYYY-MM-DD', inclusive */
  windowStart: string;
  windowEnd: string;
  /** in start order */
  eventIds: string[];
}

export interface Flag extends Common {
  status: 'breach' | 'at_risk';
  /** local date of the latest breach within the 365 days ending at asOf; null when at_risk */
  breachDate: string | null;
}

/** One breach of a rule: the outage that pushed a window over the limit, and that window. */
export interface Breach extends Common {
  breachDate: string;
}

export interface Evaluation {
  /** by assetId, then rule id */
  flags: Flag[];
  /** every breach up to asOf, by assetId, rule id, then date */
  breaches: Breach[];
}

export interface ExplainedOutage {
  eventId: string;
  start: number;
  end: number | null;
  cause: Cause;
  /** local date of the start */
  date: string;
  counted: boolean;
  reason?: Reason;
  viaFeeder?: string;
}

export interface Explanation {
  assetId: string;
  kind: AssetKind;
  rule: string;
  ruleSet: string;
  inScope: boolean;
  flag: Flag | null;
  /** the explained local dates: the 365 days ending at asOf, widened to the flag's window */
  from: string;
  to: string;
  outages: ExplainedOutage[];
}

interface Context {
  input: EvaluationInput;
  history: AssetHistory;
  attributed: Map<string, Attributed[]>;
  warnings: WarningLookup;
  today: number;
  /** local day of each seen event's start, computed once */
  dayOf: (event: OutageEvent) => number;
}

interface Outcome {
  item: Attributed;
  day: number;
  reason: Reason | null;
}

interface Assessment {
  outcomes: Outcome[];
  /** counted outages after merging, in start order */
  leaders: { eventId: string; day: number }[];
  breaches: WindowBreach[];
  flag: Flag | null;
}

function prepare(input: EvaluationInput): Context {
  const latest = new Map<string, OutageEvent>();
  for (const e of input.events) latest.set(e.eventId, e);
  const seen = [...latest.values()].filter((e) => e.start <= input.asOf);
  const history = assetHistory(input.assets);
  const days = new Map<OutageEvent, number>();
  for (const e of seen) days.set(e, localDay(e.start, input.zone));
  return {
    dayOf: (e) => days.get(e) ?? localDay(e.start, input.zone),
    input,
    history,
    attributed: attributeEvents(history, seen),
    warnings: indexWarnings(input.warnings),
    today: localDay(input.asOf, input.zone),
  };
}

function assess(ctx: Context, asset: Asset, rule: CountRule): Assessment {
  const { history } = ctx;
  const items = ctx.attributed.get(asset.assetId) ?? [];
  const outcomes: Outcome[] = items.map((item) => {
    const region = history.at(asset.assetId, item.event.start) ?? asset;
    const reason = rule.notCounted(item.event, region, ctx.warnings);
    return { item, day: ctx.dayOf(item.event), reason };
  });
  const counted = outcomes.filter((o) => o.reason === null);
  const { leaders, mergedWith } = mergeOverlaps(counted.map((o) => ({ ...o.item.event, day: o.day })));
  for (const o of counted) {
    const first = mergedWith.get(o.item.event.eventId);
    if (first !== undefined) o.reason = `merged_with:${first}`;
  }
  const breaches = findBreaches(leaders, rule.windowOf, rule.limit);
  return { outcomes, leaders, breaches, flag: flagOf(ctx, asset, rule, leaders, breaches) };
}

function common(
  ctx: Context,
  asset: Asset,
  rule: CountRule,
): Pick<Common, 'assetId' | 'kind' | 'rule' | 'ruleSet' | 'family' | 'limit'> {
  return {
    assetId: asset.assetId,
    kind: asset.kind,
    rule: rule.id,
    ruleSet: ctx.input.ruleSet.name,
    family: rule.family,
    limit: rule.limit,
  };
}

const toBreach = (base: ReturnType<typeof common>, b: WindowBreach): Breach => ({
  ...base,
  count: b.count,
  windowStart: dayToDate(b.range.start),
  windowEnd: dayToDate(b.range.end),
  eventIds: b.eventIds,
  breachDate: dayToDate(b.day),
});

/**
 * As of T (local day t): `breach` when a breach is dated in t − 364 … t, reported with the
 * latest such breach; else `at_risk` when the current window (rolling: t − N + 1 … t;
 * calendar: the period containing t) already holds at least `limit` counted outages.
 */
function flagOf(
  ctx: Context,
  asset: Asset,
  rule: CountRule,
  leaders: readonly { eventId: string; day: number }[],
  breaches: readonly WindowBreach[],
): Flag | null {
  const base = common(ctx, asset, rule);
  const recent = breaches.filter((b) => b.day >= ctx.today - 364 && b.day <= ctx.today);
  const latest = recent[recent.length - 1];
  if (latest !== undefined) return { ...toBreach(base, latest), status: 'breach' };
  const range = rule.windowOf(ctx.today);
  const current = inRange(leaders, range);
  if (current.length < rule.limit) return null;
  return {
    ...base,
    status: 'at_risk',
    count: current.length,
    windowStart: dayToDate(range.start),
    windowEnd: dayToDate(range.end),
    breachDate: null,
    eventIds: current.map((o) => o.eventId),
  };
}

/** Flags (breach or at_risk) and every breach, for each in-scope asset and count rule. */
export function evaluate(input: EvaluationInput): Evaluation {
  const ctx = prepare(input);
  const flags: Flag[] = [];
  const breaches: Breach[] = [];
  const rules = [...input.ruleSet.countRules].sort((a, b) => compareText(a.id, b.id));
  for (const assetId of ctx.history.ids) {
    const asset = ctx.history.at(assetId, input.asOf);
    if (asset === undefined) continue;
    for (const rule of rules) {
      if (!rule.inScope(asset)) continue;
      const a = assess(ctx, asset, rule);
      if (a.flag) flags.push(a.flag);
      const base = common(ctx, asset, rule);
      for (const b of a.breaches) breaches.push(toBreach(base, b));
    }
  }
  return { flags, breaches };
}

/** The counted outages in one rule's window of a local day, for one asset. */
export interface WindowCount {
  assetId: string;
  rule: string;
  count: number;
  /** local dates 'YYYY-MM-DD', inclusive */
  windowStart: string;
  windowEnd: string;
  eventIds: string[];
}

/**
 * For each in-scope asset (version at asOf) and count rule: the counted outages, overlapping
 * ones merged, in the rule's window of local day `day` (rolling: the N days ending on it;
 * calendar: its period). Only events with start ≤ asOf are seen, as in evaluate().
 */
export function windowCounts(input: EvaluationInput, day: number): WindowCount[] {
  const ctx = prepare(input);
  const out: WindowCount[] = [];
  for (const assetId of ctx.history.ids) {
    const asset = ctx.history.at(assetId, input.asOf);
    if (asset === undefined) continue;
    for (const rule of input.ruleSet.countRules) {
      if (!rule.inScope(asset)) continue;
      const range = rule.windowOf(day);
      const inWindow = inRange(assess(ctx, asset, rule).leaders, range);
      out.push({
        assetId,
        rule: rule.id,
        count: inWindow.length,
        windowStart: dayToDate(range.start),
        windowEnd: dayToDate(range.end),
        eventIds: inWindow.map((o) => o.eventId),
      });
    }
  }
  return out;
}

/** Why an asset is (or is not) flagged for a rule: each outage attributed to it, counted or why not. */
export function explain(input: EvaluationInput, assetId: string, ruleId: string): Result<Explanation> {
  const rule = input.ruleSet.countRules.find((r) => r.id === ruleId);
  if (rule === undefined) {
    const known = input.ruleSet.countRules.map((r) => `"${r.id}"`).join(', ');
    return fail([
      { path: 'rule', message: `unknown count rule "${ruleId}" in ${input.ruleSet.name} (known: ${known})` },
    ]);
  }
  const ctx = prepare(input);
  const asset = ctx.history.at(assetId, input.asOf);
  if (asset === undefined) return fail([{ path: 'assetId', message: `unknown asset "${assetId}"` }]);
  const { outcomes, flag } = assess(ctx, asset, rule);
  const from = Math.min(ctx.today - 364, flag ? dateToDay(flag.windowStart) : ctx.today);
  const outages = outcomes
    .filter((o) => o.day >= from && o.day <= ctx.today)
    .map(({ item, day, reason }): ExplainedOutage => {
      const { eventId, start, end, cause } = item.event;
      const out: ExplainedOutage = {
        eventId,
        start,
        end,
        cause,
        date: dayToDate(day),
        counted: reason === null,
      };
      if (reason !== null) out.reason = reason;
      if (item.viaFeeder !== undefined) out.viaFeeder = item.viaFeeder;
      return out;
    });
  return ok({
    assetId,
    kind: asset.kind,
    rule: rule.id,
    ruleSet: input.ruleSet.name,
    inScope: rule.inScope(asset),
    flag: rule.inScope(asset) ? flag : null,
    from: dayToDate(from),
    to: dayToDate(ctx.today),
    outages,
  });
}
