// The words of remediation (整治) as the rest of analytics names them: the codes and labels
// live in the one vocabulary (core/vocabulary), where the dashboard and the public pages read
// the same terms.

export {
  ACTION_LABELS,
  AREA_CLASS_LABELS,
  CASE_ACTIONS,
  CASE_STATUSES,
  CAUSE_LABELS,
  type CaseAction,
  type CaseStatus,
  KIND_LABELS,
  type Label,
  MEASURE_LABELS,
  MEASURES,
  type Measure,
  STATUS_LABELS,
  USER_ACTIONS,
  type UserAction,
  VERIFICATION_LABELS,
  VERIFICATION_METHODS,
  type VerificationMethod,
} from '../../core/vocabulary/index.js';
