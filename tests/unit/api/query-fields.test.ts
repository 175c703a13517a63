// The query parameters' zod schemas read text as the routes always have: '' is not given, a
// number is what Number() makes of the text, and each refusal has the wording its route used.

import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  EXPECTED,
  EXPECTED_ONE_OF,
  encoding,
  int,
  intOr,
  list,
  MUST_BE_ONE_OF,
  oneOf,
  text,
  time,
  timeOr,
} from '../../../dashboard/api/query/fields.js';
import {
  choice,
  dimensions,
  flag,
  names,
  number,
  oneName,
} from '../../../dashboard/api/query/reliability-fields.js';

/** The value, or the messages of the issues. */
function read(schema: z.ZodType, text: string | undefined): unknown {
  const r = schema.safeParse(text);
  return r.success ? { value: r.data } : { issues: r.error.issues.map((i) => i.message) };
}

const SHANGHAI = 'Asia/Shanghai';
/** 2025-06-03 00:00 in Shanghai (UTC+8) is 2025-06-02 16:00 UTC. */
const JUNE_3_SHANGHAI = Date.UTC(2025, 5, 2, 16);

describe('text', () => {
  it('is absent when not given or given empty, and refused past its length', () => {
    const t = text('a name', 5);
    expect(read(t, undefined)).toEqual({ value: undefined });
    expect(read(t, '')).toEqual({ value: undefined });
    expect(read(t, ' ')).toEqual({ value: ' ' });
    expect(read(t, 'abcde')).toEqual({ value: 'abcde' });
    expect(read(t, 'abcdef')).toEqual({ issues: ['longer than 5 characters'] });
  });
});

describe('times', () => {
  it('reads a local date in the zone, and quotes text that is not a time', () => {
    expect(read(timeOr(SHANGHAI, 'x'), '2025-06-03')).toEqual({ value: JUNE_3_SHANGHAI });
    expect(read(timeOr(SHANGHAI, 'x'), '2025-06-03T00:00:00Z')).toEqual({ value: Date.UTC(2025, 5, 3) });
    expect(read(timeOr(SHANGHAI, 'x'), 'someday')).toEqual({
      issues: [
        'not a valid time: "someday" (use ISO-8601, e.g. 2025-06-03T14:05:00+08:00 or local 2025-06-03 14:05)',
      ],
    });
    expect(read(timeOr(SHANGHAI, 'x'), '2025-02-30')).toEqual({
      issues: ['not a valid time: "2025-02-30" (no such date)'],
    });
  });

  it('a required time is missing when left out or given empty; one with a default is neither', () => {
    expect(read(time(SHANGHAI, 'x'), undefined)).toEqual({ issues: ['is required'] });
    expect(read(time(SHANGHAI, 'x'), '')).toEqual({ issues: ['is required'] });
    expect(read(timeOr(SHANGHAI, 'x'), undefined)).toEqual({ value: undefined });
    expect(read(timeOr(SHANGHAI, 'x'), '')).toEqual({ value: undefined });
  });

  it('an optional required time may be left out but not given empty (GET /rejects?since=)', () => {
    const since = time(SHANGHAI, 'x').optional();
    expect(read(since, undefined)).toEqual({ value: undefined });
    expect(read(since, '')).toEqual({ issues: ['is required'] });
  });
});

describe('whole numbers', () => {
  const top = int('rows at most', 1, 100, 20);

  it('reads what Number() makes of the text, its default when not given', () => {
    expect(read(top, undefined)).toEqual({ value: 20 });
    expect(read(top, '')).toEqual({ value: 20 });
    expect(read(top, ' 7 ')).toEqual({ value: 7 });
    expect(read(top, '0x10')).toEqual({ value: 16 });
    expect(read(top, '5.0')).toEqual({ value: 5 });
    expect(read(intOr('year', 1971, 2025), undefined)).toEqual({ value: undefined });
  });

  it('refuses fractions, text, out-of-range and overflowing numbers, quoting the text', () => {
    for (const [given, got] of [
      ['1.5', '1.5'],
      ['x', 'x'],
      ['0', '0'],
      ['101', '101'],
      ['1e309', '1e309'],
      [' ', ' '],
    ])
      expect(read(top, given)).toEqual({ issues: [`must be a whole number from 1 to 100 (got "${got}")`] });
  });
});

