// The public live-outage pages: /outages (a map of the counties coloured by the share of their
// customers out, the totals by county, and each outage in progress with the areas and places it
// affects, its cause in public words, customers out, start, estimated restoration and last
// update) and /planned (the planned outages announced ahead, by county). No addresses, feeder
// names, notes or customer data: counties, transformer areas, the places they serve, counts, times.
// Cache policy: both pages are built together at most once per `ttlSeconds` (default 60) whatever
// the traffic, and sent with Cache-Control: public, max-age=ttl, so a storm's readers hit the
// cache (ours, a proxy's or the browser's), never the database. When the database cannot be
// read, the last pages built are served, marked stale, and a new build is tried at most every
// STALE_RETRY_MS; only with no page built yet is the answer 503.
// With JavaScript, live.js (served beside the page) fetches the page again every 60 s and swaps
// the #live region; without it the page is complete as sent.

import { readFileSync, statSync } from 'node:fs';
import type { Request, Response } from 'express';
import { type PublicOutage, publicOutages } from '../../analytics/public/index.js';
import { formatInZone } from '../../core/index.js';
import type { Store } from '../../store/index.js';
import { esc, type NavLink, page } from './html.js';
import { causeWords, DISCLOSURE_WORDS, type Lang, langOf, WORDS } from './i18n.js';
import {
  type FeatureCollection,
  type MapCounty,
  mapSvg,
  shareClassLabels,
  shareLegend,
  sharePercent,
} from './map.js';
import { estimateHtml, estimateText, minuteText, someOf, timeHtml } from './wording.js';

export interface LivePageOptions {
  store: Store;
  zone: string;
  ttlSeconds?: number;
  /** Above this many outages, only county totals are listed. */
  countyOnlyAbove?: number;
  now?: () => number;
  /** the county boundaries GeoJSON (`<OUTAGE_DATA_DIR>/boundaries.geojson`); absent: dots only */
  boundariesFile?: string | undefined;
  /** the "report an outage" hotline and link */
  report?: ReportSetting | undefined;
  /** notice period of planned outages, said on the planned page (default 7) */
  plannedNoticeDays?: number | undefined;
}

export interface ReportSetting {
  hotline: string;
  url?: string | undefined;
}

interface Built {
  at: number;
  outages: Record<Lang, string>;
  planned: Record<Lang, string>;
  json: Record<string, unknown>;
  plannedJson: Record<string, unknown>;
}

/** Where a stale page says so (an HTML comment in a fresh one). */
const STALE_MARK = '<!--stale-->';
const STALE_RETRY_MS = 10_000;
const STALE_MAX_AGE = 10;
const AREAS_SHOWN = 3;
const PLACES_SHOWN = 8;

/** The boundaries file, read again only when it changed; null when absent or unreadable. */
function boundariesReader(file: string | undefined): () => FeatureCollection | null {
  let kept: { mtime: number; fc: FeatureCollection | null } | undefined;
  return () => {
    if (!file) return null;
    try {
      const mtime = statSync(file).mtimeMs;
      if (kept?.mtime === mtime) return kept.fc;
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<FeatureCollection>;
      const fc =
        parsed.type === 'FeatureCollection' && Array.isArray(parsed.features)
          ? (parsed as FeatureCollection)
          : null;
      kept = { mtime, fc };
      return fc;
    } catch {
      return null;
    }
  };
}

const countyKey = (city: string | null, county: string | null) => JSON.stringify([city ?? '', county ?? '']);

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

/** Names of the areas an outage reaches, for a card's heading: county · first areas, and more. */
function heading(o: PublicOutage, lang: Lang): string {
  const { shown, more } = someOf(o.areas, AREAS_SHOWN);
  const sep = lang === 'zh' ? '、' : ', ';
  const areas =
    shown.length > 0
      ? ` · ${shown.join(sep)}${more > 0 ? (lang === 'zh' ? ' ' : ' ') + WORDS[lang].areasMore(more) : ''}`
      : '';
  return `${o.county ?? ''}${areas}`;
}

