// The served disclosure routes: GET /disclosures (the published periods of the chosen rule set)
// and GET /disclosures/:file (a frozen disclosure as HTML, CSV or JSON), and the short page that
// says why there is nothing to show. Cache policy: see index.ts.

import type { Request, Response } from 'express';
import type { CompiledRuleSet } from '../../analytics/rules/index.js';
import type { Store } from '../../store/index.js';
import { type Disclosure, type Lookup, inRegion } from './data.js';
import {
  disclosureCsv,
  disclosureJson,
  renderDisclosure,
  renderDisclosureList,
  renderMessage,
} from './disclosure.js';
import { DISCLOSURE_WORDS, type Lang, langOf, periodLabel } from './i18n.js';
import { type ChosenRuleSet, ruleSetChooser } from './rule-set-choice.js';
import { langQuery, listLinks, navOf, otherLang, query, servedLinks } from './served-links.js';

export interface DisclosureRoutesDeps {
  store: Store;
  zone: string;
  /** the rule set whose disclosures are shown without ?ruleSet=; none: 404 */
  ruleSet?: CompiledRuleSet | undefined;
  /** every rule set whose disclosures can be chosen (default: the one above) */
  ruleSets?: readonly CompiledRuleSet[] | undefined;
}

const DOCUMENT_CACHE = 'public, max-age=3600';
/** Cards on one page of a served disclosure list. */
export const LIST_PAGE_SIZE = 50;
const LIST_CACHE = 'public, max-age=300';
const UNPUBLISHED_CACHE = 'public, max-age=60';
/** Renderings of frozen disclosures kept in memory. */
const RENDERED = 256;

/**
 * Renderings kept in memory: a frozen disclosure never changes, so each rendering (format,
 * language, region, list choices) is made once. The oldest made goes first beyond `limit`.
 */
function renderedCache(limit: number): (key: string, make: () => string) => string {
  const rendered = new Map<string, string>();
  return (key, make) => {
    let out = rendered.get(key);
    if (out === undefined) {
      out = make();
      rendered.set(key, out);
      if (rendered.size > limit) rendered.delete(rendered.keys().next().value as string);
    }
    return out;
  };
}

type Format = 'html' | 'csv' | 'json';

/** What a request of a disclosure asks for, read from its file name and query. */
interface DocumentAsked {
  format: Format;
  lang: Lang;
  region: string | null;
  /** the list's county, name searched ('' none) and page (unchecked, as asked) */
  county: string | null;
  q: string;
  page: string;
}

const textOf = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v.slice(0, 100) : null);

function regionOf(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const s = v.trim().slice(0, 100);
  return s === '' ? null : s;
}

/** What the handlers share for the router's life. */
interface Routes {
  zone: string;
  sets: readonly CompiledRuleSet[];
  choose: (asked: unknown) => ChosenRuleSet | undefined;
  remember: (key: string, make: () => string) => string;
}

/** The handlers of GET /disclosures (`list`) and GET /disclosures/:file (`document`). */
export function disclosureRoutes(deps: DisclosureRoutesDeps) {
  const sets = deps.ruleSets ?? (deps.ruleSet ? [deps.ruleSet] : []);
  const r: Routes = {
    zone: deps.zone,
    sets,
    choose: ruleSetChooser({ store: deps.store, zone: deps.zone, ruleSet: deps.ruleSet, sets }),
    remember: renderedCache(RENDERED),
  };
  return {
    list: (req: Request, res: Response) => sendList(r, req, res),
    document: (req: Request, res: Response) => sendDocument(r, req, res),
  };
}

/** The published periods of the chosen rule set, with the choice of rule set when there are several. */
async function sendList(r: Routes, req: Request, res: Response) {
  const c = r.choose(req.query['ruleSet']);
  if (!c) return sendNotConfigured(req, res);
  const lang = langOf(req.query['lang']);
  const base = req.baseUrl;
  const runs = await c.source.runs();
  res.setHeader('Cache-Control', LIST_CACHE);
  res.type('html').send(
    renderDisclosureList(runs, {
      lang,
      zone: r.zone,
      pageOf: (period, l) => servedLinks(base, period, c.param).page(l, null),
      switchHref: `${base}/disclosures${query({ ruleSet: c.param, lang: otherLang(lang) })}`,
      nav: navOf(base, lang, null).slice(0, 3),
      ruleSets:
        r.sets.length > 1
          ? {
              action: `${base}/disclosures`,
              lang: langQuery(lang),
              current: c.name,
              options: r.sets.map((s) => ({ name: s.name, label: s.jurisdiction[lang] })),
            }
          : undefined,
    }),
  );
}

