import { describe, expect, it } from 'vitest';
import {
  dateToDay,
  dayToDate,
  formatInZone,
  localDate,
  localDay,
  parseTime,
  startOfLocalDay,
  zoneOffset,
} from '../../../core/time.js';

const SH = 'Asia/Shanghai';
const LA = 'America/Los_Angeles';

const value = (text: string, zone: string): number => {
  const r = parseTime(text, zone);
  if (!r.ok) throw new Error(`${text}: ${r.issues[0]?.message}`);
  return r.value;
};
const iso = (ms: number): string => new Date(ms).toISOString();
const failure = (text: string, zone = SH): string => {
  const r = parseTime(text, zone);
  return r.ok ? `parsed as ${iso(r.value)}` : r.issues.map((i) => i.message).join('; ');
};

describe('parseTime with an offset or Z', () => {
  it.each([
    ['2025-06-03T14:05:00+08:00', '2025-06-03T06:05:00.000Z'],
    ['2025-06-03T14:05:00+0800', '2025-06-03T06:05:00.000Z'],
    ['2025-06-03T14:05+08', '2025-06-03T06:05:00.000Z'],
    ['2025-06-03 14:05:00-05:30', '2025-06-03T19:35:00.000Z'],
    ['2025-06-03T06:05:00Z', '2025-06-03T06:05:00.000Z'],
    ['2025-06-03T06:05:00.123456Z', '2025-06-03T06:05:00.123Z'],
    ['2025-06-03T06:05:00,5Z', '2025-06-03T06:05:00.500Z'],
    ['2025-06-03 14:05:00 +08:00', '2025-06-03T06:05:00.000Z'],
  ])('%s is the instant %s whatever the zone', (text, expected) => {
    expect(iso(value(text, SH))).toBe(expected);
    expect(iso(value(text, LA))).toBe(expected);
  });
});

describe('parseTime of local wall-clock times (Asia/Shanghai, no DST, UTC+8)', () => {
  it.each([
    ['2025-06-03T14:05:00', '2025-06-03T06:05:00.000Z'],
    ['2025-06-03 14:05', '2025-06-03T06:05:00.000Z'],
    ['2025-06-03 14:05:09.25', '2025-06-03T06:05:09.250Z'],
    ['2025-06-03', '2025-06-02T16:00:00.000Z'],
    ['2025/6/3 14:05', '2025-06-03T06:05:00.000Z'],
    ['2025/6/3 4:05:30', '2025-06-02T20:05:30.000Z'],
    ['2025/06/03', '2025-06-02T16:00:00.000Z'],
    ['  2025-01-15 00:00  ', '2025-01-14T16:00:00.000Z'],
    ['2024-02-29 12:00', '2024-02-29T04:00:00.000Z'],
  ])('%s → %s', (text, expected) => {
    expect(iso(value(text, SH))).toBe(expected);
  });

  it('reads the same wall clock in winter and summer with the same offset', () => {
    expect(value('2025-01-15 08:00', SH) - Date.UTC(2025, 0, 15, 8)).toBe(-8 * 3_600_000);
    expect(value('2025-07-15 08:00', SH) - Date.UTC(2025, 6, 15, 8)).toBe(-8 * 3_600_000);
  });
});

describe('parseTime in a DST zone (America/Los_Angeles)', () => {
  it('uses PST in winter and PDT in summer', () => {
    expect(iso(value('2025-01-15 08:00', LA))).toBe('2025-01-15T16:00:00.000Z');
    expect(iso(value('2025-07-15 08:00', LA))).toBe('2025-07-15T15:00:00.000Z');
  });

  it('moves a time in the spring-forward gap forward by the gap (02:30 does not exist on 9 March 2025)', () => {
    expect(iso(value('2025-03-09 02:30', LA))).toBe('2025-03-09T10:30:00.000Z');
    expect(formatInZone(value('2025-03-09 02:30', LA), LA)).toBe('2025-03-09T03:30:00-07:00');
    expect(iso(value('2025-03-09 01:59', LA))).toBe('2025-03-09T09:59:00.000Z');
    expect(iso(value('2025-03-09 03:00', LA))).toBe('2025-03-09T10:00:00.000Z');
  });

  it('takes the earlier instant of a time in the fall-back overlap (01:30 happens twice on 2 November 2025)', () => {
    expect(iso(value('2025-11-02 01:30', LA))).toBe('2025-11-02T08:30:00.000Z');
    expect(iso(value('2025-11-02T01:30:00-08:00', LA))).toBe('2025-11-02T09:30:00.000Z');
    expect(iso(value('2025-11-02 02:00', LA))).toBe('2025-11-02T10:00:00.000Z');
  });

  it('reads local midnight of the transition days', () => {
    expect(iso(value('2025-03-09', LA))).toBe('2025-03-09T08:00:00.000Z');
    expect(iso(value('2025-11-02', LA))).toBe('2025-11-02T07:00:00.000Z');
  });
});

