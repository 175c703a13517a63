// Notices derived from what is stored, the same every time: from an outage's versions as
// received (outage_history) and the time now, from a rule flag, from an overdue case. Each
// notice's id is a digest of its source (the outage and the version's arrival, the estimate,
// the flag's counted outages, the case and its due date), so deriving again never makes a
// second notice.

import { formatInZone } from '../../core/index.js';
import { noticeId } from './ids.js';
import type { FlagStatus, Notice, NoticeType } from './types.js';

/** One version of an outage as received. */
export interface OutageVersion {
  eventId: string;
  assetId: string;
  start: number;
  end: number | null;
  customersAffected: number;
  affectedAreas: string[] | null;
  cause: string;
  planned: boolean;
  estimatedRestoration: number | null;
  receivedAt: number;
  /** a correction that calls a planned outage off (see isCancellation) */
  cancelled: boolean;
}

/** Where an outage is, for the notice's text and for matching subscriptions. */
export interface OutagePlace {
  assetName: string | null;
  kind: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  /** the areas it reached (outage_reach), with names */
  areas: { assetId: string; name: string | null }[];
  /** the feeders concerned: the asset if a feeder, the feeder of an area */
  feeders: string[];
  /** every county it reached */
  counties: string[];
}

/**
 * A version that calls a planned outage off: the record says so (`cancelled: true`, when the
 * record has that field), or it is corrected to interrupt nobody for no time (0 customers and
 * an end not after its start).
 */
export function isCancellation(v: {
  cancelled?: boolean | null;
  customersAffected: number;
  start: number;
  end: number | null;
}): boolean {
  return v.cancelled === true || (v.customersAffected === 0 && v.end !== null && v.end <= v.start);
}

const sameList = (a: readonly string[] | null, b: readonly string[] | null): boolean =>
  JSON.stringify(a ?? []) === JSON.stringify(b ?? []);

/** What a resident of a planned outage needs to hear again when it changes. */
const plannedChanged = (a: OutageVersion, b: OutageVersion): boolean =>
  a.start !== b.start ||
  a.end !== b.end ||
  a.assetId !== b.assetId ||
  a.customersAffected !== b.customersAffected ||
  a.cause !== b.cause ||
  !sameList(a.affectedAreas, b.affectedAreas);

/**
 * Where an outage's notices stand while its versions are read in arrival order: what has been
 * told, and the notices so far (by id, so telling again is a no-op).
 */
interface Timeline {
  place: OutagePlace;
  zone: string;
  notices: Map<string, Notice>;
  /** the planned outage as last announced, not begun */
  announced: OutageVersion | undefined;
  /** the version in force */
  current: OutageVersion | undefined;
  began: boolean;
  restored: boolean;
  /** first received already over: nothing to tell */
  silent: boolean;
}

function emit(
  t: Timeline,
  type: NoticeType,
  v: OutageVersion,
  occurredAt: number,
  key: number | null,
  prev?: OutageVersion,
): void {
  const n = outageNotice(type, v, t.place, occurredAt, key, t.zone, prev);
  if (!t.notices.has(n.noticeId)) t.notices.set(n.noticeId, n);
}

/** What time alone brings about while version `v` is in force, up to `until`. */
function settle(t: Timeline, v: OutageVersion | undefined, until: number): void {
  if (!v || t.silent || t.restored) return;
  if (!t.began && t.announced === v && v.start <= until) {
    t.began = true;
    t.announced = undefined;
    emit(t, 'outage.began', v, v.start, null);
  }
  if (!t.began) return;
  const e = v.estimatedRestoration;
  if (e !== null && e <= until && e >= v.start && (v.end === null || e < v.end))
    emit(t, 'outage.estimate_passed', v, Math.max(e, v.receivedAt), e);
  if (v.end !== null && v.end <= until) {
    t.restored = true;
    emit(t, 'outage.restored', v, Math.max(v.end, v.receivedAt), null);
  }
}

/** A version that changes the estimated restoration while the power is still off. */
const newEstimate = (current: OutageVersion | undefined, v: OutageVersion): current is OutageVersion =>
  current !== undefined &&
  (v.end === null || v.end > v.receivedAt) &&
  v.estimatedRestoration !== null &&
  v.estimatedRestoration !== current.estimatedRestoration;

