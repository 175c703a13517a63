// The delivery worker: beside ingest, never inside it. Each tick it reads what is stored (outage
// versions, the flags of now, overdue cases), stores the notices not stored yet, and delivers
// each subscription's notices in order, one at a time: a notice is sent only after the one
// before it was acknowledged or given up, so a subscriber sees them in the order they arose.
//
// Once at most: before each attempt a `sending` row goes to the delivery log, after it its
// outcome (`delivered`, `failed` with the next attempt's time, or `abandoned` after 24 h), each
// committed to QuestDB's WAL before the worker goes on; a worker reads the log only after
// QuestDB has applied everything committed before (walCaughtUp), and does nothing when it
// cannot. A notice with a `delivered` row is never sent again. An attempt with a `sending` row
// and no outcome was cut off (the process died or was stopped while waiting for the receiver):
// it is sent again with the same event id and `X-Outage-Possible-Duplicate: true`.

import { randomUUID } from 'node:crypto';
import { type Store, walCaughtUp } from '../../store/index.js';
import {
  DEFAULT_RETRY,
  type DeliveryState,
  foldAttempts,
  type RetryPolicy,
  retryDelay,
} from '../../analytics/notices/index.js';
import type { Sender } from './channels.js';
import {
  deriveOutageNotices,
  type FlagInput,
  flagNotice,
  type OverdueInput,
  overdueNotice,
} from '../../analytics/notices/index.js';
import { matches } from '../../analytics/notices/index.js';
import { subscriptionSecret } from '../../analytics/notices/index.js';
import {
  assetInfo,
  insertNotices,
  NOTICE_TABLES,
  outagePlaces,
  outageVersions,
  outagesDueBetween,
  outagesReceivedSince,
  readAttempts,
  readCursor,
  readNotices,
  readSubscriptions,
  receivedAtOf,
  recordAttempt,
  storedNoticeIds,
  writeCursor,
} from '../../analytics/notices/index.js';
import type {
  Attempt,
  AttemptPhase,
  Notice,
  StoredNotice,
  Subscription,
} from '../../analytics/notices/index.js';

interface Log {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface WorkerOptions {
  store: Store;
  zone: string;
  /** the key subscription secrets are derived from */
  key: string;
  senders: { webhook: Sender; email?: Sender | undefined };
  clock?: () => number;
  retry?: RetryPolicy;
  /** the flags of now (every rule set) */
  flags?: () => Iterable<FlagInput>;
  /** cases overdue now, each with the instant it became overdue */
  overdue?: (now: number) => Promise<(OverdueInput & { overdueFrom: number })[]>;
  log?: Log;
  /** named in the delivery log */
  workerId?: string;
  /** notices derived longer ago than this are no longer looked at (default 7 days) */
  horizonMs?: number;
}

export interface TickSummary {
  /** 'wal': QuestDB had not applied what was committed; nothing done */
  skipped?: 'wal' | 'stopped' | 'no subscriptions';
  derived: number;
  delivered: number;
  failed: number;
  abandoned: number;
}

const LOOKBACK_MS = 2 * 60_000;
const SWEEP_EVERY_MS = 60 * 60_000;
const SWEEP_BACK_MS = 24 * 60 * 60_000;
const CASES_EVERY_MS = 10 * 60_000;
const SOURCE_TABLES = ['outage_history', 'outages', 'outage_reach', 'assets'];

class Stopped extends Error {}

export class NoticeWorker {
  private readonly store: Store;
  private readonly clock: () => number;
  private readonly retry: RetryPolicy;
  private readonly workerId: string;
  private readonly horizonMs: number;
  private readonly abort = new AbortController();
  private running: Promise<TickSummary> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private soon: NodeJS.Timeout | undefined;
  private lastSweep = 0;
  private lastCases = 0;
  private dueFrom: number | undefined;
  /** flag episodes already looked at by this worker */
  private readonly seenFlags = new Set<string>();
  /** outcomes this worker recorded (in case a read lags a write) */
  private readonly terminal = new Map<string, 'delivered' | 'abandoned'>();

  constructor(private readonly options: WorkerOptions) {
    this.store = options.store;
    this.clock = options.clock ?? Date.now;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.workerId = options.workerId ?? `worker-${randomUUID().slice(0, 8)}`;
    this.horizonMs = options.horizonMs ?? 7 * 86_400_000;
  }

  get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  /** Ticks every `intervalMs`, and soon after each poke (ingest). */
  start(intervalMs: number): this {
    this.timer = setInterval(() => this.poke(0), intervalMs);
    this.timer.unref();
    this.poke(0);
    return this;
  }

