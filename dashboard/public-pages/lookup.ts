// GET /lookup?q=&lang=: "is my area out, and when is it back". Finds transformer areas by name,
// number (id or equipment code) or a place they serve, and answers for each: out now or not,
// since when, the estimated restoration, planned outages in the next 14 days and the last 12
// months (outages and hours). A server-rendered GET form: works without script. No customer
// data: not even the customers of an area, only its outages.
// Cache policy: an answer is kept per query and language for `ttlSeconds` (default 60; at most
// KEEP answers), and sent with Cache-Control: public, max-age=60: a storm of neighbours asking
// for the same village reaches the database once a minute.

import type { Request, Response } from 'express';
import {
  type AreaAnswer,
  type AreaOutage,
  areaAnswers,
  findAreas,
  LOOKUP_AHEAD_DAYS,
  LOOKUP_MATCHES,
  LOOKUP_MAX_CHARS,
  lookupText,
} from '../../analytics/public/index.js';
import { dayToDate } from '../../core/index.js';
import type { Store } from '../../store/index.js';
import { esc, page } from './html.js';
import { causeWords, type Lang, LOOKUP_WORDS, langOf, WORDS } from './i18n.js';
import { lookupForm, publicNav, type ReportSetting, reportBox } from './page-parts.js';
import { estimateHtml, timeHtml } from './wording.js';

export interface LookupOptions {
  store: Store;
  zone: string;
  ttlSeconds?: number;
  now?: () => number;
  report?: ReportSetting | undefined;
}

const KEEP = 500;

export function renderLookup(
  q: string,
  answers: readonly AreaAnswer[] | null,
  o: { lang: Lang; zone: string; asOf: number; report?: ReportSetting | undefined },
): string {
  const { lang, zone, asOf } = o;
  const w = WORDS[lang];
  const l = LOOKUP_WORDS[lang];
  const num = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 1 });
  let body = reportBox(o.report, lang);
  body += `<h2>${esc(w.lookupTitle)}</h2>${lookupForm('lookup', lang, q)}<p class="note">${esc(l.hint)}</p>`;
  if (answers !== null) {
    body += '<section aria-labelledby="answers-h">';
    if (answers.length === 0) body += `<p class="lead" id="answers-h">${esc(l.none(q))}</p>`;
    else {
      body += `<p class="lead" id="answers-h">${esc(l.found(answers.length))}${answers.length >= LOOKUP_MATCHES ? ` ${esc(l.tooMany(LOOKUP_MATCHES))}` : ''}</p>`;
    }
    answers.forEach((a, i) => {
      const id = `area-${i + 1}`;
      const region = [a.area.city, a.area.county].filter(Boolean).join(' ');
      body += `<article class="area" aria-labelledby="${id}"><h3 id="${id}">${esc(a.area.name ?? a.area.assetId)}</h3>`;
      const facts: [string, string][] = [];
      if (region) facts.push([w.county, esc(region)]);
      if (a.area.places.length > 0)
        facts.push([w.affects, esc(a.area.places.join(lang === 'zh' ? '、' : ', '))]);
      body += `<dl class="facts">${facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;
      const out = a.current[0];
      if (out) {
        body += `<p class="status-out">${esc(l.outNow)}</p><dl class="facts">`;
        body += `<dt>${esc(l.since)}</dt><dd>${timeHtml(out.start, zone)}</dd>`;
        body += `<dt>${esc(w.restore)}</dt><dd>${estimateHtml(latestEstimate(a.current), asOf, zone, lang)}</dd>`;
        body += `<dt>${esc(w.cause)}</dt><dd>${esc(causeWords(out.cause, lang))}</dd>`;
        body += `<dt>${esc(w.lastUpdate)}</dt><dd>${timeHtml(Math.max(...a.current.map((c) => c.updatedAt)), zone)}</dd></dl>`;
      } else body += `<p class="status-on">${esc(l.notOut)}</p>`;
      body += `<h4>${esc(l.scheduledHead(LOOKUP_AHEAD_DAYS))}</h4>`;
      if (a.scheduled.length === 0) body += `<p>${esc(l.noScheduled(LOOKUP_AHEAD_DAYS))}</p>`;
      else {
        body += '<ul class="scheduled">';
        for (const s of a.scheduled) {
          const end = s.end ?? s.estimatedRestoration;
          body += `<li>${timeHtml(s.start, zone)} – ${end === null ? esc(w.unknown) : timeHtml(end, zone)}${lang === 'zh' ? '，' : ', '}${esc(causeWords(s.cause, lang))}</li>`;
        }
        body += '</ul>';
      }
      body += `<h4>${esc(l.yearHead)}</h4><p>${esc(l.yearFacts(a.year.outages, num.format(a.year.hours), dayToDate(a.year.from)))}</p>`;
      body += '</article>';
    });
    body += `<p class="note">${esc(l.privacy)}</p></section>`;
  }
  const qs = (lng: Lang) => {
    const p = new URLSearchParams();
    if (q !== '') p.set('q', q);
    if (lng === 'en') p.set('lang', 'en');
    const s = p.toString();
    return s ? `lookup?${s}` : 'lookup';
  };
  return page({
    lang,
    title: answers && answers.length > 0 ? `${w.lookupTitle} · ${q}` : w.lookupTitle,
    switchHref: qs(lang === 'zh' ? 'en' : 'zh'),
    switchLabel: w.switchLang,
    skip: w.skip,
    body,
    nav: publicNav(lang, null).filter((_, i) => i !== 2),
  });
}

/** Of overlapping outages, the latest estimate (unknown when any has none). */
function latestEstimate(current: readonly AreaOutage[]): number | null {
  let latest = Number.NEGATIVE_INFINITY;
  for (const c of current) {
    if (c.estimatedRestoration === null) return null;
    latest = Math.max(latest, c.estimatedRestoration);
  }
  return Number.isFinite(latest) ? latest : null;
}

export function lookupPage(o: LookupOptions) {
  const ttl = (o.ttlSeconds ?? 60) * 1000;
  const now = o.now ?? Date.now;
  const kept = new Map<string, { at: number; html: Promise<string> }>();
  return async (req: Request, res: Response) => {
    const lang = langOf(req.query['lang']);
    const raw = typeof req.query['q'] === 'string' ? req.query['q'] : '';
    const q = raw.trim().replace(/\s+/g, ' ').slice(0, LOOKUP_MAX_CHARS);
    const text = lookupText(q);
    const key = `${lang}|${text}`;
    let entry = kept.get(key);
    if (!entry || now() - entry.at >= ttl) {
      const at = now();
      const html = (async () => {
        if (text === '') return renderLookup('', null, { lang, zone: o.zone, asOf: at, report: o.report });
        const areas = await findAreas(o.store, text);
        const answers = await areaAnswers(o.store, areas, at, o.zone);
        return renderLookup(q, answers, { lang, zone: o.zone, asOf: at, report: o.report });
      })();
      entry = { at, html };
      kept.delete(key);
      kept.set(key, entry);
      html.catch(() => kept.delete(key));
      if (kept.size > KEEP) kept.delete(kept.keys().next().value as string);
    }
    const html = await entry.html;
    res.setHeader('Cache-Control', 'public, max-age=60');
    res.type('html').send(html);
  };
}
