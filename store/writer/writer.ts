// The only way records reach QuestDB. A write unit (one kind of record, one receivedAt) is
// encoded into an ILP buffer whose bytes we keep until QuestDB has acknowledged them: the
// client's own flush() clears its buffer before sending, so a failed flush would lose rows.
// When QuestDB cannot be reached the unit goes to the disk spool, and while the spool holds
// anything every new unit queues behind it, so replay keeps the order of acceptance.
// Exactly-once in effect comes from the tables' DEDUP keys: a resent unit upserts itself.

import { randomUUID } from 'node:crypto';
import { createTransport, SenderOptions, type SenderTransport } from '@questdb/nodejs-client';
import type { Logger } from '../../core/index.js';
import type { Store } from '../client.js';
import { StoreError } from '../client.js';
import type { AssetDirectory } from '../asset-directory.js';
import type { Connection } from '../connection.js';
import { ReachKeeper } from '../reach/index.js';
import { type EncodeContext, encodeUnit } from './encode-unit.js';
import { isolateRefused, type Refused } from './isolate.js';
import { type ReachRepair, repairReach } from './reach-repair.js';
import { isRefusal, sendWithRetries } from './send.js';
import { SeenEvents } from './seen-events.js';
import { type RefusedEntry, Spool, type SpoolEntry } from './spool.js';
import { refusedRejects } from './spool-rejects.js';
import { UnitEncoding } from './unit-encoding.js';
import type { WriteOutcome, WriteUnit } from './unit.js';

export interface WriterStats {
  written: Record<WriteUnit['kind'], number>;
  spooled: number;
  replayed: number;
  failures: number;
}

/** What the writer logs to (core's Logger: pino's satisfies it). */
export type WriterLogger = Logger;

export interface WriterOptions {
  connection: Connection;
  store: Store;
  spoolDir: string;
  spoolLimitBytes: number;
  log: WriterLogger;
  /** Checks outages' assets on replay of units accepted while QuestDB was down. */
  assets?: AssetDirectory;
  /** Pause between replay attempts while QuestDB stays unreachable. */
  replayIntervalMs?: number;
}

export class Writer {
  private readonly spool: Spool<WriteUnit>;
  private readonly seen: SeenEvents;
  /** Marks this writer's history rows (a fresh one per process: rows are not claimed across restarts). */
  readonly id = randomUUID();
  private options!: SenderOptions;
  private transport!: SenderTransport;
  private draining: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  /** The network and warnings as stored, for the attribution kept at write (loaded on first use). */
  private keeper: ReachKeeper | undefined;
  private readonly attributedListeners = new Set<(assetIds: ReadonlySet<string>) => void>();
  private keeperLoad: Promise<ReachKeeper> | undefined;
  readonly stats: WriterStats = {
    written: { assets: 0, outages: 0, warnings: 0, rejects: 0 },
    spooled: 0,
    replayed: 0,
    failures: 0,
  };

  private readonly encodeContext: EncodeContext;

  private constructor(private readonly opts: WriterOptions) {
    this.spool = new Spool<WriteUnit>(opts.spoolDir, opts.spoolLimitBytes);
    this.seen = new SeenEvents(opts.store, this.id);
    this.encodeContext = {
      writerId: this.id,
      store: opts.store,
      seen: this.seen,
      assets: opts.assets,
      reach: () => this.reach(),
    };
  }

  static async open(opts: WriterOptions): Promise<Writer> {
    const w = new Writer(opts);
    // The stdlib transport fails fast on a refused connection (the undici one retries it without
    // end); retry_timeout bounds its retries of 5xx answers. We add our own short backoff.
    w.options = await SenderOptions.fromConfig(
      `${opts.connection.clientConf}retry_timeout=1500;stdlib_http=on;`,
    );
    w.transport = createTransport(w.options);
    if (w.spool.depth > 0) w.scheduleReplay(0);
    return w;
  }

  get spoolDepth(): number {
    return this.spool.depth;
  }

  get spoolBytes(): number {
    return this.spool.size;
  }

  /**
   * Makes a unit durable: written to QuestDB, or spooled. Throws SpoolFullError when it can be
   * neither (the caller answers 503 with Retry-After), StoreError('rejected') when QuestDB
   * refuses the data itself.
   */
  async write(unit: WriteUnit, onRefused?: (refused: Refused[]) => void): Promise<WriteOutcome> {
    if (unit.records.length === 0) return 'written';
    if (this.spool.depth === 0 && !this.draining) {
      try {
        const refused = await this.sendIsolating(unit);
        if (refused.length > 0) {
          if (onRefused) onRefused(refused);
          else await this.storeRefused(unit, refused);
        }
        return 'written';
      } catch (err) {
        if (!(err instanceof StoreError) || err.kind !== 'unreachable') throw err;
        this.opts.log.warn({ err: err.message }, 'QuestDB unreachable; spooling');
      }
    }
    this.spool.append(unit);
    this.stats.spooled += unit.records.length;
    this.scheduleReplay(0);
    return 'spooled';
  }

  /**
   * Calls `listener` after each write that stored or withdrew attribution rows (outages, their
   * corrections and spool replays; asset versions and warnings that re-attribute), with the
   * assets whose counted outages may have changed: every asset reached or no longer reached,
   * and each asset version written (its scope may have changed). Returns the unsubscribe.
   */
  onAttributed(listener: (assetIds: ReadonlySet<string>) => void): () => void {
    this.attributedListeners.add(listener);
    return () => this.attributedListeners.delete(listener);
  }

