import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  at,
  compile,
  explanationOf,
  feeder,
  flagsOf,
  national,
  oneRule,
  outage,
  reasons,
  shipped,
  warning,
} from './fixtures.js';
import type { Warning } from '../../../core/domain.js';

// Feeder F1 lies in 云南 / 昆明 / 五华 (fixtures.ts). Every case is explained as of
// 2025-06-30 23:00 local, so all outages below are in the trailing 365 days.
const asOf = '2025-06-30 23:00';
const F1 = feeder('F1');
const rule60 = oneRule('60 days', 3);

describe('warned_weather exclusion', () => {
  // W1: county warning for 五华, in force 2025-06-01 08:00 … 2025-06-02 08:00 (both ends included)
  const W1 = warning('W1', '2025-06-01 08:00', '2025-06-02 08:00');

  it('excludes a weather outage while a covering warning is in force, ends included', () => {
    const events = [
      outage('before', 'F1', '2025-06-01 07:59', 60, { cause: 'weather_fault' }), // 1 min before start: counts
      outage('at-start', 'F1', '2025-06-01 08:00', 60, { cause: 'weather_fault' }), // start ≤ t: excluded
      outage('inside', 'F1', '2025-06-01 20:00', 60, { cause: 'natural_disaster' }), // excluded
      outage('at-end', 'F1', '2025-06-02 08:00', 60, { cause: 'weather_fault' }), // t ≤ end: excluded
      outage('expired', 'F1', '2025-06-02 08:01', 60, { cause: 'weather_fault' }), // after end: counts
      outage('not-weather', 'F1', '2025-06-01 12:00', 1, { cause: 'equipment_fault' }), // other cause: counts
    ];
    const e = explanationOf({ assets: [F1], events, warnings: [W1], ruleSet: rule60, asOf }, 'F1', 'r');
    expect(reasons(e)).toEqual({
      before: 'counted',
      'at-start': 'warning:W1',
      'not-weather': 'counted',
      inside: 'warning:W1',
      'at-end': 'warning:W1',
      expired: 'counted',
    });
  });

  it('matches warnings by region: other county no, whole city, whole province and national yes', () => {
    const span = ['2025-06-01 08:00', '2025-06-01 20:00'] as const;
    const cases = {
      otherCounty: warning('X', ...span, { province: '云南', city: '昆明', county: '盘龙' }),
      otherCity: warning('X', ...span, { province: '云南', city: '曲靖' }, { issuerLevel: 'city' }),
      wholeCity: warning('X', ...span, { province: '云南', city: '昆明' }, { issuerLevel: 'city' }),
      wholeProvince: warning('X', ...span, { province: '云南' }, { issuerLevel: 'province' }),
      national: warning('X', ...span, {}, { issuerLevel: 'national' }),
    };
    const reasonWith = (w: Warning) => {
      const events = [outage('e', 'F1', '2025-06-01 12:00', 30, { cause: 'weather_fault' })];
      const e = explanationOf({ assets: [F1], events, warnings: [w], ruleSet: rule60, asOf }, 'F1', 'r');
      return reasons(e)['e'];
    };
    expect(Object.fromEntries(Object.entries(cases).map(([k, w]) => [k, reasonWith(w)]))).toEqual({
      otherCounty: 'counted',
      otherCity: 'counted',
      wholeCity: 'warning:X',
      wholeProvince: 'warning:X',
      national: 'warning:X',
    });
  });

  it('judges an event naming a warningId against that warning only', () => {
    const other = warning('W-PL', '2025-06-01 08:00', '2025-06-02 08:00', {
      province: '云南',
      city: '昆明',
      county: '盘龙',
    });
    const events = [
      // names a warning for another county: not excluded, although W1 covers F1 at that time
      outage('names-other', 'F1', '2025-06-01 12:00', 30, { cause: 'weather_fault', warningId: 'W-PL' }),
      // names a warning that does not exist: not excluded
      outage('names-missing', 'F1', '2025-06-01 13:00', 30, { cause: 'weather_fault', warningId: 'W-404' }),
      // names the covering warning: excluded
      outage('names-W1', 'F1', '2025-06-01 14:00', 30, { cause: 'weather_fault', warningId: 'W1' }),
      // names W1 but starts after it ended: not excluded
      outage('names-W1-late', 'F1', '2025-06-03 14:00', 30, { cause: 'weather_fault', warningId: 'W1' }),
    ];
    const e = explanationOf(
      { assets: [F1], events, warnings: [W1, other], ruleSet: rule60, asOf },
      'F1',
      'r',
    );
    expect(reasons(e)).toEqual({
      'names-other': 'counted',
      'names-missing': 'counted',
      'names-W1': 'warning:W1',
      'names-W1-late': 'counted',
    });
  });

  it('names the covering warning with the smallest warningId when several are in force', () => {
    const b = warning('W-b', '2025-06-01 00:00', '2025-06-02 00:00');
    const a = warning('W-a', '2025-06-01 06:00', '2025-06-02 00:00', { province: '云南', city: '昆明' });
    const events = [
      outage('e1', 'F1', '2025-06-01 05:00', 30, { cause: 'weather_fault' }), // only W-b in force
      outage('e2', 'F1', '2025-06-01 07:00', 30, { cause: 'weather_fault' }), // both: W-a < W-b
    ];
    const warnings = [b, a];
    const e = explanationOf({ assets: [F1], events, warnings, ruleSet: rule60, asOf }, 'F1', 'r');
    expect(reasons(e)).toEqual({ e1: 'warning:W-b', e2: 'warning:W-a' });
  });

  it('takes the region of the asset version valid at the outage start', () => {
    // F1 was in 盘龙 until 2025-06-15, then re-registered in 五华. A 五华 warning on 06-01 and one
    // on 06-20: the first outage happened while F1 was in 盘龙, so it counts.
    const versions = [feeder('F1', { county: '盘龙' }), feeder('F1', { validFrom: at('2025-06-15 00:00') })];
    const events = [
      outage('in-panlong', 'F1', '2025-06-01 12:00', 30, { cause: 'weather_fault' }),
      outage('in-wuhua', 'F1', '2025-06-20 12:00', 30, { cause: 'weather_fault' }),
    ];
    const warnings = [W1, warning('W2', '2025-06-20 00:00', '2025-06-21 00:00')];
    const e = explanationOf({ assets: versions, events, warnings, ruleSet: rule60, asOf }, 'F1', 'r');
    expect(reasons(e)).toEqual({ 'in-panlong': 'counted', 'in-wuhua': 'warning:W2' });
  });

  it('does not exclude anything when the rule does not list the exclusion', () => {
    const events = [
      outage('weather', 'F1', '2025-06-01 12:00', 30, { cause: 'weather_fault' }),
      outage('external', 'F1', '2025-06-02 12:00', 30, { cause: 'external_damage' }),
      outage('switching', 'F1', '2025-06-03 12:00', 1, { cause: 'mode_adjustment' }),
    ];
    const ruleSet = oneRule('60 days', 3, { exclusions: [] });
    const e = explanationOf({ assets: [F1], events, warnings: [W1], ruleSet, asOf }, 'F1', 'r');
    expect(reasons(e)).toEqual({ weather: 'counted', external: 'counted', switching: 'counted' });
  });
});

