// The periodic disclosure of frequent-outage remediation as documents for everyone: an HTML
// page (summary sentence, charts with their tables, the list), and the list as CSV and JSON.
// Everything comes from one frozen run: the rows are shown as frozen, only counted for the
// summary and the charts. The HTML list and the CSV are one localized table (the columns of
// DISCLOSURE_COLUMNS people read), so their cells are equal; the JSON holds the frozen rows.
// Links are given by the caller: absolute paths when served, relative files when exported.

import {
  DISCLOSURE_COLUMNS,
  type DisclosureRow,
  isOverdue,
  type Lang,
  localize,
  type ReportRun,
  STATUS_LABELS,
  type Table,
} from '../../analytics/remediation/index.js';
import { formatInZone, localDate } from '../../core/index.js';
import { toCsv } from '../api/respond.js';
import { legend, type Series, stackedBars } from './charts.js';
import { type Disclosure, inRegion, type Summary, summarize, citiesOf } from './data.js';
import { esc, type NavLink, page } from './html.js';
import { DISCLOSURE_WORDS, LIST_WORDS, periodLabel, WORDS } from './i18n.js';
import { type Paging, pageLinks, paging } from './wording.js';

/** The columns of the public list, in order: what a reader needs, without codes and ids. */
const SHOWN: readonly string[] = [
  'assetName',
  'kind',
  'city',
  'county',
  'rules',
  'breachDate',
  'outagesCounted',
  'measures',
  'status',
  'dueDate',
  'closedDate',
];
export const PUBLIC_COLUMNS = SHOWN.map((key) => {
  const c = DISCLOSURE_COLUMNS.find((x) => x.key === key);
  if (!c) throw new Error(`no disclosure column ${key}`);
  return c;
});
const NUMERIC = new Set(['outagesCounted']);
const DATES = new Set(['breachDate', 'dueDate', 'closedDate']);
const cellClass = (i: number): string => {
  const key = SHOWN[i] ?? '';
  return NUMERIC.has(key) ? ' class="n"' : DATES.has(key) ? ' class="d"' : '';
};

export interface PageLinks {
  page(lang: Lang, region: string | null): string;
  csv(lang: Lang, region: string | null): string;
  json(region: string | null): string;
  /** links to the other public pages, when served */
  nav?(lang: Lang): NavLink[];
}

/**
 * The public list of the rows of a region, with headers and values in `lang`. The count's header
 * says the date it is counted to (the period's last day): a count of 5 beside "more than 5" is
 * today's count, not the count of the breach, whose date is beside it.
 */
export function publicTable(run: ReportRun, rows: readonly DisclosureRow[], lang: Lang, zone: string): Table {
  const table = localize(rows, PUBLIC_COLUMNS, lang, run.meta);
  const i = SHOWN.indexOf('outagesCounted');
  const from = table.headers[i];
  if (from === undefined) return table;
  const to = LIST_WORDS[lang].countedTo(from, localDate(run.periodEnd - 1, zone));
  return {
    ...table,
    headers: table.headers.map((h) => (h === from ? to : h)),
    rows: table.rows.map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k === from ? to : k, v])),
    ),
  };
}

export function disclosureCsv(d: Disclosure, region: string | null, lang: Lang, zone: string): string {
  const table = publicTable(d.run, inRegion(d.rows, region), lang, zone);
  return toCsv(table.rows, table.headers);
}

const minute = (ms: number, zone: string): string => formatInZone(ms, zone).slice(0, 16).replace('T', ' ');

/** The frozen rows of a region with what the document is. */
export function disclosureJson(d: Disclosure, region: string | null, zone: string): Record<string, unknown> {
  const { run } = d;
  return {
    period: run.period,
    title: run.meta.ruleSetTitle,
    jurisdiction: run.meta.jurisdiction,
    ruleTitles: run.meta.ruleTitles,
    firstDate: localDate(run.periodStart, zone),
    lastDate: localDate(run.periodEnd - 1, zone),
    publishedAt: formatInZone(run.frozenAt, zone),
    casesAsOf: formatInZone(run.casesAsOf, zone),
    region,
    columns: DISCLOSURE_COLUMNS.map((c) => c.key),
    rows: inRegion(d.rows, region),
  };
}