describe('one of a list', () => {
  it('words a refusal as its route did', () => {
    const values = ['json', 'csv', 'xlsx'] as const;
    expect(read(oneOf(values, 'd'), 'pdf')).toEqual({
      issues: ['expected one of json, csv, xlsx, got "pdf"'],
    });
    expect(read(oneOf(values, 'd', EXPECTED), 'pdf')).toEqual({
      issues: ['expected json, csv or xlsx, got "pdf"'],
    });
    expect(read(oneOf(['feeder', 'area'], 'd', MUST_BE_ONE_OF), 'line')).toEqual({
      issues: ['must be one of feeder, area (got "line")'],
    });
    expect(EXPECTED_ONE_OF(['a'], 'b')).toBe('expected one of a, got "b"');
  });

  it('refuses text over 200 characters as too long before looking it up', () => {
    expect(read(oneOf(['a'], 'd'), 'x'.repeat(201))).toEqual({ issues: ['longer than 200 characters'] });
    expect(read(oneOf(['a'], 'd'), '')).toEqual({ value: undefined });
  });

  it('a comma-separated list drops blanks and names the first item not known', () => {
    const statuses = list(['open', 'closed'], 'd');
    expect(read(statuses, ' open , closed,')).toEqual({ value: ['open', 'closed'] });
    expect(read(statuses, ',')).toEqual({ value: [] });
    expect(read(statuses, 'open,lost,gone')).toEqual({
      issues: ['expected open, closed (comma-separated), got "lost"'],
    });
  });

  it('a CSV encoding in any case, utf8 for UTF-8, up to 40 characters', () => {
    expect(read(encoding, undefined)).toEqual({ value: 'utf-8' });
    expect(read(encoding, 'GB18030')).toEqual({ value: 'gb18030' });
    expect(read(encoding, 'UTF8')).toEqual({ value: 'utf-8' });
    expect(read(encoding, 'Latin1')).toEqual({ issues: ['expected utf-8 or gb18030, got "latin1"'] });
    expect(read(encoding, 'x'.repeat(41))).toEqual({ issues: ['longer than 40 characters'] });
  });
});

describe('the reliability routes’ parameters', () => {
  it('a choice, a flag and a number, worded `got: "…"`', () => {
    const variant = choice(['all', 'fault'], 'all', 'd');
    expect(read(variant, undefined)).toEqual({ value: 'all' });
    expect(read(variant, 'x'.repeat(300))).toEqual({
      issues: [`must be one of all, fault, got: "${'x'.repeat(300)}"`],
    });
    expect(read(flag('d'), '1')).toEqual({ value: true });
    expect(read(flag('d'), 'false')).toEqual({ value: false });
    expect(read(flag('d'), undefined)).toEqual({ value: false });
    expect(read(flag('d'), 'maybe')).toEqual({ issues: ['must be true or false, got: "maybe"'] });
    expect(read(number('d'), '2.5')).toEqual({ value: 2.5 });
    expect(read(number('d'), '-1')).toEqual({ issues: ['must be a number ≥ 0, got: "-1"'] });
  });

  it('dimensions: all is none, each unknown one an issue of its own quoting the whole text', () => {
    expect(read(dimensions('city'), undefined)).toEqual({ value: ['city'] });
    expect(read(dimensions('all'), undefined)).toEqual({ value: [] });
    expect(read(dimensions('city'), 'all')).toEqual({ value: [] });
    expect(read(dimensions('all'), 'city, county')).toEqual({ value: ['city', 'county'] });
    const message =
      'must be all or a comma-separated list of province, city, county, areaClass, park, feeder, area, got: "town,city,village"';
    expect(read(dimensions('all'), 'town,city,village')).toEqual({ issues: [message, message] });
  });

  it('names: none empty, none over 200 characters; one name reads as the names given', () => {
    expect(read(names('d'), 'Yunnan, Guizhou')).toEqual({ value: ['Yunnan', 'Guizhou'] });
    expect(read(names('d'), 'Yunnan,')).toEqual({
      issues: ['must be a comma-separated list of names, got: "Yunnan,"'],
    });
    expect(read(oneName('d'), 'a,b')).toEqual({ value: ['a', 'b'] });
  });
});