/** A frozen disclosure as asked (format, language, region, list choices), each rendering made once. */
async function sendDocument(r: Routes, req: Request, res: Response) {
  const c = r.choose(req.query['ruleSet']);
  if (!c) return sendNotConfigured(req, res);
  const { period, format } = fileOf(req.params['file']);
  const found = await c.source.find(period);
  if (!found.ok) return sendNotFound(req, res, found);
  const d = found.disclosure;
  const a = documentAsked(req, format);
  const { lang, region } = a;
  if (region !== null && inRegion(d.rows, region).length === 0)
    return sendMessage(req, res, 404, DOCUMENT_CACHE, (l) => DISCLOSURE_WORDS[l].regionEmpty(region));
  const listKey = format === 'html' ? `|${a.county ?? ''}|${a.q}|${a.page}` : '';
  const key = `${d.run.runId}|${format}|${lang}|${region ?? ''}|${req.baseUrl}${listKey}`;
  res.setHeader('Cache-Control', DOCUMENT_CACHE);
  if (format === 'csv') {
    res
      .type('text/csv; charset=utf-8')
      .attachment(`disclosure-${d.run.period}${region ? '-region' : ''}-${lang}.csv`)
      .send(r.remember(key, () => disclosureCsv(d, region, lang, r.zone)));
  } else if (format === 'json') {
    res
      .type('application/json; charset=utf-8')
      .send(r.remember(key, () => JSON.stringify(disclosureJson(d, region, r.zone))));
  } else {
    res.type('html').send(r.remember(key, () => servedDisclosure(d, a, req.baseUrl, c.param, r.zone)));
  }
}

/** A period and a format from a file name: `2025-Q3`, `2025-Q3.csv`, `2025-Q3.json`. */
function fileOf(file: unknown): { period: string; format: Format } {
  const m = /^(.+?)(?:\.(csv|json))?$/.exec(String(file));
  return { period: m?.[1] ?? '', format: (m?.[2] ?? 'html') as Format };
}

function documentAsked(req: Request, format: Format): DocumentAsked {
  return {
    format,
    lang: langOf(req.query['lang']),
    region: regionOf(req.query['region']),
    county: regionOf(req.query['county']),
    q: typeof req.query['q'] === 'string' ? req.query['q'].trim().slice(0, 60) : '',
    page: typeof req.query['page'] === 'string' ? req.query['page'].slice(0, 8) : '1',
  };
}

/** The HTML page of a disclosure, its list filtered and paged as asked; `ruleSet` null: the default. */
function servedDisclosure(
  d: Disclosure,
  a: DocumentAsked,
  base: string,
  ruleSet: ChosenRuleSet['param'],
  zone: string,
): string {
  const { lang, region } = a;
  return renderDisclosure(d, {
    lang,
    region,
    zone,
    links: servedLinks(base, d.run.period, ruleSet),
    list: {
      county: a.county,
      q: a.q,
      page: a.page,
      size: LIST_PAGE_SIZE,
      ...listLinks(base, d.run.period, { ruleSet, lang, region }),
    },
  });
}

/** A short page saying why there is nothing to show, with the way back to the list. */
function sendMessage(req: Request, res: Response, status: number, cache: string, text: (l: Lang) => string) {
  const lang = langOf(req.query['lang']);
  const base = req.baseUrl;
  const asked = {
    ruleSet: textOf(req.query['ruleSet']),
    lang: otherLang(lang),
    region: regionOf(req.query['region']),
  };
  res.status(status).setHeader('Cache-Control', cache);
  res.type('html').send(
    renderMessage({
      lang,
      message: text(lang),
      back: {
        href: `${base}/disclosures${query({ lang: langQuery(lang) })}`,
        label: DISCLOSURE_WORDS[lang].back,
      },
      switchHref: `${base}${req.path}${query(asked)}`,
      nav: navOf(base, lang, null),
    }),
  );
}

const sendNotConfigured = (req: Request, res: Response) =>
  sendMessage(req, res, 404, UNPUBLISHED_CACHE, (l) => DISCLOSURE_WORDS[l].notConfigured);

/** A period written wrong (400), or not published yet (404, until the night after it ends). */
function sendNotFound(req: Request, res: Response, found: Exclude<Lookup, { ok: true }>) {
  if (found.reason === 'invalid')
    return sendMessage(req, res, 400, DOCUMENT_CACHE, (l) => DISCLOSURE_WORDS[l].invalid(found.example));
  return sendMessage(req, res, 404, UNPUBLISHED_CACHE, (l) =>
    DISCLOSURE_WORDS[l].unpublished(periodLabel(found.period, l), found.publishesOn),
  );
}
