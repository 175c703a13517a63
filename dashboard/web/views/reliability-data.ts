// What the reliability page asks and shows, as pure functions: the wire types of its answers,
// the choices read from the address and written back, the period a choice names (calendar
// years, or this year to date), the user convention of a target's basis, the elapsed share of a
// year, a park's status against its target, and the cities whose causes are drawn. No DOM, no
// requests.

import type { TargetStatus } from '../../../core/vocabulary/index.js';
import type { Row } from '../api.js';
import type { TargetRow } from './target-verdicts.js';

export const VARIANTS = ['all', 'no_external', 'no_shortage', 'planned', 'fault'] as const;
export const CAUSE_MEASURES = ['customerHours', 'customerInterruptions', 'events', 'counted'] as const;
export type CauseMeasure = (typeof CAUSE_MEASURES)[number];
export const CAUSE_VIEWS = ['cause', 'responsibility'] as const;
export type CauseView = (typeof CAUSE_VIEWS)[number];

/** One row of GET /reliability/causes?groupBy=city, in Pareto order. */
export interface CauseRow {
  city: string | null;
  cause?: string;
  responsibility: string;
  rank: number;
  events: number;
  shortEvents: number;
  customerInterruptions: number;
  customerHours: number;
  counted: number | null;
  share: number | null;
  cumulativeShare: number | null;
}
export interface CausesAnswer {
  rows: CauseRow[];
  includesOngoing?: boolean;
  ruleSet: string | null;
  rule: string | null;
}
export interface CauseChoice {
  measure: CauseMeasure;
  view: CauseView;
  regions: string[];
}

export interface Envelope {
  rows: Row[];
  issues?: { path: string; message: string; code?: string; params?: Record<string, unknown> }[];
  includesOngoing?: boolean;
  majorEventDays?: { days: string[] } | null;
}
export interface RankingAnswer extends Envelope {
  year: number;
}
export interface DailyAnswer {
  rows: { date: string; saidiMinutes: number | null; tMedMinutes: number | null; majorEventDay: boolean }[];
  thresholds: { year: number; tMedMinutes: number | null }[];
}
/** A row of GET /targets. */
export type Target = TargetRow;

/** The page's choices: the figures' variant, major event days left out, the period. */
export interface Choices {
  variant: string;
  med: boolean;
  /** "ytd", a year, or "" (not chosen: this year to date) */
  choice: string;
}

export const oneOf = <T extends string>(allowed: readonly T[], v: string | null, fallback: T): T =>
  (allowed as readonly string[]).includes(v ?? '') ? (v as T) : fallback;

export function readChoices(p: URLSearchParams): { choices: Choices; causes: CauseChoice } {
  return {
    choices: {
      variant: oneOf(VARIANTS, p.get('variant'), 'all'),
      med: p.get('med') === '1',
      choice: p.get('period') ?? '',
    },
    causes: {
      measure: oneOf(CAUSE_MEASURES, p.get('causeBy'), 'customerHours'),
      view: oneOf(CAUSE_VIEWS, p.get('causeView'), 'cause'),
      regions: (p.get('causeRegions') ?? '').split(',').filter((x) => x !== ''),
    },
  };
}

/** The address's parameters for the choices (defaults left out). */
export function choiceParams(c: Choices, causes: CauseChoice): Record<string, string | undefined> {
  return {
    period: c.choice,
    variant: c.variant,
    med: c.med ? '1' : undefined,
    causeBy: causes.measure === 'customerHours' ? undefined : causes.measure,
    causeView: causes.view === 'cause' ? undefined : causes.view,
    causeRegions: causes.regions.length > 0 ? causes.regions.join(',') : undefined,
  };
}

/** The period a choice names: this year to date, or a calendar year (the last complete one by default). */
export interface Period {
  year: number;
  from: string;
  /** the next year's first day, or now (ISO) for a year to date */
  to: string;
  ytd: boolean;
}

export function periodOf(choice: string, lastYear: number, now: Date): Period {
  const ytd = choice === 'ytd';
  const year = ytd ? lastYear + 1 : Number(choice) || lastYear;
  return { year, from: `${year}-01-01`, to: ytd ? now.toISOString() : `${year + 1}-01-01`, ytd };
}

/** The user convention a target's basis is counted in (medium voltage: transformers). */
export const conventionOfBasis = (basis: string | undefined): 'transformers' | 'customers' =>
  basis === 'medium_voltage' ? 'transformers' : 'customers';

/** The elapsed share of a calendar year (UTC boundaries: hours off in a year, for a pro-rata mark). */
export function yearFraction(year: number, now = Date.now()): number {
  const start = Date.UTC(year, 0, 1);
  return Math.min(1, Math.max(0, (now - start) / (Date.UTC(year + 1, 0, 1) - start)));
}

/**
 * Each park's SAIDI against its target: a finished year met or not (below: strictly under);
 * a year in progress on or off track against the target pro-rated by the elapsed share.
 */
export function parkStatus(saidi: number, target: Target, elapsed: number): `status_${TargetStatus}` {
  const limit = target.below ?? target.atMost;
  if (limit === null) return 'status_met';
  const strict = target.below !== null;
  if (elapsed < 1) return saidi <= limit * elapsed ? 'status_on_track' : 'status_off_track';
  return (strict ? saidi < limit : saidi <= limit) ? 'status_met' : 'status_not_met';
}

/** The cities of the causes' rows, in their order ("" for rows without one). */
export const causeRegions = (rows: readonly CauseRow[]): string[] => [
  ...new Set(rows.map((r) => r.city ?? '')),
];

/** The cities chosen that the rows have; none of them: the first city. */
export function regionsShown(regions: readonly string[], chosen: readonly string[]): string[] {
  const kept = chosen.filter((r) => regions.includes(r));
  return kept.length > 0 ? kept : regions.slice(0, 1);
}

/** The cities chosen after a box is ticked or cleared, in the rows' order. */
export const toggleRegion = (
  regions: readonly string[],
  chosen: readonly string[],
  region: string,
  on: boolean,
): string[] =>
  on ? regions.filter((r) => r === region || chosen.includes(r)) : chosen.filter((r) => r !== region);
