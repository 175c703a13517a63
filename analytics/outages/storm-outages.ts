// The outages of a storm window, read from QuestDB: the current version of every outage with
// customers out at some instant of [from, to] (begun by `to`, not ended by `from`), planned and
// unplanned, cancelled ones left out (their current row is a tombstone), each with its asset as
// it stood at `to` (name, equipment code, region path). Also what "the current event" is when
// the window is not given: from the start of the earliest outage still ongoing.

import { compareText } from '../../core/order.js';
import { DAY_MS, type Restoration } from '../../core/index.js';
import { type Store, sql, ts } from '../../store/index.js';
import { type CurveOutage, inRegion, type RestorationCurve } from './restoration-curve.js';
import { type AssetPlaceColumns, type OutageColumns, restorationSteps } from './row.js';

/** One outage of the window with what the curve and the export read of it. */
export interface StormOutage extends CurveOutage {
  assetId: string;
  assetName: string | null;
  /** the utility's equipment code (PMS) */
  assetCode: string | null;
  kind: string | null;
  cause: string;
  planned: boolean;
  estimatedRestoration: number | null;
  restorations: Restoration[];
}

interface Row extends OutageColumns, AssetPlaceColumns {
  code: string | null;
}

/** Each asset's version in force at `at`. */
const assetsAt = (at: number) => sql`
  SELECT asset_id, name, code, kind, province, city, county FROM assets
  WHERE valid_from <= ${ts(at)} LATEST ON valid_from PARTITION BY asset_id`;

function outageOf(r: Row): StormOutage {
  return {
    eventId: r.event_id,
    assetId: r.asset_id,
    assetName: r.name,
    assetCode: r.code,
    kind: r.kind,
    province: r.province,
    city: r.city,
    county: r.county,
    start: r.start,
    end: r.end_at,
    customersAffected: r.customers_affected,
    restorations: restorationSteps(r.restorations),
    cause: r.cause,
    planned: r.planned === true,
    estimatedRestoration: r.estimated_restoration,
  };
}

/**
 * Outages with customers out at some instant of [from, to], in the region when one is given
 * (province, city or county), by start then id.
 */
export async function stormOutages(
  store: Store,
  q: { from: number; to: number; region?: string | undefined },
): Promise<StormOutage[]> {
  // Outages still open may have begun long before `from`: no lower bound on the start.
  const rows = await store.rows<Row>(sql`
    WITH a AS (${assetsAt(q.to)})
    SELECT o.event_id, o.asset_id, o.start, o.end_at, o.customers_affected, o.restorations, o.cause,
           o.planned, o.estimated_restoration, a.name, a.code, a.kind, a.province, a.city, a.county
    FROM outages o LEFT JOIN a ON (o.asset_id = a.asset_id)
    WHERE NOT o.deleted AND o.start <= ${ts(q.to)} AND (o.end_at IS NULL OR o.end_at > ${ts(q.from)})`);
  return rows
    .map(outageOf)
    .filter((o) => inRegion(o, q.region))
    .sort((a, b) => a.start - b.start || compareText(a.eventId, b.eventId));
}

/** Starts of the outages ongoing at `at` (begun by then, no end or an end after it), in the region. */
export async function ongoingStarts(store: Store, at: number, region?: string): Promise<number[]> {
  const rows = await store.rows<Pick<Row, 'start' | 'province' | 'city' | 'county'>>(sql`
    WITH a AS (${assetsAt(at)})
    SELECT o.start, a.province, a.city, a.county
    FROM outages o LEFT JOIN a ON (o.asset_id = a.asset_id)
    WHERE NOT o.deleted AND o.start <= ${ts(at)} AND (o.end_at IS NULL OR o.end_at > ${ts(at)})`);
  return rows.filter((r) => inRegion(r, region)).map((r) => r.start);
}

/** The longest window the curve and the export read. */
export const MAX_STORM_DAYS = 31;

export interface StormWindow {
  from: number;
  to: number;
  /** how `from` was chosen */
  basis: 'requested' | 'earliest-ongoing' | 'last-24h';
}

/** A point of the curve as GET /outages/curve sends it: the instant in the operating zone. */
export type CurvePointAnswer = { at: string; customersOut: number };

/** GET /outages/curve: the window, the curve's totals, and its points with instants as text. */
export type CurveAnswer = Omit<RestorationCurve, 'from' | 'to' | 'stepMs' | 'points' | 'samples' | 'peak'> & {
  from: string;
  to: string;
  basis: StormWindow['basis'];
  zone: string;
  region: string | null;
  stepMinutes: number;
  peak: CurvePointAnswer | null;
  samples: CurvePointAnswer[];
  /** the exact step curve */
  rows: CurvePointAnswer[];
};

/**
 * "The current event" up to `to`: from the start of the earliest outage still ongoing then, or
 * the last 24 hours when none is (or it began at `to` itself); never longer than
 * MAX_STORM_DAYS, so an outage never closed does not stretch the event over months.
 */
export function currentEventWindow(ongoing: readonly number[], to: number): StormWindow {
  const earliest = ongoing.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);
  if (!(earliest < to)) return { from: to - DAY_MS, to, basis: 'last-24h' };
  return { from: Math.max(earliest, to - MAX_STORM_DAYS * DAY_MS), to, basis: 'earliest-ongoing' };
}
