// The notices' tables in QuestDB (migration 11): subscriptions (every version, the latest in
// force), notice_events (each notice once: DEDUP on its source time and deterministic id),
// notice_deliveries (the delivery log: every attempt's start and outcome, DEDUP on
// (at, subscription, notice, attempt, phase)) and notice_cursors (how far outage_history has
// been read). Writes go through /exec INSERT: committed to the WAL when the call returns.

import { pushTo } from '../../core/collections.js';
import { assetRegions } from '../../core/regions.js';
import { chunkIds, insertRows, type Store, type SqlValue, sql, ts } from '../../store/index.js';
import { type OutagePlace, type OutageVersion, isCancellation } from './derive.js';
import type {
  Attempt,
  AttemptPhase,
  Channel,
  Follow,
  NoticeType,
  StoredNotice,
  Subscription,
} from './types.js';

/** Tables a reader of these must see caught up (walCaughtUp) before trusting what it reads. */
export const NOTICE_TABLES = [
  'subscriptions',
  'notice_events',
  'notice_deliveries',
  'notice_cursors',
] as const;

const inList = (ids: readonly string[]) => chunkIds(ids, 20_000, (id) => encodeURIComponent(id).length + 12);
const json = <T>(text: string | null, fallback: T): T => (text === null ? fallback : (JSON.parse(text) as T));

// ---- subscriptions ----

interface SubscriptionRow {
  subscription_id: string;
  name: string;
  channel: string;
  target: string;
  follow: string;
  events: string | null;
  active: boolean;
  created_at: number;
  secret_version: number;
  actor: string;
  changed_at: number;
}

const ofSubscriptionRow = (r: SubscriptionRow): Subscription => ({
  subscriptionId: r.subscription_id,
  name: r.name,
  channel: json<Channel>(r.target, { type: 'webhook', url: '' }),
  follow: json<Follow>(r.follow, {}),
  ...(r.events === null ? {} : { events: json<NoticeType[]>(r.events, []) }),
  active: r.active,
  createdAt: r.created_at,
  secretVersion: r.secret_version,
  changedAt: r.changed_at,
  actor: r.actor,
});

/** Every subscription as it stands (deleted ones with active = false). */
export async function readSubscriptions(store: Store): Promise<Subscription[]> {
  const rows = await store.rows<SubscriptionRow>(
    sql`SELECT * FROM subscriptions LATEST ON changed_at PARTITION BY subscription_id`,
  );
  return rows
    .map(ofSubscriptionRow)
    .sort((a, b) => a.createdAt - b.createdAt || (a.subscriptionId < b.subscriptionId ? -1 : 1));
}

/** Stores a version of a subscription (a new one, a change, a deletion as active = false). */
export async function saveSubscription(store: Store, s: Subscription): Promise<void> {
  await insertRows(
    store,
    'subscriptions',
    [
      'subscription_id',
      'name',
      'channel',
      'target',
      'follow',
      'events',
      'active',
      'created_at',
      'secret_version',
      'actor',
      'changed_at',
    ],
    [
      [
        s.subscriptionId,
        s.name,
        s.channel.type,
        JSON.stringify(s.channel),
        JSON.stringify(s.follow),
        s.events ? JSON.stringify(s.events) : null,
        s.active,
        ts(s.createdAt),
        s.secretVersion,
        s.actor,
        ts(s.changedAt),
      ],
    ],
  );
}

// ---- notices ----

interface NoticeRow {
  notice_id: string;
  type: NoticeType;
  subject: string;
  assets: string;
  feeders: string;
  counties: string;
  rule_set: string | null;
  status: string | null;
  data: string;
  derived_at: number;
  occurred_at: number;
}

/** Which of these notice ids are stored already. */
export async function storedNoticeIds(store: Store, ids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const chunk of inList([...new Set(ids)])) {
    const rows = await store.rows<{ notice_id: string }>(
      sql`SELECT DISTINCT notice_id FROM notice_events WHERE notice_id IN (${chunk})`,
    );
    for (const r of rows) found.add(r.notice_id);
  }
  return found;
}

