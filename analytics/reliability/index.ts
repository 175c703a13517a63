// Reliability measures: the pure reference evaluator (SQL queries are checked against it),
// IEEE 1366 major event days, target status and regional ranking.

export { computeReliability } from './compute.js';
export { type DailySaidi, type DailySaidiOptions, type DailySeries, dailySaidi } from './daily.js';
export { keyValue, normaliseGroupBy } from './groups.js';
export {
  DEFAULT_MIN_NON_ZERO_DAYS,
  type Deviation,
  type MedOptions,
  type MedThreshold,
  majorEventDays,
  majorEventDaysForYear,
  majorEventThreshold,
  type YearMajorEvents,
} from './major-events.js';
export { DEFAULT_CELID_HOURS, DEFAULT_CEMI_N, DEFAULT_SHORT_OUTAGE_MINUTES } from './options.js';
export { elapsedFraction, type Period, yearDays, yearPeriod, yearsBefore } from './periods.js';
export { type RankedRegion, type RegionalRanking, rankRegions, regionalRanking } from './ranking.js';
export {
  assessTarget,
  type GroupTarget,
  type ReliabilityTarget,
  type TargetAssessment,
  type TargetInput,
  type TargetStatus,
  type YearOnYear,
  type YearTargetOptions,
  type YearTargets,
  yearOnYear,
  yearTargets,
} from './targets.js';
export {
  BEFORE_FIRST_VERSION,
  type BeforeFirstVersion,
  type CelidValue,
  type CemiValue,
  DENOMINATOR_RULES,
  type DenominatorRule,
  type DroppedEvents,
  GROUP_DIMENSIONS,
  type GroupBy,
  type GroupDimension,
  type GroupKeys,
  type ReliabilityOptions,
  type ReliabilityReport,
  type ReliabilityRow,
  USER_CONVENTIONS,
  type UserConvention,
  VARIANTS,
  type Variant,
} from './types.js';
export { denominatorIssues, groupName } from './plausibility.js';
export { inVariant } from './variants.js';
