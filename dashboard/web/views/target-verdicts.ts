// Each loaded reliability target judged on a period's figures, for the reliability page's
// headline: GET /targets rows grouped into their rules, each group's SAIDI (or SAIFI) of the
// period against its target, with the verdict of the product's own assessment
// (analytics/reliability/targets.ts: a finished year met or not, a year in progress on or off
// track against the target pro-rated by the elapsed share; "or N % less than the year before"
// counts too). Pure: no DOM, no requests.

import { assessTarget, type TargetAssessment } from '../../../analytics/reliability/targets.js';
import type { TargetStatus } from '../../../core/vocabulary/index.js';

/** One row of GET /targets: a value of a target rule (one per area class when it has several). */
export interface TargetRow {
  ruleSet: string;
  rule: string;
  measure: string;
  per: string;
  basis: string;
  areaClass: string | null;
  atMost: number | null;
  below: number | null;
  orReductionPercent: number | null;
}

export interface TargetRule {
  ruleSet: string;
  rule: string;
  measure: 'saidi_hours' | 'saifi';
  per: string;
  basis: string;
  orReductionPercent: number | null;
  /** by area class (null: one value for every group) */
  values: ReadonlyMap<string | null, { value: number; strict: boolean }>;
}

/** The /reliability grouping of a target's `per`; undefined when the page cannot judge it. */
export function groupDimension(per: string): string | null | undefined {
  if (per === 'all') return null;
  if (per === 'area_class') return 'areaClass';
  if (per === 'province' || per === 'city' || per === 'county' || per === 'park') return per;
  return undefined;
}

/** The rows of GET /targets grouped into their rules, in the order they come. */
export function targetRules(rows: readonly TargetRow[]): TargetRule[] {
  const rules = new Map<
    string,
    TargetRule & { values: Map<string | null, { value: number; strict: boolean }> }
  >();
  for (const r of rows) {
    if (r.measure !== 'saidi_hours' && r.measure !== 'saifi') continue;
    if (groupDimension(r.per) === undefined) continue;
    const key = `${r.ruleSet}\u0000${r.rule}`;
    let rule = rules.get(key);
    if (!rule) {
      rule = {
        ruleSet: r.ruleSet,
        rule: r.rule,
        measure: r.measure,
        per: r.per,
        basis: r.basis,
        orReductionPercent: r.orReductionPercent,
        values: new Map(),
      };
      rules.set(key, rule);
    }
    const value = r.below ?? r.atMost;
    if (value !== null) rule.values.set(r.areaClass, { value, strict: r.below !== null });
  }
  return [...rules.values()];
}

/** DL/T 836 medium voltage counts a public transformer as one user; low voltage, end customers. */
export const conventionOf = (rule: Pick<TargetRule, 'basis'>): 'transformers' | 'customers' =>
  rule.basis === 'medium_voltage' ? 'transformers' : 'customers';

export type FigureRow = Record<string, unknown>;

export interface GroupVerdict {
  /** the group's key (an area class code, a park's name…); null for the whole */
  group: string | null;
  value: number;
  target: number;
  assessment: TargetAssessment;
}

const keyOf = (row: FigureRow, dim: string | null): string | null => {
  if (dim === null) return null;
  const v = row[dim];
  return v === null || v === undefined ? null : String(v);
};

const figureOf = (row: FigureRow | undefined, measure: TargetRule['measure']): number | null => {
  const v = row?.[measure === 'saidi_hours' ? 'saidi' : 'saifi'];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

/**
 * Every group of the period's rows that the rule has a target for, judged: `current` and
 * `previous` (the whole year before) are GET /reliability rows grouped by the rule's dimension
 * on its basis; `elapsed` is 1 for a finished year, the share of the year gone otherwise.
 */
export function judge(
  rule: TargetRule,
  current: readonly FigureRow[],
  previous: readonly FigureRow[],
  elapsed: number,
): GroupVerdict[] {
  const dim = groupDimension(rule.per) ?? null;
  const before = new Map(previous.map((r) => [keyOf(r, dim), r]));
  const out: GroupVerdict[] = [];
  for (const row of current) {
    const group = keyOf(row, dim);
    // a per-park target is about parks: the rest of the network is no group of it
    if (dim !== null && group === null) continue;
    const target = rule.values.get(dim === 'areaClass' ? group : null) ?? rule.values.get(null);
    const value = figureOf(row, rule.measure);
    if (!target || value === null) continue;
    const assessment = assessTarget({
      target: {
        hours: target.value,
        strict: target.strict,
        ...(rule.orReductionPercent !== null ? { orReductionFraction: rule.orReductionPercent / 100 } : {}),
      },
      saidiHours: value,
      previousSaidiHours: figureOf(before.get(group), rule.measure),
      elapsedFraction: elapsed,
    });
    out.push({ group, value, target: target.value, assessment });
  }
  return out;
}

export interface Summary {
  groups: number;
  /** met, or on track in a year in progress */
  passed: number;
  /** the rule's verdict: every group passes, or not */
  status: TargetAssessment['status'];
}

/** A verdict's code: a finished year met or not, a year in progress on or off track. */
export const verdictOf = (finished: boolean, passed: boolean): TargetStatus =>
  finished ? (passed ? 'met' : 'not_met') : passed ? 'on_track' : 'off_track';

export function summarise(verdicts: readonly GroupVerdict[], elapsed: number): Summary {
  const passed = verdicts.filter((v) => v.assessment.metBy !== null).length;
  return { groups: verdicts.length, passed, status: verdictOf(elapsed >= 1, passed === verdicts.length) };
}

/**
 * The share of the local calendar year `year` gone by `to`, from GET /reliability's period
 * (ISO times with the zone's offset, e.g. "2026-01-01T00:00:00+08:00"); 1 once it is over.
 */
export function elapsedShare(period: { from: string; to: string }, year: number): number {
  const offset = /([+-]\d{2}:\d{2}|Z)$/.exec(period.from)?.[1] ?? 'Z';
  const start = Date.parse(`${year}-01-01T00:00:00${offset}`);
  const end = Date.parse(`${year + 1}-01-01T00:00:00${offset}`);
  const to = Date.parse(period.to);
  if (![start, end, to].every(Number.isFinite)) return 1;
  return Math.min(1, Math.max(0, (to - start) / (end - start)));
}