export async function insertNotices(store: Store, notices: readonly StoredNotice[]): Promise<void> {
  if (notices.length === 0) return;
  await insertRows(
    store,
    'notice_events',
    [
      'notice_id',
      'type',
      'subject',
      'assets',
      'feeders',
      'counties',
      'rule_set',
      'status',
      'data',
      'derived_at',
      'occurred_at',
    ],
    notices.map((n): SqlValue[] => [
      n.noticeId,
      n.type,
      n.subject,
      JSON.stringify(n.assets),
      JSON.stringify(n.feeders),
      JSON.stringify(n.counties),
      n.ruleSet ?? null,
      n.status ?? null,
      JSON.stringify(n.data),
      ts(n.derivedAt),
      ts(n.occurredAt),
    ]),
  );
}

/** Notices derived at or after `since`, in delivery order (derived, then occurred, then id). */
export async function readNotices(store: Store, since: number): Promise<StoredNotice[]> {
  const rows = await store.rows<NoticeRow>(
    sql`SELECT * FROM notice_events WHERE derived_at >= ${ts(since)} ORDER BY derived_at, occurred_at, notice_id`,
  );
  const seen = new Set<string>();
  const out: StoredNotice[] = [];
  for (const r of rows) {
    if (seen.has(r.notice_id)) continue; // derived twice at different source times: the first
    seen.add(r.notice_id);
    out.push({
      noticeId: r.notice_id,
      type: r.type,
      subject: r.subject,
      occurredAt: r.occurred_at,
      assets: json<string[]>(r.assets, []),
      feeders: json<string[]>(r.feeders, []),
      counties: json<string[]>(r.counties, []),
      ...(r.rule_set === null ? {} : { ruleSet: r.rule_set }),
      ...(r.status === null ? {} : { status: r.status as NonNullable<StoredNotice['status']> }),
      data: json<Record<string, unknown>>(r.data, {}),
      derivedAt: r.derived_at,
    });
  }
  return out;
}

// ---- the delivery log ----

interface AttemptRow {
  subscription_id: string;
  notice_id: string;
  attempt: number;
  phase: AttemptPhase;
  code: number | null;
  error: string | null;
  next_at: number | null;
  at: number;
}

const ofAttemptRow = (r: AttemptRow): Attempt => ({
  subscriptionId: r.subscription_id,
  noticeId: r.notice_id,
  attempt: r.attempt,
  phase: r.phase,
  code: r.code,
  error: r.error,
  nextAt: r.next_at,
  at: r.at,
});

export async function recordAttempt(store: Store, a: Attempt, worker: string): Promise<void> {
  await insertRows(
    store,
    'notice_deliveries',
    ['subscription_id', 'notice_id', 'attempt', 'phase', 'code', 'error', 'next_at', 'worker', 'at'],
    [
      [
        a.subscriptionId,
        a.noticeId,
        a.attempt,
        a.phase,
        a.code,
        a.error === null ? null : a.error.slice(0, 500),
        a.nextAt === null ? null : ts(a.nextAt),
        worker,
        ts(a.at),
      ],
    ],
  );
}

/** Log rows since `since` (every attempt for the notices derived since then). */
export async function readAttempts(store: Store, since: number): Promise<Attempt[]> {
  const rows = await store.rows<AttemptRow>(
    sql`SELECT subscription_id, notice_id, attempt, phase, code, error, next_at, at FROM notice_deliveries WHERE at >= ${ts(since)}`,
  );
  return rows.map(ofAttemptRow);
}

