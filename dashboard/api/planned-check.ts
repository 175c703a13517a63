// POST /api/v1/planned-outages/check: what a proposed planned outage would do under every active
// rule set (先算后停), before anyone schedules it. Nothing is stored; the answer is computed from
// the stored history, scheduled outages included.

import { type Request, type RequestHandler, type Response, Router } from 'express';
import { z } from 'zod';
import { checkPlannedOutage, type PlannedCheckAnswer } from '../../analytics/flags/index.js';
import type { CompiledRuleSet } from '../../analytics/rules/index.js';
import { CAUSES, formatInZone, HttpError, parseTime, pathToString, type Role } from '../../core/index.js';
import type { Store } from '../../store/index.js';
import { handlersOf } from './deps.js';
import { jsonBody } from './json-body.js';
import { unknownRuleSet } from './query/index.js';

export interface PlannedCheckDeps {
  store: Store;
  zone: string;
  ruleSets: ReadonlyMap<string, CompiledRuleSet>;
  requireRole: (role: Role) => RequestHandler;
}

/** A week of outage is longer than any planned work the rules have in mind. */
const MAX_MINUTES = 7 * 24 * 60;

const id = z.string().min(1, 'must not be empty').max(200, 'longer than 200 characters');
const requestSchema = z.strictObject({
  assetId: id,
  affectedAreas: z.array(id).max(2000, 'more than 2,000 areas').optional(),
  start: z.string().min(1, 'must not be empty'),
  durationMinutes: z
    .number('must be a number of minutes')
    .int('must be whole minutes')
    .min(1, 'must be at least 1 minute')
    .max(MAX_MINUTES, `must be at most ${MAX_MINUTES} minutes (7 days)`),
  customersAffected: z.number().int().min(0).max(10_000_000).optional(),
  cause: z.enum(CAUSES).default('planned_maintenance'),
  ruleSets: z.array(z.string()).min(1, 'name at least one rule set').optional(),
});
/** The body of POST /planned-outages/check (the API description shows it). */
export { requestSchema as plannedCheckRequest };

const refuse = (issues: { path: string; message: string }[]): HttpError =>
  new HttpError(400, issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '), {
    issues,
  });

async function checkPlanned(deps: PlannedCheckDeps, req: Request, res: Response): Promise<void> {
  const parsed = requestSchema.safeParse(req.body ?? {});
  if (!parsed.success) {
    throw refuse(parsed.error.issues.map((i) => ({ path: pathToString(i.path), message: i.message })));
  }
  const body = parsed.data;
  const start = parseTime(body.start, deps.zone);
  if (!start.ok) throw refuse(start.issues.map((i) => ({ path: 'start', message: i.message })));
  const names = body.ruleSets ?? [...deps.ruleSets.keys()];
  const unknown = names.filter((n) => !deps.ruleSets.has(n));
  if (unknown.length > 0) {
    throw refuse(
      unknown.map((n) => ({ path: 'ruleSets', message: unknownRuleSet(n, deps.ruleSets.keys()) })),
    );
  }
  const result = await checkPlannedOutage(deps.store, {
    assetId: body.assetId,
    affectedAreas: body.affectedAreas,
    start: start.value,
    durationMinutes: body.durationMinutes,
    customersAffected: body.customersAffected,
    cause: body.cause,
    ruleSets: names.flatMap((n) => deps.ruleSets.get(n) ?? []),
    zone: deps.zone,
  });
  if (!result.ok)
    throw new HttpError(404, result.issues.map((i) => i.message).join('; '), { issues: result.issues });
  const check = result.value;
  const answer: PlannedCheckAnswer = {
    ...check,
    start: formatInZone(check.start, deps.zone),
    end: formatInZone(check.end, deps.zone),
    zone: deps.zone,
    ruleSets: names,
  };
  res.json(answer);
}

export function plannedCheckRouter(deps: PlannedCheckDeps): Router {
  const on = handlersOf(deps);
  const router = Router();
  router.post('/planned-outages/check', deps.requireRole('planner'), ...jsonBody('256kb'), on(checkPlanned));
  return router;
}
