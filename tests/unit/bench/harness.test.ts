import { describe, expect, it } from 'vitest';
import { fromSamples, markdownTable, singleRun } from '../../../bench/harness.js';
import { FlagRowCounts } from '../../../bench/rules-run.js';

describe('singleRun', () => {
  it('reports one timed run: rounded ms, and the rate from the unrounded time', () => {
    // 1 000 items in 400.4 ms: 2 497.5… items/s, rounded to 2 498 (400 ms would give 2 500).
    expect(singleRun('load', 'small', 400.4, 321, 1_000)).toEqual({
      name: 'load',
      size: 'small',
      runs: [400],
      medianMs: 400,
      peakRssMb: 321,
      items: 1_000,
      rate: 2_498,
    });
  });

  it('carries the baseline and the note, and a table row shows its ratio to the baseline', () => {
    const whole = singleRun('load', 'small', 2_000, 300, 10_000);
    const part = singleRun('generate', 'small', 500, 200, 10_000, { baseline: 'load', note: 'a | b' });
    expect(part).toMatchObject({ baseline: 'load', note: 'a | b', rate: 20_000 });
    expect(markdownTable([whole, part]).split('\n')[3]).toBe(
      '| generate | small | 0.50 s | 20,000 | 0.25 | 200 MB | 500 | a / b |',
    );
  });

  it('agrees with fromSamples on one sample of whole milliseconds', () => {
    const { runs, medianMs, rate } = fromSamples('x', 'small', [250], 1, { items: 50 });
    expect(singleRun('x', 'small', 250, 1, 50)).toMatchObject({ runs, medianMs, rate });
  });
});

describe('FlagRowCounts', () => {
  it('keeps the first count of each rule and says them per rule, joined by slashes', async () => {
    const counts = new FlagRowCounts();
    counts.count('product', 0, 12);
    counts.count('product', 1, 3);
    counts.count('product', 0, 99);
    expect(counts.of('product')).toBe('12/3');
    expect(counts.of('other')).toBeUndefined();
  });

  it('counts each rule in order and passes a peer that found the same rows', async () => {
    const counts = new FlagRowCounts();
    const rules = [{ id: 'a' }, { id: 'b' }] as never[];
    const found: Record<string, number> = { a: 7, b: 2 };
    await counts.countEach('previous', rules, async (rule) => found[(rule as { id: string }).id]!);
    await counts.countEach('peer', rules, async (rule) => found[(rule as { id: string }).id]!);
    expect(() => counts.agree('peer', 'previous')).not.toThrow();
    counts.count('odd', 0, 7);
    counts.count('odd', 1, 3);
    expect(() => counts.agree('odd', 'previous')).toThrow('odd found 7/3 flag rows, previous 7/2');
  });
});
