// Reads for the anonymous public pages (dashboard/public-pages): outages in progress and planned
// outages announced for later, each with the transformer areas and places it reaches, the share
// of each county's customers out, and the lookup of one transformer area. Public fields only:
// no notes, no customer data, no feeder names; ids are returned for keys, never for display.
//
// "In progress" at `now`: begun (start <= now), not deleted, and not ended by now (no end, or a
// recorded end still ahead: a planned outage announced with its end). "Scheduled": planned and
// not begun yet (start > now). An outage is never both, so a notice received ahead of its start
// is listed as scheduled and shown as in progress only from its start on.

import { assetRegions, DAY_MS, localDay, pushTo, startOfLocalDay } from '../../core/index.js';
import { type Store, sql, ts } from '../../store/index.js';
import { customersRestoredBy, type OutageColumns } from '../outages/index.js';

/** An outage open longer than this is a record never closed (ingest refuses such records). */
const OPEN_AT_MOST_MS = 3 * 366 * DAY_MS;
/** Planned outages announced further ahead than this are not listed (a typing error, not a plan). */
export const SCHEDULED_AHEAD_MS = 366 * DAY_MS;
const CHUNK = 500;

export interface PublicOutage {
  /** for keys and links between lists; never shown */
  eventId: string;
  province: string | null;
  city: string | null;
  county: string | null;
  start: number;
  /** the recorded end (a planned outage's announced end), or null */
  end: number | null;
  estimatedRestoration: number | null;
  /** customers still out (step restorations up to now subtracted) */
  customersOut: number;
  customersAffected: number;
  cause: string;
  planned: boolean;
  /** when the current version of the record arrived */
  updatedAt: number;
  /** names of the transformer areas it reaches, sorted */
  areas: string[];
  /** the places those areas (or the asset itself) serve, sorted, without repeats */
  places: string[];
  /** the coordinates of the asset it was recorded on, when known */
  lat: number | null;
  lon: number | null;
}

export interface CountyCustomers {
  province: string | null;
  city: string | null;
  county: string | null;
  /** customers served: the county's feeders' customers, or its areas' when that is more */
  customers: number;
}

export interface PublicOutages {
  asOf: number;
  /** in progress at asOf, earliest start first */
  current: PublicOutage[];
  /** planned, beginning after asOf, soonest first */
  scheduled: PublicOutage[];
  counties: CountyCustomers[];
}

interface OutageRow extends OutageColumns {
  received_at: number;
}

interface AssetRow {
  asset_id: string;
  kind: string | null;
  name: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  places: string | null;
  lat: number | null;
  lon: number | null;
}

const chunks = <T>(list: readonly T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
};

const placesOf = (json: string | null): string[] => {
  if (!json) return [];
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
};

async function latestAssets(store: Store, ids: readonly string[]): Promise<Map<string, AssetRow>> {
  const out = new Map<string, AssetRow>();
  for (const part of chunks([...new Set(ids)])) {
    const rows = await store.rows<AssetRow>(
      sql`SELECT asset_id, kind, name, province, city, county, places, lat, lon FROM assets
          WHERE asset_id IN (${part}) LATEST ON valid_from PARTITION BY asset_id`,
    );
    for (const r of rows) out.set(r.asset_id, r);
  }
  return out;
}

/** The assets each event reaches (its own and, for a feeder, the areas), from outage_reach. */
async function reachOf(
  store: Store,
  events: readonly OutageRow[],
): Promise<Map<string, { assetId: string; kind: string | null }[]>> {
  const out = new Map<string, { assetId: string; kind: string | null }[]>();
  if (events.length === 0) return out;
  const low = Math.min(...events.map((e) => e.start));
  for (const part of chunks(events.map((e) => e.event_id))) {
    const rows = await store.rows<{ event_id: string; asset_id: string; kind: string | null }>(
      sql`SELECT event_id, asset_id, kind FROM outage_reach
          WHERE start >= ${ts(low)} AND event_id IN (${part}) AND NOT deleted`,
    );
    for (const r of rows) pushTo(out, r.event_id, { assetId: r.asset_id, kind: r.kind });
  }
  return out;
}

