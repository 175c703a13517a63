// Read endpoints the dashboard needs beyond the contract's, computed in QuestDB:
//   GET /outages/daily?from&to&assetId&kind&cause&city&county
//       outages per LOCAL day of the operating zone (every day of the range, zeros included),
//       so the browser never derives a calendar day from a UTC instant.
//   GET /hotspots?asOf&kind&cause&city&county&areaClass&feederId
//       every asset as it stands at asOf with its outages in the trailing 365 and 60 local days
//       (all outages, before rule exclusions: the flags say what counts), for maps and rankings.
//       Without asOf: as of a recent computation (at most a minute old, or up to 15 while a
//       newer one runs), whose time the answer's asOf gives.
//   GET /targets?ruleSet
//       the reliability targets of the loaded rule sets, one row per value (area class).
// The reads are analytics/outages' (daily-counts.ts, hotspots.ts); this file parses the query.

import type { Request, Response, Router } from 'express';
import {
  DAILY_COLUMNS,
  dailyOutageCounts,
  HOTSPOT_COLUMNS,
  type Hotspot,
  hotspots,
  inScope,
} from '../../analytics/outages/index.js';
import type { CompiledRuleSet, TargetRule } from '../../analytics/rules/index.js';
import { AREA_CLASSES, dayToDate, HttpError, localDay, startOfLocalDay } from '../../core/index.js';
import { operatorRoutes, type ReadDeps } from './deps.js';
import {
  assetScopeQuery,
  asOfQuery,
  dailyQuery,
  parseQuery,
  QueryReader,
  targetsQuery,
} from './query/index.js';
import { Recent } from './recent.js';
import { type Row, sendRows } from './respond.js';

export { DAILY_COLUMNS, HOTSPOT_COLUMNS };

export interface DashboardDataDeps extends ReadDeps {
  /** For GET /targets; without it the list is empty. */
  ruleSets?: ReadonlyMap<string, CompiledRuleSet>;
  /** Registers work to run after each full flag evaluation (the hotspots of now are computed then). */
  afterFullEvaluation?: (listener: () => void) => void;
}

const HOTSPOTS_FRESH_MS = 60_000;
const HOTSPOTS_STALE_MS = 15 * 60_000;
/** The longest range /outages/daily lists (ten years). */
const MAX_DAYS = 3_660;

export const TARGET_COLUMNS = [
  'ruleSet',
  'rule',
  'measure',
  'per',
  'basis',
  'window',
  'areaClass',
  'atMost',
  'below',
  'orReductionPercent',
];

function targetRows(set: CompiledRuleSet, rule: TargetRule): Row[] {
  const base = {
    ruleSet: set.name,
    rule: rule.id,
    measure: rule.measure,
    per: rule.per,
    basis: rule.basis,
    window: `calendar ${rule.window.unit}`,
    orReductionPercent: rule.target.orReductionPercent ?? null,
  };
  const { atMost, below } = rule.target;
  const perClass = (v: typeof atMost) => (typeof v === 'object' ? v : undefined);
  const classes = new Set([...Object.keys(perClass(atMost) ?? {}), ...Object.keys(perClass(below) ?? {})]);
  const valueFor = (v: typeof atMost, c: string | null): number | null => {
    if (v === undefined) return null;
    if (typeof v === 'number') return v;
    return c === null ? null : ((v as Record<string, number | undefined>)[c] ?? null);
  };
  if (classes.size === 0) {
    return [{ ...base, areaClass: null, atMost: valueFor(atMost, null), below: valueFor(below, null) }];
  }
  return AREA_CLASSES.filter((c) => classes.has(c)).map((c) => ({
    ...base,
    areaClass: c,
    atMost: valueFor(atMost, c),
    below: valueFor(below, c),
  }));
}

interface DashboardData extends DashboardDataDeps {
  now: () => number;
  /** the hotspots of "now", per cause filter ('' for none) */
  recentHotspots: Recent<Hotspot[]>;
  daily: ReturnType<typeof dailyQuery>;
  asOf: ReturnType<typeof asOfQuery>;
}

