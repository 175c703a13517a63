// Remediation cases as they stand, one with its history, and a planner's change to one.

import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import {
  applyTransition,
  CASE_COLUMNS,
  type CaseDetail,
  type CaseRow,
  HISTORY_COLUMNS,
  type HistoryRow,
  type CaseState,
  type CodedIssue,
  coded,
  dutyConflicts,
  type Folded,
  isOverdue,
  listCases as foldedCases,
  observation,
  parseTransition,
  readCase,
} from '../../../analytics/remediation/index.js';
import { HttpError, type Issue, localDate } from '../../../core/index.js';
import { textParam } from '../query-params.js';
import { parseQuery } from '../query/index.js';
import { sendRows } from '../respond.js';
import type { Remediation } from './context.js';

/** The asset as the case recorded it, in a case row's columns. */
const assetColumns = (a: CaseState['asset']) => ({
  assetName: a.name,
  kind: a.kind,
  province: a.province,
  city: a.city,
  county: a.county,
  areaClass: a.areaClass,
});

function caseRow(c: Remediation, s: CaseState, today: string): CaseRow {
  const last = [...s.breaches].sort((a, b) => (a.breachDate < b.breachDate ? 1 : -1))[0];
  return {
    caseId: s.caseId,
    ruleSet: s.ruleSet,
    assetId: s.assetId,
    ...assetColumns(s.asset),
    family: s.family,
    status: s.status,
    overdue: isOverdue(s, today),
    openedDate: s.openedDate,
    dueDate: s.dueDate,
    rules: [...new Set(s.breaches.map((b) => b.rule))].sort(),
    lastBreachDate: last?.breachDate ?? null,
    breaches: s.breaches.length,
    reopenCount: s.reopenCount,
    responsibleUnit: s.fields.responsibleUnit ?? null,
    responsiblePerson: s.fields.responsiblePerson ?? null,
    measures: s.fields.measures ?? [],
    plannedEnd: s.fields.plannedEnd ?? null,
    actualStart: s.fields.actualStart ?? null,
    actualEnd: s.fields.actualEnd ?? null,
    closedDate: s.closedDate,
    seq: s.seq,
    updatedAt: c.iso(s.updatedAt),
    updatedBy: s.updatedBy,
  };
}

const historyRows = (c: Remediation, f: Folded): HistoryRow[] =>
  f.history.map((h) => ({ ...h, at: c.iso(h.at) }));

/**
 * Separation of duties as it stands for the one asking: the steps refused to them (approving
 * a plan they drafted, closing a case whose work they recorded), so the form does not offer them.
 */
function dutiesOf(c: Remediation, s: CaseState, who: string | undefined) {
  const on = c.ruleSets.get(s.ruleSet)?.separationOfDuties ?? true;
  const refused = (action: 'approve_plan' | 'close') =>
    (on && who !== undefined ? dutyConflicts(s, { action, actor: who, fields: {} })[0] : undefined) ?? null;
  return {
    separationOfDuties: on,
    refusedToYou: { approve_plan: refused('approve_plan'), close: refused('close') },
  };
}

function caseDetail(c: Remediation, f: Folded, at: number, who: string | undefined): CaseDetail {
  const s = f.state;
  const ruleSet = c.ruleSets.get(s.ruleSet);
  const done = s.fields.actualEnd;
  return {
    ...s,
    ...dutiesOf(c, s, who),
    openedAt: c.iso(s.openedAt),
    closedAt: c.iso(s.closedAt),
    updatedAt: c.iso(s.updatedAt),
    overdue: isOverdue(s, localDate(at, c.zone)),
    observation:
      done && ruleSet && s.status === 'work_done' ? observation(done, ruleSet.observationDays) : null,
    history: historyRows(c, f),
    superseded: f.superseded.map((e) => ({ seq: e.seq, at: c.iso(e.at), action: e.action, actor: e.actor })),
  };
}

