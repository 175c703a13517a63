// The attribution table checked against a fresh derivation, and put right. At start the writer
// compares, month by month, each current outage with its own reach row (count and a checksum of
// each version's start, receipt time and id length): a crash between an outage's rows and its reach rows, or a
// partial commit, shows as a month that disagrees, and only those months are derived afresh.
// `rebuild` derives every month (after an upgrade, or a change of rules of attribution).

import type { AssetKind } from '../../core/index.js';
import { groupBy } from '../../core/collections.js';
import type { Store } from '../client.js';
import { type OutageRow, OUTAGE_COLUMNS, outageOfRow } from '../records.js';
import { type Sql, sql, ts } from '../sql.js';
import type { ReachRow } from './derive.js';
import { diffReach, type ReachDiff, type ReachKeeper } from './keeper.js';

interface MonthSum {
  m: number;
  n: number;
  h: number;
}

const MONTH_SUMS = (table: Sql, where: Sql): Sql => sql`
  SELECT timestamp_floor('M', start) m, count() n,
         sum(cast(start as long) / 1000 % 1000003 + cast(received_at as long) / 1000 % 1000003 * 3 + length(event_id)) h
  FROM ${table} WHERE NOT deleted AND ${where} GROUP BY m ORDER BY m`;

/** Month starts (ms, UTC) whose current outages and own reach rows disagree. */
export async function disagreeingMonths(store: Store): Promise<number[]> {
  const [outages, own] = await Promise.all([
    store.rows<MonthSum>(MONTH_SUMS(sql`outages`, sql`true`)),
    store.rows<MonthSum>(MONTH_SUMS(sql`outage_reach`, sql`asset_id = source_id`)),
  ]);
  const key = (r: MonthSum) => `${Number(r.n)}:${Number(r.h)}`;
  const reached = new Map(own.map((r) => [r.m, key(r)]));
  const months = new Set<number>();
  for (const r of outages) if (reached.get(r.m) !== key(r)) months.add(r.m);
  const counted = new Set(outages.map((r) => r.m));
  for (const r of own) if (!counted.has(r.m)) months.add(r.m);
  return [...months].sort((a, b) => a - b);
}

interface ReachDbRow {
  asset_id: string;
  event_id: string;
  source_id: string;
  kind: AssetKind | null;
  feeder_id: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  park: string | null;
  area_class: string | null;
  cause: string;
  planned: boolean;
  force_majeure: boolean | null;
  customers_affected: number;
  warning_id: string | null;
  warned_by: string | null;
  end_at: number | null;
  received_at: number;
  start: number;
}

const opt = <T extends string>(v: T | null): T | undefined => (v === null ? undefined : v);

function reachOfRow(r: ReachDbRow): ReachRow {
  return {
    assetId: r.asset_id,
    eventId: r.event_id,
    sourceId: r.source_id,
    start: r.start,
    end: r.end_at,
    kind: opt(r.kind),
    feederId: opt(r.feeder_id),
    province: opt(r.province),
    city: opt(r.city),
    county: opt(r.county),
    park: opt(r.park),
    areaClass: opt(r.area_class),
    cause: r.cause,
    planned: r.planned,
    forceMajeure: r.force_majeure === true,
    customersAffected: r.customers_affected,
    warningId: opt(r.warning_id),
    warnedBy: opt(r.warned_by),
    receivedAt: r.received_at,
  };
}

/**
 * What must be written so that the reach rows of outages starting in [from, to) (and matching
 * `eventWhere`, a condition on event_id) equal a fresh derivation with `keeper`'s network and
 * warnings. Empty when they already do.
 */
export async function compareReach(
  store: Store,
  keeper: ReachKeeper,
  from: number,
  to: number,
  eventWhere: Sql = sql`true`,
): Promise<ReachDiff> {
  const range = sql`start >= ${ts(from)} AND start < ${ts(to)} AND ${eventWhere}`;
  const [outages, stored] = await Promise.all([
    store.rows<OutageRow>(sql`SELECT ${OUTAGE_COLUMNS} FROM outages WHERE NOT deleted AND ${range}`),
    store.rows<ReachDbRow>(sql`SELECT * FROM outage_reach WHERE NOT deleted AND ${range}`),
  ]);
  const had = groupBy(stored.map(reachOfRow), (row) => row.eventId);
  const diff: ReachDiff = { rows: [], tombstones: [] };
  for (const o of outages) {
    const fresh = keeper.rowsOf({ event: outageOfRow(o), receivedAt: o.received_at });
    diffReach(had.get(o.event_id) ?? [], fresh, diff);
    had.delete(o.event_id);
  }
  for (const rows of had.values()) diff.tombstones.push(...rows);
  return diff;
}

/** First and last month of stored outages and reach rows, as month starts (ms, UTC). */
export async function storedMonths(store: Store): Promise<number[]> {
  const rows = await store.rows<{ m: number }>(sql`
    SELECT DISTINCT m FROM (
      SELECT timestamp_floor('M', start) m FROM outages
      UNION ALL
      SELECT timestamp_floor('M', start) m FROM outage_reach
    ) ORDER BY m`);
  return rows.map((r) => r.m);
}

/** The start of the month after the one starting at `m` (UTC). */
export function nextMonth(m: number): number {
  const d = new Date(m);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}
