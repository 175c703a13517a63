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
// With JavaScript, live.js (served beside the page, live-script.ts) fetches the page again every
// 60 s and swaps the #live region; without it the page is complete as sent.
// Here: the build, its cache and the route handlers. The figures: live-figures.ts; the pages:
// outages-page.ts, planned-page.ts (their shared frame live-frame.ts); the JSON: live-json.ts.

import { readFileSync, statSync } from 'node:fs';
import type { Request, Response } from 'express';
import { publicOutages } from '../../analytics/public/index.js';
import type { Store } from '../../store/index.js';
import { type Lang, langOf } from './i18n.js';
import { keptBuild } from './kept-build.js';
import { liveFigures } from './live-figures.js';
import { liveContext, markedStale } from './live-frame.js';
import { outagesJson, plannedJson } from './live-json.js';
import type { FeatureCollection } from './map.js';
import { outagesPage } from './outages-page.js';
import type { ReportSetting } from './page-parts.js';
import { plannedPage } from './planned-page.js';

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

interface Built {
  at: number;
  outages: Record<Lang, string>;
  planned: Record<Lang, string>;
  json: Record<string, unknown>;
  plannedJson: Record<string, unknown>;
}

const STALE_RETRY_MS = 10_000;
const STALE_MAX_AGE = 10;
const LANGS = ['zh', 'en'] as const;

/**
 * A reader of the county boundaries file, read again only when it changed: null when there is
 * none, or it is unreadable or not a FeatureCollection.
 */
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

/** Both pages in both languages and their JSON, from the outages of `at`. */
async function build(
  o: LivePageOptions,
  at: number,
  ttl: number,
  fc: FeatureCollection | null,
): Promise<Built> {
  const f = liveFigures(await publicOutages(o.store, at), o.countyOnlyAbove ?? 500);
  const outages = {} as Record<Lang, string>;
  const planned = {} as Record<Lang, string>;
  for (const lang of LANGS) {
    const c = liveContext(lang, { zone: o.zone, ttl, report: o.report });
    outages[lang] = outagesPage(f, c, fc);
    planned[lang] = plannedPage(f, c, o.plannedNoticeDays ?? 7);
  }
  return { at, outages, planned, json: outagesJson(f, o.zone), plannedJson: plannedJson(f, o.zone) };
}

/** The handlers of /outages, /outages.json, /planned and /planned.json. */
export function livePage(o: LivePageOptions) {
  const ttl = o.ttlSeconds ?? 60;
  const now = o.now ?? Date.now;
  const boundaries = boundariesReader(o.boundariesFile);
  const current = keptBuild(() => build(o, now(), ttl, boundaries()), {
    now,
    ttlMs: ttl * 1000,
    retryMs: STALE_RETRY_MS,
  });

  const maxAge = (stale: boolean) => `public, max-age=${stale ? STALE_MAX_AGE : ttl}`;
  const sendHtml = (which: 'outages' | 'planned') => async (req: Request, res: Response) => {
    const { built, stale } = await current();
    const lang = langOf(req.query['lang']);
    res.setHeader('Cache-Control', maxAge(stale));
    const html = built[which][lang];
    res.type('html').send(stale ? markedStale(html, lang) : html);
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