  /** Replays the spool now; resolves when it is empty or QuestDB is still unreachable. */
  async drain(): Promise<void> {
    if (!this.draining) {
      this.draining = this.replay().finally(() => {
        this.draining = undefined;
      });
    }
    return this.draining;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.draining;
    await this.transport.close();
  }

  private scheduleReplay(delay: number): void {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.drain();
    }, delay);
    this.timer.unref();
  }

  private async replay(): Promise<void> {
    while (this.spool.depth > 0) {
      let entry: SpoolEntry<WriteUnit> | undefined;
      try {
        entry = this.spool.peek();
        if (!entry) return;
        const refused = await this.sendIsolating(entry.unit);
        if (refused.length > 0) await this.storeRefused(entry.unit, refused);
      } catch (err) {
        if (err instanceof StoreError && err.kind === 'unreachable') {
          this.scheduleReplay(this.opts.replayIntervalMs ?? 2_000);
          return;
        }
        // Refused as a whole (or unreadable): every record in it was answered "accepted", so it
        // is kept in refused/ for an operator, and the units behind it go on.
        this.opts.log.error(
          { err: String(err), file: entry?.file },
          'spooled unit refused; set aside in spool/refused',
        );
        this.spool.setAside(String(err), Date.now());
        this.stats.failures += 1;
        continue;
      }
      this.stats.replayed += entry.unit.records.length;
      this.spool.shift();
    }
  }

  get refusedCount(): number {
    return this.spool.refusedCount;
  }

  /** Units QuestDB refused as a whole on replay, kept in the spool's refused/ folder. */
  refusedUnits(): RefusedEntry<WriteUnit>[] {
    return this.spool.refused();
  }

  /** Puts a refused unit back in the queue and replays; false when there is no such unit. */
  requeueRefused(file: string): boolean {
    if (!this.spool.requeue(file)) return false;
    this.scheduleReplay(0);
    return true;
  }

  /**
   * Sends a unit; when QuestDB refuses it, sends all but the records it refuses (found by
   * halving) and returns those. Throws as `send` does, and StoreError('rejected') when the
   * refusal is not about a few records.
   */
  private async sendIsolating(unit: WriteUnit): Promise<Refused[]> {
    try {
      await this.send(unit);
      return [];
    } catch (err) {
      if (!isRefusal(err) || unit.kind === 'rejects') throw err;
      const part = (from: number, to: number) =>
        this.send({ ...unit, records: unit.records.slice(from, to) } as WriteUnit);
      return isolateRefused(unit.records.length, err as Error, part, isRefusal);
    }
  }

  /** Refused records of a unit that has no one to tell (a spool replay), kept as rejects. */
  private async storeRefused(unit: WriteUnit, refused: readonly Refused[]): Promise<void> {
    const rows = refusedRejects(unit, refused);
    this.opts.log.warn({ kind: unit.kind, refused: rows.length }, 'QuestDB refused records; kept as rejects');
    await this.send({ kind: 'rejects', receivedAt: unit.receivedAt, records: rows });
  }

  /**
   * Encodes a unit and sends its parts; it counts as written only once every part is acknowledged
   * (then the keeper and the seen events learn of it, and the listeners are told).
   */
  private async send(unit: WriteUnit): Promise<void> {
    const encoding = new UnitEncoding(this.options);
    const undo = await encodeUnit(unit, encoding, this.encodeContext);
    const parts = encoding.finish();
    if (parts.length === 0) return;
    try {
      for (const bytes of parts) await this.sendBytes(bytes);
    } catch (err) {
      // The unit is retried later (spool) or in parts (refusals): as if never applied.
      undo?.();
      throw err;
    }
    this.stats.written[unit.kind] += unit.records.length;
    if (unit.kind === 'outages') {
      this.keeper?.remember(unit.records, unit.receivedAt);
      for (const e of unit.records) this.seen.add(e.eventId);
    }
    if (encoding.touched.size > 0) this.tellAttributed(encoding.touched);
  }

  private tellAttributed(assetIds: ReadonlySet<string>): void {
    for (const listener of this.attributedListeners) {
      try {
        listener(assetIds);
      } catch (err) {
        this.opts.log.warn({ err: String(err) }, 'attribution listener failed');
      }
    }
  }

  /**
   * Puts the attribution table right: the months whose outages and own reach rows disagree (a
   * crash between the two) or, with `all`, every month, are derived afresh and what differs is
   * written. Returns what it did.
   */
  async repairReach(options: { all?: boolean } = {}): Promise<ReachRepair> {
    const deps = {
      store: this.opts.store,
      keeper: await this.reach(),
      options: this.options,
      sendBytes: (bytes: Buffer) => this.sendBytes(bytes),
      tell: (ids: ReadonlySet<string>) => this.tellAttributed(ids),
      log: this.opts.log,
    };
    return repairReach(deps, options.all ?? false);
  }

  /** The attribution keeper, loaded from the database on first use. */
  private async reach(): Promise<ReachKeeper> {
    // One load, however many callers ask at once (the start-up repair races the first ingest):
    // a second load would replace the network the first caller has already changed.
    this.keeperLoad ??= ReachKeeper.load(this.opts.store, this.id).catch((err: unknown) => {
      this.keeperLoad = undefined;
      throw err;
    });
    this.keeper = await this.keeperLoad;
    return this.keeper;
  }

  /** Sends the kept bytes, retrying a few times with backoff before giving up as unreachable. */
  private async sendBytes(bytes: Buffer): Promise<void> {
    await sendWithRetries(this.transport, bytes, () => {
      this.stats.failures += 1;
    });
  }
}
