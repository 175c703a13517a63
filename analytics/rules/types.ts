// A rule set after compile.ts: the checked, defaulted data of the file (what the SQL compiler
// and the UI read) plus the few functions the reference evaluator calls.

import type { AreaClass, Asset, AssetKind, Cause, OutageEvent } from '../../core/domain.js';
import type { ReasonCode } from '../../core/vocabulary/index.js';
import type { WorkCalendarName } from '../../core/work-calendar.js';
import type { Disclosure, Exclusion, TargetBasis, TargetMeasure, TargetPer } from './schema.js';
import type { RANKING_GROUPS, RANKING_MEASURES } from './schema.js';
import type { CalendarUnit, DayRange, WindowSpec } from './window.js';

export interface Text {
  zh: string;
  en: string;
}

/** Each key filters the asset field of the same name; absent keys do not filter. */
export interface Scope {
  kind: readonly AssetKind[];
  province?: readonly string[];
  city?: readonly string[];
  county?: readonly string[];
  areaClass?: readonly AreaClass[];
  /** true: in any park; false: in no park; list: in one of these parks */
  park?: boolean | readonly string[];
}

export interface Counts {
  causes: 'all' | readonly Cause[];
  planned: 'any' | boolean;
  exclusions: readonly Exclusion[];
  minDurationMinutes?: number;
}

/** Why an attributed outage does not count for a rule: a code of core/vocabulary, a warning with its id. */
export type NotCountedReason = Exclude<ReasonCode, 'warning' | 'merged_with'> | `warning:${string}`;
/** … or why it is not an outage of its own (merged into an earlier one, by that one's id). */
export type Reason = NotCountedReason | `merged_with:${string}`;

export type { Region, WarningLookup } from '../../core/warnings.js';
import type { Region, WarningLookup } from '../../core/warnings.js';

/** The count filter of a rule: null when the outage counts. */
export type CountFilter = (
  event: OutageEvent,
  region: Region,
  warnings: WarningLookup,
) => NotCountedReason | null;

interface RuleBase {
  id: string;
  family: string;
  title: Text;
  source?: string;
  scope: Scope;
  /** The scope test, applied to the asset version valid at the evaluation time. */
  inScope: (asset: Asset) => boolean;
}

export interface CountRule extends RuleBase {
  measure: 'count';
  counts: Counts;
  notCounted: CountFilter;
  window: WindowSpec;
  /** The window a local day belongs to (rolling: the N days ending on that day). */
  windowOf: (day: number) => DayRange;
  /** A window breaches when its count is greater than limit. */
  limit: number;
  /** How many assets may breach in a calendar year, against a base year (see fleet.ts). */
  fleetTarget?: FleetTarget;
}

export interface FleetTarget {
  baseYear: number;
  /** later years, ascending, with the least reduction against the base year in percent */
  years: readonly { year: number; fewerPercent: number }[];
}

export type TargetValue = number | Partial<Record<AreaClass, number>>;

/** A reliability target (evaluated by the reliability module, not by the reference evaluator). */
export interface TargetRule extends RuleBase {
  measure: TargetMeasure;
  /** Which outages the measure includes; all when absent. */
  counts?: Counts;
  window: { kind: 'calendar'; unit: CalendarUnit };
  per: TargetPer;
  basis: TargetBasis;
  /**
   * Met when the value is ≤ atMost (or < below), the number or the one for the group's area
   * class, or when it is ≤ the previous period's value × (1 − orReductionPercent / 100).
   */
  target: { atMost?: TargetValue; below?: TargetValue; orReductionPercent?: number };
}

export type Rule = CountRule | TargetRule;

export type LedgerDue =
  | { dayOfNextMonth: number }
  /** `calendar`: public holidays and moved working days; without it only weekends are off */
  | { workingDayOfNextMonth: number; calendar?: WorkCalendarName };

/** Reward and penalty tiers of the regional ranking: by rank, or by value of the ranked measure. */
export type RankingTiers =
  | { by: 'rank'; reward: number; penalty: number }
  | { by: 'value'; rewardAtMost: number; penaltyAbove: number };

/** The annual regional ranking with reward and penalty tiers (reports/ranking.ts). */
export interface RankingReport {
  groupBy: (typeof RANKING_GROUPS)[number];
  /** only these regions (a pilot); absent: every region of groupBy in the set's region */
  regions?: readonly string[];
  /** ranked lowest first; the other measure breaks ties */
  by: (typeof RANKING_MEASURES)[number];
  basis: TargetBasis;
  /** the month of the next year the results are published in: frozen on its first day, due on its last */
  publishMonth: number;
  firstYear?: number;
  tiers: RankingTiers;
}

/** The half-year and annual summaries; `due` is 'MM-DD' of the same year. */
export interface SummaryReports {
  halfYear?: { due: string; firstYear?: number };
  annual?: { due: string; throughMonth: number; firstYear?: number };
}

/** The advance report of arrears disconnections (reports/arrears.ts). */
export interface ArrearsNotice {
  householdsMoreThan: number;
  importantUsers: boolean;
  /** calendar days before the disconnection's local start date */
  daysBefore: number;
}

export interface Reporting {
  ledgerDue: LedgerDue;
  disclosure: Disclosure;
  ranking?: RankingReport;
  summaries?: SummaryReports;
  arrearsNotice?: ArrearsNotice;
  /** Calendar days a planned outage is announced before it begins (default 7). */
  plannedNoticeDays: number;
}

export interface RuleSetRegion {
  province?: readonly string[];
  city?: readonly string[];
  county?: readonly string[];
  park?: readonly string[];
}

export interface CompiledRuleSet {
  name: string;
  title: Text;
  jurisdiction: Text;
  /** An ended outage this short or shorter is a short outage (DL/T 836: 3 minutes). */
  shortOutageMinutes: number;
  /** Remediation: days of observation after the work is done. */
  observationDays: number;
  /** Remediation: days from opening a case to its due date. */
  caseDueDays: number;
  /**
   * Remediation: a plan is approved by someone other than those who wrote it, and a case is
   * closed (verified) by someone other than who recorded the work done.
   */
  separationOfDuties: boolean;
  reporting: Reporting;
  /** The region the set governs (absent: every asset); already part of each rule's scope. */
  region?: RuleSetRegion;
  /** All rules in file order. */
  rules: readonly Rule[];
  countRules: readonly CountRule[];
  targetRules: readonly TargetRule[];
}
