// QuestDB stopped in the middle of an import: every accepted record is stored once it is back,
// none twice.

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedRow } from '../../ingest/formats/index.js';
import { Ingestor } from '../../ingest/pipeline/index.js';
import { createLogger } from '../../server/log.js';
import {
  AssetDirectory,
  createStore,
  migrate,
  parseClientConf,
  sql,
  startLocalQuestDB,
  Writer,
} from '../../store/index.js';
import { eventually, jarCache, startTestQuestDB } from '../support/questdb.js';

describe('an import while QuestDB goes down and comes back', () => {
  it('loses no accepted record and duplicates none', async () => {
    let qdb = await startTestQuestDB('import-fault');
    const connection = parseClientConf(qdb.clientConf);
    const store = createStore(connection);
    await migrate(store);
    const assets = new AssetDirectory(store);
    const writer = await Writer.open({
      connection,
      store,
      assets,
      spoolDir: join(qdb.dataDir, 'spool'),
      spoolLimitBytes: 1e8,
      log: createLogger('silent'),
      replayIntervalMs: 200,
    });
    await writer.write({
      kind: 'assets',
      receivedAt: Date.now(),
      records: [{ assetId: 'F1', kind: 'feeder', areaClass: 'rural', customers: 50, validFrom: 0 }],
    });
    await eventually(async () => (await assets.existing(['F1'])).has('F1'));
    const N = 3_000;
    async function* rows(): AsyncGenerator<ParsedRow> {
      for (let i = 1; i <= N; i++) {
        // Halfway through, QuestDB is stopped; the import waits until it is really down (else a
        // fast machine writes the second half before the process exits) and then keeps reading.
        if (i === N / 2) await qdb.stop();
        const start = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
        yield {
          line: i,
          record: { eventId: `E${i}`, assetId: 'F1', start, customersAffected: 5, cause: 'unknown' },
        };
        // Every event is sent twice (a sender's retry): it must still count once.
        if (i % 10 === 0)
          yield {
            line: i,
            record: { eventId: `E${i}`, assetId: 'F1', start, customersAffected: 5, cause: 'unknown' },
          };
      }
    }
    const ingestor = new Ingestor({ writer, assets, zone: 'Asia/Shanghai' });
    const summary = await ingestor.ingest('outages', rows(), { source: 'fault-test', batchSize: 250 });
    expect(summary.rejectedCount).toBe(0);
    expect(summary.accepted).toBe(N + N / 10);
    // Some batches could not be written and were spooled instead.
    expect(summary.spooled).toBeGreaterThan(0);
    expect(writer.spoolDepth).toBeGreaterThan(0);

    qdb = await startLocalQuestDB({
      dataDir: qdb.dataDir,
      cacheDir: jarCache(),
      httpPort: qdb.httpPort,
      pgPort: qdb.pgPort,
      heap: '512m',
    });
    await eventually(async () => {
      await writer.drain();
      return writer.spoolDepth === 0;
    }, 60_000);
    await eventually(async () => {
      const [r] = await store.rows<{ n: number }>(sql`SELECT count() n FROM outages WHERE NOT deleted`);
      return r?.n === N;
    }, 60_000);
    const [distinct] = await store.rows<{ n: number }>(
      sql`SELECT count_distinct(event_id) n FROM outages WHERE NOT deleted`,
    );
    expect(distinct!.n).toBe(N);
    await writer.close();
    await qdb.stop();
    rmSync(qdb.dataDir, { recursive: true, force: true });
  }, 180_000);
});
