// Remediation (整治) and closing out (销号): cases as an event log, the workflow, the
// month-end ledger (台账), the periodic public disclosure and "dynamic clearing to zero".

export {
  CASE_COLUMNS,
  type CaseDetail,
  type CaseRow,
  HISTORY_COLUMNS,
  type HistoryRow,
} from './answers.js';
export {
  type AssetSnapshot,
  type BreachRecord,
  CASE_FIELD_ORDER,
  type CaseEvent,
  type CaseFields,
  type CaseState,
  type EventData,
  type FieldChange,
  type FieldChanges,
  type FieldName,
  type HistoryEntry,
  PLAN_FIELD_ORDER,
  ROUND_FIELD_ORDER,
  type Verification,
} from './case.js';
export {
  addDays,
  comparePeriods,
  disclosurePeriodKind,
  formatPeriod,
  ledgerFilingDue,
  nextPeriod,
  type Period,
  type PeriodBounds,
  type PeriodKind,
  parsePeriod,
  periodBounds,
  periodContaining,
  periodsDue,
  previousPeriod,
  weekday,
} from './calendar.js';
export {
  applyTransition,
  breachesInForce,
  listCases,
  type OpeningSummary,
  openCasesFromBreaches,
  readCase,
  type TransitionInput,
  type TransitionOutcome,
} from './cases.js';
export {
  CLEARING_COUNTS,
  CLEARING_KEYS,
  CLEARING_STEPS,
  type ClearingCounts,
  type ClearingKey,
  type ClearingPoint,
  type ClearingQuery,
  type ClearingRow,
  type ClearingStep,
  clearingPointCount,
  clearingPoints,
  clearingSeries,
} from './clearing.js';
export { dueDateFrom, isOverdue, type Observation, observation, WORK_PENDING } from './deadlines.js';
export {
  type Cell,
  type Column,
  col,
  label,
  DISCLOSURE_COLUMNS,
  fieldNames,
  LANGS,
  type Lang,
  LEDGER_COLUMNS,
  localize,
  type Table,
  toXlsx,
  yesNo,
} from './export.js';
export { breachKey, effectiveEvents, type Folded, foldCase, foldCases, statusAfter } from './fold.js';
export {
  assembleLedger,
  casesCutOff,
  type DueOutcome,
  type FreezeInput,
  type FreezeOutcome,
  freezeDisclosure,
  freezeDue,
  freezeLedger,
} from './freeze.js';
export {
  type AssetFacts,
  type CauseCount,
  type DisclosureRow,
  disclosureRow,
  factsRule,
  type FiledAsset,
  type LedgerRow,
  type LedgerSubject,
  ledgerRow,
  ledgerSubjects,
  type RowContext,
} from './ledger.js';
export { caseIdOf, type OpeningInput, type PlannedEvents, planCaseEvents, SYSTEM_ACTOR } from './opening.js';
export {
  type CodedIssue,
  coded,
  type IssueCode,
  type IssueParams,
} from './issue-codes.js';
export { parseTransition, type TransitionRequest, transitionBodySchema } from './requests.js';
export { appendCaseEvents, readCaseEvents, readRuleSetEvents, type StoredCaseEvent } from './sql/case-log.js';
export {
  type ReportKind,
  type ReportMeta,
  type FrozenRun,
  type ReportRun,
  type RunTrigger,
  insertRunRow,
  readEntries,
  readFrozenRuns,
  readRuns,
} from './sql/reports.js';
export { exclusive, waitApplied } from './sql/write.js';
export * from './vocabulary.js';
export {
  ALLOWED_FROM,
  type Decision,
  decide,
  dutyConflicts,
  REQUIRED,
  type TransitionContext,
} from './workflow.js';
