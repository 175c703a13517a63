// Every closed list of codes the product sends, stores or files, in one place: the records'
// codes (core/domain.ts), remediation's, the rules' standings and reasons, the refusals of a
// case change, the authority reports, the reliability targets' verdicts and the priority
// score's parts. The labels of each list sit beside it in this folder.

export {
  AREA_CLASSES,
  type AreaClass,
  ASSET_KINDS,
  type AssetKind,
  CAUSES,
  type Cause,
} from '../domain.js';

/** open → plan_approved → in_progress → work_done (observation) → closed (销号). */
export const CASE_STATUSES = ['open', 'plan_approved', 'in_progress', 'work_done', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Actions a planner takes; `open`, `attach` and automatic `reopen` are the system's. */
export const USER_ACTIONS = [
  'approve_plan',
  'start_work',
  'complete_work',
  'close',
  'reopen',
  'update',
  'comment',
] as const;
export type UserAction = (typeof USER_ACTIONS)[number];
export const CASE_ACTIONS = ['open', 'attach', ...USER_ACTIONS] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Remediation measures (整治措施); `other` needs measuresNote, `no_action` needs noActionReason. */
export const MEASURES = [
  'tree_clearing',
  'line_insulation',
  'equipment_replacement',
  'lightning_protection',
  'animal_protection',
  'external_damage_prevention',
  'automation',
  'rerouting',
  'capacity_increase',
  'live_working',
  'outage_plan_merging',
  'inspection',
  'customer_side',
  'other',
  'no_action',
] as const;
export type Measure = (typeof MEASURES)[number];

/** How the result was verified before closing out (闭环核查). */
export const VERIFICATION_METHODS = ['user_visit', 'field_check', 'data_review'] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

/**
 * What planners record on a case (analytics/remediation/case.ts `CaseFields`), in the order a
 * case shows them: the plan, then the round of work. The API names them in a case's history
 * and in the refusals of a change.
 */
export const CASE_FIELDS = [
  'causeAnalysis',
  'measures',
  'measuresNote',
  'noActionReason',
  'responsibleUnit',
  'responsiblePerson',
  'plannedStart',
  'plannedEnd',
  'actualStart',
  'actualEnd',
  'verification',
] as const;
export type CaseField = (typeof CASE_FIELDS)[number];

/** The parts of a case's verification (analytics/remediation/case.ts `Verification`). */
export const VERIFICATION_FIELDS = ['methods', 'result', 'verifiedBy', 'verifiedOn', 'passed'] as const;
export type VerificationField = (typeof VERIFICATION_FIELDS)[number];

/** An asset's standing under a count rule: the flags' statuses, and `fine` for neither. */
export const STANDINGS = ['breach', 'at_risk', 'fine'] as const;
export type Standing = (typeof STANDINGS)[number];
export type FlagStatus = Exclude<Standing, 'fine'>;

/**
 * Why an outage does not count for a rule (analytics/rules/types.ts `Reason`). `warning` and
 * `merged_with` travel with an id: "warning:<warningId>", "merged_with:<eventId>".
 */
export const REASONS = [
  'external_damage',
  'natural_disaster',
  'force_majeure',
  'short_switching',
  'warning',
  'merged_with',
  'below_min_duration',
  'cause_not_counted',
  'planned_not_counted',
] as const;
export type ReasonCode = (typeof REASONS)[number];

/**
 * The reasons a case change is refused (analytics/remediation/issue-codes.ts `IssueCode`, which
 * holds each one's params). `invalid` is a check zod worded itself: it has no label of its own.
 */
export const ISSUE_CODES = [
  'expected_object',
  'required',
  'expected_text',
  'empty',
  'too_long',
  'bad_date',
  'not_one_of',
  'at_least_one',
  'expected_boolean',
  'expected_whole_number',
  'bad_action',
  'unknown_field',
  'invalid',
  'changed_since',
  'case_closed',
  'not_allowed',
  'no_completion_date',
  'in_observation',
  'breach_in_observation',
  'reopen_reason_required',
  'nothing_to_update',
  'after_today',
  'before_date',
  'note_required_for_other',
  'no_action_alone',
  'no_action_reason_required',
  'verification_failed',
  'own_plan',
  'plan_changed_on_approval',
  'own_work',
  'case_not_found',
  'rule_set_not_loaded',
  'changed_concurrently',
] as const;
export type IssueCodeName = (typeof ISSUE_CODES)[number];
export type WordedIssueCode = Exclude<IssueCodeName, 'invalid'>;

/** The documents filed with the authorities (analytics/reports/periods.ts). */
export const AUTHORITY_REPORTS = [
  'ranking',
  'half-year-summary',
  'annual-summary',
  'arrears-notice',
] as const;
export type AuthorityReportCode = (typeof AUTHORITY_REPORTS)[number];

/** A region's result in the yearly ranking (analytics/reports/ranking.ts). */
export const TIER_RESULTS = ['reward', 'none', 'penalty', 'not_ranked'] as const;
export type TierResult = (typeof TIER_RESULTS)[number];
/** The measure a ranking by value judges. */
export const TIER_MEASURES = ['saidi_hours', 'saifi'] as const;
export type TierMeasure = (typeof TIER_MEASURES)[number];

/** Why an arrears disconnection is reported in advance (analytics/reports/arrears.ts). */
export const ARREARS_SUBJECTS = ['compound', 'important_user', 'compound_important_user'] as const;
export type ArrearsSubjectCode = (typeof ARREARS_SUBJECTS)[number];

/**
 * A reliability target's verdict (analytics/reliability/targets.ts): a finished year `met` or
 * `not_met`, a year in progress `on_track` or `off_track` against the target pro-rated.
 */
export const TARGET_STATUSES = ['met', 'not_met', 'on_track', 'off_track'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/** Whose responsibility an outage's cause is (analytics/causes/responsibility.ts). */
export const RESPONSIBILITIES = [
  'grid',
  'customer_side',
  'third_party',
  'weather_nature',
  'undetermined',
] as const;
export type ResponsibilityCode = (typeof RESPONSIBILITIES)[number];

/** The priority score's parts, in the order they are shown (analytics/priorities/weights.ts). */
export const SCORE_PARTS = [
  'status',
  'excess',
  'recency',
  'customers',
  'customerHours',
  'saidiShare',
  'saifiShare',
  'ledgerMonths',
  'caseAge',
  'overdue',
  'targetGap',
] as const;
export type ScorePart = (typeof SCORE_PARTS)[number];

/** The level "the asset's region" of a share part is taken at (analytics/priorities/weights.ts). */
export const REGION_LEVELS = ['province', 'city', 'county'] as const;
export type RegionLevelCode = (typeof REGION_LEVELS)[number];

/** How a score part's value came about (analytics/priorities/basis-codes.ts `BasisCode`). */
export const BASIS_CODES = [
  'not_flagged',
  'standing',
  'no_breach',
  'excess',
  'recency',
  'relative',
  'relative_none',
  'share',
  'share_none',
  'ledger_months',
  'no_open_case',
  'case_age',
  'not_overdue',
  'overdue',
  'target_gap',
  'targets_met',
  'no_target',
] as const;
export type BasisCodeName = (typeof BASIS_CODES)[number];
/** What a relative or share part counts (`BasisUnit`). */
export const BASIS_UNITS = ['customer_interruptions', 'customer_hours'] as const;
export type BasisUnitCode = (typeof BASIS_UNITS)[number];
