// The time formats a mapping file may declare for a time column, as Chinese utilities' systems
// and spreadsheets export them. Each reads a cell to a wall-clock time without a zone; the
// mapping writes it as local ISO text, which the schemas read in the source's zone like any
// other local time (so DST gaps and overlaps are resolved in one place, core/time.ts).

import { fail, type Issue, ok, type Result } from '../../core/issues.js';
import { fromWallClock, type WallClock } from '../../core/time.js';
import { isBlank, quote } from '../schemas/fields.js';
import type { RecordKind } from '../schemas/kinds.js';

export const TIME_FORMATS = ['yyyy年M月d日', 'yyyy/M/d', 'yyyyMMddHHmmss', 'excel'] as const;
export type TimeFormat = (typeof TIME_FORMATS)[number];

/** What each format reads, for messages: an example, and the variants it also takes. */
export const TIME_FORMAT_EXAMPLES: { readonly [F in TimeFormat]: readonly string[] } = {
  yyyy年M月d日: ['2025年6月3日 14:05', '2025年6月3日 14:05:09', '2025年6月3日'],
  'yyyy/M/d': ['2025/6/3 14:05', '2025-6-3 14:05:09', '2025/06/03'],
  yyyyMMddHHmmss: ['20250603140500', '202506031405', '20250603'],
  excel: ['45811.5868055556', '45811'],
};

/** The contract fields that hold a time, per record kind: the ones a format may be declared for. */
export const TIME_FIELDS: { readonly [K in RecordKind]: readonly string[] } = {
  assets: ['validFrom'],
  outages: ['start', 'end', 'estimatedRestoration'],
  warnings: ['start', 'end'],
};

const TIME = String.raw`(?:\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?`;
// year, month, day, then optional hour, minute, second
const CHINESE = new RegExp(String.raw`^(\d{4})年(\d{1,2})月(\d{1,2})日${TIME}$`);
// one separator, the same twice: 2025/6/3 or 2025-6-3; a space before the time
const NUMERIC = /^(\d{4})([/-])(\d{1,2})\2(\d{1,2})(?:\s+(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?$/;
const SERIAL = /^(\d+)(?:\.(\d+))?$/;

/** Excel's day 0 of the 1900 date system (serial 1 is 1900-01-01, after a day 60 that never was). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/** Serials from 1900-03-01 on; before it Excel counts a 29 February 1900 that did not exist. */
const FIRST_SERIAL = 61;
/** 9999-12-31, Excel's last day. */
const LAST_SERIAL = 2_958_465;
const DAY_SECONDS = 86_400;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (year: number, month: number): number =>
  month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : (MONTH_DAYS[month - 1] ?? 0);

/** "must be a time in format yyyy/M/d (e.g. 2025/6/3 14:05), got "x"" and why, if known. */
function refuse(format: TimeFormat, value: unknown, why?: string): Result<never> {
  const example = TIME_FORMAT_EXAMPLES[format][0];
  const message = `must be a time in format ${format} (e.g. ${example}), got ${quote(value)}${why ? `: ${why}` : ''}`;
  return fail([{ path: '', message }]);
}

/** The wall-clock time a cell shows in `format`; blank cells are the caller's to handle. */
export function readWallClock(value: unknown, format: TimeFormat): Result<WallClock> {
  const text = cellText(value, format);
  if (text === undefined) return refuse(format, value);
  if (format === 'excel') return readSerial(text, value);
  const m =
    format === 'yyyy年M月d日'
      ? CHINESE.exec(text)
      : format === 'yyyy/M/d'
        ? dropSeparator(NUMERIC.exec(text))
        : COMPACT.exec(text);
  if (!m) return refuse(format, value);
  const w: WallClock = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    millisecond: 0,
  };
  if (w.month < 1 || w.month > 12 || w.day < 1 || w.day > daysIn(w.year, w.month))
    return refuse(format, value, 'no such date');
  if (w.hour > 23 || w.minute > 59 || w.second > 59) return refuse(format, value, 'no such time of day');
  return ok(w);
}

/**
 * Text as the cell gives it. JSON and Arrow sources may carry the digit formats as numbers:
 * whole numbers for yyyyMMddHHmmss, any non-negative number for a serial.
 */
function cellText(value: unknown, format: TimeFormat): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return undefined;
  if (format === 'excel') return String(value);
  if (format === 'yyyyMMddHHmmss' && Number.isInteger(value)) return String(value);
  return undefined;
}

/** The numeric regex captures the separator too; the fields then sit one place further on. */
const dropSeparator = (m: RegExpExecArray | null): (string | undefined)[] | null =>
  m && [m[0], m[1], m[3], m[4], m[5], m[6], m[7]];

/**
 * A serial day number: whole days since 1899-12-30, the fraction the time of day, rounded to the
 * second (Excel shows times so; an export's 10 decimals are within 10 µs). The fraction is read
 * from its own digits, away from the day count's magnitude. Scientific spellings (4.58116E+04,
 * a spreadsheet's narrow column) are refused: their lost digits are minutes.
 */
function readSerial(text: string, value: unknown): Result<WallClock> {
  const m = SERIAL.exec(text);
  if (!m) return refuse('excel', value);
  let days = Number(m[1]);
  let seconds = m[2] ? Math.round(Number(`0.${m[2]}`) * DAY_SECONDS) : 0;
  if (seconds === DAY_SECONDS) {
    days += 1;
    seconds = 0;
  }
  if (days < FIRST_SERIAL || days > LAST_SERIAL)
    return refuse(
      'excel',
      value,
      `serial numbers run from ${FIRST_SERIAL} (1900-03-01) to ${LAST_SERIAL} (9999-12-31)`,
    );
  const date = new Date(EXCEL_EPOCH + days * DAY_SECONDS * 1000);
  return ok({
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: Math.floor(seconds / 3600),
    minute: Math.floor(seconds / 60) % 60,
    second: seconds % 60,
    millisecond: 0,
  });
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** 2025-06-03T14:05:00: local ISO text, which the schemas read in the source's zone. */
export const localIso = (w: WallClock): string =>
  `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;

/** The instant a cell in `format` means when read in `zone` (as the import reads it). */
export function parseTimeIn(value: unknown, format: TimeFormat, zone: string): Result<number> {
  const w = readWallClock(value, format);
  return w.ok ? ok(fromWallClock(w.value, zone)) : w;
}

/**
 * Rewrite, in `out` (the mapped record), each field read from a column with a declared format
 * as local ISO text. Blank cells stay blank, and a field a `values` map already replaced is left
 * alone; a cell that does not read gives an issue at the field, naming its column.
 */
export function readTimeColumns(
  source: Record<string, unknown>,
  out: Map<string, unknown>,
  fields: ReadonlyMap<string, string>,
  formats: ReadonlyMap<string, TimeFormat>,
): Issue[] {
  const issues: Issue[] = [];
  for (const [column, format] of formats) {
    const field = fields.get(column);
    if (field === undefined || !Object.hasOwn(source, column)) continue;
    const cell = source[column];
    if (isBlank(cell) || out.get(field) !== cell) continue;
    const w = readWallClock(cell, format);
    if (w.ok) out.set(field, localIso(w.value));
    else for (const i of w.issues) issues.push({ path: field, message: `${i.message} (column ${column})` });
  }
  return issues;
}
