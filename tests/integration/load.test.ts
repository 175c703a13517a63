// Load on loopback, bounded in events and time: ingest writers and dashboard readers together
// against the real product (bench/load.ts drives both). As a test it asserts correctness only:
// no failed request, every event acknowledged, each stored exactly once. The figures (events per
// second, p50/p99 latency) are printed here and measured by `npm run bench -- load`.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeLoad, runLoad, storedOnce } from '../../bench/load.js';
import type { Product } from '../../server/runtime.js';
import { ADMIN, startTestProduct } from '../support/product.js';

let product: Product;
beforeAll(async () => {
  product = await startTestProduct({ OUTAGE_RATE_LIMIT: '100000000' });
});
afterAll(async () => {
  await product?.stop();
});

describe('live ingest and dashboard reads together', () => {
  it('loses no event, doubles none, and fails no request', async () => {
    const prefix = `LT${Date.now().toString(36)}`;
    const maxEvents = 6_000;
    const r = await runLoad(
      { url: product.url, token: ADMIN, store: product.store },
      { prefix, maxEvents, maxMs: 90_000, writers: 3, readers: 2, batch: 100, feeders: 60 },
    );
    process.stdout.write(`load test: ${describeLoad(r)}\n`);
    expect([...r.ingest.failures, ...r.reads.failures]).toEqual([]);
    expect(r.sent).toBe(maxEvents);
    expect(r.accepted).toBe(maxEvents);
    expect(r.reads.requests).toBeGreaterThan(0);
    const check = await storedOnce(product.store, prefix, r.acceptedIds);
    expect(check).toEqual({ stored: maxEvents, doubled: 0, missing: [] });
  }, 180_000);
});
