// Instants are UTC epoch milliseconds; every calendar notion (day, month, quarter, year) is
// taken in the operating zone. Uses only Intl, so any IANA zone works, DST included.

import { fail, ok, type Result } from './issues.js';

const DAY_MS = 86_400_000;

/** Date.UTC, but years 0–99 stay years 0–99 (Date.UTC maps them to 1900–1999). */
function utc(year: number, monthIndex: number, day: number, h = 0, mi = 0, s = 0, ms = 0): number {
  if (year >= 100) return Date.UTC(year, monthIndex, day, h, mi, s, ms);
  const d = new Date(0);
  d.setUTCFullYear(year, monthIndex, day);
  d.setUTCHours(h, mi, s, ms);
  return d.getTime();
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

export function isValidZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** The wall clock in `zone` at instant `ms`. */
export function wallClock(ms: number, zone: string): WallClock {
  const parts = formatter(zone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
    millisecond: ((ms % 1000) + 1000) % 1000,
  };
}

function exactOffset(ms: number, zone: string): number {
  const w = wallClock(ms, zone);
  const asUtc = utc(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  return asUtc - ms;
}

const HOUR_MS = 3_600_000;
const MEMO_LIMIT = 100_000;
/** Per zone: UTC hour number → the offset throughout that hour (hours with no change only). */
const offsets = new Map<string, Map<number, number>>();

/**
 * Offset of `zone` from UTC at instant `ms`, in milliseconds (Asia/Shanghai: +8 h).
 * Asking Intl costs ~5 µs, and a local time takes four answers to resolve, so an hour whose
 * start and end have the same offset is remembered: no zone changes its offset twice within an
 * hour, so every instant of it has that offset. Hours with a change are always asked exactly.
 */
export function zoneOffset(ms: number, zone: string): number {
  const hour = Math.floor(ms / HOUR_MS);
  let memo = offsets.get(zone);
  const known = memo?.get(hour);
  if (known !== undefined) return known;
  const atStart = exactOffset(hour * HOUR_MS, zone);
  if (exactOffset((hour + 1) * HOUR_MS, zone) !== atStart) return exactOffset(ms, zone);
  if (!memo || memo.size >= MEMO_LIMIT) {
    memo = new Map();
    offsets.set(zone, memo);
  }
  memo.set(hour, atStart);
  return atStart;
}

/**
 * The instant at which the wall clock in `zone` shows `w`. In a DST overlap the earlier
 * instant is taken; in a DST gap the time is moved forward by the gap (as Temporal's
 * 'compatible' disambiguation does).
 */
export function fromWallClock(w: WallClock, zone: string): number {
  const naive = utc(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  const before = naive - zoneOffset(naive - DAY_MS, zone);
  const after = naive - zoneOffset(naive + DAY_MS, zone);
  const valid = [before, after].filter((c) => c + zoneOffset(c, zone) === naive);
  return valid.length > 0 ? Math.min(...valid) : before;
}

/** Days since 1970-01-01 of the local calendar date of instant `ms` in `zone`. */
export function localDay(ms: number, zone: string): number {
  return Math.floor((ms + zoneOffset(ms, zone)) / DAY_MS);
}

/** 'YYYY-MM-DD' of a day number. */
export function dayToDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day number of 'YYYY-MM-DD'. */
export function dateToDay(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** The instant local midnight begins on day number `day` in `zone`. */
export function startOfLocalDay(day: number, zone: string): number {
  const d = new Date(day * DAY_MS);
  return fromWallClock(
    {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: 0,
      minute: 0,
      second: 0,
      millisecond: 0,
    },
    zone,
  );
}

/** Local calendar date 'YYYY-MM-DD' of instant `ms` in `zone`. */
export const localDate = (ms: number, zone: string): string => dayToDate(localDay(ms, zone));

const TIME_HINT = 'use ISO-8601, e.g. 2025-06-03T14:05:00+08:00 or local 2025-06-03 14:05';

function badTime(text: string, why: string): Result<number> {
  return fail([{ path: '', message: `not a valid time: "${text}" (${why})` }]);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in `month` (1–12) of the proleptic Gregorian `year`. */
function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

// 2025-06-03T14:05:00+08:00, 2025-06-03 14:05Z, 2025-06-03T14:05:00.123456 (local)
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;
// 2025/6/3 14:05[:00] as written by spreadsheet exports, always local
const SLASHED = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Parse a time: ISO-8601 with an offset or Z, or a local wall-clock time in `zone` (date and
 * time separated by `T` or a space; date alone means local midnight). Anything else fails
 * with the bad value quoted.
 */
export function parseTime(text: string, zone: string): Result<number> {
  const s = text.trim();
  const m = ISO.exec(s) ?? SLASHED.exec(s);
  if (!m) return badTime(text, TIME_HINT);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4] ?? 0);
  const minute = Number(m[5] ?? 0);
  const second = Number(m[6] ?? 0);
  const millisecond = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return badTime(text, 'no such date');
  if (hour > 23 || minute > 59 || second > 59) return badTime(text, 'no such time of day');
  const offset = m[8];
  if (offset !== undefined) {
    const naive = utc(year, month - 1, day, hour, minute, second, millisecond);
    if (offset === 'Z') return ok(naive);
    const sign = offset.startsWith('-') ? -1 : 1;
    const digits = offset.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2) || 0);
    if (oh > 14 || om > 59) return badTime(text, 'offset out of range');
    return ok(naive - sign * (oh * 60 + om) * 60_000);
  }
  return ok(fromWallClock({ year, month, day, hour, minute, second, millisecond }, zone));
}

/** ISO-8601 with the zone's offset, e.g. 2025-06-03T14:05:00+08:00. */
export function formatInZone(ms: number, zone: string): string {
  const off = zoneOffset(ms, zone);
  const local = new Date(ms + off).toISOString().slice(0, 19);
  const sign = off < 0 ? '-' : '+';
  // Before standard time (e.g. Shanghai before 1901) offsets carry seconds: +08:05:43.
  const abs = Math.round(Math.abs(off) / 1000);
  const hh = String(Math.floor(abs / 3600)).padStart(2, '0');
  const mm = String(Math.floor(abs / 60) % 60).padStart(2, '0');
  const ss = abs % 60;
  return `${local}${sign}${hh}:${mm}${ss ? `:${String(ss).padStart(2, '0')}` : ''}`;
}

export { DAY_MS };
