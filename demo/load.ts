// Loads a generated demo set through the writer (the same path as ingest), in batches, in the
// order a real feed would deliver it: assets, warnings, then outages in stream order, so that
// corrections replace the versions they correct.

import type { Writer, WriteUnit } from '../store/index.js';
import { toOutageEvent } from './events.js';
import type { Demo } from './generate.js';

export interface DemoLoadSummary {
  assets: number;
  warnings: number;
  outages: number;
  seconds: number;
}

async function inBatches<T>(
  items: Iterable<T>,
  size: number,
  write: (batch: T[]) => Promise<unknown>,
): Promise<number> {
  let batch: T[] = [];
  let n = 0;
  for (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      await write(batch);
      n += batch.length;
      batch = [];
    }
  }
  if (batch.length > 0) await write(batch);
  return n + batch.length;
}

export async function loadDemo(
  demo: Demo,
  writer: Writer,
  receivedAt: number,
  batchSize = 10_000,
): Promise<DemoLoadSummary> {
  const started = Date.now();
  const unit = (u: WriteUnit) => writer.write(u);
  const assets = await inBatches(demo.assets(), batchSize, (records) =>
    unit({ kind: 'assets', receivedAt, records }),
  );
  const warnings = await inBatches(demo.warnings(), batchSize, (records) =>
    unit({ kind: 'warnings', receivedAt, records }),
  );
  // A unit holds one version per event: a correction goes into the next unit, after its original.
  let outages = 0;
  let batch: ReturnType<typeof toOutageEvent>[] = [];
  let ids = new Set<string>();
  const flush = async () => {
    if (batch.length === 0) return;
    await unit({ kind: 'outages', receivedAt: receivedAt + outages, records: batch });
    outages += batch.length;
    batch = [];
    ids = new Set();
  };
  for (const e of demo.outages()) {
    if (ids.has(e.eventId) || batch.length >= batchSize) await flush();
    batch.push(toOutageEvent(e));
    ids.add(e.eventId);
  }
  await flush();
  return { assets, warnings, outages, seconds: (Date.now() - started) / 1000 };
}