const collator = new Intl.Collator('zh-CN');
const sorted = (names: Iterable<string>): string[] => [...new Set(names)].sort(collator.compare);

/** Outage rows as public outages: region of their asset now, areas and places they reach. */
async function describe(store: Store, rows: readonly OutageRow[], asOf: number): Promise<PublicOutage[]> {
  const reach = await reachOf(store, rows);
  const ids = rows.map((r) => r.asset_id);
  for (const list of reach.values()) for (const r of list) ids.push(r.assetId);
  const assets = await latestAssets(store, ids);
  return rows.map((r) => {
    const own = assets.get(r.asset_id);
    const reached = (reach.get(r.event_id) ?? [])
      .map((x) => assets.get(x.assetId))
      .filter((a) => a !== undefined);
    const areas = reached.filter((a) => a.kind === 'area');
    if (own?.kind === 'area' && !areas.includes(own)) areas.push(own);
    // the places of the areas it reaches; its own asset's when it reaches none
    const places =
      areas.length > 0 ? areas.flatMap((a) => placesOf(a.places)) : placesOf(own?.places ?? null);
    return {
      eventId: r.event_id,
      ...assetRegions(own),
      start: r.start,
      end: r.end_at,
      estimatedRestoration: r.estimated_restoration,
      customersOut: Math.max(
        0,
        r.customers_affected - (r.start <= asOf ? customersRestoredBy(r.restorations, asOf) : 0),
      ),
      customersAffected: r.customers_affected,
      cause: r.cause,
      planned: r.planned,
      updatedAt: r.received_at,
      areas: sorted(areas.flatMap((a) => (a.name ? [a.name] : []))),
      places: sorted(places),
      lat: own?.lat ?? null,
      lon: own?.lon ?? null,
    };
  });
}

/** Customers served per county, from each asset's latest version. */
export async function countyCustomers(store: Store): Promise<CountyCustomers[]> {
  const rows = await store.rows<{
    province: string | null;
    city: string | null;
    county: string | null;
    kind: string | null;
    customers: number | null;
  }>(sql`
    SELECT province, city, county, kind, sum(customers) customers
    FROM (SELECT province, city, county, kind, customers FROM assets LATEST ON valid_from PARTITION BY asset_id)
    GROUP BY province, city, county, kind`);
  const byCounty = new Map<string, CountyCustomers & { feeders: number; areas: number }>();
  for (const r of rows) {
    const key = JSON.stringify([r.province, r.city, r.county]);
    const c = byCounty.get(key) ?? {
      province: r.province,
      city: r.city,
      county: r.county,
      customers: 0,
      feeders: 0,
      areas: 0,
    };
    if (r.kind === 'feeder') c.feeders += Number(r.customers ?? 0);
    else if (r.kind === 'area') c.areas += Number(r.customers ?? 0);
    byCounty.set(key, c);
  }
  return [...byCounty.values()].map(({ feeders, areas, ...c }) => ({
    ...c,
    customers: Math.max(feeders, areas),
  }));
}

/**
 * A version that calls an outage off: corrected to interrupt nobody for no time (0 customers,
 * an end not after its start) — the convention the notices (analytics/notices) read as
 * "planned outage cancelled". Not listed publicly.
 */
export const calledOff = (r: Pick<OutageRow, 'customers_affected' | 'start' | 'end_at'>): boolean =>
  r.customers_affected === 0 && r.end_at !== null && r.end_at <= r.start;

const OUTAGE_COLUMNS = sql`event_id, asset_id, start, end_at, customers_affected, restorations, cause, planned,
  estimated_restoration, received_at`;

