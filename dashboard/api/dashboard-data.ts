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
// An area's outages include its feeder's events (those that listed it, or listed none), with
// the topology valid at each event's start, as in analytics/flags/sql.ts.

import { type RequestHandler, Router } from 'express';
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
import { join, type Sql, type Store, sql, ts, walCaughtUp } from '../../store/index.js';
import { textParam, timeParam } from './query-params.js';
import { Recent } from './recent.js';
import { type Row, sendRows } from './respond.js';

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

const DAY_US = 86_400_000_000;
const HOTSPOTS_FRESH_MS = 60_000;
const HOTSPOTS_STALE_MS = 15 * 60_000;
/** The longest range /outages/daily lists (ten years). */
const MAX_DAYS = 3_660;

export const DAILY_COLUMNS = ['date', 'weekday', 'outages', 'unplanned', 'customersAffected'];
export const HOTSPOT_COLUMNS = [
  'assetId',
  'kind',
  'name',
  'feederId',
  'city',
  'county',
  'areaClass',
  'park',
  'customers',
  'lat',
  'lon',
  'outages365',
  'outages60',
  'unplanned365',
  'hours365',
  'lastOutage',
];
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

/** Local day number of a timestamp column in the operating zone (computed by QuestDB). */
const dayOf = (column: Sql, zone: string): Sql =>
  sql`cast(to_timezone(${column}, ${zone}) as long) / ${DAY_US}`;

function oneOf<T extends string>(value: unknown, name: string, allowed: readonly T[]): T | undefined {
  const v = textParam(value, name);
  if (v === undefined) return undefined;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new HttpError(400, `invalid ${name}`, {
    issues: [{ path: name, message: `must be one of ${allowed.join(', ')} (got "${v}")` }],
  });
}

interface Filters {
  kind?: 'feeder' | 'area' | undefined;
  cause?: string | undefined;
  city?: string | undefined;
  county?: string | undefined;
  areaClass?: string | undefined;
  feederId?: string | undefined;
  assetId?: string | undefined;
}

