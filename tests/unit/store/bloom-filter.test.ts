import { describe, expect, it } from 'vitest';
import { BloomFilter } from '../../../store/writer/seen-events.js';

describe('the seen-events Bloom filter', () => {
  it('has no false negatives: every added id is found', () => {
    const filter = new BloomFilter(1 << 20);
    const ids = Array.from({ length: 100_000 }, (_, i) => `T${(i * 7919).toString(36)}-E${i}`);
    for (const id of ids) filter.add(id);
    expect(ids.filter((id) => !filter.has(id))).toEqual([]);
  });

  it('has about 1 % false positives at its capacity, and none when empty', () => {
    const capacity = 20_000;
    const filter = new BloomFilter(capacity);
    expect(filter.has('anything')).toBe(false);
    for (let i = 0; i < capacity; i++) filter.add(`in-${i}`);
    let positives = 0;
    for (let i = 0; i < 20_000; i++) if (filter.has(`out-${i}`)) positives += 1;
    // 10 bits per item, 7 hashes: (1 − e^(−0.7))^7 ≈ 0.82 %
    expect(positives / 20_000).toBeLessThan(0.02);
  });
});
