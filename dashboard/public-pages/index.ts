// The anonymous public pages (mounted at /public): the only routes without a token.
//   GET /outages[.json]                     live outages by county (live.ts)
//   GET /disclosures?lang                   published disclosure periods
//   GET /disclosures/:period?lang&region    a frozen disclosure (e.g. 2025-Q3) as HTML
//   GET /disclosures/:period.csv?lang&region   its list as CSV, cells as in the HTML table
//   GET /disclosures/:period.json?region       its frozen rows as JSON
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
import { DISCLOSURE_WORDS, langOf, periodLabel } from './i18n.js';
import { livePage } from './live.js';

export interface PublicPagesDeps {
  store: Store;
  zone: string;
  /** the rule set whose disclosures are published (the product's default); none: 404 */
  ruleSet?: CompiledRuleSet | undefined;
}

const DOCUMENT_CACHE = 'public, max-age=3600';
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

function regionOf(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const s = v.trim().slice(0, 100);
  return s === '' ? null : s;
}

/** Links of the served pages, absolute under the router's mount path. */
function servedLinks(base: string, period: string): PageLinks {
  const doc = `${base}/disclosures/${encodeURIComponent(period)}`;
  return {
    page: (lang, region) => `${doc}${query({ lang: langQuery(lang), region })}`,
    csv: (lang, region) => `${doc}.csv${query({ lang, region })}`,
    json: (region) => `${doc}.json${query({ region })}`,
    nav: (lang) => navOf(base, lang),
  };
}

function navOf(base: string, lang: Lang): NavLink[] {
  const w = DISCLOSURE_WORDS[lang];
  const q = query({ lang: langQuery(lang) });
  return [
    { href: `${base}/outages${q}`, label: w.live },
    { href: `${base}/disclosures${q}`, label: w.allPeriods },
  ];
}

export function publicPages(deps: PublicPagesDeps): Router {
  const router = Router();
  const live = livePage({ store: deps.store, zone: deps.zone });
  router.get('/outages', live.html);
  router.get('/outages.json', live.json);

  const source: DisclosureSource | undefined = deps.ruleSet
    ? disclosureSource({ store: deps.store, ruleSet: deps.ruleSet, zone: deps.zone })
    : undefined;
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
        switchHref: `${req.baseUrl}${req.path}${query({ lang: lang === 'zh' ? 'en' : 'zh', region: regionOf(req.query['region']) })}`,
        nav: navOf(base, lang),
      }),
    );
  };

  router.get('/disclosures', async (req, res) => {
    if (!source) return message(req, res, 404, UNPUBLISHED_CACHE, (l) => DISCLOSURE_WORDS[l].notConfigured);
    const lang = langOf(req.query['lang']);
    const base = req.baseUrl;
    const runs = await source.runs();
    res.setHeader('Cache-Control', LIST_CACHE);
    res.type('html').send(
      renderDisclosureList(runs, {
        lang,
        zone: deps.zone,
        pageOf: (period, l) => servedLinks(base, period).page(l, null),
        switchHref: `${base}/disclosures${query({ lang: lang === 'zh' ? 'en' : 'zh' })}`,
        nav: navOf(base, lang).slice(0, 1),
      }),
    );
  });

  router.get('/disclosures/:file', async (req, res) => {
    if (!source) return message(req, res, 404, UNPUBLISHED_CACHE, (l) => DISCLOSURE_WORDS[l].notConfigured);
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
    const key = `${d.run.runId}|${format}|${lang}|${region ?? ''}|${req.baseUrl}`;
    res.setHeader('Cache-Control', DOCUMENT_CACHE);
    const file = `disclosure-${d.run.period}${region ? '-region' : ''}`;
    if (format === 'csv') {
      res
        .type('text/csv; charset=utf-8')
        .attachment(`${file}-${lang}.csv`)
        .send(remember(key, () => disclosureCsv(d, region, lang)));
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
            links: servedLinks(req.baseUrl, d.run.period),
          }),
        ),
      );
    }
  });
  return router;
}
