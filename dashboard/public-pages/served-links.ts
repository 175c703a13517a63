// The links of the served disclosure pages, absolute under the router's mount path (`base`),
// and how they carry the reader's choices: the rule set (none for the default), the language
// (none for Chinese), the region, and the county, name and page of the list.

import type { Lang } from '../../analytics/remediation/index.js';
import type { ListOptions, PageLinks } from './disclosure.js';
import type { NavLink } from './html.js';
import { DISCLOSURE_WORDS, WORDS } from './i18n.js';

/** A query string of the parameters that are not null, '' when none is. */
export const query = (params: Record<string, string | null>): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
};

/** The lang parameter of a page link: absent for Chinese, the default. */
export const langQuery = (lang: Lang): string | null => (lang === 'en' ? 'en' : null);

/** The language switch's lang parameter: the other language, always said. */
export const otherLang = (lang: Lang): Lang => (lang === 'zh' ? 'en' : 'zh');

/** Links of the served pages of a period; `ruleSet` null: the default. */
export function servedLinks(base: string, period: string, ruleSet: string | null): PageLinks {
  const doc = documentPath(base, period);
  return {
    page: (lang, region) => `${doc}${query({ ruleSet, lang: langQuery(lang), region })}`,
    csv: (lang, region) => `${doc}.csv${query({ ruleSet, lang, region })}`,
    json: (region) => `${doc}.json${query({ ruleSet, region })}`,
    nav: (lang) => navOf(base, lang, ruleSet),
  };
}

export const documentPath = (base: string, period: string): string =>
  `${base}/disclosures/${encodeURIComponent(period)}`;

/** The public pages' links; the list of disclosures keeps the chosen rule set. */
export function navOf(base: string, lang: Lang, ruleSet: string | null): NavLink[] {
  const w = DISCLOSURE_WORDS[lang];
  const l = query({ lang: langQuery(lang) });
  return [
    { href: `${base}/outages${l}`, label: w.live },
    { href: `${base}/planned${l}`, label: WORDS[lang].plannedTitle },
    { href: `${base}/lookup${l}`, label: WORDS[lang].lookupLink },
    { href: `${base}/disclosures${query({ ruleSet, lang: langQuery(lang) })}`, label: w.allPeriods },
  ];
}

/** The page's choices a link of its list keeps: rule set, language and region. */
export interface ListChoices {
  ruleSet: string | null;
  lang: Lang;
  region: string | null;
}

/** Where the list of a disclosure's entries links to and sends its filter form. */
export function listLinks(
  base: string,
  period: string,
  k: ListChoices,
): Pick<ListOptions, 'href' | 'action' | 'keep'> {
  const doc = documentPath(base, period);
  const kept = { ruleSet: k.ruleSet, lang: langQuery(k.lang), region: k.region };
  return {
    href: (choice) =>
      `${doc}${query({
        ...kept,
        county: choice.county,
        q: choice.q === '' ? null : choice.q,
        page: choice.page === 1 ? null : String(choice.page),
      })}#list`,
    action: `${doc}#list`,
    keep: Object.fromEntries(Object.entries(kept).filter((e): e is [string, string] => e[1] !== null)),
  };
}
