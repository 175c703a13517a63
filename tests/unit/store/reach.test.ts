// The attribution kept at write (store/reach) against the reference evaluator's attribution and
// warning lookup, on seeded random histories (areas moving between feeders, listed and unlisted
// feeder events, versions added in any order), and the network's change reports by hand.

import { describe, expect, it } from 'vitest';
import { attributeEvents } from '../../../analytics/rules/attribution.js';
import { assetHistory } from '../../../analytics/rules/history.js';
import { type Asset, indexWarnings, WEATHER_CAUSES } from '../../../core/index.js';
import { deriveReach, Topology, WarningBook } from '../../../store/reach/index.js';
import { mulberry32, randomHistory } from '../../support/random-history.js';

const area = (assetId: string, feederId: string, validFrom: number, more: Partial<Asset> = {}): Asset => ({
  assetId,
  kind: 'area',
  feederId,
  areaClass: 'town',
  customers: 10,
  validFrom,
  ...more,
});

describe('deriveReach', () => {
  it('reaches what the reference attributes, with the covering warning the reference names', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const h = randomHistory(seed);
      // Versions arrive in a shuffled order: the network must not depend on it.
      const shuffled = [...h.assets];
      const random = mulberry32(seed);
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      const topology = new Topology();
      for (const a of shuffled) topology.add(a);
      const book = new WarningBook();
      for (const w of h.warnings) book.set(w);

      const latest = new Map(h.events.map((e) => [e.eventId, e]));
      const history = assetHistory(h.assets);
      const expected = new Set<string>();
      const lookup = indexWarnings(h.warnings);
      for (const [assetId, items] of attributeEvents(history, [...latest.values()])) {
        for (const { event } of items) {
          const v = history.at(assetId, event.start);
          const warned = WEATHER_CAUSES.has(event.cause)
            ? lookup.covering(event, { province: v?.province, city: v?.city, county: v?.county })
            : null;
          expected.add(`${assetId} ${event.eventId} ${v?.kind} ${v?.feederId} ${v?.county} ${warned}`);
        }
      }
      const actual = new Set<string>();
      for (const e of latest.values()) {
        for (const r of deriveReach(e, 0, topology, book.lookup)) {
          actual.add(`${r.assetId} ${r.eventId} ${r.kind} ${r.feederId} ${r.county} ${r.warnedBy ?? null}`);
        }
      }
      expect([...actual].sort(), `seed ${seed}`).toEqual([...expected].sort());
    }
  });

  it('puts the own asset last and carries the outage facts on every row', () => {
    const t = new Topology();
    t.add({ assetId: 'F', kind: 'feeder', areaClass: 'rural', customers: 0, validFrom: 0, county: '县' });
    t.add(area('A', 'F', 0, { county: '县' }));
    const rows = deriveReach(
      {
        eventId: 'E',
        assetId: 'F',
        start: 1_000,
        end: 61_000,
        customersAffected: 7,
        restorations: [],
        cause: 'weather_fault',
        planned: false,
        warningId: 'W',
      },
      5,
      t,
      { covering: () => 'W' },
    );
    expect(
      rows.map((r) => [r.assetId, r.sourceId, r.kind, r.warnedBy, r.customersAffected, r.receivedAt]),
    ).toEqual([
      ['A', 'F', 'area', 'W', 7, 5],
      ['F', 'F', 'feeder', 'W', 7, 5],
    ]);
  });
});

describe('Topology', () => {
  it('reports the outages a version touches: from its validFrom to the next version, or from the beginning when it is first', () => {
    const t = new Topology();
    expect(t.add(area('A', 'F1', 100))).toMatchObject({ from: Number.NEGATIVE_INFINITY, to: Infinity });
    expect(t.add(area('A', 'F2', 300))).toMatchObject({
      from: 300,
      to: Infinity,
      before: { feederId: 'F1' },
    });
    // Between the two: touches [200, 300) only.
    expect(t.add(area('A', 'F3', 200))).toMatchObject({ from: 200, to: 300, before: { feederId: 'F1' } });
    // The same placement again changes nothing, nor does a version equal to the one in force.
    expect(t.add(area('A', 'F3', 200))).toBeNull();
    expect(t.add(area('A', 'F3', 250, { customers: 99 }))).toBeNull();
    // A new first version reaches back to the beginning.
    expect(t.add(area('A', 'F0', 50))).toMatchObject({ from: Number.NEGATIVE_INFINITY, to: 100 });
    expect([0, 100, 200, 299, 300].map((x) => t.at('A', x)?.feederId)).toEqual([
      'F0',
      'F1',
      'F3',
      'F3',
      'F2',
    ]);
    expect(t.areasOn('F1', 150)).toEqual(['A']);
    expect(t.areasOn('F1', 250)).toEqual([]);
  });

  it('puts versions back from a checkpoint', () => {
    const t = new Topology();
    t.add(area('A', 'F1', 100));
    const undo = t.checkpoint(['A', 'B']);
    t.add(area('A', 'F2', 200));
    t.add(area('B', 'F2', 0));
    undo();
    expect(t.at('A', 500)?.feederId).toBe('F1');
    expect(t.has('B')).toBe(false);
    expect(t.size).toBe(1);
    expect(t.areasOn('F2', 500)).toEqual([]);
  });
});
