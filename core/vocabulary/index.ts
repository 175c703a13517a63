// One vocabulary: every code list the product uses, each code's Chinese and English words,
// and the wire types of answers both ends read. No DOM and no node-only imports: the browser
// bundle imports it as well as the server, the exports and the public pages.

export { AREA_CLASS_LABELS, KIND_LABELS } from './assets.js';
export {
  CAUSE_LABELS,
  type CauseWording,
  causeText,
  PUBLIC_CAUSE_LABELS,
  RESPONSIBILITY_LABELS,
} from './causes.js';
export {
  type AreaClass,
  AREA_CLASSES,
  ARREARS_SUBJECTS,
  type ArrearsSubjectCode,
  ASSET_KINDS,
  type AssetKind,
  AUTHORITY_REPORTS,
  type AuthorityReportCode,
  BASIS_CODES,
  BASIS_UNITS,
  type BasisCodeName,
  type BasisUnitCode,
  CASE_ACTIONS,
  CASE_FIELDS,
  CASE_STATUSES,
  CAUSES,
  type CaseAction,
  type CaseField,
  type CaseStatus,
  type Cause,
  type FlagStatus,
  ISSUE_CODES,
  type IssueCodeName,
  MEASURES,
  type Measure,
  REASONS,
  REGION_LEVELS,
  RESPONSIBILITIES,
  type ReasonCode,
  type RegionLevelCode,
  type ResponsibilityCode,
  SCORE_PARTS,
  STANDINGS,
  type ScorePart,
  type Standing,
  TARGET_STATUSES,
  type TargetStatus,
  TIER_MEASURES,
  TIER_RESULTS,
  type TierMeasure,
  type TierResult,
  USER_ACTIONS,
  type UserAction,
  VERIFICATION_FIELDS,
  VERIFICATION_METHODS,
  type VerificationField,
  type VerificationMethod,
  type WordedIssueCode,
} from './codes.js';
export { ISSUE_LABELS, ISSUE_PHRASES } from './issues.js';
export {
  fillIn,
  inLang,
  type Label,
  type Labels,
  LANGS,
  type Lang,
  labelIn,
  lowerFirst,
  prefixedIn,
} from './label.js';
export {
  BASIS_LABELS,
  BASIS_PHRASES,
  BASIS_UNIT_LABELS,
  REGION_LEVEL_LABELS,
  SCORE_PART_LABELS,
} from './priorities.js';
export { TARGET_STATUS_LABELS } from './reliability.js';
export {
  ACTION_LABELS,
  ACTION_STEP_LABELS,
  CASE_FIELD_LABELS,
  MEASURE_LABELS,
  STATUS_LABELS,
  VERIFICATION_FIELD_LABELS,
  VERIFICATION_LABELS,
} from './remediation.js';
export {
  REPORT_NAMES,
  REPORT_SHEETS,
  REPORT_SHORT_NAMES,
  SUBJECT_LABELS,
  TIER_LABELS,
  TIER_MEASURE_LABELS,
} from './reports.js';
export { REASON_LABELS, reasonText, STANDING_LABELS } from './rules.js';
export {
  type ActiveOutage,
  FLAG_COLUMNS,
  type FleetYear,
  type FlagRow,
  type RemediationVocabulary,
} from './answers.js';
