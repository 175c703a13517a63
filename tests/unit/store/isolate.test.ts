// Finding the records QuestDB refused in a unit it refused as a whole: by halving, with every
// other record still sent, and a refusal of the whole unit (or of many records) failing it.

import { describe, expect, it } from 'vitest';
import { isolateRefused } from '../../../store/writer/isolate.js';

class Refusal extends Error {}

/** A QuestDB stand-in refusing any range that holds a bad record; it logs what it stored. */
function server(bad: ReadonlySet<number>) {
  const stored: number[] = [];
  const sends: [number, number][] = [];
  const send = async (from: number, to: number) => {
    sends.push([from, to]);
    const hit = [...bad].find((i) => i >= from && i < to);
    if (hit !== undefined) throw new Refusal(`bad value in record ${hit}`);
    for (let i = from; i < to; i++) stored.push(i);
  };
  return { send, stored, sends };
}

const isRefusal = (err: unknown) => err instanceof Refusal;

describe('isolateRefused', () => {
  it('finds the one refused record of eight in six sends and stores the other seven', async () => {
    const s = server(new Set([5]));
    const refused = await isolateRefused(8, new Refusal('whole'), s.send, isRefusal);
    expect(refused).toEqual([{ index: 5, message: 'bad value in record 5' }]);
    expect(s.stored.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 6, 7]);
    expect(s.sends).toEqual([
      [0, 4],
      [4, 8],
      [4, 6],
      [4, 5],
      [5, 6],
      [6, 8],
    ]);
  });

  it('finds several, in order, in a unit of odd length', async () => {
    const s = server(new Set([0, 3, 6]));
    const refused = await isolateRefused(7, new Refusal('whole'), s.send, isRefusal);
    expect(refused.map((r) => r.index)).toEqual([0, 3, 6]);
    expect(s.stored.sort((a, b) => a - b)).toEqual([1, 2, 4, 5]);
  });

  it('fails the unit when every record is refused, or more than the limit', async () => {
    const first = new Refusal('table is not writable');
    await expect(isolateRefused(4, first, server(new Set([0, 1, 2, 3])).send, isRefusal)).rejects.toBe(first);
    await expect(isolateRefused(1, first, server(new Set([0])).send, isRefusal)).rejects.toBe(first);
    const many = server(new Set([1, 3, 5, 7]));
    await expect(isolateRefused(10, first, many.send, isRefusal, 3)).rejects.toBe(first);
  });

  it('lets other failures through (QuestDB gone half-way: the caller spools the unit)', async () => {
    const gone = new Error('connect ECONNREFUSED');
    const send = async (from: number) => {
      if (from >= 2) throw gone;
    };
    await expect(isolateRefused(4, new Refusal('whole'), send, isRefusal)).rejects.toBe(gone);
  });
});
