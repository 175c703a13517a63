// The page /outages in one language, from the live figures: the map of the counties coloured by
// the share of their customers out, the totals by county, and each outage in progress (or, when
// there are too many, only the totals), then the lookup form. Pure: figures in, HTML out.

import type { PublicOutage } from '../../analytics/public/index.js';
import { esc } from './html.js';
import { causeWords, type Lang, WORDS } from './i18n.js';
import { listTable, TABLE_END, tableHead } from './list-table.js';
import {
  type LiveContext,
  LIVE_SCRIPT_TAG,
  liveDocument,
  liveRegionStart,
  refreshNote,
} from './live-frame.js';
import { countyKey, countyParent, type LiveFigures } from './live-figures.js';
import {
  type FeatureCollection,
  type MapCounty,
  mapSvg,
  shareClassLabels,
  shareLegend,
  sharePercent,
} from './map.js';
import { reachHeading, reachPlaces } from './outage-reach.js';
import { lookupForm, publicNav } from './page-parts.js';
import { estimateHtml, timeHtml } from './wording.js';

const shareText = (out: number, all: number) => `${sharePercent(out, all).toFixed(1)}%`;

export function outagesPage(f: LiveFigures, c: LiveContext, boundaries: FeatureCollection | null): string {
  const { lang, num } = c;
  const w = WORDS[lang];
  let body = liveRegionStart(c, w.liveTitle);
  body += `<p class="lead">${esc(f.rows.length ? w.summary(f.rows.length, num.format(f.total)) : w.none)}</p>`;
  body += `<p class="note">${refreshNote(f.at, c)}</p>`;
  body += countyMap(f, c, boundaries);
  body += `<p class="more"><a href="planned${lang === 'en' ? '?lang=en' : ''}">${esc(w.plannedLink(f.scheduled.length))}</a></p>`;
  if (f.rows.length > 0) {
    body += countyTable(f, c);
    body += f.countyOnly ? `<p>${esc(w.countyOnly)}</p>` : outageList(f, c);
  }
  body += `</div><section aria-labelledby="lookup-h"><h2 id="lookup-h">${esc(w.lookupTitle)}</h2>${lookupForm('lookup', lang)}</section>`;
  body += `<p class="note">${esc(w.reportNote)}</p>${LIVE_SCRIPT_TAG}`;
  return liveDocument(lang, w.title, body, publicNav(lang, f.scheduled.length).slice(1));
}

/** The map with its legend; none when there are neither boundaries nor outages with a place. */
function countyMap(f: LiveFigures, c: LiveContext, boundaries: FeatureCollection | null): string {
  const w = WORDS[c.lang];
  const svg = mapSvg({
    id: `map-${c.lang}`,
    title: w.map,
    desc: w.mapDesc(f.counties.length, f.total),
    boundaries,
    counties: mapCounties(f, c),
    dots: f.rows.flatMap((r) =>
      r.lat !== null && r.lon !== null ? [{ lat: r.lat, lon: r.lon, customers: r.customersOut }] : [],
    ),
  });
  if (!svg) return '';
  return (
    `<figure class="map-figure"><figcaption>${esc(w.map)}</figcaption>${svg}` +
    `<p class="legend-title">${esc(w.share)}</p>${shareLegend(shareClassLabels(w.shareNone, c.lang))}</figure>`
  );
}

/** Every county served, with the customers out there and the words of its title. */
function mapCounties(f: LiveFigures, c: LiveContext): MapCounty[] {
  const w = WORDS[c.lang];
  return f.served.map((s) => {
    const out = f.byCounty.get(countyKey(s))?.customers ?? 0;
    const name = [countyParent(s), s.county].filter(Boolean).join(' ');
    const label =
      out > 0
        ? c.lang === 'zh'
          ? `${name}：${c.num.format(out)} 户停电，占 ${shareText(out, s.customers)}`
          : `${name}: ${c.num.format(out)} customers out, ${shareText(out, s.customers)}`
        : `${name}: ${w.shareNone}`;
    return { city: s.city, county: s.county, out, served: s.customers, label };
  });
}

function countyTable(f: LiveFigures, c: LiveContext): string {
  const w = WORDS[c.lang];
  let html = tableHead('counties', w.county, [
    { label: w.city },
    { label: w.county },
    { label: w.outages, n: true },
    { label: w.customers, n: true },
    { label: w.share, n: true },
  ]);
  for (const t of f.counties) {
    html += `<tr><td>${esc(countyParent(t))}</td><th scope="row">${esc(t.county)}</th><td class="n">${c.num.format(t.outages)}</td><td class="n">${c.num.format(t.customers)}</td><td class="n">${esc(shareText(t.customers, t.served))}</td></tr>`;
  }
  return html + TABLE_END;
}

function outageList(f: LiveFigures, c: LiveContext): string {
  const { lang, zone, num } = c;
  const w = WORDS[lang];
  return listTable<PublicOutage>({
    cls: 'list outages',
    caption: w.list,
    heading: { label: w.countyWide, text: (r) => reachHeading(r, lang) },
    columns: [
      { label: w.affects, html: (r) => esc(reachPlaces(r, lang)) },
      { label: w.cause, html: (r) => esc(causeText(r, lang)) },
      { label: w.customers, cls: 'n', html: (r) => num.format(r.customersOut) },
      { label: w.start, cls: 'd', html: (r) => timeHtml(r.start, zone) },
      { label: w.restore, cls: 'd', html: (r) => estimateHtml(r.estimatedRestoration, f.at, zone, lang) },
      { label: w.lastUpdate, cls: 'd', html: (r) => timeHtml(r.updatedAt, zone) },
    ],
    rows: f.rows,
  });
}

/** The cause in public words, and whether the outage was planned or a fault. */
function causeText(r: PublicOutage, lang: Lang): string {
  const w = WORDS[lang];
  const type = r.planned ? w.planned : w.fault;
  return lang === 'zh' ? `${causeWords(r.cause, lang)}（${type}）` : `${causeWords(r.cause, lang)} (${type})`;
}