const COLORS = { feeder: '#0b4f8a', area: '#b35806', closed: '#1b7837', open: '#6b6b6b' } as const;

function chartsOf(s: Summary, lang: Lang, groupWord: string): string {
  const w = DISCLOSURE_WORDS[lang];
  const num = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en');
  const kinds: Series<'feeder' | 'area'>[] = [
    { key: 'feeder', label: w.feeders, color: COLORS.feeder },
    { key: 'area', label: w.areas, color: COLORS.area },
  ];
  const statusRows = s.byStatus.map((b) => ({ label: STATUS_LABELS[b.status][lang], ...b }));
  let html = `<div class="figures"><figure><figcaption>${esc(w.byStatus)}</figcaption>`;
  html += stackedBars({
    id: 'chart-status',
    title: w.byStatus,
    desc: w.byStatusDesc(
      s.byStatus.reduce((n, b) => n + b.feeder, 0),
      s.byStatus.reduce((n, b) => n + b.area, 0),
    ),
    series: kinds,
    data: statusRows,
  });
  html += legend(kinds);
  html += `<table class="figure-data"><caption>${esc(w.byStatus)}</caption><thead><tr><th scope="col">${esc(w.status)}</th><th scope="col" class="n">${esc(w.feeders)}</th><th scope="col" class="n">${esc(w.areas)}</th><th scope="col" class="n">${esc(w.total)}</th></tr></thead><tbody>`;
  for (const r of statusRows)
    html += `<tr><th scope="row">${esc(r.label)}</th><td class="n">${num.format(r.feeder)}</td><td class="n">${num.format(r.area)}</td><td class="n">${num.format(r.feeder + r.area)}</td></tr>`;
  html += '</tbody></table></figure>';

  const closure: Series<'closed' | 'open'>[] = [
    { key: 'closed', label: w.closed, color: COLORS.closed },
    { key: 'open', label: w.notClosed, color: COLORS.open },
  ];
  const title = w.byRegion(groupWord);
  const groups = s.byGroup.map((g) => ({ label: g.group, closed: g.closed, open: g.total - g.closed }));
  const closed = s.byGroup.reduce((n, g) => n + g.closed, 0);
  html += `<figure><figcaption>${esc(title)}</figcaption>`;
  html += stackedBars({
    id: 'chart-region',
    title,
    desc: w.byRegionDesc(groupWord, closed, s.entries),
    series: closure,
    data: groups,
  });
  html += legend(closure);
  html += `<table class="figure-data"><caption>${esc(title)}</caption><thead><tr><th scope="col">${esc(groupWord)}</th><th scope="col" class="n">${esc(w.entries)}</th><th scope="col" class="n">${esc(w.closed)}</th><th scope="col" class="n">${esc(w.notClosed)}</th></tr></thead><tbody>`;
  for (const g of s.byGroup)
    html += `<tr><th scope="row">${esc(g.group)}</th><td class="n">${num.format(g.total)}</td><td class="n">${num.format(g.closed)}</td><td class="n">${num.format(g.total - g.closed)}</td></tr>`;
  html += '</tbody></table></figure></div>';
  return html;
}

/** What a card says beyond the frozen cells: when the breach happened, and an overdue case. */
interface CardContext {
  lang: Lang;
  /** local date overdue is judged on (cases as of) */
  casesDate: string;
}

/** Whether a frozen row's case was past its due date with the work not done, on `date`. */
export function overdueOn(row: Pick<DisclosureRow, 'status' | 'dueDate'>, date: string): boolean {
  return (
    row.status !== 'no_case' &&
    row.dueDate !== null &&
    isOverdue({ status: row.status, dueDate: row.dueDate }, date)
  );
}