function filtersOf(q: Record<string, unknown>): Filters {
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

/** The asset filters of `assetFilter`, on a hotspot row. */
function matches(row: Row, f: Filters): boolean {
  return (
    (f.kind === undefined || row['kind'] === f.kind) &&
    (f.city === undefined || row['city'] === f.city) &&
    (f.county === undefined || row['county'] === f.county) &&
    (f.areaClass === undefined || row['areaClass'] === f.areaClass) &&
    (f.feederId === undefined || row['feederId'] === f.feederId) &&
    (f.assetId === undefined || row['assetId'] === f.assetId)
  );
}

/** Conditions on the asset version (CTE `cur`) for the region and kind filters. */
function assetFilter(f: Filters): Sql {
  const parts: Sql[] = [sql`true`];
  if (f.kind) parts.push(sql`cur.kind = ${f.kind}`);
  if (f.city) parts.push(sql`cur.city = ${f.city}`);
  if (f.county) parts.push(sql`cur.county = ${f.county}`);
  if (f.areaClass) parts.push(sql`cur.area_class = ${f.areaClass}`);
  if (f.feederId) parts.push(sql`cur.feeder_id = ${f.feederId}`);
  if (f.assetId) parts.push(sql`cur.asset_id = ${f.assetId}`);
  return join(parts, ' AND ');
}

/**
 * CTE `att`: outages attributed to assets, as kept at write (outage_reach): each event to its
 * own asset, and a feeder's event to the areas it listed or, when it listed none, to the areas
 * on the feeder at its start. Columns: target, event_id, start, end_at, cause, planned,
 * customers_affected.
 */
function attributed(lo: number, hi: number, cause: string | undefined): Sql {
  const causeFilter = cause ? sql`AND cause = ${cause}` : sql``;
  return sql`att AS (
  SELECT asset_id target, event_id, start, end_at, cause, planned, customers_affected FROM outage_reach
  WHERE NOT deleted AND start >= ${ts(lo)} AND start < ${ts(hi)} ${causeFilter}
)`;
}

/** The assets as they stand at asOf (latest version with validFrom ≤ asOf). */
const currentAssets = (asOf: number): Sql => sql`
cur AS (
  SELECT asset_id, kind, name, feeder_id, province, city, county, park, area_class, customers, lat, lon
  FROM assets WHERE valid_from <= ${ts(asOf)} LATEST ON valid_from PARTITION BY asset_id
)`;

interface DailyRow {
  day: number;
  outages: number;
  unplanned: number;
  customers: number | null;
}

async function dailyCounts(store: Store, zone: string, fromDay: number, toDay: number, f: Filters) {
  const lo = startOfLocalDay(fromDay, zone);
  const hi = startOfLocalDay(toDay + 1, zone);
  const assetScoped = f.kind || f.city || f.county || f.areaClass || f.feederId;
  let statement: Sql;
  if (f.assetId) {
    // One asset: its attributed outages (an area's include its feeder's events), acknowledged ones included.
    await walCaughtUp(store, ['outage_reach']);
    statement = sql`
WITH ${attributed(lo, hi, f.cause)}
SELECT day, count() outages, sum(CASE WHEN planned THEN 0 ELSE 1 END) unplanned, sum(customers_affected) customers
FROM (SELECT ${dayOf(sql`start`, zone)} day, planned, customers_affected FROM att WHERE target = ${f.assetId})
ORDER BY day`;
  } else {
    // Every event once, on its own asset; region filters use the asset as it stands now.
    const scope = assetScoped
      ? sql`JOIN (SELECT * FROM cur WHERE ${assetFilter(f)}) c ON (c.asset_id = o.asset_id)`
      : sql``;
    const causeFilter = f.cause ? sql`AND o.cause = ${f.cause}` : sql``;
    statement = sql`
WITH ${currentAssets(hi)}
SELECT day, count() outages, sum(CASE WHEN planned THEN 0 ELSE 1 END) unplanned, sum(customers_affected) customers
FROM (
  SELECT ${dayOf(sql`o.start`, zone)} day, o.planned, o.customers_affected
  FROM outages o ${scope}
  WHERE NOT o.deleted AND o.start >= ${ts(lo)} AND o.start < ${ts(hi)} ${causeFilter}
)
ORDER BY day`;
  }
  const rows = await store.rows<DailyRow>(statement);
  const byDay = new Map(rows.map((r) => [Number(r.day), r]));
  const out: Row[] = [];
  for (let day = fromDay; day <= toDay; day++) {
    const r = byDay.get(day);
    out.push({
      date: dayToDate(day),
      // 1970-01-01 (day 0) was a Thursday; 0 = Sunday as in Date#getDay.
      weekday: (((day + 4) % 7) + 7) % 7,
      outages: r ? Number(r.outages) : 0,
      unplanned: r ? Number(r.unplanned) : 0,
      customersAffected: r ? Number(r.customers ?? 0) : 0,
    });
  }
  return out;
}

interface HotspotRow {
  asset_id: string;
  kind: string;
  name: string | null;
  feeder_id: string | null;
  city: string | null;
  county: string | null;
  area_class: string | null;
  park: string | null;
  customers: number | null;
  lat: number | null;
  lon: number | null;
  outages365: number | null;
  outages60: number | null;
  unplanned365: number | null;
  minutes365: number | null;
  last_start: number | null;
}

async function hotspots(store: Store, zone: string, asOf: number, f: Filters): Promise<Row[]> {
  await walCaughtUp(store, ['outage_reach']); // attribution rows acknowledged with their outages
  const today = localDay(asOf, zone);
  const lo = startOfLocalDay(today - 364, zone);
  const hi = asOf + 1;
  const asOfUs = asOf * 1000;
  const minutes = sql`(coalesce(cast(end_at as long), ${asOfUs}) - cast(start as long)) / 60000000.0`;
  const rows = await store.rows<HotspotRow>(sql`
WITH ${attributed(lo, hi, f.cause)},
${currentAssets(asOf)},
agg AS (
  SELECT target, count() outages365,
         sum(CASE WHEN ${dayOf(sql`start`, zone)} >= ${today - 59} THEN 1 ELSE 0 END) outages60,
         sum(CASE WHEN planned THEN 0 ELSE 1 END) unplanned365,
         sum(${minutes}) minutes365,
         max(start) last_start
  FROM att
)
SELECT cur.asset_id, cur.kind, cur.name, cur.feeder_id, cur.city, cur.county, cur.area_class, cur.park,
       cur.customers, cur.lat, cur.lon, agg.outages365, agg.outages60, agg.unplanned365, agg.minutes365,
       agg.last_start
FROM cur LEFT JOIN agg ON (agg.target = cur.asset_id)
WHERE ${assetFilter(f)}
ORDER BY agg.outages365 DESC, cur.asset_id::varchar`);
  return rows.map((r) => ({
    assetId: r.asset_id,
    kind: r.kind,
    name: r.name,
    feederId: r.feeder_id,
    city: r.city,
    county: r.county,
    areaClass: r.area_class,
    park: r.park,
    customers: r.customers ?? 0,
    lat: r.lat,
    lon: r.lon,
    outages365: Number(r.outages365 ?? 0),
    outages60: Number(r.outages60 ?? 0),
    unplanned365: Number(r.unplanned365 ?? 0),
    hours365: Math.round((Number(r.minutes365 ?? 0) / 60) * 100) / 100,
    lastOutage: r.last_start === null ? null : dayToDate(localDay(r.last_start, zone)),
  }));
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
    const f = filtersOf(req.query);
    const rows = await dailyCounts(deps.store, deps.zone, fromDay, toDay, f);
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
  const recentHotspots = new Recent<Row[]>(
    (cause, at) => hotspots(deps.store, deps.zone, at, { cause: cause === '' ? undefined : cause }),
    { freshMs: HOTSPOTS_FRESH_MS, staleMs: HOTSPOTS_STALE_MS, now },
  );
  // Ready before the first planner asks: after the start-up evaluation (data loaded) and nightly.
  deps.afterFullEvaluation?.(() => {
    recentHotspots.refresh('').catch(() => undefined);
  });

  router.get('/hotspots', read, async (req, res) => {
    const f = filtersOf(req.query);
    let asOf: number;
    let rows: Row[];
    if (req.query['asOf'] === undefined) {
      const computed = await recentHotspots.get(f.cause ?? '');
      asOf = computed.at;
      rows = computed.value.filter((r) => matches(r, f));
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