/** The places an outage reaches, or its further areas when no place is known. */
function affects(o: PublicOutage, lang: Lang): string {
  const sep = lang === 'zh' ? '、' : ', ';
  if (o.places.length > 0) {
    const { shown, more } = someOf(o.places, PLACES_SHOWN);
    return `${shown.join(sep)}${more > 0 ? ` ${WORDS[lang].placesMore(more)}` : ''}`;
  }
  return o.areas.length > AREAS_SHOWN ? o.areas.join(sep) : '';
}

const NAV = (lang: Lang, plannedCount: number | null): NavLink[] => {
  const w = WORDS[lang];
  const en = lang === 'en' ? '?lang=en' : '';
  return [
    { href: `outages${en}`, label: w.liveLink },
    { href: `planned${en}`, label: plannedCount === null ? w.plannedTitle : w.plannedLink(plannedCount) },
    { href: `lookup${en}`, label: w.lookupLink },
    { href: `disclosures${en}`, label: DISCLOSURE_WORDS[lang].allPeriods },
  ];
};

/** The public pages' links, relative to a page under the public mount. */
export const publicNav = NAV;

export function livePage(o: LivePageOptions) {
  const ttl = o.ttlSeconds ?? 60;
  const now = o.now ?? Date.now;
  const boundaries = boundariesReader(o.boundariesFile);
  let cached: Built | undefined;
  let building: Promise<Built> | undefined;

  async function build(): Promise<Built> {
    const at = now();
    const { current: rows, scheduled, counties: served } = await publicOutages(o.store, at);
    const byCounty = new Map<
      string,
      { city: string; county: string; outages: number; customers: number; served: number }
    >();
    const servedBy = new Map(served.map((c) => [countyKey(c.city, c.county), c.customers]));
    for (const r of rows) {
      const key = countyKey(r.city, r.county);
      const c = byCounty.get(key) ?? {
        city: r.city ?? '',
        county: r.county ?? '',
        outages: 0,
        customers: 0,
        served: servedBy.get(key) ?? 0,
      };
      c.outages += 1;
      c.customers += r.customersOut;
      byCounty.set(key, c);
    }
    const counties = [...byCounty.values()].sort((a, b) => b.customers - a.customers);
    const countyOnly = rows.length > (o.countyOnlyAbove ?? 500);
    const total = rows.reduce((n, r) => n + r.customersOut, 0);
    const fc = boundaries();
    const outages = {} as Record<Lang, string>;
    const planned = {} as Record<Lang, string>;
    for (const lang of ['zh', 'en'] as const) {
      const w = WORDS[lang];
      const num = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en');
      const pct = (out: number, all: number) => `${sharePercent(out, all).toFixed(1)}%`;
      const stamp = `<time datetime="${esc(formatInZone(at, o.zone))}">${esc(minuteText(at, o.zone))}</time>`;
      const updated =
        lang === 'zh'
          ? `<span role="status">${esc(w.updated)}：${stamp}（${esc(o.zone)}）。</span>`
          : `<span role="status">${esc(w.updated)}: ${stamp} (${esc(o.zone)}).</span>`;
      const refresh = `${updated} <span class="nojs">${esc(w.refreshNoJs(ttl))}</span><span class="js">${esc(w.refreshAuto)}</span>`;

      // --- /outages
      let body = `${reportBox(o.report, lang)}<div id="live"><h2>${esc(w.liveTitle)}</h2>${STALE_MARK}`;
      body += `<p class="lead">${esc(rows.length ? w.summary(rows.length, num.format(total)) : w.none)}</p>`;
      body += `<p class="note">${refresh}</p>`;
      const mapCounties: MapCounty[] = served.map((c) => {
        const out = byCounty.get(countyKey(c.city, c.county))?.customers ?? 0;
        const name = [c.city, c.county].filter(Boolean).join(' ');
        const label =
          out > 0
            ? lang === 'zh'
              ? `${name}：${num.format(out)} 户停电，占 ${pct(out, c.customers)}`
              : `${name}: ${num.format(out)} customers out, ${pct(out, c.customers)}`
            : `${name}: ${w.shareNone}`;
        return { city: c.city, county: c.county, out, served: c.customers, label };
      });
      const svg = mapSvg({
        id: `map-${lang}`,
        title: w.map,
        desc: w.mapDesc(counties.length, total),
        boundaries: fc,
        counties: mapCounties,
        dots: rows.flatMap((r) =>
          r.lat !== null && r.lon !== null ? [{ lat: r.lat, lon: r.lon, customers: r.customersOut }] : [],
        ),
      });
      if (svg) {
        body += `<figure class="map-figure"><figcaption>${esc(w.map)}</figcaption>${svg}`;
        body += `<p class="legend-title">${esc(w.share)}</p>${shareLegend(shareClassLabels(w.shareNone, lang))}</figure>`;
      }
      body += `<p class="more"><a href="planned${lang === 'en' ? '?lang=en' : ''}">${esc(w.plannedLink(scheduled.length))}</a></p>`;
      if (rows.length > 0) {
        body += `<table class="counties"><caption>${esc(w.county)}</caption><thead><tr><th scope="col">${esc(w.city)}</th><th scope="col">${esc(w.county)}</th><th scope="col" class="n">${esc(w.outages)}</th><th scope="col" class="n">${esc(w.customers)}</th><th scope="col" class="n">${esc(w.share)}</th></tr></thead><tbody>`;
        for (const c of counties) {
          body += `<tr><td>${esc(c.city)}</td><th scope="row">${esc(c.county)}</th><td class="n">${num.format(c.outages)}</td><td class="n">${num.format(c.customers)}</td><td class="n">${esc(pct(c.customers, c.served))}</td></tr>`;
        }
        body += '</tbody></table>';
        if (countyOnly) body += `<p>${esc(w.countyOnly)}</p>`;
        else {
          // class "list": one card per outage on a phone, each value beside its column's name
          body += `<table class="list outages"><caption>${esc(w.list)}</caption><thead><tr><th scope="col">${esc(w.countyWide)}</th><th scope="col">${esc(w.affects)}</th><th scope="col">${esc(w.cause)}</th><th scope="col" class="n">${esc(w.customers)}</th><th scope="col">${esc(w.start)}</th><th scope="col">${esc(w.restore)}</th><th scope="col">${esc(w.lastUpdate)}</th></tr></thead><tbody>`;
          for (const r of rows) {
            const type = r.planned ? w.planned : w.fault;
            body += `<tr><th scope="row">${esc(heading(r, lang))}</th><td data-label="${esc(w.affects)}">${esc(affects(r, lang))}</td><td data-label="${esc(w.cause)}">${esc(lang === 'zh' ? `${causeWords(r.cause, lang)}（${type}）` : `${causeWords(r.cause, lang)} (${type})`)}</td><td class="n" data-label="${esc(w.customers)}">${num.format(r.customersOut)}</td><td class="d" data-label="${esc(w.start)}">${timeHtml(r.start, o.zone)}</td><td class="d" data-label="${esc(w.restore)}">${estimateHtml(r.estimatedRestoration, at, o.zone, lang)}</td><td class="d" data-label="${esc(w.lastUpdate)}">${timeHtml(r.updatedAt, o.zone)}</td></tr>`;
          }
          body += '</tbody></table>';
        }
      }
      body += `</div><section aria-labelledby="lookup-h"><h2 id="lookup-h">${esc(w.lookupTitle)}</h2>${lookupForm('lookup', lang)}</section>`;
      body += `<p class="note">${esc(w.reportNote)}</p><script src="live.js" defer></script>`;
      outages[lang] = page({
        lang,
        title: w.title,
        switchHref: lang === 'zh' ? '?lang=en' : '?lang=zh',
        switchLabel: w.switchLang,
        skip: w.skip,
        body,
        nav: NAV(lang, scheduled.length).slice(1),
      });

      // --- /planned
      let p = `${reportBox(o.report, lang)}<div id="live"><h2>${esc(w.plannedTitle)}</h2>${STALE_MARK}`;
      p += `<p class="lead">${esc(w.plannedLead(scheduled.length))}</p>`;
      p += `<p class="note">${esc(w.plannedNote(o.plannedNoticeDays ?? 7))} ${refresh}</p>`;
      const groups = new Map<string, { city: string; county: string; rows: PublicOutage[] }>();
      for (const r of scheduled) {
        const key = countyKey(r.city, r.county);
        const g = groups.get(key) ?? { city: r.city ?? '', county: r.county ?? '', rows: [] };
        g.rows.push(r);
        groups.set(key, g);
      }
      const sortedGroups = [...groups.values()].sort(
        (a, b) => a.city.localeCompare(b.city, 'zh-CN') || a.county.localeCompare(b.county, 'zh-CN'),
      );
      if (sortedGroups.length > 1) {
        p += `<nav class="regions" aria-label="${esc(w.plannedBy)}"><h3>${esc(w.plannedBy)}</h3><ul>`;
        sortedGroups.forEach((g, i) => {
          const n = lang === 'zh' ? `（${g.rows.length}）` : ` (${g.rows.length})`;
          p += `<li><a href="#county-${i + 1}">${esc(g.county || g.city)}${n}</a></li>`;
        });
        p += '</ul></nav>';
      }
      sortedGroups.forEach((g, i) => {
        const title = [g.city, g.county].filter(Boolean).join(' ');
        p += `<section aria-labelledby="county-${i + 1}"><h3 id="county-${i + 1}">${esc(title)}</h3>`;
        p += `<table class="list planned"><caption>${esc(`${w.plannedTitle} · ${title}`)}</caption><thead><tr><th scope="col">${esc(w.countyWide)}</th><th scope="col">${esc(w.start)}</th><th scope="col">${esc(w.plannedEnd)}</th><th scope="col">${esc(w.affects)}</th><th scope="col">${esc(w.cause)}</th><th scope="col" class="n">${esc(w.customers)}</th><th scope="col">${esc(w.announced)}</th></tr></thead><tbody>`;
        for (const r of g.rows) {
          const end = r.end ?? r.estimatedRestoration;
          p += `<tr><th scope="row">${esc(heading(r, lang))}</th><td class="d" data-label="${esc(w.start)}">${timeHtml(r.start, o.zone)}</td><td class="d" data-label="${esc(w.plannedEnd)}">${end === null ? esc(w.unknown) : timeHtml(end, o.zone)}</td><td data-label="${esc(w.affects)}">${esc(affects(r, lang))}</td><td data-label="${esc(w.cause)}">${esc(causeWords(r.cause, lang))}</td><td class="n" data-label="${esc(w.customers)}">${num.format(r.customersAffected)}</td><td class="d" data-label="${esc(w.announced)}">${timeHtml(r.updatedAt, o.zone)}</td></tr>`;
        }
        p += '</tbody></table></section>';
      });
      p += `</div><script src="live.js" defer></script>`;
      planned[lang] = page({
        lang,
        title: w.plannedTitle,
        switchHref: lang === 'zh' ? '?lang=en' : '?lang=zh',
        switchLabel: w.switchLang,
        skip: w.skip,
        body: p,
        nav: NAV(lang, null).filter((_, i) => i !== 1),
      });
    }
    const publicRow = (r: PublicOutage) => ({
      city: r.city,
      county: r.county,
      areas: r.areas,
      places: r.places,
      cause: r.cause,
      planned: r.planned,
      start: formatInZone(r.start, o.zone),
      updatedAt: formatInZone(r.updatedAt, o.zone),
    });
    const json = {
      updatedAt: formatInZone(at, o.zone),
      outages: rows.length,
      customersOut: total,
      counties: counties.map((c) => ({ ...c, sharePercent: sharePercent(c.customers, c.served) })),
      scheduled: scheduled.length,
      ...(countyOnly
        ? {}
        : {
            rows: rows.map((r) => ({
              ...publicRow(r),
              customersOut: r.customersOut,
              estimatedRestoration:
                r.estimatedRestoration === null ? null : formatInZone(r.estimatedRestoration, o.zone),
              estimate: estimateText(r.estimatedRestoration, at, o.zone, 'en'),
            })),
          }),
    };
    const plannedJson = {
      updatedAt: formatInZone(at, o.zone),
      rows: scheduled.map((r) => {
        const end = r.end ?? r.estimatedRestoration;
        return {
          ...publicRow(r),
          expectedEnd: end === null ? null : formatInZone(end, o.zone),
          customersAffected: r.customersAffected,
        };
      }),
    };
    return { at, outages, planned, json, plannedJson };
  }

  let failedAt = Number.NEGATIVE_INFINITY;

  /** The pages to serve, and whether they are the last built because new ones could not be. */
  async function current(): Promise<{ built: Built; stale: boolean }> {
    if (cached && now() - cached.at < ttl * 1000) return { built: cached, stale: false };
    if (cached && now() - failedAt < STALE_RETRY_MS) return { built: cached, stale: true };
    // One build at a time, however many readers arrive together.
    building ??= build().finally(() => {
      building = undefined;
    });
    try {
      cached = await building;
      return { built: cached, stale: false };
    } catch (err) {
      failedAt = now();
      if (!cached) throw err; // nothing to show yet: the error handler answers 503
      return { built: cached, stale: true };
    }
  }

  const maxAge = (stale: boolean) => `public, max-age=${stale ? STALE_MAX_AGE : ttl}`;
  const sendHtml = (which: 'outages' | 'planned') => async (req: Request, res: Response) => {
    const { built, stale } = await current();
    const lang = langOf(req.query['lang']);
    res.setHeader('Cache-Control', maxAge(stale));
    const html = built[which][lang];
    res
      .type('html')
      .send(
        stale
          ? html.replace(STALE_MARK, `<p class="stale" role="status">${esc(WORDS[lang].stale)}</p>`)
          : html,
      );
  };
  const sendJson = (which: 'json' | 'plannedJson') => async (_req: Request, res: Response) => {
    const { built, stale } = await current();
    res.setHeader('Cache-Control', maxAge(stale));
    res.json({ ...built[which], stale });
  };

  return {
    html: sendHtml('outages'),
    json: sendJson('json'),
    plannedHtml: sendHtml('planned'),
    plannedJson: sendJson('plannedJson'),
  };
}

/**
 * The script of the live pages: every 60 s (while the page is visible) it fetches the page
 * again and swaps the #live region, so the page stays current without a reload; the page says
 * it refreshes by itself only when this runs. Served as a file (the CSP allows no inline script).
 */
export const LIVE_SCRIPT = `// Refreshes the public outage pages every 60 seconds (they work without it).
(function () {
  'use strict';
  var PERIOD = 60000;
  var region = document.getElementById('live');
  if (!region || !window.fetch || !window.DOMParser) return;
  document.documentElement.className += ' js';
  var last = Date.now();
  var busy = false;
  function refresh() {
    if (busy || document.hidden) return;
    busy = true;
    last = Date.now();
    fetch(location.href, { cache: 'no-cache', credentials: 'omit' })
      .then(function (res) { return res.ok ? res.text() : null; })
      .then(function (text) {
        if (text === null) return;
        var next = new DOMParser().parseFromString(text, 'text/html').getElementById('live');
        if (!next) return;
        var current = document.getElementById('live');
        if (current) current.replaceWith(document.importNode(next, true));
      })
      .catch(function () {})
      .then(function () { busy = false; });
  }
  setInterval(refresh, PERIOD);
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden && Date.now() - last >= PERIOD) refresh();
  });
})();
`;