/** One subscription's delivery log, newest first. */
export async function deliveryLog(
  store: Store,
  subscriptionId: string,
  limit: number,
): Promise<(Attempt & { type: string | null })[]> {
  const rows = await store.rows<AttemptRow>(
    sql`SELECT subscription_id, notice_id, attempt, phase, code, error, next_at, at FROM notice_deliveries WHERE subscription_id = ${subscriptionId} ORDER BY at DESC LIMIT ${limit}`,
  );
  const types = new Map<string, string>();
  for (const chunk of inList([...new Set(rows.map((r) => r.notice_id))])) {
    for (const r of await store.rows<{ notice_id: string; type: string }>(
      sql`SELECT notice_id, type FROM notice_events WHERE notice_id IN (${chunk})`,
    ))
      types.set(r.notice_id, r.type);
  }
  return rows.map((r) => ({ ...ofAttemptRow(r), type: types.get(r.notice_id) ?? null }));
}

// ---- cursors ----

export async function readCursor(store: Store, name: string): Promise<number | null> {
  const rows = await store.rows<{ position: number }>(
    sql`SELECT position FROM notice_cursors WHERE name = ${name} ORDER BY at DESC LIMIT 1`,
  );
  return rows[0]?.position ?? null;
}

export async function writeCursor(store: Store, name: string, position: number, at: number): Promise<void> {
  await insertRows(store, 'notice_cursors', ['name', 'position', 'at'], [[name, ts(position), ts(at)]]);
}

// ---- what notices are derived from ----

/** Outages with a version received after `since`. */
export async function outagesReceivedSince(store: Store, since: number): Promise<string[]> {
  const rows = await store.rows<{ event_id: string }>(
    sql`SELECT DISTINCT event_id FROM outage_history WHERE received_at > ${ts(since)}`,
  );
  return rows.map((r) => r.event_id);
}

/**
 * Outages for which time alone may bring a notice in (from, to]: a planned start, an estimated
 * restoration or an end given ahead passing. Outages longer than 30 days are not looked at.
 */
export async function outagesDueBetween(store: Store, from: number, to: number): Promise<string[]> {
  const rows = await store.rows<{ event_id: string }>(sql`
    SELECT DISTINCT event_id FROM outages
    WHERE start > ${ts(to - 30 * 86_400_000)} AND start <= ${ts(to)} AND NOT deleted AND (
      (planned AND start > ${ts(from)})
      OR (end_at IS NULL AND estimated_restoration > ${ts(from)} AND estimated_restoration <= ${ts(to)})
      OR (end_at > ${ts(from)} AND end_at <= ${ts(to)}))`);
  return rows.map((r) => String(r.event_id));
}

interface HistoryRow {
  event_id: string;
  asset_id: string;
  start: number;
  end_at: number | null;
  customers_affected: number | null;
  affected_areas: string | null;
  cause: string;
  planned: boolean;
  estimated_restoration: number | null;
  received_at: number;
  cancelled?: boolean | null;
}

/** Every version of these outages, by event id. */
export async function outageVersions(
  store: Store,
  ids: readonly string[],
): Promise<Map<string, OutageVersion[]>> {
  const out = new Map<string, OutageVersion[]>();
  for (const chunk of inList(ids)) {
    const rows = await store.rows<HistoryRow>(sql`SELECT * FROM outage_history WHERE event_id IN (${chunk})`);
    for (const r of rows) {
      const v: OutageVersion = {
        eventId: r.event_id,
        assetId: r.asset_id,
        start: r.start,
        end: r.end_at,
        customersAffected: r.customers_affected ?? 0,
        affectedAreas: r.affected_areas === null ? null : json<string[]>(r.affected_areas, []),
        cause: r.cause,
        planned: r.planned,
        estimatedRestoration: r.estimated_restoration,
        receivedAt: r.received_at,
        cancelled: false,
      };
      v.cancelled = isCancellation({ ...v, cancelled: r.cancelled ?? null });
      pushTo(out, v.eventId, v);
    }
  }
  return out;
}

export interface AssetInfo {
  assetId: string;
  name: string | null;
  kind: string | null;
  feederId: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
}

