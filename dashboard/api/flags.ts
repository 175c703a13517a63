// GET /flags?asOf&ruleSet (contract): assets in breach or at risk as of a time, evaluated in
// QuestDB. GET /flags/:assetId/explain?rule&asOf&ruleSet: each outage counted or why not.
// GET /rule-sets: the loaded rule sets, for pickers and the reporting calendar.
// GET /flags/fleet?ruleSet&rule&asOf: a fleet target (assets breaching a calendar-year rule,
// per year against its base year).

import { ruleSetReader } from './query/index.js';
import type { Request, RequestHandler, Response, Router } from 'express';
import {
  breachHistory,
  type CurrentFlags,
  evaluateFlags,
  explainAsset,
  fleetReport,
} from '../../analytics/flags/index.js';
import { type CompiledRuleSet, formatWindow } from '../../analytics/rules/index.js';
import { HttpError, type Role } from '../../core/index.js';
import { FLAG_COLUMNS } from '../../core/vocabulary/index.js';
import type { Store } from '../../store/index.js';
import { operatorRoutes } from './deps.js';
import { textParam, timeParam } from './query-params.js';
import { sendRows } from './respond.js';

export interface FlagsRouterDeps {
  store: Store;
  zone: string;
  ruleSets: ReadonlyMap<string, CompiledRuleSet>;
  /** Flags as of now, kept current; answers requests that give no asOf. */
  current?: CurrentFlags;
  defaultRuleSet: string;
  requireRole: (role: Role) => RequestHandler;
  now?: () => number;
}

const FLEET_COLUMNS = ['year', 'assets', 'complete', 'fewerPercent', 'allowed', 'met'];

interface Flags extends FlagsRouterDeps {
  now: () => number;
  /** the rule set a request names, or the default; a 400 when none is loaded by that name */
  ruleSetOf: (value: unknown) => CompiledRuleSet;
}

const flagsContext = (deps: FlagsRouterDeps): Flags => ({
  ...deps,
  now: deps.now ?? Date.now,
  ruleSetOf: ruleSetReader(deps, 'unknown rule set'),
});

/** GET /rule-sets: the loaded rule sets with their rules, the default marked. */
function listRuleSets(c: Flags, req: Request, res: Response): void {
  const rows = [...c.ruleSets.values()].map((s) => ({
    name: s.name,
    title: s.title,
    jurisdiction: s.jurisdiction,
    default: s.name === c.defaultRuleSet,
    reporting: s.reporting,
    rules: s.rules.map((r) => ({
      id: r.id,
      family: r.family,
      title: r.title,
      measure: r.measure,
      ...(r.measure === 'count' ? { limit: r.limit, window: formatWindow(r.window) } : {}),
      ...(r.measure === 'count' && r.fleetTarget ? { fleetTarget: r.fleetTarget } : {}),
    })),
  }));
  sendRows(req, res, rows);
}

/** GET /flags: the flags of now (kept current) without asOf, else evaluated as of it. */
async function listFlags(c: Flags, req: Request, res: Response): Promise<void> {
  const ruleSet = c.ruleSetOf(req.query['ruleSet']);
  const status = textParam(req.query['status'], 'status');
  const kind = textParam(req.query['kind'], 'kind');
  const cached = req.query['asOf'] === undefined ? c.current?.get(ruleSet.name) : undefined;
  const asOf = cached ? cached.updatedAt : timeParam(req.query['asOf'], 'asOf', c.zone, c.now());
  let flags = cached ? [...cached.flags] : await evaluateFlags(c.store, { ruleSet, asOf, zone: c.zone });
  if (status) flags = flags.filter((f) => f.status === status);
  if (kind) flags = flags.filter((f) => f.kind === kind);
  sendRows(req, res, flags as unknown as Record<string, unknown>[], FLAG_COLUMNS, {
    asOf: new Date(asOf).toISOString(),
    ruleSet: ruleSet.name,
    zone: c.zone,
  });
}

/** GET /flags/fleet: a count rule's fleet target, per year against its base year. */
async function showFleet(c: Flags, req: Request, res: Response): Promise<void> {
  const ruleSet = c.ruleSetOf(req.query['ruleSet']);
  const withTarget = ruleSet.countRules.filter((r) => r.fleetTarget !== undefined);
  const id = textParam(req.query['rule'], 'rule') ?? withTarget[0]?.id;
  const rule = withTarget.find((r) => r.id === id);
  if (!rule) {
    const known = withTarget.map((r) => r.id).join(', ') || 'none';
    throw new HttpError(400, 'no fleet target', {
      issues: [
        {
          path: 'rule',
          message: `rule set "${ruleSet.name}" has no count rule "${id ?? ''}" with a fleet target (rules with one: ${known})`,
        },
      ],
    });
  }
  const asOf = timeParam(req.query['asOf'], 'asOf', c.zone, c.now());
  const report = await fleetReport(c.store, { ruleSet, rule, asOf, zone: c.zone });
  sendRows(req, res, report.years as unknown as Record<string, unknown>[], FLEET_COLUMNS, {
    asOf: new Date(asOf).toISOString(),
    ruleSet: ruleSet.name,
    rule: rule.id,
    baseYear: report.baseYear,
  });
}

/** GET /breaches: the recorded breach history (first and latest breach per asset and rule), from breach_log. */
async function listBreaches(c: Flags, req: Request, res: Response): Promise<void> {
  const assetId = textParam(req.query['assetId'], 'assetId', 1000);
  sendRows(req, res, (await breachHistory(c.store, assetId)) as unknown as Record<string, unknown>[]);
}

/** GET /flags/:assetId/explain: each outage of the asset, counted by the rule or why not. */
async function explainFlag(c: Flags, req: Request, res: Response): Promise<void> {
  const ruleSet = c.ruleSetOf(req.query['ruleSet']);
  const asOf = timeParam(req.query['asOf'], 'asOf', c.zone, c.now());
  const ruleId = textParam(req.query['rule'], 'rule') ?? ruleSet.countRules[0]?.id ?? '';
  const assetId = textParam(req.params['assetId'], 'assetId') ?? '';
  const result = await explainAsset(c.store, { ruleSet, ruleId, assetId, asOf, zone: c.zone });
  if (!result.ok) {
    const unknownAsset = result.issues.some((i) => i.path === 'assetId');
    throw new HttpError(unknownAsset ? 404 : 400, result.issues.map((i) => i.message).join('; '), {
      issues: result.issues,
    });
  }
  res.json(result.value);
}

export function flagsRouter(deps: FlagsRouterDeps): Router {
  const { router, read, on } = operatorRoutes(deps, flagsContext(deps));
  router.get('/rule-sets', read, on(listRuleSets));
  router.get('/flags', read, on(listFlags));
  router.get('/flags/fleet', read, on(showFleet));
  router.get('/breaches', read, on(listBreaches));
  router.get('/flags/:assetId/explain', read, on(explainFlag));
  return router;
}
