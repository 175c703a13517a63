// Parsed rows in, durable records out: validation, the unknown-asset check, batching, and
// keeping every reject (answer and `rejects` table). One Ingestor serves HTTP and imports.

import { randomUUID } from 'node:crypto';
import type { AssetDirectory, RejectRow, Writer, WriteUnit } from '../../store/index.js';
import type { ParsedRow } from '../formats/index.js';
import {
  ID_FIELD,
  type RecordKind,
  type RecordOf,
  type ValidateContext,
  validateRecord,
} from '../schemas/index.js';
import { CUSTOMERS_FACTOR, withPlausibleAssets } from './asset-check.js';
import { lateNotice, PLANNED_NOTICE_DAYS } from './late-notice.js';
import type { BatchRow, IngestSummary, Refusal, Rejected } from './summary.js';

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

export class Ingestor {
  constructor(private readonly deps: IngestorDeps) {}

  async ingest<K extends RecordKind>(
    kind: K,
    rows: AsyncIterable<ParsedRow> | Iterable<ParsedRow>,
    options: IngestOptions,
  ): Promise<IngestSummary> {
    const run = new IngestRun(kind, this.deps, options);
    for await (const row of rows) {
      if (run.read(row)) await run.startFlush();
    }
    return run.finish();
  }
}

/** The record's id as its sender gave it, when it gave one. */
function idIn<K extends RecordKind>(kind: K, raw: Record<string, unknown>): string | undefined {
  const idValue = raw[ID_FIELD[kind]];
  return typeof idValue === 'string' && idValue !== '' ? idValue : undefined;
}

/**
 * One call of `ingest`: rows are validated into a batch while the batch before is written (QuestDB's
 * answer takes as long as the parsing does); batches still reach the writer one at a time, in order.
 */
