// Bounds on what one bad record costs: its issues are capped (a record of 50,000 unknown fields
// or a list of 80,000 repeated area ids is a few issues, not tens of thousands), and nesting too deep to quote is described rather than overflowing.

import { describe, expect, it } from 'vitest';
import { validateRecord } from '../../../ingest/schemas/index.js';

const ctx = { zone: 'Asia/Shanghai', now: Date.UTC(2026, 0, 1) };
const outage = (extra: Record<string, unknown>) => ({
  eventId: 'E1',
  assetId: 'F1',
  start: '2025-06-01 10:00',
  customersAffected: 5,
  cause: 'unknown',
  ...extra,
});

describe('limits of a bad record', () => {
  it('names 20 unknown fields and counts the rest', () => {
    const extra = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`x${i}`, 1]));
    const r = validateRecord('outages', outage(extra), ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(21);
    expect(r.issues[0]?.path).toBe('x0');
    expect(r.issues[20]).toEqual({ path: '', message: 'and 49980 more unknown fields' });
  });

  it('reports 20 repeats of a list and counts the rest', () => {
    const areas = Array.from({ length: 80_000 }, (_, i) => `A${i % 40_000}`).join(';');
    const r = validateRecord('outages', outage({ affectedAreas: areas }), ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const messages = r.issues.map((i) => i.message);
    expect(messages).toHaveLength(21);
    expect(messages[0]).toBe('lists "A0" more than once');
    expect(messages[20]).toBe('and 39980 more problems in the list');
  });

  it('describes a value nested too deep to quote', () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const r = validateRecord('outages', outage({ customersAffected: JSON.parse(deep) }), ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.message).join(' ')).toContain('a deeply nested list');
  });
});
