// One import of a file: optionally a first pass that derives the assets from the rows and
// stores them, then the records themselves through the same ingestor as the HTTP endpoints.
// Every row is accounted for in the summary (see tally.ts). The file is read as a stream
// each pass, a JSON array element by element too; only the derived assets' running figures
// are held in memory.

import type { AssetDirectory, Writer } from '../../store/index.js';
import { type Format, type ParsedRow, parseRecords, type Source } from '../formats/index.js';
import { AssetDeriver, type Mapping } from '../mapping/index.js';
import { Ingestor, type Rejected } from '../pipeline/index.js';
import { type RecordKind, validateRecord } from '../schemas/index.js';
import { bump, type Counts, type DerivedSummary, type ImportSummary, reasonOf } from './summary.js';
import { emptySummary, RowTally } from './tally.js';

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
  checkRequest(request);
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

  const summary = emptySummary(request.file, kind, mapping, assets);
  const tally = new RowTally(summary, kind, mapping);
  const result = await ingestor.ingest(kind, tally.mapped(parse), {
    source: `import:${request.file}`,
    maxListed: 0,
    ...(request.batchSize ? { batchSize: request.batchSize } : {}),
    onReject: (rejected) => {
      const r = tally.rejected(rejected);
      request.onReject?.({ ...r, kind });
    },
    onBatch: ({ read, accepted, rejected }) => {
      request.onProgress?.({ kind, read, accepted, rejected });
      tally.batchDone();
    },
  });
  summary.accepted = result.accepted;
  summary.spooled = result.spooled;
  summary.rejected = result.rejectedCount;
  summary.batchId = result.batchId;
  return summary;
}

/** A mapping for the request's kind of record, with a "derive" section when assets are derived. */
function checkRequest({ kind, mapping, deriveAssets }: ImportRequest): void {
  if (mapping && mapping.record !== kind) {
    throw new ImportError(`mapping ${JSON.stringify(mapping.name)} is for ${mapping.record}, not ${kind}`);
  }
  if (deriveAssets && (mapping === undefined || mapping.derive.length === 0)) {
    throw new ImportError('deriving assets needs a mapping file with a "derive" section');
  }
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