/** What version `v` tells on arrival, after what time alone brought about before it came. */
function receive(t: Timeline, v: OutageVersion): void {
  const r = v.receivedAt;
  settle(t, t.current, r);
  if (t.silent || t.restored) return;
  if (v.cancelled) {
    if (t.announced && !t.began) emit(t, 'planned.cancelled', v, r, r, t.announced);
    if (!t.began) t.announced = t.current = undefined;
    return;
  }
  if (!t.began && v.planned && v.start > r) {
    if (!t.announced) emit(t, 'planned.announced', v, r, r);
    else if (plannedChanged(t.announced, v)) emit(t, 'planned.changed', v, r, r, t.announced);
    t.announced = t.current = v;
    return;
  }
  if (!t.began) {
    if (!t.announced && v.end !== null && v.end <= r) {
      t.silent = true;
      return;
    }
    t.began = true;
    emit(t, 'outage.began', v, t.announced ? Math.min(v.start, r) : r, null);
    t.announced = undefined;
  } else if (newEstimate(t.current, v)) {
    emit(t, 'outage.estimate_changed', v, r, r, t.current);
  }
  t.current = v;
  settle(t, v, r);
}

/**
 * The notices an outage's versions give up to `now`, oldest first. Versions may come in any
 * order; two with one arrival time are one version.
 *
 * - planned and not begun when received: `planned.announced`, then `planned.changed` on each
 *   correction that changes when, where or whom, `planned.cancelled` when called off;
 * - `outage.began` once: when an unplanned outage is first received, or when an announced one's
 *   start passes (by a later version or by `now`); an outage first received already over is
 *   not announced at all (a late record: nobody needs telling);
 * - `outage.estimate_changed` on each version that changes the estimated restoration while off;
 * - `outage.estimate_passed` when an estimate passes with power still off;
 * - `outage.restored` once: on the first version with an end that has passed, or when an end
 *   given ahead (a planned outage's expected end) passes.
 */
export function deriveOutageNotices(
  given: readonly OutageVersion[],
  place: OutagePlace,
  now: number,
  zone: string,
): Notice[] {
  const byArrival = new Map<number, OutageVersion>();
  for (const v of given) byArrival.set(v.receivedAt, v);
  const versions = [...byArrival.values()].sort((a, b) => a.receivedAt - b.receivedAt);
  const t: Timeline = {
    place,
    zone,
    notices: new Map(),
    announced: undefined,
    current: undefined,
    began: false,
    restored: false,
    silent: false,
  };
  for (const v of versions) receive(t, v);
  settle(t, t.current, now);
  return [...t.notices.values()].sort(
    (a, b) => a.occurredAt - b.occurredAt || typeOrder(a.type) - typeOrder(b.type),
  );
}

const ORDER: readonly NoticeType[] = [
  'planned.announced',
  'planned.changed',
  'planned.cancelled',
  'outage.began',
  'outage.estimate_changed',
  'outage.estimate_passed',
  'outage.restored',
];
const typeOrder = (t: NoticeType): number => ORDER.indexOf(t);

function outageNotice(
  type: NoticeType,
  v: OutageVersion,
  place: OutagePlace,
  occurredAt: number,
  key: number | null,
  zone: string,
  prev?: OutageVersion,
): Notice {
  const time = (ms: number | null) => (ms === null ? null : formatInZone(ms, zone));
  const named = new Map(place.areas.map((a) => [a.assetId, a.name]));
  const areaIds =
    v.affectedAreas && v.affectedAreas.length > 0 ? v.affectedAreas : place.areas.map((a) => a.assetId);
  const areas = areaIds.map((assetId) => ({ assetId, name: named.get(assetId) ?? null }));
  const data: Record<string, unknown> = {
    eventId: v.eventId,
    assetId: v.assetId,
    assetName: place.assetName,
    kind: place.kind,
    province: place.province,
    city: place.city,
    county: place.county,
    areas,
    start: time(v.start),
    end: time(v.end),
    estimatedRestoration: time(v.estimatedRestoration),
    customersAffected: v.customersAffected,
    cause: v.cause,
    planned: v.planned,
    versionReceivedAt: time(v.receivedAt),
  };
  if (prev) {
    data.previous = {
      start: time(prev.start),
      end: time(prev.end),
      estimatedRestoration: time(prev.estimatedRestoration),
      customersAffected: prev.customersAffected,
      areas: prev.affectedAreas,
    };
  }
  return {
    noticeId: noticeId('outage', v.eventId, type, key),
    type,
    subject: v.eventId,
    occurredAt,
    assets: [...new Set([v.assetId, ...areaIds])],
    feeders: [...new Set(place.feeders)],
    counties: [...new Set([...(place.county ? [place.county] : []), ...place.counties])],
    data,
  };
}

