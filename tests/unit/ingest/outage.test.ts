import { describe, expect, it } from 'vitest';
import type { Result } from '../../../core/issues.js';
import { validateOutage } from '../../../ingest/schemas/index.js';

const ctx = { zone: 'Asia/Shanghai', now: Date.UTC(2025, 5, 20) };
const t = (hh: number, mm = 0) => Date.UTC(2025, 5, 3, hh - 8, mm); // 2025-06-03 hh:mm Beijing time
const base = {
  eventId: 'TD20250603001',
  assetId: 'BS-F0231',
  start: '2025-06-03 14:05',
  end: '2025-06-03T16:40:00+08:00',
  customersAffected: 326,
  cause: 'equipment_fault',
};

const errors = <T>(r: Result<T>) => (r.ok ? 'accepted' : r.issues.map((i) => `${i.path}: ${i.message}`));

describe('validateOutage accepts', () => {
  it('a minimal ended event, unplanned by default for a fault', () => {
    expect(validateOutage(base, ctx)).toEqual({
      ok: true,
      value: {
        eventId: 'TD20250603001',
        assetId: 'BS-F0231',
        start: t(14, 5),
        end: t(16, 40),
        customersAffected: 326,
        restorations: [],
        cause: 'equipment_fault',
        planned: false,
      },
    });
  });

  it('an ongoing event: end null, absent or blank', () => {
    for (const end of [null, undefined, '', '  ']) {
      const r = validateOutage({ ...base, end, estimatedRestoration: '2025-06-03 18:00' }, ctx);
      expect(r.ok && [r.value.end, r.value.estimatedRestoration]).toEqual([null, t(18)]);
    }
  });

  it('planned by default for planned_* causes, unless said otherwise', () => {
    const planned = (cause: string, planned?: unknown) => {
      const r = validateOutage({ ...base, cause, ...(planned === undefined ? {} : { planned }) }, ctx);
      return r.ok ? r.value.planned : r.issues;
    };
    expect(planned('planned_maintenance')).toBe(true);
    expect(planned('planned_construction')).toBe(true);
    expect(planned('mode_adjustment')).toBe(false);
    expect(planned('planned_maintenance', false)).toBe(false);
    expect(planned('protective_supply_switching', '是')).toBe(true);
  });

  it('booleans spelled as in CSV exports', () => {
    const spellings = ['true', 'false', 'TRUE', 'False', '1', '0', '是', '否', 1, 0, true, false];
    const read = spellings.map((planned) => {
      const r = validateOutage({ ...base, planned }, ctx);
      return r.ok ? r.value.planned : r.issues;
    });
    expect(read).toEqual([true, false, true, false, true, false, true, false, true, false, true, false]);
  });

  it('affected areas as a JSON array, a ;-separated CSV cell, or JSON text', () => {
    const areas = (affectedAreas: unknown) => {
      const r = validateOutage({ ...base, affectedAreas }, ctx);
      return r.ok ? r.value.affectedAreas : r.issues;
    };
    expect(areas(['BS-T1', 'BS-T2'])).toEqual(['BS-T1', 'BS-T2']);
    expect(areas('BS-T1; BS-T2;')).toEqual(['BS-T1', 'BS-T2']);
    expect(areas('BS-T1；BS-T2')).toEqual(['BS-T1', 'BS-T2']);
    expect(areas('["BS-T1","BS-T2"]')).toEqual(['BS-T1', 'BS-T2']);
    expect(areas('')).toBeUndefined();
  });

  it('step restorations from JSON or from a CSV cell of JSON text, local times read in the zone', () => {
    const steps = [
      { at: '2025-06-03 15:00', customersRestored: 200 },
      { at: t(16, 40), customersRestored: 126 },
    ];
    const expected = [
      { at: t(15), customersRestored: 200 },
      { at: t(16, 40), customersRestored: 126 },
    ];
    for (const restorations of [steps, JSON.stringify(steps)]) {
      const r = validateOutage({ ...base, restorations }, ctx);
      expect(r.ok && r.value.restorations).toEqual(expected);
    }
  });

  it('restorations on an ongoing event after the last step', () => {
    const r = validateOutage(
      { ...base, end: null, restorations: [{ at: '2025-06-03 20:00', customersRestored: 5 }] },
      ctx,
    );
    expect(r.ok).toBe(true);
  });

  it('local times in a source zone other than the operating zone', () => {
    const r = validateOutage(
      { ...base, start: '2025-06-03 14:05', end: null },
      { ...ctx, sourceZone: 'UTC' },
    );
    expect(r.ok && r.value.start).toBe(Date.UTC(2025, 5, 3, 14, 5));
  });
});

