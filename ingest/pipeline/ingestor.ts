// Parsed rows in, durable records out: validation, the unknown-asset check, batching, and
// keeping every reject (answer and `rejects` table). One Ingestor serves HTTP and imports.

import { randomUUID } from 'node:crypto';
import { formatInZone, type Issue } from '../../core/index.js';
import { type AssetDirectory, type RejectRow, StoreError, type Writer } from '../../store/index.js';
import type { ParsedRow } from '../formats/index.js';
import { ID_FIELD, type RecordKind, type RecordOf, validateRecord } from '../schemas/index.js';

export interface Rejected {
  line: number;
  id?: string;
  errors: Issue[];
}

/** A record stored as sent, with what its sender should know (a planned outage announced late). */
export interface Warned {
  line: number;
  id?: string;
  issues: Issue[];
}

export interface IngestSummary {
  /** Records made durable (written or spooled). */
  accepted: number;
  /** Of those, how many wait in the spool for QuestDB. */
  spooled: number;
  rejectedCount: number;
  /** The rejects, in line order, up to `maxListed`. */
  rejected: Rejected[];
  /** Of the accepted records, how many came with warnings. */
  warningCount: number;
  /** The accepted records with warnings, in line order, up to `maxListed`. */
  warnings: Warned[];
  batchId: string;
}

export interface IngestOptions {
  source: string;
  batchSize?: number;
  /** Most rejects listed in the summary (all are stored). */
  maxListed?: number;
  onBatch?: (progress: { read: number; accepted: number; rejected: number }) => void;
  /** Every reject, as it happens (the import command writes its rejects file from this). */
  onReject?: (rejected: Rejected & { record: unknown }) => void;
}

export interface IngestorDeps {
  writer: Writer;
  assets: AssetDirectory;
  zone: string;
  sourceZone?: string;
  now?: () => number;
  /** Told of every batch made durable (live dashboards, re-evaluation of touched assets). */
  onAccepted?: (kind: RecordKind, records: readonly unknown[]) => void;
  /**
   * An outage claiming more than this many times the customers its asset serves (the most of
   * any version) is refused as implausible; 0 turns the check off. Default CUSTOMERS_FACTOR.
   */
  customersFactor?: number;
  /**
   * A planned outage is announced at least this many days before it begins (the default rule
   * set's `reporting.plannedNoticeDays`); one that arrives later, or after it began, is stored
   * with a warning. Default PLANNED_NOTICE_DAYS.
   */
  plannedNoticeDays?: number | undefined;
}

/** The notice period of planned outages when none is given (days; 供电营业规则: seven days). */
export const PLANNED_NOTICE_DAYS = 7;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * The warning of a planned outage announced later than `days` days before its start (or after
 * it began), received at `receivedAt`; undefined when it is in time, not planned, or already over
 * when it arrived (a record of the past, not a notice).
 */
export function lateNotice(
  outage: Pick<RecordOf['outages'], 'planned' | 'start' | 'end' | 'cancelled'>,
  receivedAt: number,
  days: number,
  zone: string,
): Issue | undefined {
  // a cancellation is no announcement: it may come at any time
  if (!outage.planned || outage.cancelled) return undefined;
  if (outage.end !== null && outage.end <= receivedAt) return undefined;
  const ahead = outage.start - receivedAt;
  if (ahead >= days * DAY_MS) return undefined;
  const start = formatInZone(outage.start, zone);
  if (ahead <= 0)
    return {
      path: 'start',
      message: `planned outage announced after it began (${start}); planned outages are announced at least ${days} days ahead`,
    };
  const d = Math.floor(ahead / DAY_MS);
  const h = Math.floor((ahead % DAY_MS) / HOUR_MS);
  const left =
    d > 0 ? `${d} day${d === 1 ? '' : 's'} ${h} hour${h === 1 ? '' : 's'}` : `${h} hour${h === 1 ? '' : 's'}`;
  return {
    path: 'start',
    message: `planned outage announced ${left} before it begins (${start}), less than the ${days} days' notice due`,
  };
}

