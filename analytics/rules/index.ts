// Rule sets (rules/*.json): format, loading, and the reference evaluator of count rules.

export { type CalendarGap, calendarGaps, describeGap, yearsAhead } from './calendar-gaps.js';
export { compileRuleSet, compileScope } from './compile.js';
export { compileCounts, covers, indexWarnings, inForce } from './exclusions.js';
export type { FileIssue, LoadResult } from './load.js';
export { formatFileIssues, loadRuleDir, loadRuleFile, parseRuleSet } from './load.js';
export type { Breach, Evaluation, EvaluationInput, ExplainedOutage, Explanation, Flag } from './reference.js';
export { evaluate, explain } from './reference.js';
export type {
  Disclosure,
  Exclusion,
  ParsedRuleSet,
  RuleSetInput,
  TargetBasis,
  TargetMeasure,
  TargetPer,
} from './schema.js';
export {
  DISCLOSURES,
  EXCLUSIONS,
  ruleSetSchema,
  TARGET_BASIS,
  TARGET_MEASURES,
  TARGET_PER,
} from './schema.js';
export type {
  CompiledRuleSet,
  CountFilter,
  CountRule,
  FleetTarget,
  Counts,
  LedgerDue,
  NotCountedReason,
  Reason,
  Region,
  Rule,
  Scope,
  TargetRule,
  TargetValue,
  Text,
  WarningLookup,
} from './types.js';
export type { CalendarUnit, DayRange, WindowSpec } from './window.js';
export { CALENDAR_UNITS, compileWindow, formatWindow, parseWindow } from './window.js';
export {
  byOutcome,
  horizonDays,
  type ProposedEffect,
  type ProposedOutcome,
  proposedEffects,
} from './what-if.js';