/** GET /outages/daily: outages per local day, every day of the range. */
async function listDailyCounts(c: DashboardData, req: Request, res: Response): Promise<void> {
  const q = new QueryReader(c.daily, req.query);
  const to = q.get('to') ?? c.now();
  const toDay = localDay(to, c.zone);
  const from = q.get('from') ?? startOfLocalDay(toDay - 364, c.zone);
  const fromDay = localDay(from, c.zone);
  if (fromDay > toDay || toDay - fromDay >= MAX_DAYS) {
    throw new HttpError(400, 'invalid from', {
      issues: [
        {
          path: 'from',
          message: `must be on or before to and at most ${MAX_DAYS} days earlier (got "${String(req.query['from'])}")`,
        },
      ],
    });
  }
  const f = parseQuery(assetScopeQuery, req.query);
  const rows = await dailyOutageCounts(c.store, c.zone, fromDay, toDay, f);
  sendRows(req, res, rows, DAILY_COLUMNS, {
    from: dayToDate(fromDay),
    to: dayToDate(toDay),
    zone: c.zone,
    total: rows.reduce((n, r) => n + Number(r['outages']), 0),
  });
}

/** GET /hotspots: every asset with its outages in the trailing 365 and 60 local days. */
async function listHotspots(c: DashboardData, req: Request, res: Response): Promise<void> {
  const f = parseQuery(assetScopeQuery, req.query);
  let asOf: number;
  let rows: Hotspot[];
  if (req.query['asOf'] === undefined) {
    const computed = await c.recentHotspots.get(f.cause ?? '');
    asOf = computed.at;
    rows = computed.value.filter((r) => inScope(r, f));
  } else {
    asOf = parseQuery(c.asOf, req.query).asOf ?? c.now();
    rows = await hotspots(c.store, c.zone, asOf, f);
  }
  const today = localDay(asOf, c.zone);
  sendRows(req, res, rows, HOTSPOT_COLUMNS, {
    asOf: new Date(asOf).toISOString(),
    zone: c.zone,
    windows: {
      outages365: { from: dayToDate(today - 364), to: dayToDate(today) },
      outages60: { from: dayToDate(today - 59), to: dayToDate(today) },
    },
    note: 'all attributed outages, before rule exclusions; ongoing ones count with their duration so far',
  });
}

/** GET /targets: the reliability targets of the loaded rule sets, one row per value. */
function listTargets(c: DashboardData, req: Request, res: Response): void {
  const name = parseQuery(targetsQuery, req.query).ruleSet;
  const sets = [...(c.ruleSets?.values() ?? [])].filter((s) => name === undefined || s.name === name);
  const rows = sets.flatMap((s) => s.targetRules.flatMap((r) => targetRows(s, r)));
  sendRows(req, res, rows, TARGET_COLUMNS);
}

/** The routes' context: the deps, the clock, the shared hotspots of now and the query schemas. */
function dashboardDataContext(deps: DashboardDataDeps): DashboardData {
  const now = deps.now ?? Date.now;
  // The hotspots of "now" take a province's whole trailing year (19 s for 2 million outages):
  // computed per cause filter, shared for a minute and served up to 15 minutes old while the
  // next is computed; the asset filters apply to those rows in memory. An explicit asOf is
  // computed afresh.
  const recentHotspots = new Recent<Hotspot[]>(
    (cause, at) => hotspots(deps.store, deps.zone, at, { cause: cause === '' ? undefined : cause }),
    { freshMs: HOTSPOTS_FRESH_MS, staleMs: HOTSPOTS_STALE_MS, now },
  );
  // Ready before the first planner asks: after the start-up evaluation (data loaded) and nightly.
  deps.afterFullEvaluation?.(() => {
    recentHotspots.refresh('').catch(() => undefined);
  });
  return { ...deps, now, recentHotspots, daily: dailyQuery(deps.zone), asOf: asOfQuery(deps.zone) };
}

export function dashboardDataRouter(deps: DashboardDataDeps): Router {
  const { router, read, on } = operatorRoutes(deps, dashboardDataContext(deps));
  router.get('/outages/daily', read, on(listDailyCounts));
  router.get('/hotspots', read, on(listHotspots));
  router.get('/targets', read, on(listTargets));
  return router;
}