describe('external_damage and short_switching exclusions', () => {
  it('excludes external damage of any duration, planned or not', () => {
    const events = [
      outage('dig', 'F1', '2025-06-01 12:00', 300, { cause: 'external_damage' }),
      outage('kite', 'F1', '2025-06-02 12:00', null, { cause: 'external_damage' }),
    ];
    const e = explanationOf({ assets: [F1], events, ruleSet: rule60, asOf }, 'F1', 'r');
    expect(reasons(e)).toEqual({ dig: 'external_damage', kite: 'external_damage' });
  });

  it('excludes ended switching outages of at most 3 minutes, not 4 minutes, not ongoing ones', () => {
    const events = [
      outage('psw-3', 'F1', '2025-06-01 10:00', 3, { cause: 'protective_supply_switching' }), // 3 ≤ 3
      outage('psw-4', 'F1', '2025-06-02 10:00', 4, { cause: 'protective_supply_switching' }), // 4 > 3
      outage('mode-3', 'F1', '2025-06-03 10:00', 3, { cause: 'mode_adjustment' }),
      // 3 min + 1 ms is longer than 3 minutes
      {
        ...outage('mode-3+', 'F1', '2025-06-04 10:00', 3, { cause: 'mode_adjustment' }),
        end: at('2025-06-04 10:03') + 1,
      },
      outage('fault-1', 'F1', '2025-06-06 10:00', 1, { cause: 'equipment_fault' }), // short, but not switching
      outage('planned-2', 'F1', '2025-06-05 10:00', 2, { cause: 'planned_maintenance', planned: true }),
      // last: an ongoing outage would merge every later one
      outage('mode-ongoing', 'F1', '2025-06-07 10:00', null, { cause: 'mode_adjustment' }), // never short
    ];
    const e = explanationOf({ assets: [F1], events, ruleSet: rule60, asOf }, 'F1', 'r');
    expect(reasons(e)).toEqual({
      'psw-3': 'short_switching',
      'psw-4': 'counted',
      'mode-3': 'short_switching',
      'mode-3+': 'counted',
      'mode-ongoing': 'counted',
      'fault-1': 'counted',
      'planned-2': 'counted',
    });
  });

  it('reads the short-outage threshold from the rule set', () => {
    const raw = JSON.parse(readFileSync('rules/national-2025.json', 'utf8'));
    const ruleSet = compile({ ...raw, shortOutageMinutes: 5 });
    const events = [
      outage('psw-4', 'F1', '2025-06-02 10:00', 4, { cause: 'protective_supply_switching' }), // 4 ≤ 5
      outage('psw-6', 'F1', '2025-06-03 10:00', 6, { cause: 'protective_supply_switching' }), // 6 > 5
    ];
    const e = explanationOf({ assets: [F1], events, ruleSet, asOf }, 'F1', 'over-3-in-60d');
    expect(reasons(e)).toEqual({ 'psw-4': 'short_switching', 'psw-6': 'counted' });
  });
});

