// What the remediation board, the case page, the ledger and the work list share: the
// vocabulary the API names (statuses, actions, measures, verification methods with their
// Chinese and English labels), the case row of GET /cases, status badges (a shape that fills
// as the case advances, and a word), the region picker and the planner check.

import type { CaseRow } from '../../../analytics/remediation/answers.js';
import type { Label, RemediationVocabulary } from '../../../core/vocabulary/index.js';
import type { Ctx, Me } from '../context.js';
import { h } from '../dom.js';
import { type Key, known, lang, t } from '../i18n.js';
import { href } from '../router.js';

export type Vocabulary = RemediationVocabulary;
export type { CaseRow, Label };

export interface CasesAnswer {
  ruleSet: string;
  asOf: string;
  zone: string;
  rows: CaseRow[];
}

export const loadVocabulary = (ctx: Ctx): Promise<Vocabulary> =>
  ctx.api.json<Vocabulary>('/remediation/vocabulary');

/**
 * Words for the API's codes in the current language; an unknown code stays as it is. The
 * vocabulary names the planners' actions; the system's (open, attach) are worded here.
 */
export interface Words {
  status(code: string | null | undefined): string;
  action(code: string): string;
  measure(code: string): string;
  method(code: string): string;
}

export function words(v: Vocabulary): Words {
  const l = lang();
  const table = <T extends { label: Label }>(items: T[], key: (x: T) => string) =>
    new Map(items.map((x) => [key(x), x.label[l]]));
  const statuses = table(v.statuses, (x) => x.status);
  const actions = table(v.actions, (x) => x.action);
  const measures = table(v.measures, (x) => x.measure);
  const methods = table(v.verificationMethods, (x) => x.method);
  return {
    status: (c) => (c ? (statuses.get(c) ?? (c === 'no_case' ? t('noCase') : c)) : t('none')),
    action: (c) => actions.get(c) ?? (known(`action_${c}`) ? t(`action_${c}` as Key) : c),
    measure: (c) => measures.get(c) ?? c,
    method: (c) => methods.get(c) ?? c,
  };
}

/** The statuses in workflow order (open → closed), as the vocabulary lists them. */
export const CASE_STATUS_ORDER = ['open', 'plan_approved', 'in_progress', 'work_done', 'closed'] as const;

/** A pie that fills as the case advances, so the status never rests on colour alone. */
const SHAPES: Record<string, string> = {
  open: '○',
  plan_approved: '◔',
  in_progress: '◑',
  work_done: '◕',
  closed: '●',
  no_case: '–',
};

export function caseStatusBadge(status: string, w: Words): HTMLElement {
  return h(
    'span',
    { class: `case-status s-${status}`, 'data-status': status },
    h('span', { class: 'shape', 'aria-hidden': 'true' }, SHAPES[status] ?? '?'),
    ` ${w.status(status)}`,
  );
}

export function overdueBadge(overdue: boolean | null): HTMLElement | string {
  if (!overdue) return t('no');
  return h(
    'span',
    { class: 'overdue-badge', 'data-overdue': 'true' },
    h('span', { 'aria-hidden': 'true' }, '⚠ '),
    t('overdue'),
  );
}

export const caseLink = (caseId: string): HTMLAnchorElement =>
  h('a', { href: href('remediation', caseId), 'data-case': caseId }, caseId);

/** Planners (and admins) change cases; operators only read. The API checks the same. */
export const canEdit = (me: Me): boolean => me.roles.includes('planner') || me.roles.includes('admin');

export interface Place {
  province: string | null;
  city: string | null;
  county: string | null;
}

export type RegionLevel = 'province' | 'city' | 'county';

/** Province, city and county names of the places, with the level each name is at. */
export function regionsOf(
  places: readonly Place[],
): Map<string, { level: RegionLevel; city: string | null }> {
  const out = new Map<string, { level: RegionLevel; city: string | null }>();
  for (const p of places) {
    if (p.province && !out.has(p.province)) out.set(p.province, { level: 'province', city: null });
    if (p.city && !out.has(p.city)) out.set(p.city, { level: 'city', city: p.city });
    if (p.county && !out.has(p.county)) out.set(p.county, { level: 'county', city: p.city });
  }
  return out;
}

const byName = (a: string, b: string) => a.localeCompare(b, 'zh-CN');

/** A labelled select of regions: provinces and cities first, then each city's counties in a group. */
export function regionSelect(
  id: string,
  places: readonly Place[],
  value: string,
  onChange: (value: string) => void,
): HTMLElement {
  const regions = regionsOf(places);
  const names = (level: RegionLevel) => [...regions].filter(([, r]) => r.level === level).map(([n]) => n);
  const option = (v: string, text: string) => h('option', { value: v, selected: v === value }, text);
  const counties = (city: string) =>
    [...regions]
      .filter(([, r]) => r.level === 'county' && r.city === city)
      .map(([n]) => n)
      .sort(byName);
  const select = h(
    'select',
    { id, name: id },
    option('', t('all')),
    h(
      'optgroup',
      { label: t('provincesAndCities') },
      [...names('province').sort(byName), ...names('city').sort(byName)].map((n) => option(n, n)),
    ),
    names('city')
      .sort(byName)
      .map((c) =>
        h(
          'optgroup',
          { label: c },
          counties(c).map((n) => option(n, n)),
        ),
      ),
  );
  select.addEventListener('change', () => onChange(select.value));
  return h('div', { class: 'field' }, h('label', { for: id }, t('region')), select);
}

/** Counts of `rows` by a key, in the order of `order` first, then the rest by count. */
export function countBy<T>(
  rows: readonly T[],
  key: (row: T) => string,
  order: readonly string[] = [],
): [string, number][] {
  const counts = new Map<string, number>(order.map((k) => [k, 0]));
  for (const r of rows) {
    const k = key(r);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const fixed = order.map((k): [string, number] => [k, counts.get(k) ?? 0]);
  const rest = [...counts]
    .filter(([k]) => !order.includes(k))
    .sort((a, b) => b[1] - a[1] || byName(a[0], b[0]));
  return [...fixed, ...rest];
}

/** Overdue first, then the earliest due date, then the case id: the board's working order. */
export function boardOrder(rows: readonly CaseRow[]): CaseRow[] {
  return [...rows].sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      a.dueDate.localeCompare(b.dueDate) ||
      a.caseId.localeCompare(b.caseId),
  );
}
