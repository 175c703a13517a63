// The public live-outage page: ongoing outages by county with customers out, start and
// estimated restoration. No addresses, asset names or customer data: a county, a count, times.
// Cache policy: the page is built at most once per `ttlSeconds` (default 60) whatever the
// traffic, and sent with Cache-Control: public, max-age=ttl, so a storm's readers hit the
// cache (ours, a proxy's or the browser's), never the database. When the database cannot be
// read, the last page built is served, marked stale, and a new build is tried at most every
// STALE_RETRY_MS; only with no page built yet is the answer 503.

import type { Request, Response } from 'express';
import { activeOutages } from '../../analytics/outages/index.js';
import { formatInZone } from '../../core/index.js';
import type { Store } from '../../store/index.js';
import { esc, page } from './html.js';
import { DISCLOSURE_WORDS, type Lang, langOf, WORDS } from './i18n.js';

export interface LivePageOptions {
  store: Store;
  zone: string;
  ttlSeconds?: number;
  /** Above this many outages, only county totals are listed. */
  countyOnlyAbove?: number;
  now?: () => number;
}

interface Built {
  at: number;
  html: Record<Lang, string>;
  json: Record<string, unknown>;
}

/** Where a stale page says so (an HTML comment in a fresh one). */
const STALE_MARK = '<!--stale-->';
const STALE_RETRY_MS = 10_000;
const STALE_MAX_AGE = 10;

export function livePage(o: LivePageOptions) {
  const ttl = o.ttlSeconds ?? 60;
  const now = o.now ?? Date.now;
  let cached: Built | undefined;
  let building: Promise<Built> | undefined;

  async function build(): Promise<Built> {
    const at = now();
    const rows = await activeOutages(o.store, at, o.zone);
    const byCounty = new Map<string, { city: string; county: string; outages: number; customers: number }>();
    for (const r of rows) {
      const key = `${r.city ?? ''}/${r.county ?? ''}`;
      const c = byCounty.get(key) ?? { city: r.city ?? '', county: r.county ?? '', outages: 0, customers: 0 };
      c.outages += 1;
      c.customers += r.customersOut;
      byCounty.set(key, c);
    }
    const counties = [...byCounty.values()].sort((a, b) => b.customers - a.customers);
    const countyOnly = rows.length > (o.countyOnlyAbove ?? 500);
    const html = {} as Record<Lang, string>;
    for (const lang of ['zh', 'en'] as const) {
      const w = WORDS[lang];
      const num = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en');
      const total = rows.reduce((n, r) => n + r.customersOut, 0);
      const time = (iso: string | null) => (iso ? esc(iso.slice(0, 16).replace('T', ' ')) : esc(w.unknown));
      let body = `<h2>${esc(w.liveTitle)}</h2>${STALE_MARK}<p>${esc(rows.length ? w.summary(rows.length, num.format(total)) : w.none)}</p>`;
      const stamp = `<time datetime="${esc(formatInZone(at, o.zone))}">${esc(formatInZone(at, o.zone).slice(0, 16).replace('T', ' '))}</time>`;
      body +=
        lang === 'zh'
          ? `<p class="note">${esc(w.updated)}：${stamp}（${esc(o.zone)}）。${esc(w.cachePolicy(ttl))}</p>`
          : `<p class="note">${esc(w.updated)}: ${stamp} (${esc(o.zone)}). ${esc(w.cachePolicy(ttl))}</p>`;
      if (rows.length > 0) {
        body += `<table><caption>${esc(w.county)}</caption><thead><tr><th scope="col">${esc(w.city)}</th><th scope="col">${esc(w.county)}</th><th scope="col" class="n">${esc(w.outages)}</th><th scope="col" class="n">${esc(w.customers)}</th></tr></thead><tbody>`;
        for (const c of counties) {
          body += `<tr><td>${esc(c.city)}</td><th scope="row">${esc(c.county)}</th><td class="n">${num.format(c.outages)}</td><td class="n">${num.format(c.customers)}</td></tr>`;
        }
        body += '</tbody></table>';
        if (countyOnly) body += `<p>${esc(w.countyOnly)}</p>`;
        else {
          // class "list": one card per outage on a phone, each value beside its column's name
          body += `<table class="list"><caption>${esc(w.liveTitle)}</caption><thead><tr><th scope="col">${esc(w.county)}</th><th scope="col" class="n">${esc(w.customers)}</th><th scope="col">${esc(w.start)}</th><th scope="col">${esc(w.restore)}</th><th scope="col">${esc(w.status)}</th></tr></thead><tbody>`;
          for (const r of rows) {
            body += `<tr><th scope="row">${esc(r.county ?? '')}</th><td class="n" data-label="${esc(w.customers)}">${num.format(r.customersOut)}</td><td class="d" data-label="${esc(w.start)}">${time(r.start)}</td><td class="d" data-label="${esc(w.restore)}">${time(r.estimatedRestoration)}</td><td data-label="${esc(w.status)}">${esc(r.planned ? w.planned : w.fault)}</td></tr>`;
          }
          body += '</tbody></table>';
        }
      }
      html[lang] = page({
        lang,
        title: w.title,
        switchHref: lang === 'zh' ? '?lang=en' : '?lang=zh',
        switchLabel: w.switchLang,
        skip: w.skip,
        body,
        // relative to /public/outages, whatever the mount path
        nav: [
          {
            href: lang === 'zh' ? 'disclosures' : 'disclosures?lang=en',
            label: DISCLOSURE_WORDS[lang].allPeriods,
          },
        ],
      });
    }
    const json = {
      updatedAt: formatInZone(at, o.zone),
      outages: rows.length,
      customersOut: rows.reduce((n, r) => n + r.customersOut, 0),
      counties,
      ...(countyOnly
        ? {}
        : {
            rows: rows.map((r) => ({
              city: r.city,
              county: r.county,
              customersOut: r.customersOut,
              start: r.start,
              estimatedRestoration: r.estimatedRestoration,
              planned: r.planned,
            })),
          }),
    };
    return { at, html, json };
  }

  let failedAt = Number.NEGATIVE_INFINITY;

  /** The page to serve, and whether it is the last one built because a new one could not be. */
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

  return {
    async html(req: Request, res: Response) {
      const { built, stale } = await current();
      const lang = langOf(req.query['lang']);
      res.setHeader('Cache-Control', maxAge(stale));
      const html = built.html[lang];
      res
        .type('html')
        .send(
          stale
            ? html.replace(STALE_MARK, `<p class="stale" role="status">${esc(WORDS[lang].stale)}</p>`)
            : html,
        );
    },
    async json(_req: Request, res: Response) {
      const { built, stale } = await current();
      res.setHeader('Cache-Control', maxAge(stale));
      res.json({ ...built.json, stale });
    },
  };
}
