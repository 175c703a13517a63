// The remediation answers as the HTTP API sends them (JSON): a case row of GET /cases, a change
// of GET /cases/:id/history, and the case of GET /cases/:id. Instants are ISO-8601 text in the
// operating zone (`Iso`); everything else is the case as it stands. The router builds them and
// the browser reads them (a type-only import), so neither writes the shapes again.

import type { AreaClass, Issue } from '../../core/index.js';
import type { CaseState, HistoryEntry } from './case.js';
import type { Observation } from './deadlines.js';
import type { FiledAsset } from './ledger.js';
import type { CaseAction, CaseStatus, Measure } from './vocabulary.js';

/** An instant in the operating zone, ISO-8601 with its offset. */
type Iso = string;

/** A row of GET /cases: the case as it stands, flattened for a table or a CSV. */
export type CaseRow = FiledAsset & {
  caseId: string;
  ruleSet: string;
  areaClass: AreaClass | null;
  family: string;
  status: CaseStatus;
  overdue: boolean;
  openedDate: string;
  dueDate: string;
  /** the rules of its breaches, in code-unit order */
  rules: string[];
  lastBreachDate: string | null;
  /** how many breaches the case holds */
  breaches: number;
  reopenCount: number;
  responsibleUnit: string | null;
  responsiblePerson: string | null;
  measures: Measure[];
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  closedDate: string | null;
  seq: number;
  updatedAt: Iso;
  updatedBy: string;
};

/** GET /cases's columns, in its order (the order of its CSV and Arrow answers). */
export const CASE_COLUMNS = [
  'caseId',
  'ruleSet',
  'assetId',
  'assetName',
  'kind',
  'province',
  'city',
  'county',
  'areaClass',
  'family',
  'status',
  'overdue',
  'openedDate',
  'dueDate',
  'rules',
  'lastBreachDate',
  'breaches',
  'reopenCount',
  'responsibleUnit',
  'responsiblePerson',
  'measures',
  'plannedEnd',
  'actualStart',
  'actualEnd',
  'closedDate',
  'seq',
  'updatedAt',
  'updatedBy',
] as const satisfies readonly (keyof CaseRow)[];

/** One change of GET /cases/:id/history (and of the case's `history`). */
export type HistoryRow = Omit<HistoryEntry, 'at'> & { at: Iso };

/** GET /cases/:id/history's columns, in its order. */
export const HISTORY_COLUMNS = [
  'seq',
  'at',
  'action',
  'from',
  'to',
  'actor',
  'signedAs',
  'role',
  'changes',
  'breaches',
  'note',
  'reason',
] as const satisfies readonly (keyof HistoryRow)[];

/** GET /cases/:id and the answer of a transition: the case, its history and what the asker may do. */
export interface CaseDetail extends Omit<CaseState, 'openedAt' | 'closedAt' | 'updatedAt'> {
  openedAt: Iso;
  closedAt: Iso | null;
  updatedAt: Iso;
  overdue: boolean;
  /** the observation period, while the work is done and the case not yet closable */
  observation: Observation | null;
  /** the rule set's separation of duties (四眼原则) */
  separationOfDuties: boolean;
  /** the steps separation of duties refuses to the one asking, and why (coded: issue-codes.ts) */
  refusedToYou: { approve_plan: Issue | null; close: Issue | null };
  history: HistoryRow[];
  /** events a later one of the same seq replaced (a lost race), for the record */
  superseded: { seq: number; at: Iso; action: CaseAction; actor: string }[];
}
