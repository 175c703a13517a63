// An import's rows as its mapping takes them, each accounted for once in the summary: read,
// skipped by a rule, counted under a route that is not imported, imported by its route, or
// rejected (taken off its route's count again). A row whose time cells did not read in their
// declared format goes to the ingestor as an error, which carries one issue and no record; its
// reject is reported with all of them and the row.

import type { Issue } from '../../core/issues.js';
import type { ParsedRow } from '../formats/index.js';
import { type Mapping, oneIssue } from '../mapping/index.js';
import type { Rejected } from '../pipeline/index.js';
import { ID_FIELD, type RecordKind } from '../schemas/index.js';
import { bump, type DerivedSummary, type ImportSummary, reasonOf } from './summary.js';

/** The summary before any row is read: every route of the mapping counted, at nought. */
export function emptySummary(
  file: string,
  kind: RecordKind,
  mapping: Mapping | undefined,
  assets: DerivedSummary | undefined,
): ImportSummary {
  const summary: ImportSummary = {
    file,
    kind,
    rowsRead: 0,
    accepted: 0,
    spooled: 0,
    importedByRoute: {},
    notImported: {},
    skipped: 0,
    skippedByReason: {},
    rejected: 0,
    rejectedByReason: {},
    ...(assets ? { assets } : {}),
    batchId: '',
  };
  for (const r of mapping?.routes ?? []) {
    if (r.imported) summary.importedByRoute[r.name] = 0;
    else summary.notImported[r.name] = 0;
  }
  return summary;
}

type RejectedRow = Rejected & { record: unknown };

export class RowTally {
  private readonly routeOfLine = new Map<number, string>();
  private readonly invalidOfLine = new Map<number, { errors: Issue[]; record: Record<string, unknown> }>();

  constructor(
    private readonly summary: ImportSummary,
    private readonly kind: RecordKind,
    private readonly mapping: Mapping | undefined,
  ) {}

  /** The rows of `parse()` the ingestor is to read: mapped, those skipped counted and left out. */
  async *mapped(parse: () => AsyncIterable<ParsedRow>): AsyncGenerator<ParsedRow> {
    const { summary, mapping } = this;
    for await (const row of parse()) {
      summary.rowsRead += 1;
      if ('error' in row || mapping === undefined) {
        yield row;
        continue;
      }
      const m = mapping.apply(row.record);
      if ('skip' in m) {
        if (m.route !== undefined) bump(summary.notImported, m.route);
        else {
          summary.skipped += 1;
          bump(summary.skippedByReason, m.skip);
        }
        continue;
      }
      if ('invalid' in m) {
        this.invalidOfLine.set(row.line, { errors: m.invalid, record: m.record });
        yield { line: row.line, error: oneIssue(m.invalid) };
        continue;
      }
      if (m.route !== undefined) {
        this.routeOfLine.set(row.line, m.route);
        bump(summary.importedByRoute, m.route);
      }
      yield { line: row.line, record: m.record };
    }
  }

  /** Counts a reject of the ingestor's; returns it as reported (an invalid row's with all its issues). */
  rejected(rejected: RejectedRow): RejectedRow {
    // the ingestor rejects an error row as it reads it, so its entry is the one just yielded
    const invalid = rejected.record === null ? this.invalidOfLine.get(rejected.line) : undefined;
    this.invalidOfLine.delete(rejected.line);
    const id = invalid ? idOf(invalid.record[ID_FIELD[this.kind]]) : undefined;
    const r = invalid ? { ...rejected, ...(id ? { id } : {}), ...invalid } : rejected;
    bump(this.summary.rejectedByReason, reasonOf(r.errors));
    const route = this.routeOfLine.get(r.line);
    if (route !== undefined) bump(this.summary.importedByRoute, route, -1);
    return r;
  }

  /** A batch's rejects are all reported by the time it is flushed. */
  batchDone(): void {
    this.routeOfLine.clear();
  }
}

const idOf = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
