// Answers of "now" shared for a while: fresh ones served as they are, stale ones served while
// the next is computed, one computation per key at a time, failures not kept.

import { describe, expect, it } from 'vitest';
import { Recent } from '../../../dashboard/api/recent.js';

function setup() {
  let t = 1_000_000;
  const calls: { key: string; at: number }[] = [];
  let fail = false;
  let release: (() => void) | undefined;
  let hold = false;
  const recent = new Recent<string>(
    async (key, at) => {
      calls.push({ key, at });
      if (hold) await new Promise<void>((r) => (release = r));
      if (fail) throw new Error('QuestDB timed out');
      return `${key}@${at}`;
    },
    { freshMs: 60_000, staleMs: 900_000, now: () => t },
  );
  return {
    recent,
    calls,
    advance: (ms: number) => (t += ms),
    failNext: (v: boolean) => (fail = v),
    holdNext: (v: boolean) => (hold = v),
    release: () => release?.(),
  };
}

describe('Recent', () => {
  it('serves a fresh answer for a minute, per key', async () => {
    const s = setup();
    expect(await s.recent.get('all')).toEqual({ at: 1_000_000, value: 'all@1000000' });
    s.advance(59_999);
    expect((await s.recent.get('all')).at).toBe(1_000_000);
    expect((await s.recent.get('weather')).value).toBe('weather@1059999');
    expect(s.calls.map((c) => c.key)).toEqual(['all', 'weather']);
  });

  it('serves a stale answer while the next is computed, and the next one after', async () => {
    const s = setup();
    await s.recent.get('all');
    s.advance(60_000);
    expect((await s.recent.get('all')).at).toBe(1_000_000); // stale, refresh started
    await new Promise((r) => setTimeout(r, 0));
    expect((await s.recent.get('all')).at).toBe(1_060_000);
    expect(s.calls).toHaveLength(2);
  });

  it('waits for a new answer when the last one is older than the stale limit', async () => {
    const s = setup();
    await s.recent.get('all');
    s.advance(900_000);
    expect((await s.recent.get('all')).at).toBe(1_900_000);
  });

  it('runs one computation per key for concurrent requests', async () => {
    const s = setup();
    s.holdNext(true);
    const a = s.recent.get('all');
    const b = s.recent.get('all');
    s.release();
    expect(await a).toBe(await b);
    expect(s.calls).toHaveLength(1);
  });

  it('keeps no failed answer: the next request computes again', async () => {
    const s = setup();
    s.failNext(true);
    await expect(s.recent.get('all')).rejects.toThrow('QuestDB timed out');
    s.failNext(false);
    expect((await s.recent.get('all')).value).toBe('all@1000000');
    expect(s.calls).toHaveLength(2);
  });
});
