// The links of the served disclosure pages: the rule set, language and region they keep, the
// list's choices, and which rule set a request asks for.

import { describe, expect, it } from 'vitest';
import { type CompiledRuleSet, parseRuleSet } from '../../../analytics/rules/index.js';
import { ruleSetChooser } from '../../../dashboard/public-pages/rule-set-choice.js';
import { listLinks, navOf, query, servedLinks } from '../../../dashboard/public-pages/served-links.js';
import type { Store } from '../../../store/index.js';
import { readFileSync } from 'node:fs';

describe('served links', () => {
  it('leaves out what is null, and Chinese, the default language, from a page link', () => {
    expect(query({ a: null, b: null })).toBe('');
    expect(query({ a: 'x y', b: null, c: '保山' })).toBe('?a=x+y&c=%E4%BF%9D%E5%B1%B1');
    const links = servedLinks('/public', '2025-Q3', 'gz');
    expect(links.page('zh', null)).toBe('/public/disclosures/2025-Q3?ruleSet=gz');
    expect(links.page('en', '昆明市')).toBe(
      '/public/disclosures/2025-Q3?ruleSet=gz&lang=en&region=%E6%98%86%E6%98%8E%E5%B8%82',
    );
    // a download always says its language
    expect(servedLinks('/public', '2025-Q3', null).csv('zh', null)).toBe(
      '/public/disclosures/2025-Q3.csv?lang=zh',
    );
    expect(servedLinks('/p', '2025-Q3', null).json(null)).toBe('/p/disclosures/2025-Q3.json');
  });

  it('links the public pages, the list of disclosures keeping the rule set', () => {
    expect(navOf('/public', 'en', 'gz').map((l) => l.href)).toEqual([
      '/public/outages?lang=en',
      '/public/planned?lang=en',
      '/public/lookup?lang=en',
      '/public/disclosures?ruleSet=gz&lang=en',
    ]);
  });

  it("keeps the page's choices in the list's links and form, the first page without a number", () => {
    const l = listLinks('/public', '2025-Q3', { ruleSet: null, lang: 'en', region: null });
    expect(l.href({ county: '五华区', q: '', page: 1 })).toBe(
      '/public/disclosures/2025-Q3?lang=en&county=%E4%BA%94%E5%8D%8E%E5%8C%BA#list',
    );
    expect(l.href({ county: null, q: 'a b', page: 2 })).toBe(
      '/public/disclosures/2025-Q3?lang=en&q=a+b&page=2#list',
    );
    expect(l.action).toBe('/public/disclosures/2025-Q3#list');
    expect(l.keep).toEqual({ lang: 'en' });
  });
});

describe('the rule set asked for', () => {
  const data = JSON.parse(readFileSync('rules/national-2025.json', 'utf8')) as Record<string, unknown>;
  const set = (name: string): CompiledRuleSet => {
    const parsed = parseRuleSet({ ...data, name });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    return parsed.value;
  };
  const main = set('main');
  const other = set('other');
  const store = {} as Store;

  it('is the default when none is named, and is named in links only when it is not', () => {
    const choose = ruleSetChooser({ store, zone: 'Asia/Shanghai', ruleSet: main, sets: [main, other] });
    expect(choose(undefined)).toMatchObject({ name: 'main', param: null });
    expect(choose('')).toMatchObject({ name: 'main', param: null });
    expect(choose(['other'])).toMatchObject({ name: 'main', param: null });
    expect(choose('main')).toMatchObject({ name: 'main', param: null });
    expect(choose('other')).toMatchObject({ name: 'other', param: 'other' });
    expect(choose('nope')).toBeUndefined();
    // one source per rule set, kept
    expect(choose('other')?.source).toBe(choose('other')?.source);
  });

  it('is none without a default, unless one is named', () => {
    const choose = ruleSetChooser({ store, zone: 'Asia/Shanghai', sets: [other] });
    expect(choose(undefined)).toBeUndefined();
    expect(choose('other')).toMatchObject({ name: 'other', param: 'other' });
  });
});
