// "Dynamic clearing to zero": open, overdue and closed cases over time; and the workflow's
// vocabulary for the case form.

import type { Request, Response } from 'express';
import {
  ACTION_LABELS,
  ALLOWED_FROM,
  CASE_STATUSES,
  CLEARING_COUNTS,
  clearingPointCount,
  clearingSeries,
  MEASURE_LABELS,
  MEASURES,
  periodBounds,
  periodContaining,
  REQUIRED,
  readRuleSetEvents,
  STATUS_LABELS,
  USER_ACTIONS,
  VERIFICATION_LABELS,
  VERIFICATION_METHODS,
} from '../../../analytics/remediation/index.js';
import { HttpError } from '../../../core/index.js';
import { QueryReader } from '../query/index.js';
import { sendRows } from '../respond.js';
import type { Remediation } from './context.js';

const MOST_POINTS = 1000;
const bad = (path: string, message: string): HttpError =>
  new HttpError(400, `invalid ${path}`, { issues: [{ path, message }] });

/** GET /remediation/clearing: open, overdue and closed cases at each step, by group. */
export async function showClearing(c: Remediation, req: Request, res: Response): Promise<void> {
  const q = new QueryReader(c.queries.clearing, req.query);
  const ruleSet = q.get('ruleSet');
  const at = c.now();
  const to = q.get('to') ?? at;
  const yearAgo = periodBounds(periodContaining('month', to - 335 * 86_400_000, c.zone), c.zone).start;
  const from = q.get('from') ?? yearAgo;
  if (from > to) throw bad('from', 'must not be after to');
  const step = q.get('step');
  const groupBy = q.get('groupBy') ?? ['city', 'unit'];
  if (clearingPointCount(from, to, step, c.zone) > MOST_POINTS)
    throw bad('step', `more than 1000 points from ${c.iso(from)} to ${c.iso(to)}: use a longer step`);
  const events = await readRuleSetEvents(c.store, ruleSet.name);
  const rows = clearingSeries(events, { from, to, step, groupBy, zone: c.zone });
  const columns = ['date', ...groupBy, ...CLEARING_COUNTS];
  sendRows(req, res, rows, columns, {
    ruleSet: ruleSet.name,
    from: c.iso(from),
    to: c.iso(to),
    step,
    groupBy,
  });
}

/** GET /remediation/vocabulary: statuses, actions, required fields, measures, labels. */
export function showVocabulary(_c: Remediation, _req: Request, res: Response): void {
  res.json({
    statuses: CASE_STATUSES.map((s) => ({ status: s, label: STATUS_LABELS[s] })),
    actions: USER_ACTIONS.map((a) => ({
      action: a,
      label: ACTION_LABELS[a],
      from: ALLOWED_FROM[a],
      requires: REQUIRED[a] ?? [],
    })),
    measures: MEASURES.map((m) => ({ measure: m, label: MEASURE_LABELS[m] })),
    verificationMethods: VERIFICATION_METHODS.map((m) => ({ method: m, label: VERIFICATION_LABELS[m] })),
  });
}
