import { describe, expect, it } from 'vitest';
import { dayRangeIssues, seriesDay } from '../../../analytics/reliability/daily.js';
import { isTimeWeighted } from '../../../analytics/reliability/denominator.js';
import { localDayPeriod, servedUntil } from '../../../analytics/reliability/periods.js';
import { localDaySql } from '../../../analytics/sql/local-day.js';
import { dateToDay } from '../../../core/time.js';
import { sql } from '../../../store/index.js';

describe('localDayPeriod', () => {
  it('runs from local midnight to the next one, 24 h in Shanghai', () => {
    expect(localDayPeriod(dateToDay('2024-01-02'), 'Asia/Shanghai')).toEqual({
      from: Date.parse('2024-01-01T16:00:00Z'),
      to: Date.parse('2024-01-02T16:00:00Z'),
    });
  });

  it('is 23 h on the day New York moves its clocks forward', () => {
    // 2024-03-10: midnight is EST (UTC−5), the next midnight EDT (UTC−4)
    expect(localDayPeriod(dateToDay('2024-03-10'), 'America/New_York')).toEqual({
      from: Date.parse('2024-03-10T05:00:00Z'),
      to: Date.parse('2024-03-11T04:00:00Z'),
    });
  });
});

describe('servedUntil and isTimeWeighted (the N_T window)', () => {
  it('stops at asOf inside the period, never before its start', () => {
    expect(servedUntil({ from: 100, to: 200, asOf: 150 })).toBe(150);
    expect(servedUntil({ from: 100, to: 200, asOf: 250 })).toBe(200);
    expect(servedUntil({ from: 100, to: 200, asOf: 50 })).toBe(100);
  });

  it('weights by time only over a window of some length', () => {
    expect(isTimeWeighted('time_weighted', 100, 150)).toBe(true);
    expect(isTimeWeighted('time_weighted', 100, 100)).toBe(false);
    expect(isTimeWeighted('end', 100, 150)).toBe(false);
  });
});

describe('dayRangeIssues', () => {
  it('accepts a range of whole days up to the limit', () => {
    expect(dayRangeIssues(0, 1)).toEqual([]);
    expect(dayRangeIssues(100, 11_100, 11_000)).toEqual([]);
  });

  it('names each bad end with its value', () => {
    expect(dayRangeIssues(1.5, 1)).toEqual([
      { path: 'fromDay', message: 'must be a day number, got: 1.5' },
      { path: 'toDay', message: 'must be a day number after fromDay (1.5), got: 1' },
    ]);
    expect(dayRangeIssues(10, 10)).toEqual([
      { path: 'toDay', message: 'must be a day number after fromDay (10), got: 10' },
    ]);
    expect(dayRangeIssues(100, 11_101, 11_000)).toEqual([
      { path: 'toDay', message: 'must be at most 11000 days after fromDay, got: 11101' },
    ]);
  });
});

describe('seriesDay', () => {
  it('gives SAIDI in minutes per user served that day', () => {
    // 15 000 customer minutes over 100 users: 150 min
    expect(seriesDay(dateToDay('2024-01-02'), 15_000, 100, false)).toEqual({
      day: 19_724,
      date: '2024-01-02',
      minutes: 150,
      customers: 100,
      includesOngoing: false,
    });
  });

  it('gives no minutes for a day that serves nobody', () => {
    expect(seriesDay(19_724, 0, 0, true).minutes).toBeNull();
  });
});

describe('localDaySql', () => {
  it('writes the local day number as QuestDB computes it (and the DuckDB bench translates it)', () => {
    expect(localDaySql(sql`o.start`, 'Asia/Shanghai').text).toBe(
      "to_timezone(o.start, 'Asia/Shanghai')::long / 86400000000L",
    );
  });

  it('quotes the zone as a literal', () => {
    expect(localDaySql(sql`start`, "Bad'Zone").text).toBe(
      "to_timezone(start, 'Bad''Zone'::varchar)::long / 86400000000L",
    );
  });
});
