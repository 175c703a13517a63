// The anonymous public pages (mounted at /public): the only routes without a token.
//   GET /outages[.json]                     live outages: map, county totals, each outage (live.ts)
//   GET /planned[.json]                     planned outages announced ahead, by county (live.ts)
//   GET /lookup?q&lang                      a transformer area's outages now, ahead, last year (lookup.ts)
//   GET /live.js                            the live pages' refresh every 60 s (optional)
//   GET /disclosures?lang                   published disclosure periods
//   GET /disclosures/:period?lang&region&county&q&page   a frozen disclosure (e.g. 2025-Q3) as
//                                           HTML, 50 entries a page, filtered by county and name
//   GET /disclosures/:period.csv?lang&region   its list as CSV, cells as in the HTML table
//   GET /disclosures/:period.json?region       its frozen rows as JSON
// Every disclosure route takes ?ruleSet= (a rule set's name; the product's default when absent):
// each jurisdiction publishes its own disclosure, and the list page offers the choice.
// Cache policy: the live page is built at most once a minute (live.ts). A frozen disclosure
// never changes: its rows are read once per run and each rendering (format, language, region)
// is kept in memory; it is sent with Cache-Control: public, max-age=3600 and an ETag. The list
// of published periods is read at most once a minute and sent with max-age=300; a period not
// yet published answers 404 with max-age=60, as it is published in the night after it ends.

import { type Request, type Response, Router } from 'express';
import type { Lang } from '../../analytics/remediation/index.js';
import type { CompiledRuleSet } from '../../analytics/rules/index.js';
import type { Store } from '../../store/index.js';
import { type DisclosureSource, disclosureSource, inRegion } from './data.js';
import {
  disclosureCsv,
  disclosureJson,
  type PageLinks,
  renderDisclosure,
  renderDisclosureList,
  renderMessage,
} from './disclosure.js';
import type { NavLink } from './html.js';
import { DISCLOSURE_WORDS, langOf, periodLabel, WORDS } from './i18n.js';
import { LIVE_SCRIPT, livePage, type ReportSetting } from './live.js';
import { lookupPage } from './lookup.js';

export interface PublicPagesDeps {
  store: Store;
  zone: string;
  /** the rule set whose disclosures are shown without ?ruleSet= (the product's default); none: 404 */
  ruleSet?: CompiledRuleSet | undefined;
  /** every rule set whose disclosures can be chosen (default: the one above) */
  ruleSets?: readonly CompiledRuleSet[] | undefined;
  /** the county boundaries the live map is drawn from (`<OUTAGE_DATA_DIR>/boundaries.geojson`) */
  boundariesFile?: string | undefined;
  /** the "report an outage" hotline and link (settings OUTAGE_PUBLIC_HOTLINE, OUTAGE_PUBLIC_REPORT_URL) */
  report?: ReportSetting | undefined;
  now?: () => number;
}

const DOCUMENT_CACHE = 'public, max-age=3600';
/** Cards on one page of a served disclosure list. */
export const LIST_PAGE_SIZE = 50;
const LIST_CACHE = 'public, max-age=300';
const UNPUBLISHED_CACHE = 'public, max-age=60';
const RENDERED = 256;

const query = (params: Record<string, string | null>): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
};
const langQuery = (lang: Lang): string | null => (lang === 'en' ? 'en' : null);

const textOf = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v.slice(0, 100) : null);

function regionOf(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const s = v.trim().slice(0, 100);
  return s === '' ? null : s;
}

/** Links of the served pages, absolute under the router's mount path; `ruleSet` null: the default. */
function servedLinks(base: string, period: string, ruleSet: string | null): PageLinks {
  const doc = `${base}/disclosures/${encodeURIComponent(period)}`;
  return {
    page: (lang, region) => `${doc}${query({ ruleSet, lang: langQuery(lang), region })}`,
    csv: (lang, region) => `${doc}.csv${query({ ruleSet, lang, region })}`,
    json: (region) => `${doc}.json${query({ ruleSet, region })}`,
    nav: (lang) => navOf(base, lang, ruleSet),
  };
}