/** A rule flag now (from the flag evaluation), with what it needs from the store. */
export interface FlagInput {
  assetId: string;
  kind: string;
  ruleSet: string;
  rule: string;
  family: string;
  status: 'at_risk' | 'breach';
  count: number;
  limit: number;
  windowStart: string;
  windowEnd: string;
  breachDate: string | null;
  eventIds: readonly string[];
}

export interface AssetPlace {
  name: string | null;
  feederId: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
}

/**
 * `flag.at_risk` or `flag.breach`: one notice per episode. An at-risk episode is named by the
 * newest counted outage (the one that filled the window); a breach by its date. It happened
 * when the newest of its counted outages arrived (`receivedAt`), so a subscription hears of
 * what became true after it was made, not of the state it found.
 */
export function flagNotice(flag: FlagInput, asset: AssetPlace, receivedAt: number): Notice {
  const type: NoticeType = flag.status === 'breach' ? 'flag.breach' : 'flag.at_risk';
  const episode = flag.status === 'breach' ? flag.breachDate : (flag.eventIds.at(-1) ?? null);
  return {
    noticeId: noticeId('flag', flag.ruleSet, flag.rule, flag.assetId, flag.status, episode),
    type,
    subject: flag.assetId,
    occurredAt: receivedAt,
    assets: [flag.assetId],
    feeders: flag.kind === 'feeder' ? [flag.assetId] : asset.feederId ? [asset.feederId] : [],
    counties: asset.county ? [asset.county] : [],
    ruleSet: flag.ruleSet,
    status: flag.status,
    data: {
      assetId: flag.assetId,
      assetName: asset.name,
      kind: flag.kind,
      province: asset.province,
      city: asset.city,
      county: asset.county,
      ruleSet: flag.ruleSet,
      rule: flag.rule,
      family: flag.family,
      status: flag.status,
      count: flag.count,
      limit: flag.limit,
      windowStart: flag.windowStart,
      windowEnd: flag.windowEnd,
      breachDate: flag.breachDate,
      eventIds: [...flag.eventIds],
    },
  };
}

export interface OverdueInput {
  caseId: string;
  ruleSet: string;
  assetId: string;
  family: string;
  status: string;
  dueDate: string;
  asset: {
    name: string | null;
    kind: string;
    province: string | null;
    city: string | null;
    county: string | null;
  };
  feederId: string | null;
}

/** `case.overdue`: once per case and due date; it became overdue when `overdueFrom` began. */
export function overdueNotice(c: OverdueInput, overdueFrom: number): Notice {
  return {
    noticeId: noticeId('case', c.caseId, 'overdue', c.dueDate),
    type: 'case.overdue',
    subject: c.caseId,
    occurredAt: overdueFrom,
    assets: [c.assetId],
    feeders: c.asset.kind === 'feeder' ? [c.assetId] : c.feederId ? [c.feederId] : [],
    counties: c.asset.county ? [c.asset.county] : [],
    ruleSet: c.ruleSet,
    status: 'overdue' satisfies FlagStatus,
    data: {
      caseId: c.caseId,
      ruleSet: c.ruleSet,
      assetId: c.assetId,
      assetName: c.asset.name,
      kind: c.asset.kind,
      province: c.asset.province,
      city: c.asset.city,
      county: c.asset.county,
      family: c.family,
      status: c.status,
      dueDate: c.dueDate,
    },
  };
}
