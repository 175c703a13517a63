// Ingest: end-to-end events per second from NDJSON and CSV files (parse, validate, unknown-asset
// check, write, visible in SQL), and in the same run the raw @questdb/nodejs-client rate without
// parsing or validation (bench/ingest-raw.ts): for the rows the product writes, for the two rows
// the product wrote before it kept the attribution, and for one plain row per event.

import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { parseRecords } from '../ingest/formats/index.js';
import { Ingestor } from '../ingest/pipeline/index.js';
import { createLogger } from '../server/log.js';
import { AssetDirectory, type LocalQuestDB, type Store, Writer } from '../store/index.js';
import type { BenchCase } from './harness.js';
import {
  baseOf,
  FEEDERS,
  type Files,
  type IngestRound,
  nextRun,
  visible,
  writeFiles,
} from './ingest-events.js';
import { createRawTables, oneRowPeer, productRowsPeer, SAME_ROWS, TWO_ROWS } from './ingest-raw.js';

export async function ingestCases(
  qdb: LocalQuestDB,
  store: Store,
  sizes: readonly number[],
): Promise<BenchCase[]> {
  const ingestor = await openIngestor(qdb, store);
  await createRawTables(store);
  const cases: BenchCase[] = [];
  const runs = { count: 0 };
  for (const n of sizes) {
    const round: IngestRound = {
      n,
      size: n.toLocaleString('en'),
      runs,
      prefix: '',
      files: { ndjson: '', csv: '', csvLocal: '' },
    };
    const product = { qdb, store, ingestor, round };
    cases.push(
      endToEnd(product, 'ingest NDJSON end-to-end', 'ndjson'),
      endToEnd(product, 'ingest CSV end-to-end', 'csv'),
      endToEnd(
        product,
        'ingest CSV end-to-end, local times',
        'csvLocal',
        'times without offset, read in Asia/Shanghai, as Chinese outage-management exports write them',
      ),
      oneRowPeer(qdb, store, round),
      productRowsPeer(qdb, store, round, SAME_ROWS, true, 'q'),
      { ...productRowsPeer(qdb, store, round, TWO_ROWS, false, 't'), baseline: SAME_ROWS },
    );
  }
  return cases;
}

/** The product's ingestor over the bench's QuestDB, with the feeders the events fall on. */
async function openIngestor(qdb: LocalQuestDB, store: Store): Promise<Ingestor> {
  const assets = new AssetDirectory(store);
  const writer = await Writer.open({
    connection: store.connection,
    store,
    assets,
    spoolDir: join(qdb.dataDir, 'spool'),
    spoolLimitBytes: 2 ** 31,
    log: createLogger('warn'),
  });
  const feeders = Array.from({ length: FEEDERS }, (_, i) => ({
    assetId: `BF-${i}`,
    kind: 'feeder' as const,
    areaClass: 'urban' as const,
    customers: 500,
    validFrom: Date.UTC(2020, 0, 1),
  }));
  await writer.write({ kind: 'assets', receivedAt: Date.now(), records: feeders });
  return new Ingestor({ writer, assets, zone: 'Asia/Shanghai' });
}

/** Each file's format and the letter its event ids carry after the run's prefix. */
const FILES: Record<keyof Files, { format: 'ndjson' | 'csv'; letter: string }> = {
  ndjson: { format: 'ndjson', letter: 'n' },
  csv: { format: 'csv', letter: 'c' },
  csvLocal: { format: 'csv', letter: 'l' },
};

/** One file through the product's ingest, timed until its events are in `outages` and `outage_reach`. */
function endToEnd(
  {
    qdb,
    store,
    ingestor,
    round,
  }: { qdb: LocalQuestDB; store: Store; ingestor: Ingestor; round: IngestRound },
  name: string,
  file: keyof Files,
  note?: string,
): BenchCase {
  const { n } = round;
  const { format, letter } = FILES[file];
  return {
    name,
    size: round.size,
    items: n,
    baseline: SAME_ROWS,
    ...(note === undefined ? {} : { note }),
    // Every setup writes the three files afresh (new ids, a new time range).
    setup: async () => {
      nextRun(round, 'b');
      round.files = writeFiles(join(qdb.dataDir, 'bench-files'), round.prefix, n, baseOf(round.runs.count));
    },
    run: async () => {
      await ingestor.ingest('outages', parseRecords(createReadStream(round.files[file]), format), {
        source: 'bench',
      });
      await visible(store, 'outages', `${round.prefix}${letter}-%`, n);
      await visible(store, 'outage_reach', `${round.prefix}${letter}-%`, n);
    },
  };
}
