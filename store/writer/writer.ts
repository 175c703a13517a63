// The only way records reach QuestDB. A write unit (one kind of record, one receivedAt) is
// encoded into an ILP buffer whose bytes we keep until QuestDB has acknowledged them: the
// client's own flush() clears its buffer before sending, so a failed flush would lose rows.
// When QuestDB cannot be reached the unit goes to the disk spool, and while the spool holds
// anything every new unit queues behind it, so replay keeps the order of acceptance.
// Exactly-once in effect comes from the tables' DEDUP keys: a resent unit upserts itself.

import { randomUUID } from 'node:crypto';
import { createBuffer, createTransport, SenderOptions, type SenderTransport } from '@questdb/nodejs-client';
import { withFastEscape } from './fast-escape.js';
import type { Asset, Issue, Logger, OutageEvent, Warning } from '../../core/index.js';
import type { Store } from '../client.js';
import { StoreError } from '../client.js';
import type { AssetDirectory } from '../asset-directory.js';
import type { Connection } from '../connection.js';
import { sql } from '../sql.js';
import {
  encodeAsset,
  encodeOutageCurrent,
  encodeOutageArea,
  encodeOutageHistory,
  encodeOutageTombstone,
  encodeReach,
  encodeReachTombstone,
  encodeReject,
  encodeWarning,
  type RejectRow,
} from './encode.js';
import { isolateRefused, type Refused } from './isolate.js';
import { SeenEvents } from './seen-events.js';
import {
  compareReach,
  deriveReach,
  disagreeingMonths,
  nextMonth,
  type ReachDiff,
  ReachKeeper,
  reachKey,
  storedMonths,
} from '../reach/index.js';
import { type RefusedEntry, Spool, type SpoolEntry } from './spool.js';

export type WriteUnit =
  | { kind: 'assets'; receivedAt: number; records: Asset[] }
  | { kind: 'outages'; receivedAt: number; records: OutageEvent[]; assetsChecked?: boolean }
  | { kind: 'warnings'; receivedAt: number; records: Warning[] }
  | { kind: 'rejects'; receivedAt: number; records: RejectRow[] };

export type WriteOutcome = 'written' | 'spooled';

/** What a repair of the attribution table did. */
export interface ReachRepair {
  months: number;
  rows: number;
  tombstones: number;
}

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

/** A record of a unit replayed from the spool (no caller to tell) kept as a reject. */
function spoolReject(unit: WriteUnit, index: number, recordId: string | undefined, issue: Issue): RejectRow {
  return {
    kind: unit.kind,
    source: 'spool',
    batchId: `spool-${unit.receivedAt}`,
    line: index + 1,
    ...(recordId === undefined ? {} : { recordId }),
    errors: JSON.stringify([issue]),
    record: JSON.stringify(unit.records[index]),
  };
}

/** Warnings play no part in which assets an outage reaches. */
const NO_WARNINGS = { covering: () => null };

const listed = (areas: readonly string[] | undefined) =>
  areas === undefined ? {} : { affectedAreas: [...areas] };

const isRefusal = (err: unknown): boolean => err instanceof StoreError && err.kind === 'rejected';

/**
 * A read the write needs (the stored versions, the network, the asset register) that QuestDB did
 * not answer is not a refusal of the records: the unit is spooled and retried, never turned into
 * rejects or set aside for what a busy or restarting QuestDB said about a query.
 */
function readFailure(err: unknown): unknown {
  if (!(err instanceof StoreError) || err.kind !== 'rejected') return err;
  return new StoreError('unreachable', `a read the write needs failed: ${err.message}`, { cause: err });
}

/** QuestDB's own words from the client's error text (its JSON answer when there is one). */
function refusalText(message: string): string {
  const json = /\{.*\}/s.exec(message)?.[0];
  if (json) {
    try {
      const body = JSON.parse(json) as { message?: unknown; line?: unknown };
      if (typeof body.message === 'string') return body.message;
    } catch {
      // not JSON after all: the whole text
    }
  }
  return message;
}

/** What the writer must know of an event's stored version to replace it. */
interface Version {
  start: number;
  assetId: string;
  /** the areas it listed; undefined: none listed (all on the feeder) */
  areas: readonly string[] | undefined;
}
const SEND_ATTEMPTS = 3;
const LOOKUP_CHUNK = 200;
/**
 * A unit's encoding is sent in parts of about this size: the client's buffer refuses to grow past
 * 100 MiB, which 5,000 long records (or rejects with many issues each) can pass. A unit cut off
 * after some parts is spooled and resent whole, which the tables' DEDUP keys make harmless.
 */