function listTable(table: Table, caption: string, rows: readonly DisclosureRow[], c: CardContext): string {
  const [nameHeader] = table.headers;
  const lw = LIST_WORDS[c.lang];
  let html = `<table class="list"><caption>${esc(caption)}</caption><thead><tr>`;
  table.headers.forEach((h, i) => {
    html += `<th scope="col"${cellClass(i)}>${esc(h)}</th>`;
  });
  html += '</tr></thead><tbody>';
  table.rows.forEach((r, n) => {
    const row = rows[n];
    html += '<tr>';
    table.headers.forEach((h, i) => {
      const v = r[h];
      const text = esc(v === null || v === undefined ? '' : String(v));
      const key = SHOWN[i];
      let cell = text;
      if (key === 'status' && row && overdueOn(row, c.casesDate))
        cell = `${text} <strong class="overdue">${esc(lw.overdue)}</strong>`;
      if (h === nameHeader) html += `<th scope="row">${cell}</th>`;
      else html += `<td data-label="${esc(h)}"${cellClass(i)}>${cell}</td>`;
    });
    html += '</tr>';
  });
  return `${html}</tbody></table>`;
}

/** The served list's filter, search and paging (absent in an exported copy: every row on one page). */
export interface ListOptions {
  county: string | null;
  /** text searched in the asset names ('' none) */
  q: string;
  /** the page asked for (a query parameter, unchecked) */
  page: unknown;
  size: number;
  /** the link of a page of the list with these choices */
  href(choice: { county: string | null; q: string; page: number }): string;
  /** where the filter form is sent, and the parameters it keeps */
  action: string;
  keep: Record<string, string>;
}

/** Rows of a county (exactly) whose asset name holds `q` (case-insensitive), in their order. */
export function filterRows(
  rows: readonly DisclosureRow[],
  county: string | null,
  q: string,
): DisclosureRow[] {
  const text = q.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (county === null || r.county === county) &&
      (text === '' || (r.assetName ?? '').toLowerCase().includes(text)),
  );
}

function filterForm(counties: readonly string[], l: ListOptions, lang: Lang): string {
  const lw = LIST_WORDS[lang];
  let html = `<form class="filter" method="get" action="${esc(l.action)}"><div><label for="f-county">${esc(lw.county)}</label><select id="f-county" name="county"><option value="">${esc(lw.allCounties)}</option>`;
  for (const c of counties) html += `<option${c === l.county ? ' selected' : ''}>${esc(c)}</option>`;
  html += `</select></div><div><label for="f-q">${esc(lw.search)}</label><input id="f-q" name="q" type="search" maxlength="60" value="${esc(l.q)}"></div>`;
  for (const [k, v] of Object.entries(l.keep))
    html += `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`;
  return `${html}<button type="submit">${esc(lw.apply)}</button></form>`;
}

function pager(p: Paging, l: ListOptions, lang: Lang): string {
  if (p.pages <= 1) return '';
  const lw = LIST_WORDS[lang];
  const href = (page: number) => l.href({ county: l.county, q: l.q, page });
  let html = `<nav class="pager" aria-label="${esc(lw.pages)}"><ul>`;
  if (p.page > 1) html += `<li><a href="${esc(href(p.page - 1))}" rel="prev">${esc(lw.previous)}</a></li>`;
  for (const n of pageLinks(p)) {
    if (n === null) html += '<li aria-hidden="true">…</li>';
    else if (n === p.page)
      html += `<li><a href="${esc(href(n))}" aria-current="page">${esc(lw.page(n))}</a></li>`;
    else html += `<li><a href="${esc(href(n))}">${esc(lw.page(n))}</a></li>`;
  }
  if (p.page < p.pages) html += `<li><a href="${esc(href(p.page + 1))}" rel="next">${esc(lw.next)}</a></li>`;
  return `${html}</ul></nav>`;
}

export interface RenderOptions {
  lang: Lang;
  region: string | null;
  zone: string;
  links: PageLinks;
  /** served: the list filtered, searched and paged; absent: every row of the region */
  list?: ListOptions | undefined;
}

