// The page /planned in one language, from the live figures: the planned outages announced
// ahead, a section and table per county (with an index of the counties when there are several).
// Pure: figures in, HTML out.

import type { PublicOutage } from '../../analytics/public/index.js';
import { esc } from './html.js';
import { causeWords, WORDS } from './i18n.js';
import { listTable } from './list-table.js';
import { countyParent, type LiveFigures, type PlannedCounty } from './live-figures.js';
import {
  LIVE_SCRIPT_TAG,
  type LiveContext,
  liveDocument,
  liveRegionStart,
  refreshNote,
} from './live-frame.js';
import { reachHeading, reachPlaces } from './outage-reach.js';
import { publicNav } from './page-parts.js';
import { timeHtml } from './wording.js';

/** `noticeDays`: the notice the rule set asks of planned outages, said on the page. */
export function plannedPage(f: LiveFigures, c: LiveContext, noticeDays: number): string {
  const w = WORDS[c.lang];
  let body = liveRegionStart(c, w.plannedTitle);
  body += `<p class="lead">${esc(w.plannedLead(f.scheduled.length))}</p>`;
  body += `<p class="note">${esc(w.plannedNote(noticeDays))} ${refreshNote(f.at, c)}</p>`;
  if (f.plannedCounties.length > 1) body += countyIndex(f.plannedCounties, c);
  f.plannedCounties.forEach((g, i) => {
    body += countySection(g, i + 1, c);
  });
  body += `</div>${LIVE_SCRIPT_TAG}`;
  return liveDocument(
    c.lang,
    w.plannedTitle,
    body,
    publicNav(c.lang, null).filter((_, i) => i !== 1),
  );
}

/** Links to each county's section, with its count of planned outages. */
function countyIndex(groups: readonly PlannedCounty[], c: LiveContext): string {
  const w = WORDS[c.lang];
  let html = `<nav class="regions" aria-label="${esc(w.plannedBy)}"><h3>${esc(w.plannedBy)}</h3><ul>`;
  groups.forEach((g, i) => {
    const n = c.lang === 'zh' ? `（${g.rows.length}）` : ` (${g.rows.length})`;
    html += `<li><a href="#county-${i + 1}">${esc(g.county || countyParent(g))}${n}</a></li>`;
  });
  return `${html}</ul></nav>`;
}

/** One county's planned outages; `n` numbers its heading for the index's links. */
function countySection(g: PlannedCounty, n: number, c: LiveContext): string {
  const { lang, zone, num } = c;
  const w = WORDS[lang];
  const title = [countyParent(g), g.county].filter(Boolean).join(' ');
  const table = listTable<PublicOutage>({
    cls: 'list planned',
    caption: `${w.plannedTitle} · ${title}`,
    heading: { label: w.countyWide, text: (r) => reachHeading(r, lang) },
    columns: [
      { label: w.start, cls: 'd', html: (r) => timeHtml(r.start, zone) },
      { label: w.plannedEnd, cls: 'd', html: (r) => endHtml(r, c) },
      { label: w.affects, html: (r) => esc(reachPlaces(r, lang)) },
      { label: w.cause, html: (r) => esc(causeWords(r.cause, lang)) },
      { label: w.customers, cls: 'n', html: (r) => num.format(r.customersAffected) },
      { label: w.announced, cls: 'd', html: (r) => timeHtml(r.updatedAt, zone) },
    ],
    rows: g.rows,
  });
  return `<section aria-labelledby="county-${n}"><h3 id="county-${n}">${esc(title)}</h3>${table}</section>`;
}

/** The announced end, else the estimated restoration, else "unknown". */
function endHtml(r: PublicOutage, c: LiveContext): string {
  const end = r.end ?? r.estimatedRestoration;
  return end === null ? esc(WORDS[c.lang].unknown) : timeHtml(end, c.zone);
}