const PART_BYTES = 16 << 20;

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

  private constructor(private readonly opts: WriterOptions) {
    this.spool = new Spool<WriteUnit>(opts.spoolDir, opts.spoolLimitBytes);
    this.seen = new SeenEvents(opts.store, this.id);
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
    const records = unit.records as readonly object[];
    const rows: RejectRow[] = refused.map(({ index, message }) => {
      const record = records[index] as Record<string, unknown>;
      const id = record['eventId'] ?? record['assetId'] ?? record['warningId'];
      return spoolReject(unit, index, typeof id === 'string' ? id : undefined, { path: '', message });
    });
    this.opts.log.warn({ kind: unit.kind, refused: rows.length }, 'QuestDB refused records; kept as rejects');
    await this.send({ kind: 'rejects', receivedAt: unit.receivedAt, records: rows });
  }

  private async send(unit: WriteUnit): Promise<void> {
    const buffer = withFastEscape(createBuffer(this.options));
    const parts: Buffer[] = [];
    const cut = () => {
      if (buffer.currentPosition() >= PART_BYTES) parts.push(buffer.toBufferNew()!);
    };
    const at = unit.receivedAt;
    let undo: (() => void) | undefined;
    const touched = new Set<string>();
    const encodeDiff = (diff: ReachDiff, receivedAt: number) => {
      for (const r of diff.tombstones) {
        encodeReachTombstone(buffer, r, receivedAt);
        touched.add(r.assetId);
        cut();
      }
      for (const r of diff.rows) {
        encodeReach(buffer, r);
        touched.add(r.assetId);
        cut();
      }
    };
    try {
      switch (unit.kind) {
        case 'assets': {
          for (const a of unit.records) {
            encodeAsset(buffer, a, at, this.id);
            touched.add(a.assetId);
            cut();
          }
          const applied = await (await this.reach()).applyAssets(unit.records);
          undo = applied.undo;
          encodeDiff(applied.diff, at);
          break;
        }
        case 'warnings': {
          for (const w of unit.records) {
            encodeWarning(buffer, w, at);
            cut();
          }
          const applied = await (await this.reach()).applyWarnings(unit.records);
          undo = applied.undo;
          encodeDiff(applied.diff, at);
          break;
        }
        case 'rejects':
          for (const r of unit.records) {
            encodeReject(buffer, r, at);
            cut();
          }
          break;
        case 'outages': {
          const events = await this.withKnownAssets(unit, buffer);
          const keeper = await this.reach();
          await keeper.topUp();
          const previous = await this.previousVersions(events.map((e) => e.eventId));
          for (const e of events) {
            encodeOutageHistory(buffer, e, at, this.id);
            const old = previous.get(e.eventId);
            if (old && old.start !== e.start) {
              encodeOutageTombstone(buffer, e.eventId, old.assetId, old.start, at);
            }
            // Links the new version no longer has (or has at another start) are tombstoned; a
            // cancelled version has none.
            const areas = new Set(e.cancelled ? [] : (e.affectedAreas ?? []));
            // The assets the stored version reached and this one does not (or at another start).
            const reached = keeper.rowsOf({ event: e, receivedAt: at });
            if (old) {
              const now = new Set(reached.map(reachKey));
              const { cancelled: _cancelled, ...asStored } = e;
              const was = deriveReach(
                {
                  ...asStored,
                  assetId: old.assetId,
                  start: old.start,
                  cause: 'unknown',
                  ...listed(old.areas),
                },
                at,
                keeper.topology,
                NO_WARNINGS,
              );
              for (const r of was) {
                if (now.has(reachKey(r))) continue;
                encodeReachTombstone(buffer, r, at);
                touched.add(r.assetId);
              }
            }
            for (const r of reached) {
              encodeReach(buffer, r);
              touched.add(r.assetId);
            }
            for (const area of old?.areas ?? []) {
              if (old?.start !== e.start || !areas.has(area)) {
                encodeOutageArea(buffer, e.eventId, area, old?.start ?? e.start, true, at);
              }
            }
            for (const area of areas) encodeOutageArea(buffer, e.eventId, area, e.start, false, at);
            if (e.cancelled) {
              // Called off: no current row (readers skip tombstones); the history keeps the version.
              encodeOutageTombstone(buffer, e.eventId, e.assetId, e.start, at);
              previous.delete(e.eventId);
            } else {
              encodeOutageCurrent(buffer, e, at);
              previous.set(e.eventId, { start: e.start, assetId: e.assetId, areas: e.affectedAreas });
            }
            cut();
          }
          break;
        }
      }
    } catch (err) {
      undo?.();
      throw readFailure(err);
    }
    const last = buffer.toBufferNew();
    if (last !== null) parts.push(last);
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
    if (touched.size > 0) this.tellAttributed(touched);
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
    const keeper = await this.reach();
    await keeper.topUp();
    const months = options.all
      ? await storedMonths(this.opts.store)
      : await disagreeingMonths(this.opts.store);
    const done: ReachRepair = { months: months.length, rows: 0, tombstones: 0 };
    for (const m of months) {
      const diff = await compareReach(this.opts.store, keeper, m, nextMonth(m));
      await this.sendReach(diff, Date.now());
      done.rows += diff.rows.length;
      done.tombstones += diff.tombstones.length;
      const touched = new Set([...diff.rows, ...diff.tombstones].map((r) => r.assetId));
      if (touched.size > 0) this.tellAttributed(touched);
    }
    if (done.rows + done.tombstones > 0) this.opts.log.info({ ...done }, 'attribution rows repaired');
    return done;
  }

  private async sendReach(diff: ReachDiff, receivedAt: number): Promise<void> {
    const buffer = withFastEscape(createBuffer(this.options));
    const send = async () => {
      const bytes = buffer.toBufferNew();
      if (bytes !== null) await this.sendBytes(bytes);
    };
    for (const r of diff.tombstones) {
      encodeReachTombstone(buffer, r, receivedAt);
      if (buffer.currentPosition() >= PART_BYTES) await send();
    }
    for (const r of diff.rows) {
      encodeReach(buffer, r);
      if (buffer.currentPosition() >= PART_BYTES) await send();
    }
    await send();
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
    for (let attempt = 0; ; attempt++) {
      try {
        await this.transport.send(bytes);
        return;
      } catch (err) {
        const message = String((err as Error).message ?? err);
        this.stats.failures += 1;
        if (/statusCode=4\d\d/.test(message)) {
          throw new StoreError('rejected', `QuestDB refused it: ${refusalText(message)}`, { cause: err });
        }
        if (attempt >= SEND_ATTEMPTS - 1) {
          throw new StoreError('unreachable', `ILP write failed: ${message}`, { cause: err });
        }
        await new Promise((r) => setTimeout(r, 100 * 4 ** attempt));
      }
    }
  }

  /**
   * Outages whose asset exists. A unit accepted while QuestDB was down could not be checked
   * at ingest; its events for unknown assets become rejects here instead of orphans.
   */
  private async withKnownAssets(
    unit: Extract<WriteUnit, { kind: 'outages' }>,
    buffer: ReturnType<typeof createBuffer>,
  ): Promise<OutageEvent[]> {
    if (unit.assetsChecked !== false || !this.opts.assets) return unit.records;
    const known = await this.opts.assets.existing(unit.records.map((e) => e.assetId));
    const kept: OutageEvent[] = [];
    unit.records.forEach((e, line) => {
      if (known.has(e.assetId)) kept.push(e);
      else
        encodeReject(
          buffer,
          spoolReject(unit, line, e.eventId, {
            path: 'assetId',
            message: `unknown asset "${e.assetId}": send its asset record first`,
          }),
          unit.receivedAt,
        );
    });
    return kept;
  }

  /** The stored start, asset and area links of each event that already exists. */
  private async previousVersions(ids: readonly string[]): Promise<Map<string, Version>> {
    const found = new Map<string, Version>();
    await this.seen.refresh();
    const unique = [...new Set(ids)];
    // Only ids that may exist are looked up; small chunks keep the GET request short.
    const candidates = unique.filter((id) => this.seen.has(id) && !this.keeper?.recentVersion(id));
    for (let i = 0; i < candidates.length; i += LOOKUP_CHUNK) {
      const chunk = candidates.slice(i, i + LOOKUP_CHUNK);
      const rows = await this.opts.store.rows<{
        event_id: string;
        asset_id: string;
        start: number;
        affected_areas: string | null;
      }>(
        sql`SELECT event_id, asset_id, start, affected_areas FROM outages WHERE event_id IN (${chunk}) AND NOT deleted`,
      );
      for (const r of rows) {
        const areas = r.affected_areas === null ? undefined : (JSON.parse(r.affected_areas) as string[]);
        found.set(r.event_id, { start: r.start, assetId: r.asset_id, areas });
      }
    }
    for (const id of unique) {
      // The WAL may not yet show our own last write: what we sent most recently wins.
      const recent = this.keeper?.recentVersion(id)?.event;
      if (recent)
        found.set(id, { start: recent.start, assetId: recent.assetId, areas: recent.affectedAreas });
    }
    return found;
  }
}