/** The latest version of these assets. */
export async function assetInfo(store: Store, ids: readonly string[]): Promise<Map<string, AssetInfo>> {
  const out = new Map<string, AssetInfo>();
  for (const chunk of inList([...new Set(ids)])) {
    const rows = await store.rows<{
      asset_id: string;
      name: string | null;
      kind: string | null;
      feeder_id: string | null;
      province: string | null;
      city: string | null;
      county: string | null;
    }>(sql`SELECT asset_id, name, kind, feeder_id, province, city, county FROM assets
            WHERE asset_id IN (${chunk}) LATEST ON valid_from PARTITION BY asset_id`);
    for (const r of rows)
      out.set(r.asset_id, {
        assetId: r.asset_id,
        name: r.name,
        kind: r.kind,
        feederId: r.feeder_id,
        province: r.province,
        city: r.city,
        county: r.county,
      });
  }
  return out;
}

/** Where each outage is: its asset and the areas, feeders and counties it reached. */
export async function outagePlaces(
  store: Store,
  versions: ReadonlyMap<string, readonly OutageVersion[]>,
): Promise<Map<string, OutagePlace>> {
  const ids = [...versions.keys()];
  const reach = new Map<
    string,
    { asset_id: string; kind: string | null; feeder_id: string | null; county: string | null }[]
  >();
  for (const chunk of inList(ids)) {
    const rows = await store.rows<{
      event_id: string;
      asset_id: string;
      kind: string | null;
      feeder_id: string | null;
      county: string | null;
    }>(
      sql`SELECT event_id, asset_id, kind, feeder_id, county FROM outage_reach WHERE event_id IN (${chunk}) AND NOT deleted`,
    );
    for (const r of rows) pushTo(reach, r.event_id, r);
  }
  const assetIds = new Set<string>();
  for (const [id, list] of versions) {
    for (const v of list) {
      assetIds.add(v.assetId);
      for (const a of v.affectedAreas ?? []) assetIds.add(a);
    }
    for (const r of reach.get(id) ?? []) assetIds.add(r.asset_id);
  }
  const info = await assetInfo(store, [...assetIds]);
  const out = new Map<string, OutagePlace>();
  for (const [id, list] of versions) {
    const last = [...list].sort((a, b) => a.receivedAt - b.receivedAt).at(-1)!;
    const own = info.get(last.assetId);
    const rows = reach.get(id) ?? [];
    const areaIds = new Set(rows.filter((r) => r.kind === 'area').map((r) => r.asset_id));
    for (const v of list) for (const a of v.affectedAreas ?? []) areaIds.add(a);
    const feeders = new Set<string>();
    if (own?.kind === 'feeder') feeders.add(last.assetId);
    if (own?.feederId) feeders.add(own.feederId);
    for (const r of rows) if (r.feeder_id) feeders.add(r.feeder_id);
    const counties = new Set<string>();
    for (const r of rows) if (r.county) counties.add(r.county);
    for (const a of areaIds) {
      const c = info.get(a)?.county;
      if (c) counties.add(c);
    }
    out.set(id, {
      assetName: own?.name ?? null,
      kind: own?.kind ?? null,
      ...assetRegions(own),
      areas: [...areaIds].sort().map((assetId) => ({ assetId, name: info.get(assetId)?.name ?? null })),
      feeders: [...feeders].sort(),
      counties: [...counties].sort(),
    });
  }
  return out;
}

/** The newest arrival of each of these outages' current versions. */
export async function receivedAtOf(store: Store, eventIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const chunk of inList([...new Set(eventIds)])) {
    const rows = await store.rows<{ event_id: string; received_at: number }>(
      sql`SELECT event_id, max(received_at) received_at FROM outages WHERE event_id IN (${chunk}) AND NOT deleted GROUP BY event_id`,
    );
    for (const r of rows) out.set(String(r.event_id), r.received_at);
  }
  return out;
}
