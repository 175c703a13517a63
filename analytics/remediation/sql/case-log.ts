// The case log in QuestDB (table case_events): read events, append events.

import { insertRows, type Sql, type Store, sql, ts } from '../../../store/index.js';
import type { CaseEvent } from '../case.js';
import type { CaseAction, CaseStatus } from '../vocabulary.js';
import { waitApplied } from './write.js';

interface EventRow {
  case_id: string;
  rule_set: string;
  asset_id: string;
  family: string;
  seq: number;
  action: CaseAction;
  status: CaseStatus;
  actor: string;
  role: string;
  via: string | null;
  data: string | null;
  at: number;
}

export interface StoredCaseEvent extends CaseEvent {
  /** how the change came in: "token:<fingerprint>" or "job:<name>" */
  via: string | null;
}

const COLUMNS = [
  'case_id',
  'rule_set',
  'asset_id',
  'family',
  'seq',
  'action',
  'status',
  'actor',
  'role',
  'via',
  'data',
  'at',
];

async function read(store: Store, where: Sql): Promise<StoredCaseEvent[]> {
  const rows = await store.rows<EventRow>(
    sql`SELECT case_id, rule_set, asset_id, family, seq, action, status, actor, role, via, data, at
        FROM case_events WHERE ${where} ORDER BY case_id, seq, at`,
  );
  return rows.map((r) => ({
    caseId: r.case_id,
    ruleSet: r.rule_set,
    assetId: r.asset_id,
    family: r.family,
    seq: r.seq,
    action: r.action,
    status: r.status,
    actor: r.actor,
    role: r.role,
    via: r.via,
    at: r.at,
    data: r.data ? (JSON.parse(r.data) as CaseEvent['data']) : {},
  }));
}

/** Every event of the rule set's cases. */
export const readRuleSetEvents = (store: Store, ruleSet: string): Promise<StoredCaseEvent[]> =>
  read(store, sql`rule_set = ${ruleSet}`);

/** Every event of one case (empty when there is no such case). */
export const readCaseEvents = (store: Store, caseId: string): Promise<StoredCaseEvent[]> =>
  read(store, sql`case_id = ${caseId}`);

/** Appends events and waits until they are readable. */
export async function appendCaseEvents(
  store: Store,
  events: readonly CaseEvent[],
  via: string,
): Promise<void> {
  if (events.length === 0) return;
  await insertRows(
    store,
    'case_events',
    COLUMNS,
    events.map((e) => [
      e.caseId,
      e.ruleSet,
      e.assetId,
      e.family,
      e.seq,
      e.action,
      e.status,
      e.actor,
      e.role,
      via,
      JSON.stringify(e.data),
      ts(e.at),
    ]),
  );
  await waitApplied(store, 'case_events');
}