/** Outages in progress at `asOf` and planned outages announced for after it, for the public pages. */
export async function publicOutages(store: Store, asOf: number): Promise<PublicOutages> {
  const rows = await store.rows<OutageRow>(sql`
    SELECT ${OUTAGE_COLUMNS} FROM outages
    WHERE start >= ${ts(asOf - OPEN_AT_MOST_MS)} AND start <= ${ts(asOf + SCHEDULED_AHEAD_MS)} AND NOT deleted
      AND ((start <= ${ts(asOf)} AND (end_at IS NULL OR end_at > ${ts(asOf)})) OR (planned AND start > ${ts(asOf)}))
    ORDER BY start`);
  const listed = rows.filter((r) => !calledOff(r));
  const [described, counties] = await Promise.all([describe(store, listed, asOf), countyCustomers(store)]);
  return {
    asOf,
    current: described.filter((o) => o.start <= asOf),
    scheduled: described.filter((o) => o.start > asOf),
    counties,
  };
}

// The lookup --------------------------------------------------------------------------------

export const LOOKUP_MAX_CHARS = 60;
/** Areas answered for one query (the most relevant first). */
export const LOOKUP_MATCHES = 10;
/** Scheduled outages ahead that the lookup lists. */
export const LOOKUP_AHEAD_DAYS = 14;

export interface AreaMatch {
  assetId: string;
  name: string | null;
  code: string | null;
  places: string[];
  province: string | null;
  city: string | null;
  county: string | null;
}

export interface AreaOutage {
  eventId: string;
  start: number;
  end: number | null;
  estimatedRestoration: number | null;
  cause: string;
  planned: boolean;
  updatedAt: number;
}

export interface AreaAnswer {
  area: AreaMatch;
  /** outages reaching it that are in progress at asOf, earliest first */
  current: AreaOutage[];
  /** planned outages reaching it that begin within the next LOOKUP_AHEAD_DAYS days */
  scheduled: AreaOutage[];
  /** the outages that began within the 365 local days ending at asOf (overlapping ones merged) */
  year: YearSummary;
}

export interface YearSummary {
  /** first local day of the window (YYYY-MM-DD is the caller's to format) */
  from: number;
  outages: number;
  hours: number;
}

/** Lower-case, trimmed, inner spaces folded, at most LOOKUP_MAX_CHARS characters. */
export const lookupText = (q: string): string =>
  q.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase().slice(0, LOOKUP_MAX_CHARS);

/** How well an area matches: 0 exact (number, code, name or a place), 1 name prefix, 2 anywhere. */
export function matchStrength(a: AreaMatch, text: string): number {
  const low = (s: string | null) => (s ?? '').toLowerCase();
  if ([a.assetId, a.code, a.name, ...a.places].some((s) => low(s) === text)) return 0;
  if (low(a.name).startsWith(text) || a.places.some((p) => low(p).startsWith(text))) return 1;
  return 2;
}

/**
 * Outages that began in [from, asOf], overlapping ones merged: how many distinct losses of supply
 * and their hours (an ongoing one up to asOf).
 */
export function yearSummary(
  outages: readonly { start: number; end: number | null }[],
  from: number,
  asOf: number,
): { outages: number; hours: number } {
  const spans = outages
    .filter((o) => o.start >= from && o.start <= asOf)
    .map((o): [number, number] => [o.start, Math.min(o.end ?? asOf, asOf)])
    .sort((a, b) => a[0] - b[0]);
  let count = 0;
  let ms = 0;
  let cur: [number, number] | undefined;

  for (const [s, e] of spans) {
    if (cur && s <= cur[1]) cur[1] = Math.max(cur[1], e);
    else {
      if (cur) ms += cur[1] - cur[0];
      cur = [s, e];
      count += 1;
    }
  }
  if (cur) ms += cur[1] - cur[0];
  return { outages: count, hours: Math.round((ms / 3_600_000) * 100) / 100 };
}

