// One import of a file: optionally a first pass that derives the assets from the rows and
// stores them, then the records themselves through the same ingestor as the HTTP endpoints.
// Every row is accounted for in the summary (see summary.ts). The file is read as a stream
// each pass, a JSON array element by element too; only the derived assets' running figures
// are held in memory.

import type { Issue } from '../../core/issues.js';
import type { AssetDirectory, Writer } from '../../store/index.js';
import { type Format, type ParsedRow, parseRecords, type Source } from '../formats/index.js';
import { AssetDeriver, type Mapping, oneIssue } from '../mapping/index.js';
import { Ingestor, type Rejected } from '../pipeline/index.js';
import { ID_FIELD, type RecordKind, validateRecord } from '../schemas/index.js';
import { bump, type Counts, type DerivedSummary, type ImportSummary, reasonOf } from './summary.js';

export interface ImportDeps {
  writer: Writer;
  assets: AssetDirectory;
  /** the operating zone */
  zone: string;
  now?: () => number;
  /** see IngestorDeps.customersFactor */
  customersFactor?: number;
}

export interface ImportRequest {
  kind: RecordKind;
  /** The file's name as the summary and the rejects table show it. */
  file: string;
  /** Opens the source from its beginning (called once per pass). */
  open: () => Source;
  format: Format;
  mapping?: Mapping;
  /** Derive the assets from the rows (the mapping's `derive`) and store them first. */
  deriveAssets?: boolean;
  batchSize?: number;
  /** Every reject, assets (derived) and records alike, as it happens. */
  onReject?: (rejected: Rejected & { kind: RecordKind; record: unknown }) => void;
  onProgress?: (progress: { kind: RecordKind; read: number; accepted: number; rejected: number }) => void;
}

export class ImportError extends Error {
  override readonly name = 'ImportError';
}

export async function importFile(deps: ImportDeps, request: ImportRequest): Promise<ImportSummary> {
  const { kind, mapping } = request;
  if (mapping && mapping.record !== kind) {
    throw new ImportError(`mapping ${JSON.stringify(mapping.name)} is for ${mapping.record}, not ${kind}`);
  }
  if (request.deriveAssets && (mapping === undefined || mapping.derive.length === 0)) {
    throw new ImportError('deriving assets needs a mapping file with a "derive" section');
  }
  const ingestor = new Ingestor({
    writer: deps.writer,
    assets: deps.assets,
    zone: deps.zone,
    ...(mapping?.zone ? { sourceZone: mapping.zone } : {}),
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.customersFactor !== undefined ? { customersFactor: deps.customersFactor } : {}),
  });
  const parse = (): AsyncGenerator<ParsedRow> =>
    parseRecords(request.open(), request.format, { stream: true, ...(mapping?.csv ?? {}) });

  const assets =
    request.deriveAssets && mapping
      ? await deriveAndStore(deps, request, mapping, ingestor, parse)
      : undefined;

  const summary: ImportSummary = {
    file: request.file,
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
  const routeOfLine = new Map<number, string>();
  // Rows whose time cells did not read in their declared format go to the ingestor as errors,
  // which carry one issue and no record; their reject is reported with all of them and the row.
  const invalidOfLine = new Map<number, { errors: Issue[]; record: Record<string, unknown> }>();
  for (const r of mapping?.routes ?? []) {
    if (r.imported) summary.importedByRoute[r.name] = 0;
    else summary.notImported[r.name] = 0;
  }

  async function* mapped(): AsyncGenerator<ParsedRow> {
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
        invalidOfLine.set(row.line, { errors: m.invalid, record: m.record });
        yield { line: row.line, error: oneIssue(m.invalid) };
        continue;
      }
      if (m.route !== undefined) {
        routeOfLine.set(row.line, m.route);
        bump(summary.importedByRoute, m.route);
      }
      yield { line: row.line, record: m.record };
    }
  }

  const result = await ingestor.ingest(kind, mapped(), {
    source: `import:${request.file}`,
    maxListed: 0,
    ...(request.batchSize ? { batchSize: request.batchSize } : {}),
    onReject: (rejected) => {
      // the ingestor rejects an error row as it reads it, so its entry is the one just yielded
      const invalid = rejected.record === null ? invalidOfLine.get(rejected.line) : undefined;
      invalidOfLine.delete(rejected.line);
      const id = invalid ? idOf(invalid.record[ID_FIELD[kind]]) : undefined;
      const r = invalid ? { ...rejected, ...(id ? { id } : {}), ...invalid } : rejected;
      bump(summary.rejectedByReason, reasonOf(r.errors));
      const route = routeOfLine.get(r.line);
      if (route !== undefined) bump(summary.importedByRoute, route, -1);
      request.onReject?.({ ...r, kind });
    },
    onBatch: ({ read, accepted, rejected }) => {
      request.onProgress?.({ kind, read, accepted, rejected });
      routeOfLine.clear(); // a batch's rejects are all reported by the time it is flushed
    },
  });
  summary.accepted = result.accepted;
  summary.spooled = result.spooled;
  summary.rejected = result.rejectedCount;
  summary.batchId = result.batchId;
  return summary;
}

/** The first pass: derive the assets from the rows that would import, and store them. */
async function deriveAndStore(
  deps: ImportDeps,
  request: ImportRequest,
  mapping: Mapping,
  ingestor: Ingestor,
  parse: () => AsyncGenerator<ParsedRow>,
): Promise<DerivedSummary> {
  const deriver = new AssetDeriver(mapping.derive, {
    zone: mapping.zone ?? deps.zone,
    idPrefix: mapping.idPrefix,
    timeColumns: mapping.timeColumns,
  });
  const ctx = {
    zone: deps.zone,
    now: (deps.now ?? Date.now)(),
    ...(mapping.zone ? { sourceZone: mapping.zone } : {}),
  };
  for await (const row of parse()) {
    if ('error' in row) continue;
    const m = mapping.apply(row.record);
    // Only rows that will import shape the assets (the asset's existence is not yet known).
    if ('skip' in m || 'invalid' in m || !validateRecord(request.kind, m.record, ctx).ok) continue;
    deriver.add(row.record, m.route);
  }
  const { records, issues } = deriver.finish();
  const rejectedByReason: Counts = {};
  issues.forEach((issue, i) => {
    const errors = [{ path: 'assetId', message: issue.message }];
    bump(rejectedByReason, reasonOf(errors));
    request.onReject?.({
      line: records.length + i + 1,
      id: issue.assetId,
      errors,
      kind: 'assets',
      record: null,
    });
  });
  const result = await ingestor.ingest(
    'assets',
    records.map((record, i) => ({ line: i + 1, record })),
    {
      source: `derive:${request.file}`,
      maxListed: 0,
      onReject: (r) => {
        bump(rejectedByReason, reasonOf(r.errors));
        request.onReject?.({ ...r, kind: 'assets' });
      },
      onBatch: ({ read, accepted, rejected }) =>
        request.onProgress?.({ kind: 'assets', read, accepted, rejected }),
    },
  );
  return {
    derived: records.length + issues.length,
    accepted: result.accepted,
    spooled: result.spooled,
    rejected: result.rejectedCount + issues.length,
    rejectedByReason,
  };
}

const idOf = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
