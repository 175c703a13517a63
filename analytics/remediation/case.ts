// A remediation case is its event log: every change is one appended CaseEvent (who, when,
// what), and the case as it stands is the fold of its events (fold.ts). Dates that people
// enter (planned, actual, verified) are local calendar dates 'YYYY-MM-DD'; `at` is an instant.

import type { AreaClass, AssetKind } from '../../core/index.js';
import { CASE_FIELDS } from '../../core/vocabulary/index.js';
import type { CaseAction, CaseStatus, Measure, VerificationMethod } from './vocabulary.js';

/** The asset as it was when the case opened (name and region for lists and the ledger). */
export interface AssetSnapshot {
  name: string | null;
  kind: AssetKind;
  province: string | null;
  city: string | null;
  county: string | null;
  areaClass: AreaClass | null;
}

/** One breach of a count rule, as the flag evaluation reported it. */
export interface BreachRecord {
  rule: string;
  breachDate: string;
  count: number;
  limit: number;
  windowStart: string;
  windowEnd: string;
  eventIds: string[];
}

export interface Verification {
  methods: VerificationMethod[];
  result: string;
  passed: boolean;
  verifiedBy: string;
  verifiedOn: string;
}

/** What planners record on a case. */
export interface CaseFields {
  causeAnalysis?: string;
  measures?: Measure[];
  measuresNote?: string;
  responsibleUnit?: string;
  responsiblePerson?: string;
  plannedStart?: string;
  plannedEnd?: string;
  actualStart?: string;
  actualEnd?: string;
  verification?: Verification;
  noActionReason?: string;
}
export type FieldName = keyof CaseFields;

/** Every field a case records, in the order it shows them: the plan, then the round of work. */
export const CASE_FIELD_ORDER: readonly FieldName[] = CASE_FIELDS satisfies readonly FieldName[];

/** The fields of one round of work (a reopened case starts them afresh), in order. */
export const ROUND_FIELD_ORDER: readonly FieldName[] = ['actualStart', 'actualEnd', 'verification'];

/** The fields of the plan (整治方案) that approve_plan approves: the others, in order. */
export const PLAN_FIELD_ORDER: readonly FieldName[] = CASE_FIELD_ORDER.filter(
  (f) => !ROUND_FIELD_ORDER.includes(f),
);
/** A change of fields: a value sets the field, null clears it. */
export type FieldChanges = { [K in FieldName]?: CaseFields[K] | null };

export interface EventData {
  asset?: AssetSnapshot;
  breaches?: BreachRecord[];
  /** set by open and reopen */
  dueDate?: string;
  fields?: FieldChanges;
  note?: string;
  reason?: string;
  /** the name typed in the form, when it differs from the actor (the token's name) */
  signedAs?: string;
}

export interface CaseEvent {
  caseId: string;
  ruleSet: string;
  assetId: string;
  family: string;
  /** 1, 2, 3… per case; the first event written with a number takes it */
  seq: number;
  action: CaseAction;
  /** status after the event */
  status: CaseStatus;
  /** who: the name of the token that made the change (a person's), or "system" */
  actor: string;
  /** the role the change was made with ("system" for jobs) */
  role: string;
  at: number;
  data: EventData;
}

export interface FieldChange {
  field: FieldName;
  from: unknown;
  to: unknown;
}

/** One change as the history shows it. */
export interface HistoryEntry {
  seq: number;
  at: number;
  action: CaseAction;
  from: CaseStatus | null;
  to: CaseStatus;
  actor: string;
  /** the name typed in the form, when it differs from the actor */
  signedAs: string | null;
  role: string;
  changes: FieldChange[];
  breaches: BreachRecord[];
  note: string | null;
  reason: string | null;
}

export interface CaseState {
  caseId: string;
  ruleSet: string;
  assetId: string;
  family: string;
  asset: AssetSnapshot;
  status: CaseStatus;
  /** seq of the latest event */
  seq: number;
  openedAt: number;
  openedDate: string;
  dueDate: string;
  breaches: BreachRecord[];
  reopenCount: number;
  fields: CaseFields;
  closedAt: number | null;
  closedDate: string | null;
  updatedAt: number;
  updatedBy: string;
  /** who changed the plan since it was last approved (its authors, for separation of duties) */
  planAuthors: string[];
  /** who recorded the work of this round done (complete_work), or null */
  workDoneBy: string | null;
}
