// POST /priorities/what-it-buys {assetIds, ruleSet?, asOf?}: region SAIDI/SAIFI, target status
// and the frequent-outage list as if the chosen assets' remediable outages of the trailing year
// had not happened.

import type { Request, Response } from 'express';
import { z } from 'zod';
import { type WhatItBuysAnswer, whatItBuys } from '../../../analytics/priorities/index.js';
import { HttpError, parseTime, pathToString } from '../../../core/index.js';
import { describeWeights, ONGOING_NOTE, type Priorities, refused } from './context.js';

const MAX_CHOSEN = 1_000;

/** The body (the API description shows it). */
export const whatItBuysRequest = z.strictObject({
  assetIds: z.array(z.string().trim().min(1).max(200)).min(1).max(MAX_CHOSEN),
  ruleSet: z.string().min(1).max(200).optional(),
  asOf: z.string().min(1).max(100).optional(),
});

export async function showWhatItBuys(c: Priorities, req: Request, res: Response): Promise<void> {
  const parsed = whatItBuysRequest.safeParse(req.body ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: pathToString(i.path), message: i.message }));
    throw new HttpError(400, 'invalid body', { issues });
  }
  const body = parsed.data;
  const ruleSet = c.ruleSetOf(body.ruleSet);
  let asOf = c.now();
  if (body.asOf !== undefined) {
    const t = parseTime(body.asOf, c.zone);
    if (!t.ok) {
      const message = t.issues.map((i) => i.message).join('; ');
      throw new HttpError(400, 'invalid asOf', { issues: [{ path: 'asOf', message }] });
    }
    asOf = t.value;
  }
  const w = await c.weightsOf(ruleSet.name);
  const r = await whatItBuys(c.store, { ruleSet, asOf, zone: c.zone, weights: w, assetIds: body.assetIds });
  if (!r.ok) {
    const unknown = r.issues.some((i) => i.path.startsWith('assetIds'));
    if (unknown) throw new HttpError(400, r.issues.map((i) => i.message).join('; '), { issues: r.issues });
    throw refused(r.issues);
  }
  const v = r.value;
  const answer: WhatItBuysAnswer = {
    period: { from: c.iso(v.period.from), to: c.iso(v.period.to) },
    remediableCauses: v.remediableCauses,
    excludedEvents: v.excludedEventIds.length,
    excludedEventIds: v.excludedEventIds,
    assets: v.assets,
    regions: v.regions,
    targets: v.targets,
    frequentOutageList: v.frequentOutageList,
    includesOngoing: v.includesOngoing,
  };
  res.json({
    ruleSet: ruleSet.name,
    asOf: c.iso(asOf),
    zone: c.zone,
    period: answer.period,
    weights: describeWeights(w),
    remediableCauses: answer.remediableCauses,
    excludedEvents: answer.excludedEvents,
    excludedEventIds: answer.excludedEventIds,
    assets: answer.assets,
    regions: answer.regions,
    targets: answer.targets,
    frequentOutageList: answer.frequentOutageList,
    units: { saidi: 'hours', customerHours: 'hours' },
    includesOngoing: answer.includesOngoing,
    ...(v.includesOngoing ? { ongoing: ONGOING_NOTE } : {}),
    notes: [
      'an asset’s outages are the events recorded on it; a transformer area’s outages from its feeder go with the feeder',
      'targets: the calendar year of asOf so far against the previous year as recorded',
    ],
  });
}
