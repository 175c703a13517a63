// GET /reliability/ranking: the regions of a year ordered by SAIDI then SAIFI, with the change
// on the year before.

import type { Request, Response } from 'express';
import { queryRegionalRanking } from '../../../analytics/reliability-sql/index.js';
import { yearPeriod } from '../../../analytics/reliability/index.js';
import { dayToDate, localDay } from '../../../core/index.js';
import { QueryProblems, rankingQuery } from '../query/index.js';
import { sendRows } from '../respond.js';
import { commonOptions, flatKeys, orBadRequest, type Reliability } from './context.js';

const FIGURES = [
  'customers',
  'saidi',
  'saifi',
  'saidiRank',
  'saifiRank',
  'previousSaidi',
  'previousSaifi',
  'saidiChange',
  'saidiChangeFraction',
  'saifiChange',
  'saifiChangeFraction',
  'includesOngoing',
];

export async function showRanking(c: Reliability, req: Request, res: Response): Promise<void> {
  // Up to this year (so far): later years have no outages, and years past 9999 no dates.
  const thisYear = Number(dayToDate(localDay(c.now(), c.zone)).slice(0, 4));
  const p = new QueryProblems(rankingQuery(c.zone, thisYear), req.query);
  const year = p.read('year') ?? thisYear - 1;
  const groupBy = p.read('groupBy');
  const options = commonOptions(p, c.now());
  p.done();
  const ranking = orBadRequest(
    await queryRegionalRanking(c.store, {
      ...options,
      zone: c.zone,
      year,
      groupBy: groupBy.length > 0 ? groupBy : 'all',
    }),
  );
  const dims = ranking.current.groupBy;
  const rows = ranking.rows.map(({ keys, ...rest }) => ({ ...flatKeys(keys, dims), ...rest }));
  const period = yearPeriod(year, c.zone);
  sendRows(req, res, rows, [...dims, ...FIGURES], {
    year,
    period: { from: c.iso(period.from), to: c.iso(period.to) },
    asOf: c.iso(options.asOf),
    zone: c.zone,
    groupBy: dims,
    variant: options.variant,
    convention: options.convention,
    denominator: { rule: options.denominator },
    units: { saidi: 'hours' },
    includesOngoing: ranking.current.includesOngoing || ranking.previous.includesOngoing,
    issues: [...ranking.current.issues, ...ranking.previous.issues],
  });
}