/**
 * Customer counts in an asset register lag the network by months, so an outage may
 * legitimately interrupt somewhat more customers than its asset is recorded to serve; ten
 * times as many is a unit or typing error (2147483647 customers on an area of 10).
 */
export const CUSTOMERS_FACTOR = 10;

export class Ingestor {
  constructor(private readonly deps: IngestorDeps) {}

  async ingest<K extends RecordKind>(
    kind: K,
    rows: AsyncIterable<ParsedRow> | Iterable<ParsedRow>,
    options: IngestOptions,
  ): Promise<IngestSummary> {
    const now = this.deps.now ?? Date.now;
    const batchSize = options.batchSize ?? 5_000;
    const maxListed = options.maxListed ?? 1_000;
    const summary: IngestSummary = {
      accepted: 0,
      spooled: 0,
      rejectedCount: 0,
      rejected: [],
      warningCount: 0,
      warnings: [],
      batchId: randomUUID(),
    };
    let read = 0;
    let batch: { line: number; record: RecordOf[K]; raw: Record<string, unknown> }[] = [];
    let rejects: (Rejected & { raw: unknown })[] = [];

    // `into`: the list written with the batch being read, or (unknown assets, found while a batch
    // is written) with that batch itself.
    const reject = (r: Rejected & { raw: unknown }, into = rejects) => {
      summary.rejectedCount += 1;
      if (summary.rejected.length < maxListed)
        summary.rejected.push({ line: r.line, ...(r.id ? { id: r.id } : {}), errors: r.errors });
      into.push(r);
      options.onReject?.({ line: r.line, ...(r.id ? { id: r.id } : {}), errors: r.errors, record: r.raw });
    };

    const flush = async (
      pending: { line: number; record: RecordOf[K]; raw: Record<string, unknown> }[],
      pendingRejects: (Rejected & { raw: unknown })[],
    ) => {
      const receivedAt = now();
      let records = pending;
      let assetsChecked = true;
      if (kind === 'outages' && records.length > 0) {
        const checked = await this.checkAssets(records, (r) => reject(r, pendingRejects));
        assetsChecked = checked !== undefined;
        records = checked ?? records;
      }
      if (records.length > 0) {
        const unit = {
          kind,
          receivedAt,
          records: records.map((r) => r.record),
          ...(kind === 'outages' ? { assetsChecked } : {}),
        } as Parameters<Writer['write']>[0];
        // Records QuestDB itself refused (the rest of the batch is stored) are rejects too.
        const refused = new Set<number>();
        const outcome = await this.deps.writer.write(unit, (list) => {
          for (const { index, message } of list) {
            refused.add(index);
            const r = records[index]!;
            const idValue = r.raw[ID_FIELD[kind]];
            const id = typeof idValue === 'string' && idValue !== '' ? idValue : undefined;
            reject(
              { line: r.line, ...(id ? { id } : {}), errors: [{ path: '', message }], raw: r.raw },
              pendingRejects,
            );
          }
        });
        const stored = refused.size > 0 ? records.filter((_, i) => !refused.has(i)) : records;
        summary.accepted += stored.length;
        if (kind === 'outages') {
          const days = this.deps.plannedNoticeDays ?? PLANNED_NOTICE_DAYS;
          for (const r of stored) {
            const o = r.record as RecordOf['outages'];
            const issue = lateNotice(o, receivedAt, days, this.deps.zone);
            if (!issue) continue;
            summary.warningCount += 1;
            if (summary.warnings.length < maxListed)
              summary.warnings.push({ line: r.line, id: o.eventId, issues: [issue] });
          }
        }
        if (outcome === 'spooled') summary.spooled += stored.length;
        this.deps.onAccepted?.(
          kind,
          stored.map((r) => r.record),
        );
        if (kind === 'assets') this.deps.assets.add(stored.map((r) => r.record as RecordOf['assets']));
      }
      if (pendingRejects.length > 0) {
        const rows: RejectRow[] = pendingRejects.map((r) => ({
          kind,
          source: options.source,
          batchId: summary.batchId,
          line: r.line,
          ...(r.id ? { recordId: r.id } : {}),
          errors: JSON.stringify(r.errors),
          record: typeof r.raw === 'string' ? r.raw : JSON.stringify(r.raw ?? null),
        }));
        await this.deps.writer.write({ kind: 'rejects', receivedAt, records: rows });
      }
      options.onBatch?.({ read, accepted: summary.accepted, rejected: summary.rejectedCount });
    };

    // One batch is written while the next is read and validated (QuestDB's answer takes as long
    // as the parsing does); batches still reach the writer one at a time, in order.
    let writing: Promise<void> = Promise.resolve();
    const startFlush = async () => {
      await writing;
      const pending = batch;
      const pendingRejects = rejects;
      batch = [];
      rejects = [];
      writing = flush(pending, pendingRejects);
      // A failed write surfaces at the next await of `writing`, not as an unhandled rejection.
      writing.catch(() => undefined);
    };

    const ctx = {
      zone: this.deps.zone,
      now: now(),
      ...(this.deps.sourceZone ? { sourceZone: this.deps.sourceZone } : {}),
    };
    for await (const row of rows) {
      read += 1;
      if ('error' in row) {
        reject({ line: row.line, errors: [row.error], raw: null });
      } else {
        const result = validateRecord(kind, row.record, ctx);
        const idValue = row.record[ID_FIELD[kind]];
        const id = typeof idValue === 'string' && idValue !== '' ? idValue : undefined;
        if (result.ok) batch.push({ line: row.line, record: result.value, raw: row.record });
        else reject({ line: row.line, ...(id ? { id } : {}), errors: result.issues, raw: row.record });
      }
      if (batch.length + rejects.length >= batchSize) await startFlush();
    }
    await startFlush();
    await writing;
    summary.rejected.sort((a, b) => a.line - b.line);
    summary.warnings.sort((a, b) => a.line - b.line);
    return summary;
  }

