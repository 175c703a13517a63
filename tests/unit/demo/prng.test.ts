import { describe, expect, it } from 'vitest';
import { hash32, mix32, Rng } from '../../../demo/prng.js';

describe('Rng', () => {
  it('replays the same sequence from the same seed and labels', () => {
    const a = Rng.from(42, 'network');
    const b = Rng.from(42, 'network');
    const xs = Array.from({ length: 5 }, () => a.uint32());
    expect(Array.from({ length: 5 }, () => b.uint32())).toEqual(xs);
  });

  it('gives independent streams for different labels and seeds', () => {
    const first = (r: Rng) => [r.uint32(), r.uint32(), r.uint32()];
    const base = first(Rng.from(42, 'network'));
    expect(first(Rng.from(42, 'outages'))).not.toEqual(base);
    expect(first(Rng.from(43, 'network'))).not.toEqual(base);
    expect(first(Rng.from('42', 'network'))).toEqual(base);
  });

  it('float() stays in [0, 1) and int() hits both ends of its range', () => {
    const r = new Rng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 10_000; i++) {
      const f = r.float();
      expect(f >= 0 && f < 1).toBe(true);
      seen.add(r.int(1, 3));
    }
    expect([...seen].sort()).toEqual([1, 2, 3]);
  });

  it('poisson() has the right mean for small and large lambdas', () => {
    const r = new Rng(11);
    for (const lambda of [0.3, 4, 250]) {
      let sum = 0;
      const n = 20_000;
      for (let i = 0; i < n; i++) sum += r.poisson(lambda);
      expect(Math.abs(sum / n - lambda) / lambda).toBeLessThan(0.03);
    }
    expect(r.poisson(0)).toBe(0);
  });

  it('weighted() never picks a zero-weight key', () => {
    const r = new Rng(3);
    const picks = new Set(Array.from({ length: 2_000 }, () => r.weighted({ a: 1, b: 0, c: 3 })));
    expect([...picks].sort()).toEqual(['a', 'c']);
  });

  it('shuffle() permutes in place', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = new Rng(5).shuffle(xs);
    expect(out).toBe(xs);
    expect([...xs].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('hashes', () => {
  it('hash32 separates its parts', () => {
    expect(hash32('ab', 'c')).not.toBe(hash32('a', 'bc'));
    expect(hash32(1, 2)).toBe(hash32('1', '2'));
  });

  it('mix32 is an unsigned 32-bit value that depends on every argument', () => {
    const h = mix32(1, 2, 3);
    expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
    expect(new Set([mix32(1, 2, 3), mix32(2, 2, 3), mix32(1, 3, 3), mix32(1, 2, 4)]).size).toBe(4);
  });
});
