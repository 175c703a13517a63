import { describe, expect, it } from 'vitest';
import { type ProposedEffect, proposedEffects } from '../../../analytics/rules/index.js';
import { area, at, feeder, national, outage, shipped, ZONE } from './fixtures.js';

// national-2025: over-3-in-60d (breach at 4 in 60 days) and over-5-in-365d (breach at 6 in
// 365 days); planned outages count; exclusions warned_weather, external_damage, short_switching.
const F1 = feeder('F1');
const A1 = area('A1', 'F1');
const A2 = area('A2', 'F1');
const assets = [F1, A1, A2];

const proposal = (start: string, minutes = 240, extra = {}) =>
  outage('proposed', 'F1', start, minutes, { cause: 'planned_maintenance', planned: true, ...extra });

const line = (e: ProposedEffect) =>
  `${e.assetId} ${e.rule} ${e.before.count}→${e.after.count}/${e.limit} ${e.outcome}` +
  (e.breachDates.length > 0 ? ` ${e.breachDates.join(',')}` : '');

const effects = (events: ReturnType<typeof outage>[], p: ReturnType<typeof outage>, a = assets) =>
  proposedEffects({ assets: a, events, warnings: [], zone: ZONE }, p, national);

describe('proposedEffects (先算后停)', () => {
  it('names the feeder and areas a fourth outage in 60 days would push into breach', () => {
    // F1's own outages reach A1 and A2 too (no affectedAreas: every area on the feeder).
    // 3 outages on 01-10, 02-01, 02-20; the proposal on 03-05 is 54 days after 01-10 → 4 > 3.
    const events = [
      outage('e1', 'F1', '2025-01-10 09:00', 60),
      outage('e2', 'F1', '2025-02-01 09:00', 60),
      outage('e3', 'F1', '2025-02-20 09:00', 60),
    ];
    const rows = effects(events, proposal('2025-03-05 08:00'));
    expect(rows.map(line)).toEqual([
      'A1 over-3-in-60d 3→4/3 breach 2025-03-05',
      'A2 over-3-in-60d 3→4/3 breach 2025-03-05',
      'F1 over-3-in-60d 3→4/3 breach 2025-03-05',
      'A1 over-5-in-365d 3→4/5 none',
      'A2 over-5-in-365d 3→4/5 none',
      'F1 over-5-in-365d 3→4/5 none',
    ]);
    const a1 = rows[0] as ProposedEffect;
    expect(a1.viaFeeder).toBe('F1');
    expect(a1.notCounted).toBeNull();
    expect([a1.windowStart, a1.windowEnd]).toEqual(['2025-01-05', '2025-03-05']);
    expect([a1.before.status, a1.after.status]).toEqual(['at_risk', 'breach']);
    expect(rows[2]?.viaFeeder).toBeUndefined();
  });

  it('a proposal 60 days after the first outage only brings the window to the limit', () => {
    // 03-11 − 01-10 = 20 + 28 + 10 = 60 days: e1 leaves the window 01-11 … 03-11 → 2 + 1 = 3
    const events = [
      outage('e1', 'F1', '2025-01-10 09:00', 60),
      outage('e2', 'F1', '2025-02-01 09:00', 60),
      outage('e3', 'F1', '2025-02-20 09:00', 60),
    ];
    const rows = effects(events, proposal('2025-03-11 08:00')).filter((r) => r.assetId === 'F1');
    expect(rows.map(line)).toEqual(['F1 over-3-in-60d 2→3/3 at_risk', 'F1 over-5-in-365d 3→4/5 none']);
  });

  it('only the named areas of a feeder outage with affectedAreas', () => {
    const events = [outage('e1', 'A2', '2025-02-01 09:00', 60)];
    const rows = effects(events, proposal('2025-03-05 08:00', 240, { affectedAreas: ['A2'] }));
    expect([...new Set(rows.map((r) => r.assetId))]).toEqual(['A2', 'F1']);
    expect(rows.filter((r) => r.assetId === 'A2').map(line)).toEqual([
      'A2 over-3-in-60d 1→2/3 none',
      'A2 over-5-in-365d 1→2/5 none',
    ]);
  });

  it('finds the breach a later scheduled outage would cause once the proposal is in', () => {
    // e1 01-10, e2 02-01 and a planned outage already scheduled for 03-01: 3 in 60 days.
    // The proposal on 02-15 makes 4 in the window ending 03-01 (01-01 … 03-01): the scheduled
    // outage is the one that goes over, dated 03-01; the proposed day's own window holds 3.
    const events = [
      outage('e1', 'F1', '2025-01-10 09:00', 60),
      outage('e2', 'F1', '2025-02-01 09:00', 60),
      outage('s3', 'F1', '2025-03-01 09:00', 120, { cause: 'planned_maintenance', planned: true }),
    ];
    const rows = effects(events, proposal('2025-02-15 08:00')).filter((r) => r.assetId === 'F1');
    expect(rows.map(line)).toEqual([
      'F1 over-3-in-60d 2→3/3 breach 2025-03-01',
      'F1 over-5-in-365d 2→3/5 none',
    ]);
  });

  it('a proposal merged with an outage it overlaps adds nothing', () => {
    // e3 from 2025-03-05 07:00 for 3 hours overlaps the proposal from 08:00: they count once
    const events = [
      outage('e1', 'F1', '2025-01-10 09:00', 60),
      outage('e2', 'F1', '2025-02-01 09:00', 60),
      outage('e3', 'F1', '2025-03-05 07:00', 180),
    ];
    const rows = effects(events, proposal('2025-03-05 08:00')).filter((r) => r.assetId === 'F1');
    expect(rows.map(line)).toEqual(['F1 over-3-in-60d 3→3/3 none', 'F1 over-5-in-365d 3→3/5 none']);
  });

  it('says why a proposal does not count under a rule that leaves it out', () => {
    // baoshan-2021 (feeders in 保山市): 25-or-more-a-year counts every outage,
    // fault-15-in-183d unplanned faults only (planned_maintenance is not among its causes)
    const baoshan = shipped('baoshan-2021');
    const inBaoshan = [F1, A1].map((a) => ({ ...a, province: '云南省', city: '保山市', county: '隆阳区' }));
    const rows = proposedEffects(
      { assets: inBaoshan, events: [], warnings: [], zone: ZONE },
      proposal('2025-03-05 08:00'),
      baoshan,
    );
    expect(
      rows.map((r) => `${r.assetId} ${r.rule} ${r.notCounted} ${r.before.count}→${r.after.count}`),
    ).toEqual(['F1 25-or-more-a-year null 0→1', 'F1 fault-15-in-183d cause_not_counted 0→0']);
  });

  it('is judged at the proposed start: an asset moved off the feeder before it is not reached', () => {
    const moved = area('A2', 'F2', { validFrom: at('2025-02-01') });
    const rows = effects([], proposal('2025-03-05 08:00'), [...assets, moved, feeder('F2')]);
    expect([...new Set(rows.map((r) => r.assetId))]).toEqual(['A1', 'F1']);
  });
});
