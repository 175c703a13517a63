// The hotspots page's filters: region (city, then its counties), area class, asset type, cause,
// rule, status and how many rows to rank, each a labelled select, and a reset. A change of the
// first five loads the rows again (cause: the server filters) and the calendar; rule, status and
// top only redraw from the rows at hand.

import type { RuleInfo } from '../context.js';
import { h } from '../dom.js';
import { AREA_CLASS_CODES, areaClassLabel, lang, t } from '../i18n.js';
import {
  allOption,
  causeOptions,
  type FilterField,
  filterForm,
  filterSelects,
  kindOptions,
  named,
  type Option,
} from './filter-fields.js';
import { type FilterKey, type Filters, type Hotspot, regionChoices } from './hotspots-data.js';

export interface FiltersFormHandlers {
  /** a filter changed; `refetch`: the rows must be loaded again */
  change: (key: FilterKey, value: string | undefined, refetch: boolean) => void;
  reset: () => void;
}

/** The filters whose change loads the rows again. */
const REFETCH: ReadonlySet<FilterKey> = new Set(['city', 'county', 'areaClass', 'kind', 'cause']);

function fields(
  rows: readonly Hotspot[],
  countRules: readonly RuleInfo[],
  f: Filters,
): FilterField<FilterKey>[] {
  const { cities, counties } = regionChoices(rows, f.city);
  const all = allOption();
  return [
    { key: 'city', label: t('city'), options: [all, ...named(cities)] },
    { key: 'county', label: t('county'), options: [all, ...named(counties)] },
    {
      key: 'areaClass',
      label: t('areaClass'),
      options: [all, ...AREA_CLASS_CODES.map((c): Option => [c, areaClassLabel(c)])],
    },
    { key: 'kind', label: t('kind'), options: kindOptions() },
    { key: 'cause', label: t('cause'), options: causeOptions() },
    {
      key: 'rule',
      label: t('rule'),
      options: [all, ...countRules.map((r): Option => [r.id, r.title[lang()]])],
    },
    {
      key: 'status',
      label: t('status'),
      options: [all, ['breach', t('breach')], ['at_risk', t('atRisk')], ['fine', t('fine')]],
    },
    { key: 'top', label: t('topN'), options: named(['10', '25', '50', '100', '500']), unset: '25' },
  ];
}

/** The form's content for the rows loaded and the filters now. */
export function filtersForm(
  rows: readonly Hotspot[],
  countRules: readonly RuleInfo[],
  f: Filters,
  on: FiltersFormHandlers,
): HTMLElement[] {
  const selects = filterSelects('f', fields(rows, countRules, f), f, (key, v) =>
    on.change(key, v || undefined, REFETCH.has(key)),
  );
  const reset = h('button', { type: 'button', id: 'f-reset', class: 'quiet', onclick: on.reset }, t('reset'));
  return [...filterForm('filters-title', selects), h('div', { class: 'actions' }, reset)];
}
