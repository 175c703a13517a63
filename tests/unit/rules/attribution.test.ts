import { describe, expect, it } from 'vitest';
import { explain } from '../../../analytics/rules/index.js';
import {
  at,
  area,
  explanationOf,
  feeder,
  flagsOf,
  national,
  oneRule,
  outage,
  reasons,
  shipped,
  ZONE,
} from './fixtures.js';

const asOf = '2025-06-30 23:00';
const rule60 = oneRule('60 days', 3);
const ids = (e: ReturnType<typeof explanationOf>) =>
  e.outages.map((o) => `${o.eventId}${o.viaFeeder ? `<${o.viaFeeder}` : ''}`);

describe('feeder → transformer area attribution', () => {
  // F1 serves A1 and A2; F2 serves A3.
  const assets = [feeder('F1'), feeder('F2'), area('A1', 'F1'), area('A2', 'F1'), area('A3', 'F2')];
  const events = [
    outage('f-all', 'F1', '2025-06-01 10:00', 30), // no affectedAreas: every area on F1 at start
    outage('f-listed', 'F1', '2025-06-02 10:00', 30, { affectedAreas: ['A1'] }),
    outage('f-none', 'F1', '2025-06-03 10:00', 30, { affectedAreas: [] }), // interrupted no area
    outage('a1-own', 'A1', '2025-06-04 10:00', 30),
    outage('f2', 'F2', '2025-06-05 10:00', 30),
    // lists a feeder and an unknown id: neither is an area, both ignored; A2 listed twice counts once
    outage('f-odd', 'F1', '2025-06-06 10:00', 30, { affectedAreas: ['F2', 'A-404', 'A2', 'A2'] }),
  ];
  const given = { assets, events, ruleSet: rule60, asOf };

  it('gives a feeder only its own events', () => {
    expect(ids(explanationOf(given, 'F1', 'r'))).toEqual(['f-all', 'f-listed', 'f-none', 'f-odd']);
  });

  it('gives an area its own events and the feeder events that interrupted it', () => {
    expect(ids(explanationOf(given, 'A1', 'r'))).toEqual(['f-all<F1', 'f-listed<F1', 'a1-own']);
    expect(ids(explanationOf(given, 'A2', 'r'))).toEqual(['f-all<F1', 'f-odd<F1']);
    expect(ids(explanationOf(given, 'A3', 'r'))).toEqual(['f2<F2']);
  });

  it('flags areas through their feeder: A1 has 3 outages in 60 days (at risk), A2 and A3 fewer', () => {
    // A1: f-all, f-listed, a1-own = 3 ≥ 3 → at_risk. F1: f-all, f-listed, f-none, f-odd = 4 > 3 → breach on 06-06.
    const flags = flagsOf(given);
    expect(flags.map((f) => `${f.assetId} ${f.kind} ${f.status} ${f.count} ${f.eventIds.join(',')}`)).toEqual(
      ['A1 area at_risk 3 f-all,f-listed,a1-own', 'F1 feeder breach 4 f-all,f-listed,f-none,f-odd'],
    );
  });
});

describe('topology at the event start', () => {
  // A2 is on F1 until 2025-05-01 00:00 local, then on F2.
  const assets = [
    feeder('F1'),
    feeder('F2'),
    area('A2', 'F1'),
    area('A2', 'F2', { validFrom: at('2025-05-01 00:00') }),
  ];
  const events = [
    outage('f1-april', 'F1', '2025-04-30 23:59', 30), // A2 on F1 at start → A2's
    outage('f1-may', 'F1', '2025-05-01 00:00', 30), // A2 moved at this very instant → not A2's
    outage('f2-may', 'F2', '2025-05-10 10:00', 30), // A2 on F2 → A2's
    outage('f2-april', 'F2', '2025-04-10 10:00', 30), // A2 on F1 then → not A2's
  ];

  it('uses the area version valid at each event start, not the current one', () => {
    const e = explanationOf({ assets, events, ruleSet: rule60, asOf }, 'A2', 'r');
    expect(ids(e)).toEqual(['f1-april<F1', 'f2-may<F2']);
  });

  it('uses the first version for events before the area was first registered', () => {
    // A3 registered on 2025-06-01 on F1; an F1 outage of 2025-05-20 is attributed by that first version
    const late = [...assets, area('A3', 'F1', { validFrom: at('2025-06-01 00:00') })];
    const e = explanationOf({ assets: late, events, ruleSet: rule60, asOf }, 'A3', 'r');
    expect(ids(e)).toEqual(['f1-april<F1', 'f1-may<F1']);
  });
});