describe('parseTime refuses what is not a time, quoting it', () => {
  it('says why, quoting the text as given', () => {
    const bad = [
      '2025-02-29',
      '2025-06-31 08:00',
      '2025/6/31 08:00',
      '2025-13-01',
      '2025-00-10',
      '2025-06-03 24:00',
      '2025-06-03 14:60',
      '2025-06-03T14:05:00+15:00',
      '2025-06-03T14:05:00+08:60',
      'yesterday',
      '2025-6-3',
      '03/06/2025 14:05',
      '2025年6月3日 14:05',
      '',
    ];
    expect(Object.fromEntries(bad.map((text) => [text, failure(text)]))).toMatchInlineSnapshot(`
      {
        "": "not a valid time: "" (use ISO-8601, e.g. 2025-06-03T14:05:00+08:00 or local 2025-06-03 14:05)",
        "03/06/2025 14:05": "not a valid time: "03/06/2025 14:05" (use ISO-8601, e.g. 2025-06-03T14:05:00+08:00 or local 2025-06-03 14:05)",
        "2025-00-10": "not a valid time: "2025-00-10" (no such date)",
        "2025-02-29": "not a valid time: "2025-02-29" (no such date)",
        "2025-06-03 14:60": "not a valid time: "2025-06-03 14:60" (no such time of day)",
        "2025-06-03 24:00": "not a valid time: "2025-06-03 24:00" (no such time of day)",
        "2025-06-03T14:05:00+08:60": "not a valid time: "2025-06-03T14:05:00+08:60" (offset out of range)",
        "2025-06-03T14:05:00+15:00": "not a valid time: "2025-06-03T14:05:00+15:00" (offset out of range)",
        "2025-06-31 08:00": "not a valid time: "2025-06-31 08:00" (no such date)",
        "2025-13-01": "not a valid time: "2025-13-01" (no such date)",
        "2025-6-3": "not a valid time: "2025-6-3" (use ISO-8601, e.g. 2025-06-03T14:05:00+08:00 or local 2025-06-03 14:05)",
        "2025/6/31 08:00": "not a valid time: "2025/6/31 08:00" (no such date)",
        "2025年6月3日 14:05": "not a valid time: "2025年6月3日 14:05" (use ISO-8601, e.g. 2025-06-03T14:05:00+08:00 or local 2025-06-03 14:05)",
        "yesterday": "not a valid time: "yesterday" (use ISO-8601, e.g. 2025-06-03T14:05:00+08:00 or local 2025-06-03 14:05)",
      }
    `);
  });
});

describe('zoneOffset and formatInZone', () => {
  it('gives +8 h all year in Shanghai and -8/-7 h in Los Angeles', () => {
    expect(zoneOffset(Date.UTC(2025, 0, 15), SH)).toBe(8 * 3_600_000);
    expect(zoneOffset(Date.UTC(2025, 6, 15), SH)).toBe(8 * 3_600_000);
    expect(zoneOffset(Date.UTC(2025, 0, 15), LA)).toBe(-8 * 3_600_000);
    expect(zoneOffset(Date.UTC(2025, 6, 15), LA)).toBe(-7 * 3_600_000);
  });

  it('renders an instant with the zone offset', () => {
    const t = Date.UTC(2025, 5, 3, 6, 5);
    expect(formatInZone(t, SH)).toBe('2025-06-03T14:05:00+08:00');
    expect(formatInZone(t, LA)).toBe('2025-06-02T23:05:00-07:00');
    expect(formatInZone(t, 'UTC')).toBe('2025-06-03T06:05:00+00:00');
  });

  it('equals Intl at every 7th minute around DST changes, half-hour ones and historic odd offsets', () => {
    // The reference asks Intl for the wall clock each time (zoneOffset remembers whole hours).
    const reference = (ms: number, zone: string): number => {
      const f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
      const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, Number(x.value)]));
      const wall = Date.UTC(p['year']!, p['month']! - 1, p['day'], p['hour'], p['minute'], p['second']);
      return wall - (ms - (ms % 1000));
    };
    const around: [string, number][] = [
      [LA, Date.UTC(2025, 2, 9, 10)], // 02:00 PST → 03:00 PDT
      [LA, Date.UTC(2025, 10, 2, 9)], // 02:00 PDT → 01:00 PST
      ['Australia/Lord_Howe', Date.UTC(2025, 3, 5, 15)], // 02:00 +11 → 01:30 +10:30
      ['Australia/Lord_Howe', Date.UTC(2025, 9, 4, 15, 30)], // 02:00 +10:30 → 02:30 +11
      [SH, Date.UTC(1900, 11, 31, 16)], // Shanghai's local mean time +08:05:43 ends
      [SH, Date.UTC(1991, 8, 14, 17)], // the last Chinese DST ends
    ];
    const wrong: string[] = [];
    for (const [zone, at] of around) {
      for (let ms = at - 3 * 3_600_000; ms <= at + 3 * 3_600_000; ms += 7 * 60_000) {
        if (zoneOffset(ms, zone) !== reference(ms, zone)) wrong.push(`${zone} ${new Date(ms).toISOString()}`);
      }
    }
    expect(wrong).toEqual([]);
    // the half-hour change itself, asked after its hour was seen
    expect(zoneOffset(Date.UTC(2025, 3, 5, 14, 59), 'Australia/Lord_Howe')).toBe(11 * 3_600_000);
    expect(zoneOffset(Date.UTC(2025, 3, 5, 15, 0), 'Australia/Lord_Howe')).toBe(10.5 * 3_600_000);
  });

  it('round-trips through parseTime', () => {
    for (const text of [
      '2025-06-03T14:05:00+08:00',
      '2025-11-02T01:30:00-08:00',
      '2025-03-09T03:30:00-07:00',
    ]) {
      const zone = text.endsWith('+08:00') ? SH : LA;
      expect(formatInZone(value(text, zone), zone)).toBe(text);
    }
  });
});

