import { describe, expect, it } from 'vitest';
import { parseTime } from '../../../core/time.js';
import {
  localIso,
  parseTimeIn,
  readWallClock,
  TIME_FIELDS,
  type TimeFormat,
} from '../../../ingest/mapping/time-format.js';
import { checkField, RECORD_FIELDS, RECORD_KINDS } from '../../../ingest/schemas/kinds.js';

/** The local ISO text a cell reads as, or the message it fails with. */
const read = (value: unknown, format: TimeFormat): string => {
  const r = readWallClock(value, format);
  return r.ok ? localIso(r.value) : r.issues.map((i) => i.message).join('; ');
};

/** Epoch ms of a cell read in `zone`, or the message. */
const at = (value: unknown, format: TimeFormat, zone: string): number | string => {
  const r = parseTimeIn(value, format, zone);
  return r.ok ? r.value : r.issues.map((i) => i.message).join('; ');
};

describe('yyyy年M月d日', () => {
  it('reads a date with a time to the minute or second, or a date alone, padded or not', () => {
    expect(read('2025年6月3日 14:05', 'yyyy年M月d日')).toBe('2025-06-03T14:05:00');
    expect(read('2025年6月3日 14:05:09', 'yyyy年M月d日')).toBe('2025-06-03T14:05:09');
    expect(read('2025年06月03日 04:05', 'yyyy年M月d日')).toBe('2025-06-03T04:05:00');
    expect(read('2025年6月3日14:05', 'yyyy年M月d日')).toBe('2025-06-03T14:05:00');
    expect(read(' 2025年12月31日 9:05：07 ', 'yyyy年M月d日')).toBe('2025-12-31T09:05:07');
    expect(read('2025年6月3日', 'yyyy年M月d日')).toBe('2025-06-03T00:00:00');
  });

  it('is Beijing time in Asia/Shanghai: 14:05 local is 06:05 UTC', () => {
    expect(at('2025年6月3日 14:05', 'yyyy年M月d日', 'Asia/Shanghai')).toBe(Date.UTC(2025, 5, 3, 6, 5));
    expect(at('2025年1月1日', 'yyyy年M月d日', 'Asia/Shanghai')).toBe(Date.UTC(2024, 11, 31, 16, 0));
  });

  it('refuses other spellings and impossible dates, naming the format and quoting the value', () => {
    expect(read('2025/6/3 14:05', 'yyyy年M月d日')).toBe(
      'must be a time in format yyyy年M月d日 (e.g. 2025年6月3日 14:05), got "2025/6/3 14:05"',
    );
    expect(read('2025年2月29日', 'yyyy年M月d日')).toBe(
      'must be a time in format yyyy年M月d日 (e.g. 2025年6月3日 14:05), got "2025年2月29日": no such date',
    );
    expect(read('2024年2月29日', 'yyyy年M月d日')).toBe('2024-02-29T00:00:00');
    expect(read('2025年6月3日 24:00', 'yyyy年M月d日')).toBe(
      'must be a time in format yyyy年M月d日 (e.g. 2025年6月3日 14:05), got "2025年6月3日 24:00": no such time of day',
    );
    expect(read('2025年6月3日 14时05分', 'yyyy年M月d日')).toMatch(/^must be a time in format yyyy年M月d日/);
    expect(read(45811, 'yyyy年M月d日')).toBe(
      'must be a time in format yyyy年M月d日 (e.g. 2025年6月3日 14:05), got 45811',
    );
  });
});

describe('yyyy/M/d', () => {
  it('reads slashes or hyphens, single-digit months and days, seconds optional', () => {
    expect(read('2025/6/3 14:05', 'yyyy/M/d')).toBe('2025-06-03T14:05:00');
    expect(read('2025-6-3 14:05', 'yyyy/M/d')).toBe('2025-06-03T14:05:00');
    expect(read('2025/6/3 4:05:59', 'yyyy/M/d')).toBe('2025-06-03T04:05:59');
    expect(read('2025-06-03 08:00:00', 'yyyy/M/d')).toBe('2025-06-03T08:00:00');
    expect(read('2025/10/31', 'yyyy/M/d')).toBe('2025-10-31T00:00:00');
  });

  it('refuses a mix of separators, a T, and days a month does not have', () => {
    expect(read('2025/6-3 14:05', 'yyyy/M/d')).toBe(
      'must be a time in format yyyy/M/d (e.g. 2025/6/3 14:05), got "2025/6-3 14:05"',
    );
    expect(read('2025-06-03T14:05', 'yyyy/M/d')).toMatch(/^must be a time in format yyyy\/M\/d/);
    expect(read('2025/4/31 10:00', 'yyyy/M/d')).toMatch(/got "2025\/4\/31 10:00": no such date$/);
    expect(read('2025/13/1', 'yyyy/M/d')).toMatch(/: no such date$/);
    expect(read('2025/6/3 14:60', 'yyyy/M/d')).toMatch(/: no such time of day$/);
  });
});