function navOf(base: string, lang: Lang, ruleSet: string | null): NavLink[] {
  const w = DISCLOSURE_WORDS[lang];
  const l = query({ lang: langQuery(lang) });
  return [
    { href: `${base}/outages${l}`, label: w.live },
    { href: `${base}/planned${l}`, label: WORDS[lang].plannedTitle },
    { href: `${base}/lookup${l}`, label: WORDS[lang].lookupLink },
    { href: `${base}/disclosures${query({ ruleSet, lang: langQuery(lang) })}`, label: w.allPeriods },
  ];
}

export function publicPages(deps: PublicPagesDeps): Router {
  const router = Router();
  const live = livePage({
    store: deps.store,
    zone: deps.zone,
    boundariesFile: deps.boundariesFile,
    report: deps.report,
    plannedNoticeDays: deps.ruleSet?.reporting.plannedNoticeDays,
    ...(deps.now ? { now: deps.now } : {}),
  });
  router.get('/outages', live.html);
  router.get('/outages.json', live.json);
  router.get('/planned', live.plannedHtml);
  router.get('/planned.json', live.plannedJson);
  router.get(
    '/lookup',
    lookupPage({
      store: deps.store,
      zone: deps.zone,
      report: deps.report,
      ...(deps.now ? { now: deps.now } : {}),
    }),
  );
  router.get('/live.js', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.type('text/javascript; charset=utf-8').send(LIVE_SCRIPT);
  });

  const sets = deps.ruleSets ?? (deps.ruleSet ? [deps.ruleSet] : []);
  const sources = new Map<string, DisclosureSource>();
  /** The chosen rule set's disclosures and its ?ruleSet= value (null for the default). */
  const chosen = (
    req: Request,
  ): { source: DisclosureSource; name: string; param: string | null } | undefined => {
    const asked = typeof req.query['ruleSet'] === 'string' ? req.query['ruleSet'] : '';
    const set = asked === '' ? deps.ruleSet : sets.find((r) => r.name === asked);
    if (!set) return undefined;
    let source = sources.get(set.name);
    if (!source) {
      source = disclosureSource({ store: deps.store, ruleSet: set, zone: deps.zone });
      sources.set(set.name, source);
    }
    return { source, name: set.name, param: set === deps.ruleSet ? null : set.name };
  };
  const rendered = new Map<string, string>();
  const remember = (key: string, make: () => string): string => {
    let out = rendered.get(key);
    if (out === undefined) {
      out = make();
      rendered.set(key, out);
      if (rendered.size > RENDERED) rendered.delete(rendered.keys().next().value as string);
    }
    return out;
  };

  const message = (req: Request, res: Response, status: number, cache: string, text: (l: Lang) => string) => {
    const lang = langOf(req.query['lang']);
    const base = req.baseUrl;
    res.status(status).setHeader('Cache-Control', cache);
    res.type('html').send(
      renderMessage({
        lang,
        message: text(lang),
        back: {
          href: `${base}/disclosures${query({ lang: langQuery(lang) })}`,
          label: DISCLOSURE_WORDS[lang].back,
        },
        switchHref: `${req.baseUrl}${req.path}${query({ ruleSet: textOf(req.query['ruleSet']), lang: lang === 'zh' ? 'en' : 'zh', region: regionOf(req.query['region']) })}`,
        nav: navOf(base, lang, null),
      }),
    );
  };

  router.get('/disclosures', async (req, res) => {
    const c = chosen(req);
    if (!c) return message(req, res, 404, UNPUBLISHED_CACHE, (l) => DISCLOSURE_WORDS[l].notConfigured);
    const lang = langOf(req.query['lang']);
    const base = req.baseUrl;
    const runs = await c.source.runs();
    res.setHeader('Cache-Control', LIST_CACHE);
    res.type('html').send(
      renderDisclosureList(runs, {
        lang,
        zone: deps.zone,
        pageOf: (period, l) => servedLinks(base, period, c.param).page(l, null),
        switchHref: `${base}/disclosures${query({ ruleSet: c.param, lang: lang === 'zh' ? 'en' : 'zh' })}`,
        nav: navOf(base, lang, null).slice(0, 3),
        ruleSets:
          sets.length > 1
            ? {
                action: `${base}/disclosures`,
                lang: langQuery(lang),
                current: c.name,
                options: sets.map((r) => ({ name: r.name, label: r.jurisdiction[lang] })),
              }
            : undefined,
      }),
    );
  });

  router.get('/disclosures/:file', async (req, res) => {
    const c = chosen(req);
    if (!c) return message(req, res, 404, UNPUBLISHED_CACHE, (l) => DISCLOSURE_WORDS[l].notConfigured);
    const { source } = c;
    const m = /^(.+?)(?:\.(csv|json))?$/.exec(String(req.params['file']));
    const format = (m?.[2] ?? 'html') as 'html' | 'csv' | 'json';
    const found = await source.find(m?.[1] ?? '');
    if (!found.ok) {
      if (found.reason === 'invalid')
        return message(req, res, 400, DOCUMENT_CACHE, (l) => DISCLOSURE_WORDS[l].invalid(found.example));
      return message(req, res, 404, UNPUBLISHED_CACHE, (l) =>
        DISCLOSURE_WORDS[l].unpublished(periodLabel(found.period, l), found.publishesOn),
      );
    }
    const d = found.disclosure;
    const lang = langOf(req.query['lang']);
    const region = regionOf(req.query['region']);
    if (region !== null && inRegion(d.rows, region).length === 0)
      return message(req, res, 404, DOCUMENT_CACHE, (l) => DISCLOSURE_WORDS[l].regionEmpty(region));
    const county = regionOf(req.query['county']);
    const q = typeof req.query['q'] === 'string' ? req.query['q'].trim().slice(0, 60) : '';
    const pageAsked = typeof req.query['page'] === 'string' ? req.query['page'].slice(0, 8) : '1';
    const listKey = format === 'html' ? `|${county ?? ''}|${q}|${pageAsked}` : '';
    const key = `${d.run.runId}|${format}|${lang}|${region ?? ''}|${req.baseUrl}${listKey}`;
    res.setHeader('Cache-Control', DOCUMENT_CACHE);
    const file = `disclosure-${d.run.period}${region ? '-region' : ''}`;
    if (format === 'csv') {
      res
        .type('text/csv; charset=utf-8')
        .attachment(`${file}-${lang}.csv`)
        .send(remember(key, () => disclosureCsv(d, region, lang, deps.zone)));
    } else if (format === 'json') {
      res
        .type('application/json; charset=utf-8')
        .send(remember(key, () => JSON.stringify(disclosureJson(d, region, deps.zone))));
    } else {
      res.type('html').send(
        remember(key, () =>
          renderDisclosure(d, {
            lang,
            region,
            zone: deps.zone,
            links: servedLinks(req.baseUrl, d.run.period, c.param),
            list: {
              county,
              q,
              page: pageAsked,
              size: LIST_PAGE_SIZE,
              href: (choice) =>
                `${req.baseUrl}/disclosures/${encodeURIComponent(d.run.period)}${query({
                  ruleSet: c.param,
                  lang: langQuery(lang),
                  region,
                  county: choice.county,
                  q: choice.q === '' ? null : choice.q,
                  page: choice.page === 1 ? null : String(choice.page),
                })}#list`,
              action: `${req.baseUrl}/disclosures/${encodeURIComponent(d.run.period)}#list`,
              keep: Object.fromEntries(
                Object.entries({ ruleSet: c.param, lang: langQuery(lang), region }).filter(
                  (e): e is [string, string] => e[1] !== null,
                ),
              ),
            },
          }),
        ),
      );
    }
  });
  return router;
}