describe('localDay around local midnight', () => {
  it('changes date at Shanghai midnight, which is 16:00 UTC', () => {
    expect(localDate(Date.UTC(2025, 5, 2, 15, 59, 59, 999), SH)).toBe('2025-06-02');
    expect(localDate(Date.UTC(2025, 5, 2, 16, 0, 0, 0), SH)).toBe('2025-06-03');
    expect(localDay(Date.UTC(2025, 5, 2, 16), SH) - localDay(Date.UTC(2025, 5, 2, 15, 59), SH)).toBe(1);
  });

  it('changes date at Los Angeles midnight on both sides of a DST change', () => {
    expect(localDate(Date.UTC(2025, 2, 9, 7, 59, 59), LA)).toBe('2025-03-08');
    expect(localDate(Date.UTC(2025, 2, 9, 8), LA)).toBe('2025-03-09');
    expect(localDate(Date.UTC(2025, 2, 10, 6, 59, 59), LA)).toBe('2025-03-09');
    expect(localDate(Date.UTC(2025, 2, 10, 7), LA)).toBe('2025-03-10');
  });

  it('counts day numbers from 1970-01-01 and back', () => {
    expect(dateToDay('1970-01-01')).toBe(0);
    expect(dayToDate(dateToDay('2025-06-03'))).toBe('2025-06-03');
    expect(localDay(value('2025-06-03 00:00', SH), SH)).toBe(dateToDay('2025-06-03'));
    expect(localDay(value('2025-06-03 23:59:59', SH), SH)).toBe(dateToDay('2025-06-03'));
  });

  it('finds the instant each local day starts, 23 and 25 hour days included', () => {
    expect(iso(startOfLocalDay(dateToDay('2025-06-03'), SH))).toBe('2025-06-02T16:00:00.000Z');
    const march9 = startOfLocalDay(dateToDay('2025-03-09'), LA);
    const march10 = startOfLocalDay(dateToDay('2025-03-10'), LA);
    expect(iso(march9)).toBe('2025-03-09T08:00:00.000Z');
    expect((march10 - march9) / 3_600_000).toBe(23);
    const nov2 = startOfLocalDay(dateToDay('2025-11-02'), LA);
    expect((startOfLocalDay(dateToDay('2025-11-03'), LA) - nov2) / 3_600_000).toBe(25);
  });
});

describe('edges of the calendar', () => {
  it('parseTime reads years 0000-0099 as written, not as 1900-1999', () => {
    const r = parseTime('0024-06-03T00:00:00Z', 'UTC');
    const expected = new Date(0);
    expected.setUTCFullYear(24, 5, 3);
    expect(r).toEqual({ ok: true, value: expected.getTime() });
    // 0000 is a leap year in the proleptic Gregorian calendar.
    expect(parseTime('0000-02-29T00:00:00Z', 'UTC').ok).toBe(true);
  });

  it('formatInZone renders offsets with seconds before standard time', () => {
    // Shanghai kept local mean time, +08:05:43, until 1901.
    expect(formatInZone(Date.UTC(1900, 0, 1), 'Asia/Shanghai')).toBe('1900-01-01T08:05:43+08:05:43');
  });
});