describe('overlapping events count once', () => {
  const assets = [feeder('F1'), area('A1', 'F1')];

  it('merges an area event recorded during its feeder outage, using the running maximum end', () => {
    const events = [
      outage('f1', 'F1', '2025-06-01 10:00', 60), // 10:00–11:00
      outage('a-inside', 'A1', '2025-06-01 10:05', 25), // starts before 11:00 → merged with f1
      outage('a-extends', 'A1', '2025-06-01 10:59', 61), // starts before 11:00, ends 12:00 → merged
      outage('a-late', 'A1', '2025-06-01 11:30', 10), // before the running max end 12:00 → merged
      outage('a-touch', 'A1', '2025-06-01 12:00', 10), // starts exactly at 12:00 → a new outage
    ];
    const e = explanationOf({ assets, events, ruleSet: rule60, asOf }, 'A1', 'r');
    expect(reasons(e)).toEqual({
      f1: 'counted',
      'a-inside': 'merged_with:f1',
      'a-extends': 'merged_with:f1',
      'a-late': 'merged_with:f1',
      'a-touch': 'counted',
    });
  });

  it('merges only counted events: an excluded event neither counts nor opens a group', () => {
    const events = [
      outage('ext', 'A1', '2025-06-01 10:00', 120, { cause: 'external_damage' }), // excluded
      outage('fault', 'A1', '2025-06-01 10:30', 30), // overlaps ext, but ext does not count → counted
    ];
    const e = explanationOf({ assets, events, ruleSet: rule60, asOf }, 'A1', 'r');
    expect(reasons(e)).toEqual({ ext: 'external_damage', fault: 'counted' });
  });

  it('orders events with the same start by eventId; the first leads the group', () => {
    const events = [outage('b', 'F1', '2025-06-01 10:00', 30), outage('a', 'F1', '2025-06-01 10:00', 30)];
    const e = explanationOf({ assets, events, ruleSet: rule60, asOf }, 'F1', 'r');
    expect(e.outages.map((o) => `${o.eventId}:${o.reason ?? 'counted'}`)).toEqual([
      'a:counted',
      'b:merged_with:a',
    ]);
  });
});

describe('ongoing outages', () => {
  const assets = [feeder('F1')];

  it('counts an ongoing outage from its start and merges every later event into it', () => {
    // o1 ongoing since 05-01: e2 and e3 start before its (infinite) end → merged; count 1.
    const events = [
      outage('o1', 'F1', '2025-05-01 10:00', null),
      outage('e2', 'F1', '2025-05-02 10:00', 30),
      outage('e3', 'F1', '2025-06-20 10:00', 30),
    ];
    const e = explanationOf({ assets, events, ruleSet: rule60, asOf }, 'F1', 'r');
    expect(reasons(e)).toEqual({ o1: 'counted', e2: 'merged_with:o1', e3: 'merged_with:o1' });
    expect(e.outages[0]).toEqual({
      eventId: 'o1',
      start: at('2025-05-01 10:00'),
      end: null,
      cause: 'equipment_fault',
      date: '2025-05-01',
      counted: true,
    });
  });

  it('makes an asset at risk while the third outage is still going on', () => {
    // window 05-02 … 06-30 holds e1, e2 and the ongoing o3 = 3 ≥ 3
    const events = [
      outage('e1', 'F1', '2025-06-01 10:00', 30),
      outage('e2', 'F1', '2025-06-10 10:00', 30),
      outage('o3', 'F1', '2025-06-30 22:00', null),
    ];
    const flags = flagsOf({ assets, events, ruleSet: national, asOf });
    expect(flags.map((f) => `${f.rule} ${f.status} ${f.count} ${f.eventIds.join(',')}`)).toEqual([
      'over-3-in-60d at_risk 3 e1,e2,o3',
    ]);
  });
});

describe('scope', () => {
  it('Baoshan rules cover feeders only; national rules feeders and areas', () => {
    // 4 feeder outages in 60 days interrupt A1 too. Baoshan fault rule: 4 ≤ 14 → nothing.
    const assets = [feeder('F1'), area('A1', 'F1')];
    const events = ['06-01', '06-02', '06-03', '06-04'].map((d, i) =>
      outage(`e${i}`, 'F1', `2025-${d} 10:00`, 30),
    );
    const byNational = flagsOf({ assets, events, ruleSet: national, asOf });
    expect(byNational.map((f) => `${f.assetId} ${f.rule} ${f.status}`)).toEqual([
      'A1 over-3-in-60d breach',
      'F1 over-3-in-60d breach',
    ]);
    expect(flagsOf({ assets, events, ruleSet: shipped('baoshan-2021'), asOf })).toEqual([]);
  });

  it('reads scope attributes from the version valid at asOf, and explains out-of-scope assets', () => {
    // F1 is a feeder; a rule for rural assets only. F1 became rural on 2025-06-15.
    const rural = oneRule('60 days', 1, {}, { kind: ['feeder'], areaClass: ['rural'] });
    const assets = [feeder('F1'), feeder('F1', { areaClass: 'rural', validFrom: at('2025-06-15 00:00') })];
    const events = [outage('e1', 'F1', '2025-06-01 10:00', 30), outage('e2', 'F1', '2025-06-02 10:00', 30)];
    expect(flagsOf({ assets, events, ruleSet: rural, asOf: '2025-06-10 00:00' })).toEqual([]);
    expect(flagsOf({ assets, events, ruleSet: rural, asOf }).map((f) => f.status)).toEqual(['breach']);
    const e = explanationOf({ assets, events, ruleSet: rural, asOf: '2025-06-10 00:00' }, 'F1', 'r');
    expect([e.inScope, e.flag, Object.keys(reasons(e))]).toEqual([false, null, ['e1', 'e2']]);
  });

  it('answers unknown assets and rules as issues', () => {
    const input = {
      assets: [feeder('F1')],
      events: [],
      warnings: [],
      asOf: at(asOf),
      zone: ZONE,
      ruleSet: national,
    };
    expect([explain(input, 'F9', 'over-3-in-60d'), explain(input, 'F1', 'saidi')]).toMatchInlineSnapshot(`
      [
        {
          "issues": [
            {
              "message": "unknown asset "F9"",
              "path": "assetId",
            },
          ],
          "ok": false,
        },
        {
          "issues": [
            {
              "message": "unknown count rule "saidi" in national-2025 (known: "over-5-in-365d", "over-3-in-60d")",
              "path": "rule",
            },
          ],
          "ok": false,
        },
      ]
    `);
  });
});
