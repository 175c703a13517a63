// What a subscription follows, what a notice is, and what the delivery log records. Plain data:
// the pure modules (derive, match, signing, cloudevent, backoff) and the edges (store, channels,
// worker) share these shapes.

/** Every kind of notice, as its CloudEvents `type` ends (`cn.grid.notice.<type>`). */
export const NOTICE_TYPES = [
  'outage.began',
  'outage.estimate_changed',
  'outage.restored',
  'outage.estimate_passed',
  'planned.announced',
  'planned.changed',
  'planned.cancelled',
  'flag.at_risk',
  'flag.breach',
  'case.overdue',
] as const;
export type NoticeType = (typeof NOTICE_TYPES)[number];

/** The notices about the network's state as rules judge it (for operators), not about outages. */
export const RULE_NOTICES: ReadonlySet<NoticeType> = new Set(['flag.at_risk', 'flag.breach', 'case.overdue']);

export const FLAG_STATUSES = ['at_risk', 'breach', 'overdue'] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

export interface Follow {
  /** transformer areas (asset ids) */
  areas?: string[];
  /** feeders (asset ids): their own outages and their areas' */
  feeders?: string[];
  /** county names, as the asset records give them */
  counties?: string[];
  /** rule flags and overdue cases; absent: none of them */
  flags?: { statuses: FlagStatus[]; ruleSets?: string[] };
}

export type Channel = { type: 'webhook'; url: string } | { type: 'email'; to: string[] };

export interface Subscription {
  subscriptionId: string;
  name: string;
  channel: Channel;
  follow: Follow;
  /** only these notice types; absent: every type the follow matches */
  events?: NoticeType[];
  active: boolean;
  /** notices about what happened before this are not sent */
  createdAt: number;
  /** the secret is HMAC(key, `${id}:${secretVersion}`); a rotation increments it */
  secretVersion: number;
  changedAt: number;
  actor: string;
}

/** One notice, derived from stored records, the same every time it is derived. */
export interface Notice {
  /** deterministic: a digest of the source record version and the notice type */
  noticeId: string;
  type: NoticeType;
  /** what it is about: an outage's event id, an asset id or a case id */
  subject: string;
  /** when what it tells happened (a version's arrival, an estimate's time, a due date) */
  occurredAt: number;
  /** every asset it concerns (the outage's asset and the areas it reached; the flagged asset) */
  assets: string[];
  feeders: string[];
  counties: string[];
  /** flag and case notices */
  ruleSet?: string;
  status?: FlagStatus;
  /** the CloudEvents `data` */
  data: Record<string, unknown>;
}

/** A notice as stored, with when it was first derived (delivery order). */
export interface StoredNotice extends Notice {
  derivedAt: number;
}

export const ATTEMPT_PHASES = ['sending', 'delivered', 'failed', 'abandoned'] as const;
export type AttemptPhase = (typeof ATTEMPT_PHASES)[number];

/** One row of the delivery log. */
export interface Attempt {
  subscriptionId: string;
  noticeId: string;
  attempt: number;
  phase: AttemptPhase;
  /** HTTP status or SMTP reply code */
  code: number | null;
  error: string | null;
  /** failed: when the next attempt is due */
  nextAt: number | null;
  at: number;
}