/** Transformer areas found by number, code, name or a place they serve, the best matches first. */
export async function findAreas(store: Store, q: string): Promise<AreaMatch[]> {
  const text = lookupText(q);
  if (text === '') return [];
  const rows = await store.rows<{
    asset_id: string;
    name: string | null;
    code: string | null;
    places: string | null;
    province: string | null;
    city: string | null;
    county: string | null;
  }>(sql`
    SELECT asset_id, name, code, places, province, city, county
    FROM (SELECT asset_id, kind, name, code, places, province, city, county FROM assets LATEST ON valid_from PARTITION BY asset_id)
    WHERE kind = 'area' AND (lower(asset_id::varchar) = ${text} OR strpos(lower(name), ${text}) > 0
      OR strpos(lower(code), ${text}) > 0 OR strpos(lower(places), ${text}) > 0)
    LIMIT 200`);
  const matches = rows
    .map(
      (r): AreaMatch => ({
        assetId: r.asset_id,
        name: r.name,
        code: r.code,
        places: placesOf(r.places),
        province: r.province,
        city: r.city,
        county: r.county,
      }),
    )
    // QuestDB matched the places' JSON text: the text must be inside one name (not across `","`)
    .filter(
      (a) =>
        a.assetId.toLowerCase() === text ||
        [a.code, a.name, ...a.places].some((s) => (s ?? '').toLowerCase().includes(text)),
    );
  return matches
    .sort(
      (a, b) =>
        matchStrength(a, text) - matchStrength(b, text) ||
        collator.compare(a.name ?? '', b.name ?? '') ||
        (a.assetId < b.assetId ? -1 : 1),
    )
    .slice(0, LOOKUP_MATCHES);
}

/** What the lookup answers for each area: out now, scheduled in the next 14 days, the last year. */
export async function areaAnswers(
  store: Store,
  areas: readonly AreaMatch[],
  asOf: number,
  zone: string,
): Promise<AreaAnswer[]> {
  if (areas.length === 0) return [];
  const today = localDay(asOf, zone);
  const yearFrom = startOfLocalDay(today - 364, zone);
  const ahead = asOf + LOOKUP_AHEAD_DAYS * DAY_MS;
  const reach = await store.rows<{
    asset_id: string;
    event_id: string;
    start: number;
    end_at: number | null;
  }>(sql`
    SELECT asset_id, event_id, start, end_at FROM outage_reach
    WHERE start >= ${ts(asOf - OPEN_AT_MOST_MS)} AND start <= ${ts(ahead)} AND NOT deleted
      AND asset_id IN (${areas.map((a) => a.assetId)})`);
  const wanted = [
    ...new Set(
      reach.filter((r) => r.start > asOf || r.end_at === null || r.end_at > asOf).map((r) => r.event_id),
    ),
  ];
  const details = new Map<string, OutageRow>();
  for (const part of chunks(wanted)) {
    const rows = await store.rows<OutageRow>(
      sql`SELECT ${OUTAGE_COLUMNS} FROM outages WHERE event_id IN (${part}) AND NOT deleted`,
    );
    for (const r of rows) if (!calledOff(r)) details.set(r.event_id, r);
  }
  const asOutage = (r: OutageRow): AreaOutage => ({
    eventId: r.event_id,
    start: r.start,
    end: r.end_at,
    estimatedRestoration: r.estimated_restoration,
    cause: r.cause,
    planned: r.planned,
    updatedAt: r.received_at,
  });
  return areas.map((area) => {
    const mine = reach.filter((r) => r.asset_id === area.assetId);
    const open = (r: { start: number; end_at: number | null }) =>
      r.start <= asOf && (r.end_at === null || r.end_at > asOf);
    const current = mine
      .filter(open)
      .flatMap((r) => {
        const d = details.get(r.event_id);
        return d && open(d) ? [asOutage(d)] : [];
      })
      .sort((a, b) => a.start - b.start);
    const scheduled = mine
      .filter((r) => r.start > asOf)
      .flatMap((r) => {
        const d = details.get(r.event_id);
        return d?.planned && d.start > asOf && d.start <= ahead ? [asOutage(d)] : [];
      })
      .sort((a, b) => a.start - b.start);
    const past = mine.map((r) => ({ start: r.start, end: r.end_at }));
    return { area, current, scheduled, year: { from: today - 364, ...yearSummary(past, yearFrom, asOf) } };
  });
}
