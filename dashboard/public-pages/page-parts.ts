// Parts the live pages (/outages, /planned) and the lookup share: the "report an outage" box,
// the lookup's GET form and the links between the public pages.

import { esc, type NavLink } from './html.js';
import { DISCLOSURE_WORDS, type Lang, WORDS } from './i18n.js';

/** The "report an outage" hotline and link (settings OUTAGE_PUBLIC_HOTLINE, OUTAGE_PUBLIC_REPORT_URL). */
export interface ReportSetting {
  hotline: string;
  url?: string | undefined;
}

/** The "report an outage" box. */
export function reportBox(r: ReportSetting | undefined, lang: Lang): string {
  if (!r) return '';
  const w = WORDS[lang];
  const tel = r.hotline.replace(/[^+0-9]/g, '');
  let html = `<aside class="report" aria-label="${esc(w.report)}"><strong>${esc(w.report)}</strong> <a href="tel:${esc(tel)}">${esc(w.reportCall(r.hotline))}</a>`;
  if (r.url) html += ` · <a href="${esc(r.url)}" rel="noopener">${esc(w.reportOnline)}</a>`;
  return `${html}</aside>`;
}

/** The GET form of the lookup (works without script); `action` relative to the page. */
export function lookupForm(action: string, lang: Lang, value = ''): string {
  const w = WORDS[lang];
  let html = `<form class="lookup" method="get" action="${esc(action)}" role="search"><label for="lookup-q">${esc(w.lookupLabel)}</label><span class="row"><input id="lookup-q" name="q" type="search" maxlength="60" value="${esc(value)}" autocomplete="off">`;
  if (lang === 'en') html += '<input type="hidden" name="lang" value="en">';
  return `${html}<button type="submit">${esc(w.lookupButton)}</button></span></form>`;
}

/**
 * The public pages' links, relative to a page under the public mount: live outages, planned
 * (with their count when known), lookup, disclosures. Each page leaves out its own.
 */
export function publicNav(lang: Lang, plannedCount: number | null): NavLink[] {
  const w = WORDS[lang];
  const en = lang === 'en' ? '?lang=en' : '';
  return [
    { href: `outages${en}`, label: w.liveLink },
    { href: `planned${en}`, label: plannedCount === null ? w.plannedTitle : w.plannedLink(plannedCount) },
    { href: `lookup${en}`, label: w.lookupLink },
    { href: `disclosures${en}`, label: DISCLOSURE_WORDS[lang].allPeriods },
  ];
}
