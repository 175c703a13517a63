// Stored rows back into the contract's records, for the reference evaluators and explanations.

import type { Asset, Cause, OutageEvent, Warning } from '../core/index.js';
import type { Store } from './client.js';
import { type Sql, sql, ts } from './sql.js';

export interface OutageRow {
  event_id: string;
  asset_id: string;
  start: number;
  end_at: number | null;
  customers_affected: number;
  affected_areas: string | null;
  restorations: string | null;
  cause: Cause;
  planned: boolean;
  /** null in rows read before the column was added */
  force_majeure: boolean | null;
  /** only a history row can say so: a cancelled version's current row is a tombstone */
  cancelled: boolean | null;
  warning_id: string | null;
  estimated_restoration: number | null;
  notes: string | null;
  received_at: number;
}

export const OUTAGE_COLUMNS = sql`event_id, asset_id, start, end_at, customers_affected, affected_areas, restorations,
  cause, planned, force_majeure, cancelled, warning_id, estimated_restoration, notes, received_at`;

export function outageOfRow(r: OutageRow): OutageEvent {
  const e: OutageEvent = {
    eventId: r.event_id,
    assetId: r.asset_id,
    start: r.start,
    end: r.end_at,
    customersAffected: r.customers_affected,
    restorations: r.restorations ? JSON.parse(r.restorations) : [],
    cause: r.cause,
    planned: r.planned,
  };
  if (r.affected_areas !== null) e.affectedAreas = JSON.parse(r.affected_areas);
  if (r.warning_id !== null) e.warningId = r.warning_id;
  if (r.force_majeure === true) e.forceMajeure = true;
  if (r.cancelled === true) e.cancelled = true;
  if (r.estimated_restoration !== null) e.estimatedRestoration = r.estimated_restoration;
  if (r.notes !== null) e.notes = r.notes;
  return e;
}

/** Current versions of the outages matching `where` (a condition on the outages table). */
export async function readOutages(store: Store, where: Sql): Promise<OutageEvent[]> {
  const rows = await store.rows<OutageRow>(
    sql`SELECT ${OUTAGE_COLUMNS} FROM outages WHERE NOT deleted AND (${where}) ORDER BY start, event_id::varchar`,
  );
  return rows.map(outageOfRow);
}

export interface AssetRow {
  asset_id: string;
  kind: 'feeder' | 'area';
  name: string | null;
  feeder_id: string | null;
  substation: string | null;
  code: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  park: string | null;
  area_class: Asset['areaClass'];
  customers: number;
  transformers: number | null;
  enterprise_customers: number | null;
  places: string | null;
  important_user: boolean | null;
  lat: number | null;
  lon: number | null;
  valid_from: number;
}

/**
 * The row's columns that are not null, under the record's field names (`names`: field → column),
 * in the order of `names`: a record's optional fields read back, a null column a field left out.
 */
export function presentFields<R, const N extends { readonly [field: string]: keyof R }>(
  row: R,
  names: N,
): { -readonly [F in keyof N]?: NonNullable<R[N[F]]> } {
  const fields: Record<string, unknown> = {};
  for (const field in names) {
    const value = row[names[field]!];
    if (value !== null) fields[field] = value;
  }
  return fields as { -readonly [F in keyof N]?: NonNullable<R[N[F]]> };
}

/** The asset's optional fields kept as they are in their columns (field → column). */
const ASSET_FIELDS = {
  name: 'name',
  feederId: 'feeder_id',
  substation: 'substation',
  code: 'code',
  province: 'province',
  city: 'city',
  county: 'county',
  park: 'park',
  transformers: 'transformers',
  enterpriseCustomers: 'enterprise_customers',
} as const;

export function assetOfRow(r: AssetRow): Asset {
  const a: Asset = {
    assetId: r.asset_id,
    kind: r.kind,
    areaClass: r.area_class,
    customers: r.customers,
    validFrom: r.valid_from,
    ...presentFields(r, ASSET_FIELDS),
  };
  if (r.places !== null) a.places = JSON.parse(r.places) as string[];
  if (r.important_user === true) a.importantUser = true;
  if (r.lat !== null) a.lat = r.lat;
  if (r.lon !== null) a.lon = r.lon;
  return a;
}

export const ASSET_COLUMNS = sql`asset_id, kind, name, feeder_id, substation, code, province, city, county, park, area_class,
  customers, transformers, enterprise_customers, places, important_user, lat, lon, valid_from`;

/** Every version of the assets matching `where`, oldest first. */
export async function readAssetVersions(store: Store, where: Sql): Promise<Asset[]> {
  const rows = await store.rows<AssetRow>(
    sql`SELECT ${ASSET_COLUMNS} FROM assets WHERE ${where} ORDER BY valid_from`,
  );
  return rows.map(assetOfRow);
}

/** Each asset as of `asOf`: its latest version with validFrom ≤ asOf, else its first version. */
export async function readAssetsAsOf(store: Store, asOf: number, where: Sql = sql`true`): Promise<Asset[]> {
  const t = ts(asOf);
  const rows = await store.rows<AssetRow>(sql`
    WITH k AS (
      SELECT ${ASSET_COLUMNS},
             CASE WHEN valid_from <= ${t} THEN 0 ELSE 1 END later,
             CASE WHEN valid_from <= ${t} THEN -cast(valid_from AS long) ELSE cast(valid_from AS long) END nearness
      FROM assets WHERE ${where}
    ),
    v AS (SELECT ${ASSET_COLUMNS}, row_number() OVER (PARTITION BY asset_id ORDER BY later, nearness) rn FROM k)
    SELECT ${ASSET_COLUMNS} FROM v WHERE rn = 1 ORDER BY asset_id::varchar`);
  return rows.map(assetOfRow);
}

interface WarningRow {
  warning_id: string;
  issuer_level: Warning['issuerLevel'];
  hazard: Warning['hazard'];
  level: NonNullable<Warning['level']> | null;
  province: string | null;
  city: string | null;
  county: string | null;
  start: number;
  end_at: number;
}

/** Current versions of every official warning. */
export async function readWarnings(store: Store, where: Sql = sql`true`): Promise<Warning[]> {
  // The condition applies to the latest version of each warning, not to earlier versions.
  const rows = await store.rows<WarningRow>(
    sql`SELECT * FROM (
          SELECT warning_id, issuer_level, hazard, level, province, city, county, start, end_at
          FROM warnings LATEST ON received_at PARTITION BY warning_id
        ) WHERE ${where}`,
  );
  return rows.map(
    (r): Warning => ({
      warningId: r.warning_id,
      issuerLevel: r.issuer_level,
      hazard: r.hazard,
      start: r.start,
      end: r.end_at,
      ...presentFields(r, WARNING_FIELDS),
    }),
  );
}

/** The warning's optional fields (field → column). */
const WARNING_FIELDS = { level: 'level', province: 'province', city: 'city', county: 'county' } as const;
