// The closed set of ways a score part's value comes about, each with its figures. The English
// `basis` stays for API clients; `basisCode` and `basisParams` let a client word it in its own
// language. The browser imports these types (type only), so a code it cannot word fails the
// type check. Dates are local dates "YYYY-MM-DD"; numbers are as computed (unrounded).

import type { TargetStatus } from '../reliability/index.js';

/** What a relative or share part counts. */
export type BasisUnit = 'customer_interruptions' | 'customer_hours';

export interface BasisParams {
  not_flagged: Record<string, never>;
  /** the standing that decides the status part */
  standing: { status: 'breach' | 'at_risk' | 'watch'; rule: string };
  no_breach: Record<string, never>;
  /** (count − limit) / limit = ratio, over the scale */
  excess: { rule: string; count: number; limit: number; ratio: number; scale: number };
  /** 0.5^(days / halfLife) */
  recency: { breachDate: string; days: number; today: string; halfLife: number };
  /** value / max among the scored assets */
  relative: { value: number; max: number; unit: BasisUnit };
  relative_none: { value: number; unit: BasisUnit };
  /** value / the region's total */
  share: { value: number; total: number; unit: BasisUnit; region: string };
  share_none: { value: number; unit: BasisUnit };
  ledger_months: { months: number; scale: number };
  no_open_case: Record<string, never>;
  case_age: { caseId: string; openedDate: string; days: number; scale: number };
  not_overdue: { caseId: string; dueDate: string };
  overdue: { caseId: string; dueDate: string; days: number; scale: number };
  /** (value − allowed) / allowed of the worst target; group as "areaClass=rural, park=…" or "all" */
  target_gap: {
    rule: string;
    group: string;
    measure: 'saidi_hours' | 'saifi';
    value: number;
    allowed: number;
    status: TargetStatus;
  };
  targets_met: Record<string, never>;
  no_target: Record<string, never>;
}

export type BasisCode = keyof BasisParams;

/** A part's basis as data. */
export type CodedBasis = {
  [C in BasisCode]: { basisCode: C; basisParams: BasisParams[C] };
}[BasisCode];
