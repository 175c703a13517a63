// The frame both live pages (/outages, /planned) share: the report box, the #live region that
// live.js swaps every minute (opened with its heading and the place of the stale notice), the
// note of when the figures were updated and how the page refreshes, and the page around it.

import { esc, type NavLink, page } from './html.js';
import { type Lang, WORDS } from './i18n.js';
import { type ReportSetting, reportBox } from './page-parts.js';
import { timeHtml } from './wording.js';

/** What the live pages are built with, in one language. */
export interface LiveContext {
  lang: Lang;
  zone: string;
  /** seconds a build is kept */
  ttl: number;
  report: ReportSetting | undefined;
  num: Intl.NumberFormat;
}

export const liveContext = (
  lang: Lang,
  o: { zone: string; ttl: number; report: ReportSetting | undefined },
): LiveContext => ({
  lang,
  zone: o.zone,
  ttl: o.ttl,
  report: o.report,
  num: new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en'),
});

/** Where a stale page says so (an HTML comment in a fresh one). */
export const STALE_MARK = '<!--stale-->';

/** A page built earlier, marked stale in place of STALE_MARK. */
export const markedStale = (html: string, lang: Lang): string =>
  html.replace(STALE_MARK, `<p class="stale" role="status">${esc(WORDS[lang].stale)}</p>`);

/** The report box, then the #live region opened with its heading; the page closes the div. */
export const liveRegionStart = (c: LiveContext, title: string): string =>
  `${reportBox(c.report, c.lang)}<div id="live"><h2>${esc(title)}</h2>${STALE_MARK}`;

export const LIVE_SCRIPT_TAG = '<script src="live.js" defer></script>';

/** When the figures were built, and how the page refreshes (by itself with script, else by reloading). */
export function refreshNote(at: number, c: LiveContext): string {
  const w = WORDS[c.lang];
  const stamp = timeHtml(at, c.zone);
  const updated =
    c.lang === 'zh'
      ? `<span role="status">${esc(w.updated)}：${stamp}（${esc(c.zone)}）。</span>`
      : `<span role="status">${esc(w.updated)}: ${stamp} (${esc(c.zone)}).</span>`;
  return `${updated} <span class="nojs">${esc(w.refreshNoJs(c.ttl))}</span><span class="js">${esc(w.refreshAuto)}</span>`;
}

/** The whole page of a live page's body; its language switch stays on the same page. */
export function liveDocument(lang: Lang, title: string, body: string, nav: NavLink[]): string {
  const w = WORDS[lang];
  return page({
    lang,
    title,
    switchHref: lang === 'zh' ? '?lang=en' : '?lang=zh',
    switchLabel: w.switchLang,
    skip: w.skip,
    body,
    nav,
  });
}