class IngestRun<K extends RecordKind> {
  readonly summary: IngestSummary;
  private readonly now: () => number;
  private readonly batchSize: number;
  private readonly maxListed: number;
  private readonly ctx: ValidateContext;
  private readCount = 0;
  private batch: BatchRow<RecordOf[K]>[] = [];
  private rejects: Refusal[] = [];
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly kind: K,
    private readonly deps: IngestorDeps,
    private readonly options: IngestOptions,
  ) {
    const clock = deps.now ?? Date.now;
    this.now = () => clock();
    this.batchSize = options.batchSize ?? 5_000;
    this.maxListed = options.maxListed ?? 1_000;
    this.summary = {
      accepted: 0,
      spooled: 0,
      rejectedCount: 0,
      rejected: [],
      warningCount: 0,
      warnings: [],
      batchId: randomUUID(),
    };
    this.ctx = {
      zone: deps.zone,
      now: this.now(),
      ...(deps.sourceZone ? { sourceZone: deps.sourceZone } : {}),
    };
  }

  /** Validates a row into the batch being read, or its rejects; true when the batch is full. */
  read(row: ParsedRow): boolean {
    this.readCount += 1;
    if ('error' in row) {
      this.reject({ line: row.line, errors: [row.error], raw: null });
    } else {
      const result = validateRecord(this.kind, row.record, this.ctx);
      const id = idIn(this.kind, row.record);
      if (result.ok) this.batch.push({ line: row.line, record: result.value, raw: row.record });
      else this.reject({ line: row.line, ...(id ? { id } : {}), errors: result.issues, raw: row.record });
    }
    return this.batch.length + this.rejects.length >= this.batchSize;
  }

  /** Hands the batch read so far to the writer, once the one before is written. */
  async startFlush(): Promise<void> {
    await this.writing;
    const pending = this.batch;
    const pendingRejects = this.rejects;
    this.batch = [];
    this.rejects = [];
    this.writing = this.flush(pending, pendingRejects);
    // A failed write surfaces at the next await of `writing`, not as an unhandled rejection.
    this.writing.catch(() => undefined);
  }

  async finish(): Promise<IngestSummary> {
    await this.startFlush();
    await this.writing;
    this.summary.rejected.sort((a, b) => a.line - b.line);
    this.summary.warnings.sort((a, b) => a.line - b.line);
    return this.summary;
  }

  /**
   * Counts and lists a reject, into the rejects written with the batch being read or (unknown
   * assets and refusals, found while a batch is written) with that batch itself.
   */
  private reject(r: Refusal, into = this.rejects): void {
    const { summary } = this;
    summary.rejectedCount += 1;
    if (summary.rejected.length < this.maxListed)
      summary.rejected.push({ line: r.line, ...(r.id ? { id: r.id } : {}), errors: r.errors });
    into.push(r);
    this.options.onReject?.({ line: r.line, ...(r.id ? { id: r.id } : {}), errors: r.errors, record: r.raw });
  }

  private async flush(pending: BatchRow<RecordOf[K]>[], pendingRejects: Refusal[]): Promise<void> {
    const receivedAt = this.now();
    let records = pending;
    let assetsChecked = true;
    if (this.kind === 'outages' && records.length > 0) {
      const factor = this.deps.customersFactor ?? CUSTOMERS_FACTOR;
      const checked = await withPlausibleAssets(this.deps.assets, factor, records, (r) =>
        this.reject(r, pendingRejects),
      );
      assetsChecked = checked !== undefined;
      records = checked ?? records;
    }
    if (records.length > 0) await this.store(records, receivedAt, assetsChecked, pendingRejects);
    if (pendingRejects.length > 0) await this.storeRejects(pendingRejects, receivedAt);
    this.options.onBatch?.({
      read: this.readCount,
      accepted: this.summary.accepted,
      rejected: this.summary.rejectedCount,
    });
  }

  /** Writes the batch's valid records; those QuestDB itself refuses (the rest is stored) are rejects too. */
  private async store(
    records: BatchRow<RecordOf[K]>[],
    receivedAt: number,
    assetsChecked: boolean,
    pendingRejects: Refusal[],
  ): Promise<void> {
    const { kind, summary } = this;
    const unit = {
      kind,
      receivedAt,
      records: records.map((r) => r.record),
      ...(kind === 'outages' ? { assetsChecked } : {}),
    } as WriteUnit;
    const refused = new Set<number>();
    const outcome = await this.deps.writer.write(unit, (list) => {
      for (const { index, message } of list) {
        refused.add(index);
        const r = records[index]!;
        const id = idIn(kind, r.raw);
        this.reject(
          { line: r.line, ...(id ? { id } : {}), errors: [{ path: '', message }], raw: r.raw },
          pendingRejects,
        );
      }
    });
    const stored = refused.size > 0 ? records.filter((_, i) => !refused.has(i)) : records;
    summary.accepted += stored.length;
    if (kind === 'outages') this.warnLate(stored as BatchRow<RecordOf['outages']>[], receivedAt);
    if (outcome === 'spooled') summary.spooled += stored.length;
    this.deps.onAccepted?.(
      kind,
      stored.map((r) => r.record),
    );
    if (kind === 'assets') this.deps.assets.add(stored.map((r) => r.record as RecordOf['assets']));
  }

  /** Counts and lists the planned outages stored that were announced late. */
  private warnLate(stored: readonly BatchRow<RecordOf['outages']>[], receivedAt: number): void {
    const { summary } = this;
    const days = this.deps.plannedNoticeDays ?? PLANNED_NOTICE_DAYS;
    for (const r of stored) {
      const o = r.record;
      const issue = lateNotice(o, receivedAt, days, this.deps.zone);
      if (!issue) continue;
      summary.warningCount += 1;
      if (summary.warnings.length < this.maxListed)
        summary.warnings.push({ line: r.line, id: o.eventId, issues: [issue] });
    }
  }

  /** The batch's rejects, kept in the rejects table. */
  private async storeRejects(pendingRejects: readonly Refusal[], receivedAt: number): Promise<void> {
    const rows: RejectRow[] = pendingRejects.map((r) => ({
      kind: this.kind,
      source: this.options.source,
      batchId: this.summary.batchId,
      line: r.line,
      ...(r.id ? { recordId: r.id } : {}),
      errors: JSON.stringify(r.errors),
      record: typeof r.raw === 'string' ? r.raw : JSON.stringify(r.raw ?? null),
    }));
    await this.deps.writer.write({ kind: 'rejects', receivedAt, records: rows });
  }
}
