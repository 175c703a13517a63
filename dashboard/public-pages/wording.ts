// Small pure pieces of the public pages: times as residents read them, estimates that have
// passed, and paging of long lists.

import { formatInZone } from '../../core/index.js';
import { esc } from './html.js';
import { type Lang, WORDS } from './i18n.js';

/** A time as "2025-06-03 14:05" in the operating zone. */
export const minuteText = (ms: number, zone: string): string =>
  formatInZone(ms, zone).slice(0, 16).replace('T', ' ');

/** A <time> element showing the minute, with the full instant for machines. */
export const timeHtml = (ms: number, zone: string): string =>
  `<time datetime="${esc(formatInZone(ms, zone))}">${esc(minuteText(ms, zone))}</time>`;

export type Estimate = { kind: 'unknown' } | { kind: 'passed' } | { kind: 'at'; ms: number };

/**
 * An estimated restoration as a resident should read it at `asOf`: none given, already passed
 * (with power still off it is being reassessed, never a time in the past), or a time ahead.
 */
export function estimateOf(estimate: number | null, asOf: number): Estimate {
  if (estimate === null) return { kind: 'unknown' };
  if (estimate <= asOf) return { kind: 'passed' };
  return { kind: 'at', ms: estimate };
}

export function estimateText(estimate: number | null, asOf: number, zone: string, lang: Lang): string {
  const e = estimateOf(estimate, asOf);
  if (e.kind === 'unknown') return WORDS[lang].unknown;
  if (e.kind === 'passed') return WORDS[lang].reassessing;
  return minuteText(e.ms, zone);
}

export function estimateHtml(estimate: number | null, asOf: number, zone: string, lang: Lang): string {
  const e = estimateOf(estimate, asOf);
  if (e.kind === 'at') return timeHtml(e.ms, zone);
  return esc(estimateText(estimate, asOf, zone, lang));
}

/** Names joined for a card, the first `most` of them and how many more. */
export function someOf(names: readonly string[], most: number): { shown: string[]; more: number } {
  return { shown: names.slice(0, most), more: Math.max(0, names.length - most) };
}

export interface Paging {
  /** 1-based page shown (the last when more was asked) */
  page: number;
  pages: number;
  /** index of the first item shown and one past the last */
  from: number;
  to: number;
}

/** Which items a page shows: pages of `size`, page numbers from 1; anything unreadable is page 1. */
export function paging(total: number, size: number, asked: unknown): Paging {
  const pages = Math.max(1, Math.ceil(total / size));
  const n = typeof asked === 'string' && /^\d{1,6}$/.test(asked) ? Number(asked) : 1;
  const page = Math.min(pages, Math.max(1, n));
  return { page, pages, from: (page - 1) * size, to: Math.min(total, page * size) };
}

/**
 * The page numbers a pager links to: the first, the last, and those within `around` of the
 * current one; null where numbers are left out.
 */
export function pageLinks(p: Paging, around = 2): (number | null)[] {
  const out: (number | null)[] = [];
  for (let i = 1; i <= p.pages; i += 1) {
    if (i === 1 || i === p.pages || Math.abs(i - p.page) <= around) out.push(i);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}
