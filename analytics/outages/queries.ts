// Reads of outages as they stand: ongoing ones, one event's versions, stored rejects.

import { formatInZone } from '../../core/index.js';
import type { ActiveOutage } from '../../core/vocabulary/index.js';
import { join, type Store, sql, ts } from '../../store/index.js';
import { type AssetPlaceColumns, customersRestoredBy, type OutageColumns } from './row.js';

/** The row of GET /live, typed once for the server and the browser. */
export type { ActiveOutage };

type OutageRow = Omit<OutageColumns, 'end_at'> & AssetPlaceColumns;

/** Outages without an end that began at or before `asOf`, with the customers still out. */
export async function activeOutages(store: Store, asOf: number, zone: string): Promise<ActiveOutage[]> {
  const rows = await store.rows<OutageRow>(sql`
    WITH a AS (SELECT asset_id, name, kind, province, city, county FROM assets LATEST ON valid_from PARTITION BY asset_id)
    SELECT o.event_id, o.asset_id, o.start, o.customers_affected, o.restorations, o.cause, o.planned,
           o.estimated_restoration, a.name, a.kind, a.province, a.city, a.county
    FROM outages o LEFT JOIN a ON (o.asset_id = a.asset_id)
    WHERE o.end_at IS NULL AND NOT o.deleted AND o.start <= ${ts(asOf)}
    ORDER BY o.start`);
  return rows.map((r) => {
    const restored = customersRestoredBy(r.restorations, asOf);
    return {
      eventId: r.event_id,
      assetId: r.asset_id,
      assetName: r.name,
      kind: r.kind,
      province: r.province,
      city: r.city,
      county: r.county,
      start: formatInZone(r.start, zone),
      minutesSoFar: Math.max(0, Math.round((asOf - r.start) / 60_000)),
      customersOut: Math.max(0, r.customers_affected - restored),
      cause: r.cause,
      planned: r.planned,
      estimatedRestoration:
        r.estimated_restoration === null ? null : formatInZone(r.estimated_restoration, zone),
    };
  });
}

/** Every version of one outage as received, oldest first. */
export async function outageHistory(
  store: Store,
  eventId: string,
  zone: string,
): Promise<Record<string, unknown>[]> {
  const rows = await store.rows<
    Record<string, unknown> & { received_at: number; start: number; end_at: number | null }
  >(sql`SELECT * FROM outage_history WHERE event_id = ${eventId} ORDER BY received_at`);
  return rows.map((r) => ({
    receivedAt: formatInZone(r.received_at, zone),
    eventId: r.event_id,
    assetId: r.asset_id,
    start: formatInZone(r.start, zone),
    end: r.end_at === null ? null : formatInZone(r.end_at, zone),
    customersAffected: r.customers_affected,
    cause: r.cause,
    planned: r.planned,
    restorations: r.restorations ?? null,
    notes: r.notes ?? null,
    cancelled: r['cancelled'] === true,
  }));
}

export interface RejectFilter {
  kind?: string;
  batchId?: string;
  since?: number;
  limit: number;
}

export async function listRejects(
  store: Store,
  f: RejectFilter,
  zone: string,
): Promise<Record<string, unknown>[]> {
  const where = [sql`received_at >= ${ts(f.since ?? 0)}`];
  if (f.kind) where.push(sql`kind = ${f.kind}`);
  if (f.batchId) where.push(sql`batch_id = ${f.batchId}`);
  const rows = await store.rows<Record<string, unknown> & { received_at: number; errors: string }>(
    sql`SELECT * FROM rejects WHERE ${join(where, ' AND ')} ORDER BY received_at DESC, line LIMIT ${f.limit}`,
  );
  return rows.map((r) => ({
    receivedAt: formatInZone(r.received_at, zone),
    kind: r.kind,
    source: r.source,
    batchId: r.batch_id,
    line: r.line,
    id: r.record_id ?? null,
    errors: JSON.parse(r.errors),
    record: r.record,
  }));
}
