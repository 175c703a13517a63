// GET /priorities: the planner's work list, the top assets by priority score, filtered, each
// with the breakdown of its score; as rows by Accept, or as a CSV or XLSX file (work-list-file.ts).

import type { Request, Response } from 'express';
import {
  type Scored,
  WORK_LIST_COLUMNS,
  workList,
  workListRow,
} from '../../../analytics/priorities/index.js';
import { parseQuery, refuseUnknown } from '../query/index.js';
import { sendRows } from '../respond.js';
import { describeWeights, ONGOING_NOTE, type Priorities } from './context.js';
import { sendWorkListFile } from './work-list-file.js';

export async function showWorkList(c: Priorities, req: Request, res: Response): Promise<void> {
  refuseUnknown(req.query, c.query);
  const q = parseQuery(c.query, req.query);
  const { ruleSet } = q;
  // An empty asOf asks for now, computed afresh; none at all, for the shared ranking of now.
  const asked = req.query['asOf'] === undefined ? undefined : (q.asOf ?? c.now());
  const filter = { region: q.region, unit: q.unit, kind: q.kind, cause: q.cause, top: q.top };
  const lang = q.lang ?? (q.format === 'xlsx' ? 'zh' : undefined);

  const w = await c.weightsOf(ruleSet.name);
  const { at: asOf, value: ranking } = await c.rankingOf(ruleSet, w, asked);
  const chosen = workList(ranking.ranked, filter);
  const rows = chosen.map((s, i) => workListRow(s, i + 1));

  if (q.format === 'csv' || q.format === 'xlsx') {
    await sendWorkListFile(c, req, res, {
      format: q.format,
      lang,
      ruleSet,
      asOf,
      ranking,
      w,
      chosen,
      rows,
      filter,
    });
    return;
  }
  const detailed = chosen.map((s: Scored, i) => ({
    ...rows[i],
    parts: s.parts,
    standings: s.facts.standings,
    targets: s.facts.targets,
    causes: s.facts.causes,
  }));
  sendRows(
    req,
    res,
    detailed,
    WORK_LIST_COLUMNS.map((col) => col.key),
    {
      ruleSet: ruleSet.name,
      asOf: c.iso(asOf),
      zone: c.zone,
      period: { from: c.iso(ranking.period.from), to: c.iso(ranking.period.to) },
      weights: describeWeights(w),
      filters: filter,
      ranked: ranking.ranked.length,
      population:
        'assets flagged by the rule set (breach, at risk, or watch: at risk or in breach were the limit one lower) and assets with a case that is not closed',
      figures:
        'customer figures are the outages recorded on the asset in the trailing year (sustained interruptions, end customers); region figures all outages of the region',
      includesOngoing: ranking.includesOngoing,
      ...(ranking.includesOngoing ? { ongoing: ONGOING_NOTE } : {}),
    },
  );
}
