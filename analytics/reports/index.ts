// The reports the authorities ask for (issue 18), frozen once per period and downloadable like
// the ledger: the annual regional ranking with reward and penalty tiers (Guizhou item 34), the
// half-year and annual summaries (Guizhou §三(三)), the advance report of arrears
// disconnections (Guizhou item 56, Yunnan annex 2 §2). Which ones a rule set files, and how,
// is in its rule file (`reporting.ranking`, `reporting.summaries`, `reporting.arrearsNotice`).

export { type ArrearsRow, type ArrearsSubject, arrearsRow, versionAt } from './arrears.js';
export {
  ARREARS_COLUMNS,
  RANKING_COLUMNS,
  REPORT_COLUMNS,
  REPORT_NAMES,
  REPORT_SHEETS,
  SUBJECT_LABELS,
  SUMMARY_COLUMNS,
  TIER_LABELS,
  tierBasisText,
} from './columns.js';
export {
  assembleArrears,
  assembleRanking,
  assembleReport,
  assembleSummary,
  type AuthorityRow,
  freezeReport,
  freezeReportsDue,
  inRegion,
  type ReportFreezeOutcome,
  type ReportsDue,
} from './freeze.js';
export {
  AUTHORITY_REPORTS,
  type AuthorityReport,
  configured,
  latestFreezable,
  nextKey,
  nextToFreeze,
  type ReportPeriod,
  reportPeriod,
  reportPeriodsDue,
  reportsOf,
} from './periods.js';
export {
  type RankingRow,
  type RegionFigures,
  rankAndTier,
  type Tier,
  TIERS,
  type TierBasis,
} from './ranking.js';
export {
  type AuthorityMeta,
  type AuthorityRun,
  type ReportTrigger,
  readReportRows,
  readReportRuns,
  writeReportRun,
} from './store.js';
export {
  type CaseFacts,
  type PeriodBreach,
  type RegionReliability,
  type SummaryRow,
  summaryRows,
} from './summary.js';