describe('validateOutage refuses, with every issue of the record', () => {
  it('an empty record', () => {
    expect(errors(validateOutage({}, ctx))).toMatchInlineSnapshot(`
      [
        "eventId: is required",
        "assetId: is required",
        "start: is required",
        "customersAffected: is required",
        "cause: is required",
      ]
    `);
  });

  it('an implausible time: a start before 1990 (epoch zero), an outage open for years', () => {
    expect(errors(validateOutage({ ...base, start: '1970-01-01T00:00:00Z', end: null }, ctx))).toEqual([
      "start: 1970-01-01T08:00:00+08:00 is before 1990: a missing or zero time read as a date? Give the outage's real start",
    ]);
    // now is 2025-06-20: open since 2022-06-03 is more than three years (of 366 days)
    expect(errors(validateOutage({ ...base, start: '2022-06-03 14:05', end: null }, ctx))).toEqual([
      'end: required: an outage begun 2022-06-03T14:05:00+08:00 cannot still be in progress years later; give its end',
    ]);
    // the same start with its end, and an open one of two years, are kept
    expect(errors(validateOutage({ ...base, start: '2022-06-03 14:05', end: '2022-06-03 16:00' }, ctx))).toBe(
      'accepted',
    );
    expect(errors(validateOutage({ ...base, start: '2023-07-01 08:00', end: null }, ctx))).toBe('accepted');
  });

  it('an unknown cause, listing the causes', () => {
    expect(errors(validateOutage({ ...base, cause: 'storm' }, ctx))).toMatchInlineSnapshot(`
      [
        "cause: unknown cause "storm"; expected one of equipment_fault, weather_fault, natural_disaster, external_damage, planned_maintenance, planned_construction, protective_supply_switching, mode_adjustment, supply_shortage, customer_side, arrears, unknown",
      ]
    `);
  });

  it('an end before the start, shown in the operating zone', () => {
    expect(errors(validateOutage({ ...base, end: '2025-06-03 13:00' }, ctx))).toMatchInlineSnapshot(`
      [
        "end: must not be before start (2025-06-03T14:05:00+08:00)",
      ]
    `);
    const la = { ...ctx, zone: 'America/Los_Angeles' };
    const end = '2025-06-02T20:00:00-07:00';
    expect(
      errors(validateOutage({ ...base, start: '2025-06-03T14:05:00+08:00', end }, la)),
    ).toMatchInlineSnapshot(`
      [
        "end: must not be before start (2025-06-02T23:05:00-07:00)",
      ]
    `);
  });

  it('an estimated restoration before the start', () => {
    expect(
      errors(validateOutage({ ...base, estimatedRestoration: '2025-06-03 12:00' }, ctx)),
    ).toMatchInlineSnapshot(`
      [
        "estimatedRestoration: must not be before start (2025-06-03T14:05:00+08:00)",
      ]
    `);
  });

  it('restorations outside the outage, out of order, or restoring too many', () => {
    const restorations = [
      { at: '2025-06-03 14:00', customersRestored: 10 },
      { at: '2025-06-03 16:00', customersRestored: 200 },
      { at: '2025-06-03 15:00', customersRestored: 100 },
      { at: '2025-06-03 17:00', customersRestored: 20 },
    ];
    expect(errors(validateOutage({ ...base, restorations }, ctx))).toMatchInlineSnapshot(`
      [
        "restorations[0].at: must not be before start (2025-06-03T14:05:00+08:00)",
        "restorations[2].at: must not be before restorations[1].at (2025-06-03T16:00:00+08:00)",
        "restorations[3].at: must not be after end (2025-06-03T16:40:00+08:00)",
        "restorations: restore 330 customers in total, more than customersAffected (326)",
      ]
    `);
  });

  it('restorations that do not read', () => {
    const restorations = [
      { at: '2025-06-03 25:00', customersRestored: -1 },
      { when: '2025-06-03 15:00', customersRestored: 1 },
      7,
    ];
    expect(errors(validateOutage({ ...base, restorations }, ctx))).toMatchInlineSnapshot(`
      [
        "restorations[0].at: not a valid time: "2025-06-03 25:00" (no such time of day)",
        "restorations[0].customersRestored: must be a whole number ≥ 0, got -1",
        "restorations[1].when: unknown field "when"; expected one of at, customersRestored",
        "restorations[1].at: is required",
        "restorations[2]: must be an object with at and customersRestored, got 7",
      ]
    `);
    expect(errors(validateOutage({ ...base, restorations: '15:00=200' }, ctx))).toMatchInlineSnapshot(`
      [
        "restorations: must be a list like [{"at": "2025-06-03 15:00", "customersRestored": 120}], got "15:00=200"",
      ]
    `);
  });

  it('affected areas that are empty, repeated or not text', () => {
    expect(errors(validateOutage({ ...base, affectedAreas: [] }, ctx))).toMatchInlineSnapshot(`
      [
        "affectedAreas: must name at least one transformer area; leave it out to mean all areas on the feeder",
      ]
    `);
    expect(
      errors(validateOutage({ ...base, affectedAreas: 'BS-T1;BS-T2;BS-T1' }, ctx)),
    ).toMatchInlineSnapshot(`
      [
        "affectedAreas: lists "BS-T1" more than once",
      ]
    `);
    expect(
      errors(validateOutage({ ...base, affectedAreas: ['BS-T1', { id: 'BS-T2' }] }, ctx)),
    ).toMatchInlineSnapshot(`
      [
        "affectedAreas[1]: must be text, got {"id":"BS-T2"}",
      ]
    `);
    expect(errors(validateOutage({ ...base, affectedAreas: 5 }, ctx))).toMatchInlineSnapshot(`
      [
        "affectedAreas: must be a list of texts, got 5",
      ]
    `);
  });

  it('a CSV row with many problems at once', () => {
    const raw = {
      eventId: '',
      assetId: 'BS-F0231',
      start: '2025/6/31 08:00',
      end: 'soon',
      customersAffected: '约60',
      cause: '设备故障',
      planned: '待定',
      warningId: '',
      estimatedRestoration: '',
      notes: '',
      停电类型: '故障停电',
    };
    expect(errors(validateOutage(raw, ctx))).toMatchInlineSnapshot(`
      [
        "停电类型: unknown field "停电类型"; expected one of eventId, assetId, start, end, customersAffected, affectedAreas, restorations, cause, planned, warningId, forceMajeure, cancelled, estimatedRestoration, notes",
        "eventId: is required",
        "start: not a valid time: "2025/6/31 08:00" (no such date)",
        "end: not a valid time: "soon" (use ISO-8601, e.g. 2025-06-03T14:05:00+08:00 or local 2025-06-03 14:05)",
        "customersAffected: must be a whole number ≥ 0, got "约60"",
        "cause: unknown cause "设备故障"; expected one of equipment_fault, weather_fault, natural_disaster, external_damage, planned_maintenance, planned_construction, protective_supply_switching, mode_adjustment, supply_shortage, customer_side, arrears, unknown",
        "planned: must be true or false (or 1/0, 是/否), got "待定"",
      ]
    `);
  });

  it('ids that start with a quote, which QuestDB could store but never find', () => {
    expect(
      errors(validateOutage({ ...base, eventId: "'E1", assetId: "'F1", affectedAreas: ["A'1", "'A2"] }, ctx)),
    ).toEqual([
      `eventId: must not start with a quote ('), got "'E1"`,
      `assetId: must not start with a quote ('), got "'F1"`,
      `affectedAreas[1]: must not start with a quote ('), got "'A2"`,
    ]);
    expect(validateOutage({ ...base, eventId: "E'1", assetId: "O'Brien" }, ctx).ok).toBe(true);
  });

  it('counts beyond what the store keeps (QuestDB INT), with the limit in the message', () => {
    expect(errors(validateOutage({ ...base, customersAffected: 3_000_000_000 }, ctx))).toEqual([
      'customersAffected: must be at most 2,147,483,647, got 3000000000',
    ]);
    expect(validateOutage({ ...base, customersAffected: 2_147_483_647 }, ctx).ok).toBe(true);
  });

  it('times of the wrong type', () => {
    expect(errors(validateOutage({ ...base, start: true, end: 1748930700 }, ctx))).toMatchInlineSnapshot(`
      [
        "start: must be a time (ISO-8601 text or epoch milliseconds), got true",
        "end: must be epoch milliseconds, got 1748930700, which looks like seconds",
      ]
    `);
  });

  it('times QuestDB cannot keep: before 1970, or past 9999 as epoch milliseconds', () => {
    const raw = { ...base, start: '1969-12-31 23:00Z', end: 1e16, estimatedRestoration: -1e12 };
    expect(errors(validateOutage(raw, ctx))).toMatchInlineSnapshot(`
      [
        "start: must be a time from 1970 to 9999, got "1969-12-31 23:00Z"",
        "end: must be a time from 1970 to 9999, got 10000000000000000",
        "estimatedRestoration: must be a time from 1970 to 9999, got -1000000000000",
      ]
    `);
    // the first instant of 1970 can be stored, but is no outage's start (see "an implausible time")
    const first = validateOutage({ ...base, start: '1970-01-01T00:00:00Z', end: undefined }, ctx);
    expect(errors(first)).toEqual([
      expect.stringMatching(/^start: 1970-01-01T08:00:00\+08:00 is before 1990/),
    ]);
  });
});
