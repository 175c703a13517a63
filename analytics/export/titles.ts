// What a filed document is called: the title row over its table (unit, document, period), its
// sheet names and its file name, in Chinese or English. A period is written as people say it
// (2025年6月, 2025年第二季度, June 2025, Q2 2025).

import type { Lang } from './workbook.js';

const QUARTER_ZH = ['一', '二', '三', '四'];
const monthEn = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const dayEn = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' });

/** A period key (YYYY, YYYY-MM, YYYY-Qn, YYYY-MM-DD) in words; anything else as it is. */
export function periodText(period: string, lang: Lang): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return lang === 'zh' ? `${q[1]}年第${QUARTER_ZH[Number(q[2]) - 1]}季度` : `Q${q[2]} ${q[1]}`;
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period);
  if (d) {
    const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
    return lang === 'zh' ? `${y}年${m}月${day}日` : dayEn.format(Date.UTC(y, m - 1, day));
  }
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) {
    const [y, month] = [Number(m[1]), Number(m[2])];
    return lang === 'zh' ? `${y}年${month}月` : monthEn.format(Date.UTC(y, month - 1, 1));
  }
  if (/^\d{4}$/.test(period)) return lang === 'zh' ? `${period}年` : period;
  return period;
}

/** The title row: 云南省频繁停电台账（2025年6月） / Frequent-outage ledger, Yunnan province, June 2025. */
export function documentTitle(unit: string, document: string, period: string, lang: Lang): string {
  return lang === 'zh'
    ? `${unit}${document}（${periodText(period, lang)}）`
    : `${document}, ${unit}, ${periodText(period, lang)}`;
}

/** A sheet name Excel takes: at most 31 characters, none of \ / ? * [ ] :. */
export function sheetName(text: string): string {
  return Array.from(text.replaceAll(/[\\/?*[\]:]/g, '-'))
    .slice(0, 31)
    .join('')
    .trim();
}

/** Characters no file name may hold on Windows, and control characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const NOT_IN_NAMES = /[\\/:*?"<>|\u0000-\u001F\u007F]/g;

/** A file name in the document's language: 频繁停电台账_云南省_2025-06.xlsx. */
export function documentFileName(parts: readonly string[], extension: string): string {
  const stem = parts
    .map((p) => p.replaceAll(NOT_IN_NAMES, ' ').replaceAll(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('_');
  return `${stem}.${extension}`;
}

/** The ASCII name offered beside it to clients that cannot read RFC 5987 (ledger-national-2025-2025-06-zh.xlsx). */
export function asciiFileName(stem: string, extension: string): string {
  const ascii = stem.replaceAll(/[^A-Za-z0-9._-]+/g, '_').replaceAll(/^[._]+|_+$/g, '');
  return `${ascii || 'export'}.${extension}`;
}