/** The disclosure page of a run in a language, for all rows or a region's. */
export function renderDisclosure(d: Disclosure, o: RenderOptions): string {
  const { run } = d;
  const { lang, region, zone, links } = o;
  const w = DISCLOSURE_WORDS[lang];
  const words = WORDS[lang];
  const label = periodLabel(run.period, lang);
  const rows = inRegion(d.rows, region);
  const groupWord = region === null ? words.city : words.county;
  const s = summarize(rows, region === null ? 'city' : 'county', lang === 'zh' ? '（未知）' : '(unknown)');
  const published = formatInZone(run.frozenAt, zone);

  let body = `<h2>${esc(label)}${region ? ` · ${esc(region)}` : ''}</h2>`;
  body += `<p class="lead">${esc(rows.length > 0 ? w.summary(s.lines, s.areas, s.closed) : w.empty)}</p>`;
  if (s.entries > s.assets) body += `<p class="note">${esc(w.entriesNote(s.entries, s.assets))}</p>`;
  body += '<dl class="facts">';
  body += `<dt>${esc(w.period)}</dt><dd>${esc(w.periodRange(localDate(run.periodStart, zone), localDate(run.periodEnd - 1, zone)))}</dd>`;
  body += `<dt>${esc(w.published)}</dt><dd><time datetime="${esc(published)}">${esc(minute(run.frozenAt, zone))}</time> (${esc(zone)})</dd>`;
  body += `<dt>${esc(w.casesAsOf)}</dt><dd><time datetime="${esc(formatInZone(run.casesAsOf, zone))}">${esc(minute(run.casesAsOf, zone))}</time></dd>`;
  body += `<dt>${esc(w.basis)}</dt><dd>${esc(run.meta.ruleSetTitle[lang])}</dd>`;
  body += `<dt>${esc(w.jurisdiction)}</dt><dd>${esc(run.meta.jurisdiction[lang])}</dd>`;
  body += '</dl>';

  const cities = citiesOf(d.rows);
  if (cities.length > 1 || region !== null) {
    body += `<nav class="regions" aria-label="${esc(w.regionNav)}"><h3>${esc(w.regionNav)}</h3><ul>`;
    const item = (r: string | null, text: string) =>
      r === region
        ? `<li><a href="${esc(links.page(lang, r))}" aria-current="page">${esc(text)}</a></li>`
        : `<li><a href="${esc(links.page(lang, r))}">${esc(text)}</a></li>`;
    body += item(null, w.all);
    for (const c of cities) body += item(c, c);
    body += '</ul></nav>';
  }

  if (rows.length > 0) {
    body += `<section aria-labelledby="overview"><h2 id="overview">${esc(w.overview)}</h2>${chartsOf(s, lang, groupWord)}</section>`;
  }
  body += `<section aria-labelledby="list"><h2 id="list">${esc(w.list)}</h2>`;
  body += `<p class="downloads">${esc(w.download)}${lang === 'zh' ? '：' : ': '}<a href="${esc(links.csv(lang, region))}" type="text/csv" download>${esc(w.csv)}</a> · <a href="${esc(links.json(region))}" type="application/json" download>${esc(w.json)}</a></p>`;
  const card: CardContext = { lang, casesDate: localDate(run.casesAsOf, zone) };
  const l = o.list;
  if (l) {
    const counties = [...new Set(rows.flatMap((r) => (r.county ? [r.county] : [])))].sort((a, b) =>
      a.localeCompare(b, 'zh-CN'),
    );
    body += filterForm(counties, l, lang);
    const shown = filterRows(rows, l.county, l.q);
    const p = paging(shown.length, l.size, l.page);
    const lw = LIST_WORDS[lang];
    body += `<p role="status">${esc(shown.length === 0 ? lw.noMatch : lw.showing(p.from + 1, p.to, shown.length))}</p>`;
    const part = shown.slice(p.from, p.to);
    if (part.length > 0)
      body += listTable(publicTable(run, part, lang, zone), w.listCaption(label, region), part, card);
    body += pager(p, l, lang);
  } else body += listTable(publicTable(run, rows, lang, zone), w.listCaption(label, region), rows, card);
  body += '</section>';

  const rules = Object.values(run.meta.ruleTitles).map((t) => t[lang]);
  body += `<section aria-labelledby="notes"><h2 id="notes">${esc(w.notes)}</h2><ul>`;
  if (rules.length > 0)
    body += `<li>${esc(w.rulesIntro)}${esc(rules.join(lang === 'zh' ? '；' : '; '))}</li>`;
  body += `<li>${esc(w.snapshot)}</li><li>${esc(w.privacy)}</li></ul></section>`;

  return page({
    lang,
    title: w.pageTitle(label),
    switchHref: links.page(lang === 'zh' ? 'en' : 'zh', region),
    switchLabel: words.switchLang,
    skip: words.skip,
    body,
    ...(links.nav ? { nav: links.nav(lang) } : {}),
  });
}

