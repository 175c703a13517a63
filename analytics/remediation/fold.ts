// The case as it stands: the fold of its event log. Events are taken in seq order; when two
// writers raced for one seq (two processes), the earlier event keeps it and the other is
// superseded (kept in the log, shown apart, without effect). "As of T" folds the prefix of
// events recorded at or before T (writers keep `at` non-decreasing within a case).

import { groupBy } from '../../core/collections.js';
import { compareText } from '../../core/order.js';
import { localDate } from '../../core/index.js';
import {
  type BreachRecord,
  type CaseEvent,
  type CaseFields,
  type CaseState,
  type FieldChange,
  type FieldName,
  type HistoryEntry,
  PLAN_FIELD_ORDER,
  ROUND_FIELD_ORDER,
} from './case.js';
import type { CaseAction, CaseStatus } from './vocabulary.js';

/** The status an action leads to from `current`. */
export function statusAfter(action: CaseAction, current: CaseStatus): CaseStatus {
  switch (action) {
    case 'open':
    case 'reopen':
      return 'open';
    case 'approve_plan':
      return 'plan_approved';
    case 'start_work':
      return 'in_progress';
    case 'complete_work':
      return 'work_done';
    case 'close':
      return 'closed';
    default:
      return current;
  }
}

/** Fields that belong to one round of work: a reopened case starts them afresh. */
const ROUND_FIELDS: readonly FieldName[] = ROUND_FIELD_ORDER;

/** The fields of the plan (整治方案) that approve_plan approves. */
export const PLAN_FIELDS: ReadonlySet<FieldName> = new Set<FieldName>(PLAN_FIELD_ORDER);

export const breachKey = (b: Pick<BreachRecord, 'rule' | 'breachDate'>): string =>
  `${b.rule}@${b.breachDate}`;

export function effectiveEvents(events: readonly CaseEvent[]): {
  effective: CaseEvent[];
  superseded: CaseEvent[];
} {
  const sorted = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.seq - b.e.seq || a.e.at - b.e.at || a.i - b.i);
  const effective: CaseEvent[] = [];
  const superseded: CaseEvent[] = [];
  for (const { e } of sorted) {
    if (effective.at(-1)?.seq === e.seq) superseded.push(e);
    else effective.push(e);
  }
  return { effective, superseded };
}

export interface Folded {
  state: CaseState;
  history: HistoryEntry[];
  superseded: CaseEvent[];
}

function applyFields(fields: CaseFields, changes: CaseEvent['data']['fields']): FieldChange[] {
  const out: FieldChange[] = [];
  const target = fields as Record<string, unknown>;
  for (const [field, value] of Object.entries(changes ?? {})) {
    const from = target[field] ?? null;
    if (value === null || value === undefined) delete target[field];
    else target[field] = value;
    const to = value ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) out.push({ field: field as FieldName, from, to });
  }
  return out;
}

/** The case from its events, or null when it has none (as of `asOf`) or does not begin with `open`. */
export function foldCase(events: readonly CaseEvent[], zone: string, asOf = Infinity): Folded | null {
  const { effective, superseded } = effectiveEvents(events);
  const first = effective[0];
  if (first?.action !== 'open' || first.at > asOf) return null;
  const state: CaseState = {
    caseId: first.caseId,
    ruleSet: first.ruleSet,
    assetId: first.assetId,
    family: first.family,
    asset: first.data.asset ?? {
      name: null,
      kind: 'feeder',
      province: null,
      city: null,
      county: null,
      areaClass: null,
    },
    status: 'open',
    seq: first.seq,
    openedAt: first.at,
    openedDate: localDate(first.at, zone),
    dueDate: first.data.dueDate ?? localDate(first.at, zone),
    breaches: [],
    reopenCount: 0,
    fields: {},
    closedAt: null,
    closedDate: null,
    updatedAt: first.at,
    updatedBy: first.actor,
    planAuthors: [],
    workDoneBy: null,
  };
  const history: HistoryEntry[] = [];
  for (const e of effective) {
    if (e.at > asOf) break;
    const from = e === first ? null : state.status;
    let changes: FieldChange[] = [];
    const known = new Set(state.breaches.map(breachKey));
    const added = (e.data.breaches ?? []).filter((b) => !known.has(breachKey(b)));
    state.breaches.push(...added);
    if (e.action === 'reopen') {
      state.reopenCount += 1;
      changes = applyFields(state.fields, Object.fromEntries(ROUND_FIELDS.map((f) => [f, null])));
    }
    const changed = applyFields(state.fields, e.data.fields);
    changes.push(...changed);
    // An approval makes the plan approved; changes after it are a new draft with its own authors.
    if (changed.some((c) => PLAN_FIELDS.has(c.field)) && !state.planAuthors.includes(e.actor))
      state.planAuthors.push(e.actor);
    if (e.action === 'approve_plan') state.planAuthors = [];
    if (e.action === 'complete_work') state.workDoneBy = e.actor;
    if (e.action === 'reopen') state.workDoneBy = null;
    if (e.data.dueDate !== undefined) state.dueDate = e.data.dueDate;
    state.status = statusAfter(e.action, state.status);
    if (e.action === 'close') {
      state.closedAt = e.at;
      state.closedDate = localDate(e.at, zone);
    }
    state.seq = e.seq;
    state.updatedAt = e.at;
    state.updatedBy = e.actor;
    history.push({
      seq: e.seq,
      at: e.at,
      action: e.action,
      from,
      to: state.status,
      actor: e.actor,
      signedAs: e.data.signedAs ?? null,
      role: e.role,
      changes,
      breaches: added,
      note: e.data.note ?? null,
      reason: e.data.reason ?? null,
    });
  }
  return { state, history, superseded };
}

/** Every case of a log (events of many cases), folded; cases in order of opening. */
export function foldCases(events: readonly CaseEvent[], zone: string, asOf = Infinity): Folded[] {
  const out: Folded[] = [];
  for (const list of groupBy(events, (e) => e.caseId).values()) {
    const f = foldCase(list, zone, asOf);
    if (f) out.push(f);
  }
  return out.sort(
    (a, b) => a.state.openedAt - b.state.openedAt || compareText(a.state.caseId, b.state.caseId),
  );
}
