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

import { type RequestHandler, Router } from 'express';
import {
  type AssetScope,
  DAILY_COLUMNS,
  dailyOutageCounts,
  HOTSPOT_COLUMNS,
  type Hotspot,
  hotspots,
  inScope,
} from '../../analytics/outages/index.js';
import type { CompiledRuleSet, TargetRule } from '../../analytics/rules/index.js';
import {
  AREA_CLASSES,
  CAUSES,
  dayToDate,
  HttpError,
  localDay,
  type Role,
  startOfLocalDay,
} from '../../core/index.js';
import type { Store } from '../../store/index.js';
import { textParam, timeParam } from './query-params.js';
import { Recent } from './recent.js';
import { type Row, sendRows } from './respond.js';

export { DAILY_COLUMNS, HOTSPOT_COLUMNS };

export interface DashboardDataDeps {
  store: Store;
  zone: string;
  requireRole: (role: Role) => RequestHandler;
  now?: () => number;
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

function oneOf<T extends string>(value: unknown, name: string, allowed: readonly T[]): T | undefined {
  const v = textParam(value, name);
  if (v === undefined) return undefined;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new HttpError(400, `invalid ${name}`, {
    issues: [{ path: name, message: `must be one of ${allowed.join(', ')} (got "${v}")` }],
  });
}

function scopeOf(q: Record<string, unknown>): AssetScope {
  return {
    kind: oneOf(q['kind'], 'kind', ['feeder', 'area'] as const),
    cause: oneOf(q['cause'], 'cause', CAUSES),
    city: textParam(q['city'], 'city'),
    county: textParam(q['county'], 'county'),
    areaClass: oneOf(q['areaClass'], 'areaClass', AREA_CLASSES),
    feederId: textParam(q['feederId'], 'feederId'),
    assetId: textParam(q['assetId'], 'assetId'),
  };
}

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

export function dashboardDataRouter(deps: DashboardDataDeps): Router {
  const router = Router();
  const now = deps.now ?? Date.now;
  const read = deps.requireRole('operator');

  router.get('/outages/daily', read, async (req, res) => {
    const to = timeParam(req.query['to'], 'to', deps.zone, now());
    const toDay = localDay(to, deps.zone);
    const from = timeParam(req.query['from'], 'from', deps.zone, startOfLocalDay(toDay - 364, deps.zone));
    const fromDay = localDay(from, deps.zone);
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
    const f = scopeOf(req.query);
    const rows = await dailyOutageCounts(deps.store, deps.zone, fromDay, toDay, f);
    sendRows(req, res, rows, DAILY_COLUMNS, {
      from: dayToDate(fromDay),
      to: dayToDate(toDay),
      zone: deps.zone,
      total: rows.reduce((n, r) => n + Number(r['outages']), 0),
    });
  });

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

  router.get('/hotspots', read, async (req, res) => {
    const f = scopeOf(req.query);
    let asOf: number;
    let rows: Hotspot[];
    if (req.query['asOf'] === undefined) {
      const computed = await recentHotspots.get(f.cause ?? '');
      asOf = computed.at;
      rows = computed.value.filter((r) => inScope(r, f));
    } else {
      asOf = timeParam(req.query['asOf'], 'asOf', deps.zone, now());
      rows = await hotspots(deps.store, deps.zone, asOf, f);
    }
    const today = localDay(asOf, deps.zone);
    sendRows(req, res, rows, HOTSPOT_COLUMNS, {
      asOf: new Date(asOf).toISOString(),
      zone: deps.zone,
      windows: {
        outages365: { from: dayToDate(today - 364), to: dayToDate(today) },
        outages60: { from: dayToDate(today - 59), to: dayToDate(today) },
      },
      note: 'all attributed outages, before rule exclusions; ongoing ones count with their duration so far',
    });
  });

  router.get('/targets', read, (req, res) => {
    const name = textParam(req.query['ruleSet'], 'ruleSet');
    const sets = [...(deps.ruleSets?.values() ?? [])].filter((s) => name === undefined || s.name === name);
    const rows = sets.flatMap((s) => s.targetRules.flatMap((r) => targetRows(s, r)));
    sendRows(req, res, rows, TARGET_COLUMNS);
  });

  return router;
}