describe('cause, planned and minimum-duration filters', () => {
  it('Baoshan fault rule: only unplanned outages with a fault cause count; planned is checked before exclusions', () => {
    const baoshan = shipped('baoshan-2021');
    const events = [
      outage('fault', 'F1', '2025-06-01 10:00', 30),
      outage('maint', 'F1', '2025-06-02 10:00', 30, { cause: 'planned_maintenance', planned: true }),
      outage('shortage', 'F1', '2025-06-03 10:00', 30, { cause: 'supply_shortage' }),
      outage('planned-fault', 'F1', '2025-06-04 10:00', 30, { planned: true }),
      outage('external', 'F1', '2025-06-05 10:00', 30, { cause: 'external_damage' }), // no exclusions in Baoshan
      outage('unknown', 'F1', '2025-06-06 10:00', null, { cause: 'unknown' }),
    ];
    const e = explanationOf({ assets: [F1], events, ruleSet: baoshan, asOf }, 'F1', 'fault-15-in-183d');
    expect(reasons(e)).toEqual({
      fault: 'counted',
      maint: 'cause_not_counted',
      shortage: 'cause_not_counted',
      'planned-fault': 'planned_not_counted',
      external: 'counted',
      unknown: 'counted',
    });
  });

  it('minDurationMinutes drops ended outages shorter than it, never ongoing ones', () => {
    const ruleSet = oneRule('60 days', 3, { minDurationMinutes: 5 });
    const events = [
      outage('m4', 'F1', '2025-06-01 10:00', 4), // 4 < 5
      outage('m5', 'F1', '2025-06-02 10:00', 5), // 5 is not below 5
      outage('ongoing', 'F1', '2025-06-03 10:00', null),
      outage('psw-2', 'F1', '2025-06-04 10:00', 2, { cause: 'protective_supply_switching' }), // exclusion first
    ];
    const e = explanationOf({ assets: [F1], events, ruleSet, asOf }, 'F1', 'r');
    expect(reasons(e)).toEqual({
      m4: 'below_min_duration',
      m5: 'counted',
      ongoing: 'counted',
      'psw-2': 'short_switching',
    });
  });
});