describe('yyyyMMddHHmmss', () => {
  it('reads 14, 12 or 8 digits, as text or as a whole number', () => {
    expect(read('20250603140500', 'yyyyMMddHHmmss')).toBe('2025-06-03T14:05:00');
    expect(read('20250603140509', 'yyyyMMddHHmmss')).toBe('2025-06-03T14:05:09');
    expect(read('202506031405', 'yyyyMMddHHmmss')).toBe('2025-06-03T14:05:00');
    expect(read('20250603', 'yyyyMMddHHmmss')).toBe('2025-06-03T00:00:00');
    expect(read(20250603140500, 'yyyyMMddHHmmss')).toBe('2025-06-03T14:05:00');
    expect(at('20250603140500', 'yyyyMMddHHmmss', 'Asia/Shanghai')).toBe(Date.UTC(2025, 5, 3, 6, 5));
  });

  it('refuses other lengths, a spreadsheet scientific spelling and impossible values', () => {
    expect(read('2025060314050', 'yyyyMMddHHmmss')).toBe(
      'must be a time in format yyyyMMddHHmmss (e.g. 20250603140500), got "2025060314050"',
    );
    expect(read('2.02506E+13', 'yyyyMMddHHmmss')).toMatch(/got "2\.02506E\+13"$/);
    expect(read(20250603140500.5, 'yyyyMMddHHmmss')).toMatch(/got 20250603140500\.5$/);
    expect(read('20250230120000', 'yyyyMMddHHmmss')).toMatch(/: no such date$/);
    expect(read('20250603236000', 'yyyyMMddHHmmss')).toMatch(/: no such time of day$/);
  });
});

describe('excel serial numbers', () => {
  it('counts days from 1899-12-30, the fraction the time of day to the second', () => {
    expect(read('45811.5868055556', 'excel')).toBe('2025-06-03T14:05:00');
    expect(read(45811.5868055556, 'excel')).toBe('2025-06-03T14:05:00');
    expect(read('45811', 'excel')).toBe('2025-06-03T00:00:00');
    expect(read('45811.5', 'excel')).toBe('2025-06-03T12:00:00');
    expect(read('25569', 'excel')).toBe('1970-01-01T00:00:00');
    expect(read('61', 'excel')).toBe('1900-03-01T00:00:00');
    expect(read('2958465.5', 'excel')).toBe('9999-12-31T12:00:00');
    // 23:59:59.9999 rounds into the next day
    expect(read('45811.999999999', 'excel')).toBe('2025-06-04T00:00:00');
  });

  it('is local time in Asia/Shanghai (no DST): 45811.5868055556 is 2025-06-03 06:05 UTC', () => {
    expect(at('45811.5868055556', 'excel', 'Asia/Shanghai')).toBe(Date.UTC(2025, 5, 3, 6, 5));
    expect(at('45672.3958333333', 'excel', 'Asia/Shanghai')).toBe(Date.UTC(2025, 0, 15, 1, 30));
  });

  it('follows DST in America/New_York, gaps moved forward and overlaps taken early', () => {
    // 2025-01-15 09:30 EST (UTC-5) and 2025-07-01 12:00 EDT (UTC-4)
    expect(at('45672.3958333333', 'excel', 'America/New_York')).toBe(Date.UTC(2025, 0, 15, 14, 30));
    expect(at('45839.5', 'excel', 'America/New_York')).toBe(Date.UTC(2025, 6, 1, 16, 0));
    // 2025-03-09 02:30 does not exist (clocks go 02:00 → 03:00): read as 03:30 EDT
    expect(at('45725.1041666667', 'excel', 'America/New_York')).toBe(Date.UTC(2025, 2, 9, 7, 30));
    // 2025-11-02 01:30 happens twice: the first, still EDT
    expect(at('45963.0625', 'excel', 'America/New_York')).toBe(Date.UTC(2025, 10, 2, 5, 30));
  });

  it('refuses text that is no serial, the days before 1900-03-01 and scientific spellings', () => {
    expect(read('2025/6/3', 'excel')).toBe(
      'must be a time in format excel (e.g. 45811.5868055556), got "2025/6/3"',
    );
    expect(read('60', 'excel')).toBe(
      'must be a time in format excel (e.g. 45811.5868055556), got "60": serial numbers run from 61 (1900-03-01) to 2958465 (9999-12-31)',
    );
    expect(read('2958466', 'excel')).toMatch(/: serial numbers run from 61/);
    expect(read('4.58116E+04', 'excel')).toMatch(/got "4\.58116E\+04"$/);
    expect(read(-1, 'excel')).toMatch(/got -1$/);
  });
});

describe('the parser and the schemas agree', () => {
  it('on the instant: local ISO text read by parseTime in a zone is parseTimeIn in that zone', () => {
    const cells: [unknown, TimeFormat][] = [
      ['2025年3月9日 02:30', 'yyyy年M月d日'],
      ['2025-11-2 1:30', 'yyyy/M/d'],
      ['20250309023000', 'yyyyMMddHHmmss'],
      ['45963.0625', 'excel'],
    ];
    for (const zone of ['Asia/Shanghai', 'America/New_York', 'UTC']) {
      for (const [cell, format] of cells) {
        const w = readWallClock(cell, format);
        if (!w.ok) throw new Error(`${String(cell)} does not read`);
        const viaSchema = parseTime(localIso(w.value), zone);
        expect(viaSchema.ok && viaSchema.value).toBe(at(cell, format, zone));
      }
    }
  });

  it('on which fields are times: those whose reader refuses text that is not one', () => {
    for (const kind of RECORD_KINDS) {
      const times = RECORD_FIELDS[kind].filter((f) =>
        checkField(kind, f, 'no time', 'UTC').some((m) => m.startsWith('not a valid time')),
      );
      expect(times).toEqual(TIME_FIELDS[kind]);
    }
  });
});