/** The published periods, newest first. */
export function renderDisclosureList(
  runs: readonly ReportRun[],
  o: {
    lang: Lang;
    zone: string;
    pageOf: (period: string, lang: Lang) => string;
    switchHref: string;
    nav: NavLink[];
    /** the choice of jurisdiction, when more than one publishes (a GET form: works without script) */
    ruleSets?: RuleSetChoice | undefined;
  },
): string {
  const { lang, zone } = o;
  const w = DISCLOSURE_WORDS[lang];
  const words = WORDS[lang];
  const num = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en');
  let body = o.ruleSets ? ruleSetForm(o.ruleSets, lang) : '';
  body += `<p>${esc(w.schedule(zone))}</p>`;
  if (runs.length === 0) body += `<p>${esc(w.noneYet)}</p>`;
  else {
    body += `<table><caption>${esc(w.listCaptionRuns)}</caption><thead><tr><th scope="col">${esc(w.disclosure)}</th><th scope="col">${esc(w.period)}</th><th scope="col" class="n">${esc(w.rows)}</th><th scope="col">${esc(w.published)}</th></tr></thead><tbody>`;
    for (const r of [...runs].reverse()) {
      body += `<tr><th scope="row"><a href="${esc(o.pageOf(r.period, lang))}">${esc(periodLabel(r.period, lang))}</a></th>`;
      body += `<td>${esc(w.periodRange(localDate(r.periodStart, zone), localDate(r.periodEnd - 1, zone)))}</td>`;
      body += `<td class="n">${num.format(r.rows)}</td>`;
      body += `<td><time datetime="${esc(formatInZone(r.frozenAt, zone))}">${esc(minute(r.frozenAt, zone))}</time></td></tr>`;
    }
    body += '</tbody></table>';
  }
  return page({
    lang,
    title: w.listTitle,
    switchHref: o.switchHref,
    switchLabel: words.switchLang,
    skip: words.skip,
    body,
    nav: o.nav,
  });
}

export interface RuleSetChoice {
  action: string;
  /** the lang parameter to keep ('en'), or null */
  lang: string | null;
  current: string;
  options: readonly { name: string; label: string }[];
}

function ruleSetForm(c: RuleSetChoice, lang: Lang): string {
  const w = DISCLOSURE_WORDS[lang];
  let html = `<form class="rule-set" method="get" action="${esc(c.action)}">`;
  html += `<label for="rule-set">${esc(w.ruleSetLabel)}</label> <select id="rule-set" name="ruleSet">`;
  for (const r of c.options) {
    html += `<option value="${esc(r.name)}"${r.name === c.current ? ' selected' : ''}>${esc(r.label)}</option>`;
  }
  html += '</select>';
  if (c.lang !== null) html += `<input type="hidden" name="lang" value="${esc(c.lang)}">`;
  return `${html} <button type="submit">${esc(w.ruleSetShow)}</button></form>`;
}

/** A short page saying why there is nothing to show, with a way back. */
export function renderMessage(o: {
  lang: Lang;
  message: string;
  back: NavLink | null;
  switchHref: string;
  nav: NavLink[];
}): string {
  const w = DISCLOSURE_WORDS[o.lang];
  const words = WORDS[o.lang];
  let body = `<p>${esc(o.message)}</p>`;
  if (o.back) body += `<p><a href="${esc(o.back.href)}">${esc(o.back.label)}</a></p>`;
  return page({
    lang: o.lang,
    title: w.title,
    switchHref: o.switchHref,
    switchLabel: words.switchLang,
    skip: words.skip,
    body,
    nav: o.nav,
  });
}