/** GET /cases: the cases of a rule set as they stand, filtered. */
export async function listCases(c: Remediation, req: Request, res: Response): Promise<void> {
  const q = parseQuery(c.queries.cases, req.query);
  const statuses = q.status;
  const at = c.now();
  const today = localDate(at, c.zone);
  const rows = (await foldedCases(c.store, q.ruleSet.name, c.zone))
    .map((f) => f.state)
    .filter(
      (s) =>
        (!statuses ||
          statuses.includes(s.status) ||
          (statuses.includes('active') && s.status !== 'closed')) &&
        (!q.region || [s.asset.province, s.asset.city, s.asset.county].includes(q.region)) &&
        (!q.assetId || s.assetId === q.assetId) &&
        (!q.family || s.family === q.family) &&
        (!q.unit || s.fields.responsibleUnit === q.unit),
    )
    .map((s) => caseRow(c, s, today))
    .filter((r) => q.overdue === undefined || r.overdue === (q.overdue === 'true'));
  sendRows(req, res, rows, CASE_COLUMNS, { ruleSet: q.ruleSet.name, asOf: c.iso(at), zone: c.zone });
}

async function caseOr404(c: Remediation, req: Request): Promise<Folded> {
  const id = textParam(req.params['id'], 'id') ?? '';
  const found = await readCase(c.store, id, c.zone);
  if (!found) throw new HttpError(404, `no case "${id}"`);
  return found;
}

/** GET /cases/:id: one case with its full history. */
export async function showCase(c: Remediation, req: Request, res: Response): Promise<void> {
  res.json(caseDetail(c, await caseOr404(c, req), c.now(), req.identity));
}

/** GET /cases/:id/history: the history as a list. */
export async function listCaseHistory(c: Remediation, req: Request, res: Response): Promise<void> {
  const f = await caseOr404(c, req);
  sendRows(req, res, historyRows(c, f), HISTORY_COLUMNS, { caseId: f.state.caseId });
}

/** The role a change is recorded with: the strongest the token holds. */
const roleOf = (req: Request): string => (req.roles?.has('admin') ? 'admin' : 'planner');

/** A token's fingerprint (never the token): which credential made a change. */
function viaOf(req: Request): string {
  const token = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1] ?? '';
  return `token:${createHash('sha256').update(token).digest('hex').slice(0, 12)}`;
}

/** POST /cases/:id/transitions: a planner's change, or 404/409/422 with coded issues. */
export async function changeCase(c: Remediation, req: Request, res: Response): Promise<void> {
  const parsed = parseTransition(req.body, req.identity);
  if (!parsed.ok) throw refusal(422, parsed.issues);
  const at = c.now();
  const caseId = textParam(req.params['id'], 'id') ?? '';
  const outcome = await applyTransition(c.store, {
    caseId,
    request: parsed.value,
    role: roleOf(req),
    via: viaOf(req),
    now: at,
    zone: c.zone,
    ruleSets: c.ruleSets,
  });
  if (!outcome.ok) {
    const status = outcome.refusal === 'not_found' ? 404 : outcome.refusal === 'conflict' ? 409 : 422;
    throw refusal(
      status,
      outcome.issues.map((i) => codedCaseIssue(i, outcome.refusal, caseId)),
    );
  }
  res.json(caseDetail(c, outcome.folded, at, req.identity));
}

/** A refused change: each issue has its English words, and a code and params to word it by. */
function refusal(status: number, issues: readonly CodedIssue[]): HttpError {
  const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return new HttpError(status, message || 'refused', { issues });
}

/** The case log's own refusals (cases.ts words them without a code) get theirs here. */
function codedCaseIssue(i: Issue, refusal: string, caseId: string): CodedIssue {
  if ('code' in i) return i as CodedIssue;
  if (refusal === 'not_found') return coded(i.path, i.message, 'case_not_found', { caseId });
  if (i.path === 'ruleSet') {
    const ruleSet = /"(.*)"/.exec(i.message)?.[1] ?? '';
    return coded(i.path, i.message, 'rule_set_not_loaded', { ruleSet });
  }
  if (i.path === 'expectedSeq') return coded(i.path, i.message, 'changed_concurrently', {});
  return coded(i.path, i.message, 'invalid', {});
}