describe('a corrected cause', () => {
  // Four outages of F1 within 60 days: 06-01, 06-10, 06-20, 06-25. As first reported all four are
  // equipment faults: 4 > 3 → breach on 06-25. The investigation re-sends e2 as external damage;
  // the later version replaces the earlier one: 3 counted outages in the window 05-02 … 06-30,
  // 3 ≥ 3 → at_risk.
  const first = [
    outage('e1', 'F1', '2025-06-01 10:00', 30),
    outage('e2', 'F1', '2025-06-10 10:00', 30),
    outage('e3', 'F1', '2025-06-20 10:00', 30),
    outage('e4', 'F1', '2025-06-25 10:00', 30),
  ];
  const corrected = outage('e2', 'F1', '2025-06-10 10:00', 30, { cause: 'external_damage' });

  it('is a breach as first reported', () => {
    const flags = flagsOf({ assets: [F1], events: first, ruleSet: national, asOf });
    expect(flags.map((f) => [f.rule, f.status, f.count, f.breachDate])).toEqual([
      ['over-3-in-60d', 'breach', 4, '2025-06-25'],
    ]);
  });

  it('replaces the earlier version and is at risk after the correction', () => {
    const flags = flagsOf({ assets: [F1], events: [...first, corrected], ruleSet: national, asOf });
    expect(flags).toEqual([
      {
        assetId: 'F1',
        kind: 'feeder',
        rule: 'over-3-in-60d',
        ruleSet: 'national-2025',
        family: 'frequent_outage',
        status: 'at_risk',
        count: 3,
        limit: 3,
        windowStart: '2025-05-02', // 06-30 − 59 days
        windowEnd: '2025-06-30',
        breachDate: null,
        eventIds: ['e1', 'e3', 'e4'],
      },
    ]);
  });

  it('keeps the last version of an eventId, even when the correction moves it after asOf', () => {
    // e4 re-sent with its start corrected to 07-02, after asOf: not seen → e1, e2, e3 → at_risk 3
    const moved = outage('e4', 'F1', '2025-07-02 10:00', 30);
    const flags = flagsOf({ assets: [F1], events: [...first, moved], ruleSet: national, asOf });
    expect(flags.map((f) => `${f.rule} ${f.status} ${f.eventIds.join(',')}`)).toEqual([
      'over-3-in-60d at_risk e1,e2,e3',
    ]);
  });
});

describe("Guizhou's exclusions (seed 004 item 35, guizhou-2025)", () => {
  const guizhou = shipped('guizhou-2025');
  // W1 as above: a county warning for 五华, 2025-06-01 08:00 … 2025-06-02 08:00
  const W1 = warning('W1', '2025-06-01 08:00', '2025-06-02 08:00');
  const events = [
    // natural disasters: excluded in Guizhou with or without a warning (national: only warned)
    outage('disaster-warned', 'F1', '2025-06-01 12:00', 60, { cause: 'natural_disaster' }),
    outage('disaster-unwarned', 'F1', '2025-05-01 12:00', 60, { cause: 'natural_disaster' }),
    // weather faults: excluded when warned or when the record says force majeure
    outage('weather-warned', 'F1', '2025-06-01 13:00', 60, { cause: 'weather_fault' }),
    outage('weather-fm', 'F1', '2025-05-02 12:00', 60, { cause: 'weather_fault', forceMajeure: true }),
    outage('weather-plain', 'F1', '2025-05-03 12:00', 60, { cause: 'weather_fault' }),
    // force majeure on another cause changes nothing
    outage('equipment-fm', 'F1', '2025-05-04 12:00', 60, { cause: 'equipment_fault', forceMajeure: true }),
    outage('external', 'F1', '2025-05-05 12:00', 60, { cause: 'external_damage' }),
    // no short-switching exclusion in Guizhou: a 2-minute switching outage counts
    outage('switching', 'F1', '2025-05-06 12:00', 2, { cause: 'mode_adjustment' }),
  ];
  const input = { assets: [F1], events, warnings: [W1], asOf };

  it('excludes every natural disaster, a weather fault warned or marked force majeure, external damage; no short switching', () => {
    expect(reasons(explanationOf({ ...input, ruleSet: guizhou }, 'F1', 'over-5-in-365d'))).toEqual({
      'disaster-unwarned': 'natural_disaster',
      'weather-fm': 'force_majeure',
      'weather-plain': 'counted',
      'equipment-fm': 'counted',
      external: 'external_damage',
      switching: 'counted',
      'disaster-warned': 'warning:W1',
      'weather-warned': 'warning:W1',
    });
  });

  it('differs from the national reading on exactly those outages', () => {
    expect(reasons(explanationOf({ ...input, ruleSet: national }, 'F1', 'over-5-in-365d'))).toEqual({
      'disaster-unwarned': 'counted',
      'weather-fm': 'counted',
      'weather-plain': 'counted',
      'equipment-fm': 'counted',
      external: 'external_damage',
      switching: 'short_switching',
      'disaster-warned': 'warning:W1',
      'weather-warned': 'warning:W1',
    });
  });
});