  /** Asks for a tick within `delayMs` (ingest calls this; it never waits for delivery). */
  poke(delayMs = 500): void {
    if (this.stopped || this.soon) return;
    this.soon = setTimeout(() => {
      this.soon = undefined;
      this.tick().catch((err: unknown) =>
        this.options.log?.error({ err: String(err) }, 'notice delivery failed'),
      );
    }, delayMs);
    this.soon.unref();
  }

  /** One round: derive, then deliver. Calls are serialised; one asked for meanwhile follows. */
  tick(): Promise<TickSummary> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = async (): Promise<TickSummary> => {
      let summary: TickSummary;
      do {
        this.again = false;
        summary = await this.round();
      } while (this.again && !this.stopped);
      return summary;
    };
    this.running = run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /**
   * Stops: no new round, the attempt in flight is cut off (its outcome is not recorded, as if
   * the process had died), and resolves when the round has ended.
   */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.soon) clearTimeout(this.soon);
    this.soon = undefined;
    this.abort.abort(new Stopped('notice worker stopped'));
    await this.running?.catch(() => undefined);
  }

  private async round(): Promise<TickSummary> {
    const summary: TickSummary = { derived: 0, delivered: 0, failed: 0, abandoned: 0 };
    if (this.stopped) return { ...summary, skipped: 'stopped' };
    const caughtUp = await walCaughtUp(this.store, [...NOTICE_TABLES, ...SOURCE_TABLES]);
    if (!caughtUp) return { ...summary, skipped: 'wal' };
    const subscriptions = (await readSubscriptions(this.store)).filter((s) => s.active);
    if (subscriptions.length === 0) return { ...summary, skipped: 'no subscriptions' };
    summary.derived = await this.derive(subscriptions);
    if (summary.derived > 0 && !(await walCaughtUp(this.store, ['notice_events'])))
      return { ...summary, skipped: 'wal' };
    await this.deliver(subscriptions, summary);
    return summary;
  }

  // ---- deriving ----

  private async derive(subscriptions: readonly Subscription[]): Promise<number> {
    const now = this.clock();
    const since = Math.min(...subscriptions.map((s) => s.createdAt));
    const candidates: Notice[] = [];

    // Outages: new versions since the cursor (and, hourly, the last day: a spool replay keeps
    // each version's arrival time), and those whose start, estimate or end passed.
    const cursor = (await readCursor(this.store, 'outage_history')) ?? since;
    let from = Math.max(cursor, since) - LOOKBACK_MS;
    if (now - this.lastSweep >= SWEEP_EVERY_MS) {
      from = Math.min(from, Math.max(since, now - SWEEP_BACK_MS));
      this.lastSweep = now;
    }
    const dueFrom = this.dueFrom ?? (await readCursor(this.store, 'outage_due')) ?? since;
    const ids = new Set([
      ...(await outagesReceivedSince(this.store, from)),
      ...(await outagesDueBetween(this.store, dueFrom - LOOKBACK_MS, now)),
    ]);
    let newest = cursor;
    if (ids.size > 0) {
      const versions = await outageVersions(this.store, [...ids]);
      const places = await outagePlaces(this.store, versions);
      for (const [id, list] of versions) {
        for (const v of list) newest = Math.max(newest, v.receivedAt);
        const place = places.get(id);
        if (place) candidates.push(...deriveOutageNotices(list, place, now, this.options.zone));
      }
    }

    // Rule flags and overdue cases, when someone follows them.
    const followsFlags = subscriptions.some((s) => s.follow.flags);
    if (followsFlags && this.options.flags) candidates.push(...(await this.flagNotices()));
    const followsOverdue = subscriptions.some((s) => s.follow.flags?.statuses.includes('overdue'));
    if (followsOverdue && this.options.overdue && now - this.lastCases >= CASES_EVERY_MS) {
      this.lastCases = now;
      const cases = await this.options.overdue(now);
      const info = await assetInfo(
        this.store,
        cases.map((c) => c.assetId),
      );
      for (const c of cases)
        candidates.push(
          overdueNotice({ ...c, feederId: info.get(c.assetId)?.feederId ?? null }, c.overdueFrom),
        );
    }

    const fresh = new Map<string, Notice>();
    for (const n of candidates)
      if (n.occurredAt >= since && n.occurredAt <= now && !fresh.has(n.noticeId)) fresh.set(n.noticeId, n);
    const stored = await storedNoticeIds(this.store, [...fresh.keys()]);
    const added: StoredNotice[] = [...fresh.values()]
      .filter((n) => !stored.has(n.noticeId))
      .map((n) => ({ ...n, derivedAt: now }));
    await insertNotices(this.store, added);
    if (newest > cursor) await writeCursor(this.store, 'outage_history', newest, now);
    this.dueFrom = now;
    await writeCursor(this.store, 'outage_due', now, now);
    return added.length;
  }

  private async flagNotices(): Promise<Notice[]> {
    const key = (f: FlagInput) =>
      [f.ruleSet, f.rule, f.assetId, f.status, f.status === 'breach' ? f.breachDate : f.eventIds.at(-1)].join(
        '\u0000',
      );
    const fresh = [...(this.options.flags?.() ?? [])].filter((f) => !this.seenFlags.has(key(f)));
    if (fresh.length === 0) return [];
    const received = await receivedAtOf(
      this.store,
      fresh.flatMap((f) => f.eventIds),
    );
    const info = await assetInfo(
      this.store,
      fresh.map((f) => f.assetId),
    );
    const out: Notice[] = [];
    for (const f of fresh) {
      const at = Math.max(0, ...f.eventIds.map((id) => received.get(id) ?? 0));
      const a = info.get(f.assetId);
      if (at > 0) {
        out.push(
          flagNotice(
            f,
            {
              name: a?.name ?? null,
              feederId: a?.feederId ?? null,
              province: a?.province ?? null,
              city: a?.city ?? null,
              county: a?.county ?? null,
            },
            at,
          ),
        );
      }
      this.seenFlags.add(key(f));
    }
    return out;
  }

  // ---- delivering ----

  private async deliver(subscriptions: readonly Subscription[], summary: TickSummary): Promise<void> {
    const now = this.clock();
    const since = now - this.horizonMs;
    const notices = await readNotices(this.store, since);
    if (notices.length === 0) return;
    const log = new Map<string, Attempt[]>();
    for (const a of await readAttempts(this.store, since)) {
      const k = `${a.subscriptionId}\u0000${a.noticeId}`;
      log.set(k, [...(log.get(k) ?? []), a]);
    }
    await Promise.all(
      subscriptions.map((s) =>
        this.deliverTo(
          s,
          notices.filter((n) => n.occurredAt >= s.createdAt && matches(s, n)),
          log,
          summary,
        ).catch((err: unknown) => {
          if (!(err instanceof Stopped) && !this.stopped)
            this.options.log?.error(
              { err: String(err), subscription: s.subscriptionId },
              'notice delivery stopped',
            );
        }),
      ),
    );
  }

  private stateOf(s: Subscription, n: StoredNotice, log: ReadonlyMap<string, Attempt[]>): DeliveryState {
    const k = `${s.subscriptionId}\u0000${n.noticeId}`;
    const state = foldAttempts(log.get(k) ?? []);
    const mine = this.terminal.get(k);
    return mine && state.kind === 'pending' ? { kind: mine, attempts: state.attempts } : state;
  }

  private async deliverTo(
    s: Subscription,
    queue: readonly StoredNotice[],
    log: ReadonlyMap<string, Attempt[]>,
    summary: TickSummary,
  ): Promise<void> {
    const sender = s.channel.type === 'webhook' ? this.options.senders.webhook : this.options.senders.email;
    for (const n of queue) {
      if (this.stopped) return;
      const state = this.stateOf(s, n, log);
      if (state.kind !== 'pending') continue;
      const now = this.clock();
      if (state.nextAt > now) return; // in order: the ones behind it wait
      const record = (phase: AttemptPhase, attempt: number, extra: Partial<Attempt> = {}) =>
        recordAttempt(
          this.store,
          {
            subscriptionId: s.subscriptionId,
            noticeId: n.noticeId,
            attempt,
            phase,
            code: null,
            error: null,
            nextAt: null,
            at: this.clock(),
            ...extra,
          },
          this.workerId,
        );
      const k = `${s.subscriptionId}\u0000${n.noticeId}`;
      if (now - Math.max(n.derivedAt, s.createdAt) > this.retry.giveUpAfterMs || !sender) {
        await record('abandoned', state.attempts, {
          error: sender ? 'not delivered within the retry period' : 'no such channel configured',
        });
        this.terminal.set(k, 'abandoned');
        summary.abandoned += 1;
        continue;
      }
      const attempt = state.attempts + 1;
      await record('sending', attempt);
      const outcome = await sender.send(s, n, {
        attempt,
        possibleDuplicate: state.cut,
        secret: subscriptionSecret(this.options.key, s.subscriptionId, s.secretVersion),
        now: this.clock(),
        signal: this.abort.signal,
      });
      // (an attempt cut off by stop() threw above: its outcome is left unrecorded, as in a crash)
      if (outcome.ok) {
        this.terminal.set(k, 'delivered');
        await record('delivered', attempt, { code: outcome.code });
        summary.delivered += 1;
        continue;
      }
      const failedAt = this.clock();
      await record('failed', attempt, {
        code: outcome.code,
        error: outcome.error,
        nextAt: failedAt + retryDelay(attempt, this.retry),
      });
      summary.failed += 1;
      return;
    }
  }
}