  /** Outages whose asset exists and serves a plausible number of customers; the rest rejected. */
  private async checkAssets<T extends { line: number; record: unknown; raw: Record<string, unknown> }>(
    records: T[],
    reject: (r: Rejected & { raw: unknown }) => void,
  ): Promise<T[] | undefined> {
    const events = records as unknown as {
      line: number;
      record: RecordOf['outages'];
      raw: Record<string, unknown>;
    }[];
    const factor = this.deps.customersFactor ?? CUSTOMERS_FACTOR;
    const overserved = (e: (typeof events)[number], served: ReadonlyMap<string, number>): boolean => {
      const customers = served.get(e.record.assetId) ?? 0;
      return factor > 0 && customers > 0 && e.record.customersAffected > factor * customers;
    };
    let known: Map<string, number>;
    try {
      known = await this.deps.assets.served(events.map((e) => e.record.assetId));
      // A cached count may be older than the asset's latest version: ask again before refusing.
      const doubtful = events.filter((e) => overserved(e, known)).map((e) => e.record.assetId);
      if (doubtful.length > 0) {
        for (const [id, n] of await this.deps.assets.served(doubtful, { fresh: true })) known.set(id, n);
      }
    } catch (err) {
      if (!(err instanceof StoreError) || err.kind !== 'unreachable') throw err;
      // Cannot ask now: the writer checks when it replays the unit from the spool.
      return undefined;
    }
    const kept: T[] = [];
    events.forEach((e, i) => {
      const { assetId, eventId, customersAffected } = e.record;
      const customers = known.get(assetId);
      const refuse = (path: string, message: string) =>
        reject({ line: e.line, id: eventId, errors: [{ path, message }], raw: e.raw });
      if (customers === undefined)
        refuse('assetId', `unknown asset "${assetId}": send its asset record first`);
      else if (overserved(e, known))
        refuse(
          'customersAffected',
          `${customersAffected} customers is more than ${factor} times the ${customers} that asset "${assetId}" serves; correct the figure, or update the asset's customers first`,
        );
      else kept.push(records[i]!);
    });
    return kept;
  }
}
