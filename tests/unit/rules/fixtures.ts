// Small builders for hand-computed rule tests. Times are written as local wall-clock strings
// in Asia/Shanghai (UTC+8, no DST) unless they carry an offset.

import { readFileSync } from 'node:fs';
import type { Asset, OutageEvent, Warning } from '../../../core/domain.js';
import { parseTime } from '../../../core/time.js';
import {
  type CompiledRuleSet,
  type EvaluationInput,
  evaluate,
  explain,
  type Explanation,
  parseRuleSet,
  type RuleSetInput,
} from '../../../analytics/rules/index.js';

export const ZONE = 'Asia/Shanghai';

/** Instant of a local time ('2025-03-01 10:00') or of an ISO time with offset. */
export function at(text: string): number {
  const r = parseTime(text, ZONE);
  if (!r.ok) throw new Error(r.issues[0]?.message);
  return r.value;
}

const REGION = { province: '云南', city: '昆明', county: '五华' } as const;

export const feeder = (assetId: string, extra: Partial<Asset> = {}): Asset => ({
  assetId,
  kind: 'feeder',
  areaClass: 'urban',
  customers: 20,
  ...REGION,
  validFrom: at('2020-01-01'),
  ...extra,
});

export const area = (assetId: string, feederId: string, extra: Partial<Asset> = {}): Asset => ({
  assetId,
  kind: 'area',
  feederId,
  areaClass: 'urban',
  customers: 100,
  ...REGION,
  validFrom: at('2020-01-01'),
  ...extra,
});

/** An outage of `minutes` minutes (null: ongoing), unplanned equipment fault unless told. */
export function outage(
  eventId: string,
  assetId: string,
  start: string,
  minutes: number | null,
  extra: Partial<OutageEvent> = {},
): OutageEvent {
  const s = at(start);
  return {
    eventId,
    assetId,
    start: s,
    end: minutes === null ? null : s + minutes * 60_000,
    customersAffected: 10,
    restorations: [],
    cause: 'equipment_fault',
    planned: false,
    ...extra,
  };
}

type Region = { province?: string; city?: string; county?: string };

/** A warning covering `region` (default: F1's county 五华). */
export const warning = (
  warningId: string,
  start: string,
  end: string,
  region: Region = REGION,
  extra: Partial<Warning> = {},
): Warning => ({
  warningId,
  issuerLevel: 'county',
  hazard: 'severe_weather',
  ...region,
  start: at(start),
  end: at(end),
  ...extra,
});

export function compile(input: RuleSetInput): CompiledRuleSet {
  const r = parseRuleSet(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

export function shipped(name: string): CompiledRuleSet {
  const r = parseRuleSet(JSON.parse(readFileSync(`rules/${name}.json`, 'utf8')), { name });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

export const national = shipped('national-2025');

/** The input of a one-rule set named "test" (rule "r"), with `set` fields added to the set. */
export function oneRuleInput(
  window: string,
  limit: number,
  counts: Record<string, unknown> = {},
  scope: Record<string, unknown> = { kind: ['feeder', 'area'] },
  set: Record<string, unknown> = {},
): RuleSetInput {
  return {
    name: 'test',
    title: { zh: '测试', en: 'test' },
    jurisdiction: { zh: '测试', en: 'test' },
    caseDueDays: 90,
    reporting: { ledgerDue: { dayOfNextMonth: 10 }, disclosure: 'quarterly' },
    ...set,
    rules: [
      {
        id: 'r',
        family: 'frequent_outage',
        title: { zh: '规则', en: 'rule' },
        scope,
        measure: 'count',
        counts: { exclusions: ['warned_weather', 'external_damage', 'short_switching'], ...counts },
        window,
        limit,
      },
    ],
  } as RuleSetInput;
}

/** A one-rule set with the national exclusions unless `counts` says otherwise. */
export function oneRule(
  window: string,
  limit: number,
  counts: Record<string, unknown> = {},
  scope: Record<string, unknown> = { kind: ['feeder', 'area'] },
): CompiledRuleSet {
  return compile(oneRuleInput(window, limit, counts, scope));
}

type Given = Omit<EvaluationInput, 'zone' | 'asOf' | 'warnings'> & { asOf: string; warnings?: Warning[] };
const input = (g: Given): EvaluationInput => ({
  ...g,
  warnings: g.warnings ?? [],
  asOf: at(g.asOf),
  zone: ZONE,
});

/**
 * Every input the hand-computed cases evaluated, in order. The SQL evaluator's test
 * (tests/integration/rules-cases-sql.test.ts) runs these same files and then replays each input
 * through QuestDB, so every clause case is checked against both evaluators.
 */
export const evaluatedInputs: { input: EvaluationInput; explained?: { assetId: string; rule: string } }[] =
  [];

function record(g: Given, explained?: { assetId: string; rule: string }): EvaluationInput {
  const i = input(g);
  evaluatedInputs.push(explained ? { input: i, explained } : { input: i });
  return i;
}

export const flagsOf = (g: Given) => evaluate(record(g)).flags;
export const evaluationOf = (g: Given) => evaluate(record(g));

export function explanationOf(g: Given, assetId: string, rule: string): Explanation {
  const r = explain(record(g, { assetId, rule }), assetId, rule);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

/** eventId → reason ('counted' when it counts), the compact view of an explanation. */
export function reasons(e: Explanation): Record<string, string> {
  return Object.fromEntries(e.outages.map((o) => [o.eventId, o.counted ? 'counted' : (o.reason ?? '?')]));
}
