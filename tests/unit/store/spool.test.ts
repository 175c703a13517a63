// The spool keeps what it was given: a unit QuestDB refuses on replay is set aside in
// refused/ with the reason (never deleted), listed, and put back at the end of the queue.

import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Spool } from '../../../store/writer/spool.js';

type Unit = { name: string };

describe('spool', () => {
  it('sets a refused unit aside with its reason, lists it, and requeues it behind the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spool-'));
    const spool = new Spool<Unit>(dir, 1e6);
    spool.append({ name: 'a' });
    spool.append({ name: 'b' });
    spool.append({ name: 'c' });
    const bytes = spool.size;
    spool.setAside('table does not exist', 1_000);
    expect(spool.depth).toBe(2);
    expect(spool.size).toBeLessThan(bytes);
    expect(spool.peek()?.unit).toEqual({ name: 'b' });
    expect(spool.refusedCount).toBe(1);
    expect(spool.refused()).toEqual([
      { file: '000000000001.json', unit: { name: 'a' }, at: 1_000, reason: 'table does not exist' },
    ]);

    // Kept across a restart, beside the queue rather than in it.
    const again = new Spool<Unit>(dir, 1e6);
    expect(again.depth).toBe(2);
    expect(again.refused().map((r) => r.file)).toEqual(['000000000001.json']);

    expect(again.requeue('000000000001.json')).toBe(true);
    expect(again.refused()).toEqual([]);
    expect(readdirSync(join(dir, 'refused'))).toEqual([]);
    const order: string[] = [];
    for (let e = again.peek(); e; e = again.peek()) {
      order.push(e.unit.name);
      again.shift();
    }
    expect(order).toEqual(['b', 'c', 'a']);
  });

  it('requeues only set-aside units by their spool name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spool-'));
    const spool = new Spool<Unit>(dir, 1e6);
    spool.append({ name: 'a' });
    expect(spool.requeue('000000000001.json')).toBe(false); // in the queue, not refused
    expect(spool.requeue('../000000000001.json')).toBe(false);
    expect(spool.requeue('000000000009.json')).toBe(false);
    expect(spool.depth).toBe(1);
    expect(spool.refused()).toEqual([]);
  });
});
