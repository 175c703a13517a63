// Numbers and times for display, with Intl, in the operating zone that /me names. Local dates
// ("2026-03-01") arrive from the server already in that zone; they are only re-spelt here,
// never derived from an instant. Dates never read as 06/12/2026, which is June to some readers
// and December to others: Chinese keeps the ISO order with hyphens (2026-12-06, as GB/T 7408
// writes it), English spells the month (6 Dec 2026).

import { type Lang, locale } from './i18n.js';

export interface Format {
  readonly zone: string;
  readonly lang: Lang;
  int(n: number | null | undefined): string;
  num(n: number | null | undefined, digits?: number): string;
  /** A figure with as many decimals as it has, up to `digits` (4 unless told): 0.6, 0.4321. */
  dec(n: number | null | undefined, digits?: number): string;
  pct(fraction: number | null | undefined, digits?: number): string;
  signedPct(fraction: number | null | undefined, digits?: number): string;
  /** An instant (epoch ms or ISO text with an offset) as local date and time: "2026-03-02 00:30" / "2 Mar 2026, 00:30". */
  dateTime(at: number | string | null | undefined): string;
  /** An instant's local time of day (hh:mm). */
  time(at: number | string | null | undefined): string;
  /** A local calendar date "YYYY-MM-DD" from the server, spelt for the language: "2026-03-02" / "2 Mar 2026". */
  date(local: string | null | undefined): string;
  /** A month heading for a local date "YYYY-MM-DD" (e.g. "3月" / "Mar"). */
  monthShort(local: string): string;
  /** Minutes as "5 h 38 min" / "5小时38分". */
  duration(minutes: number | null | undefined): string;
}

const DASH = '—';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parts(local: string): [number, number, number] | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(local);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

const finite = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

/** One Intl number format per number of decimals, made when first asked for. */
function perDigits(make: (digits: number) => Intl.NumberFormat): (digits: number) => Intl.NumberFormat {
  const made = new Map<number, Intl.NumberFormat>();
  return (d) => {
    let f = made.get(d);
    if (!f) {
      f = make(d);
      made.set(d, f);
    }
    return f;
  };
}

type NumberFormats = Pick<Format, 'int' | 'num' | 'dec' | 'pct' | 'signedPct' | 'duration'>;

function numberFormats(loc: string, lang: Lang): NumberFormats {
  const intF = new Intl.NumberFormat(loc, { maximumFractionDigits: 0 });
  const numOf = perDigits(
    (d) => new Intl.NumberFormat(loc, { minimumFractionDigits: d, maximumFractionDigits: d }),
  );
  const decOf = perDigits((d) => new Intl.NumberFormat(loc, { maximumFractionDigits: d }));
  return {
    int: (n) => (finite(n) ? intF.format(n) : DASH),
    num: (n, digits = 2) => (finite(n) ? numOf(digits).format(n) : DASH),
    dec: (n, digits = 4) => (finite(n) ? decOf(digits).format(n) : DASH),
    pct: (f, digits = 1) => (finite(f) ? `${numOf(digits).format(f * 100)}%` : DASH),
    signedPct: (f, digits = 1) =>
      finite(f) ? `${f > 0 ? '+' : f < 0 ? '−' : ''}${numOf(digits).format(Math.abs(f) * 100)}%` : DASH,
    duration: (minutes) => {
      if (!finite(minutes)) return DASH;
      const m = Math.max(0, Math.round(minutes));
      const h = Math.floor(m / 60);
      const r = m % 60;
      if (lang === 'zh') return h > 0 ? `${intF.format(h)}小时${r}分` : `${r}分钟`;
      return h > 0 ? `${intF.format(h)} h ${r} min` : `${r} min`;
    },
  };
}

type TimeFormats = Pick<Format, 'dateTime' | 'time' | 'date' | 'monthShort'>;

function timeFormats(zone: string, loc: string, lang: Lang): TimeFormats {
  const hm = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
  // An instant's local parts as numbers; the words are put together below, not by the locale
  // data (whose English has turned "Sep" into "Sept" in newer releases).
  const partsF = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    ...hm,
  });
  const timeF = new Intl.DateTimeFormat(loc, { timeZone: zone, ...hm });
  const monthF = new Intl.DateTimeFormat(loc, { timeZone: 'UTC', month: 'short' });
  /** "2026-12-06" / "6 Dec 2026" from year, month and day. */
  const spell = (y: string | number, m: number, d: number): string =>
    lang === 'zh'
      ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
      : `${d} ${MONTHS[m - 1] ?? m} ${y}`;
  const localDateTime = (ms: number): string => {
    const p = Object.fromEntries(partsF.formatToParts(ms).map((x) => [x.type, x.value]));
    const date = spell(p['year'] ?? '', Number(p['month']), Number(p['day']));
    return `${date}${lang === 'zh' ? ' ' : ', '}${p['hour']}:${p['minute']}`;
  };
  const instant = (at: number | string): number => (typeof at === 'number' ? at : Date.parse(at));
  return {
    dateTime: (at) => {
      if (at === null || at === undefined) return DASH;
      const ms = instant(at);
      if (!Number.isFinite(ms)) return DASH;
      return localDateTime(ms);
    },
    time: (at) => (at === null || at === undefined ? DASH : timeF.format(instant(at))),
    date: (local) => {
      const p = local ? parts(local) : undefined;
      if (!p) return DASH;
      return spell(p[0], p[1], p[2]);
    },
    monthShort: (local) => {
      const p = parts(local);
      if (!p) return local;
      return lang === 'zh' ? monthF.format(Date.UTC(p[0], p[1] - 1, 1)) : (MONTHS[p[1] - 1] ?? local);
    },
  };
}

export function createFormat(zone: string, lang: Lang): Format {
  const loc = locale(lang);
  return { zone, lang, ...numberFormats(loc, lang), ...timeFormats(zone, loc, lang) };
}
