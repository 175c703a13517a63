// The planners' work list (整治优先级): the top N assets by priority score from GET
// /priorities, filtered by the API (rule set, region, responsible unit, asset type, cause),
// each row with the breakdown of its score into the parts and weights the answer names, the
// CSV/XLSX exports of the same list, and "what it buys" for the rows a planner selects.

import type { Row } from '../api.js';
import type { Ctx, RuleSetInfo, View } from '../context.js';
import { h } from '../dom.js';
import { lang, t } from '../i18n.js';
import { replaceParams } from '../router.js';
import { figureSlot, fill, filterPanel, pageHeader } from './common.js';
import { exportButtons } from './exports.js';
import { allOption, causeOptions, filterForm, filterSelects, kindOptions, named } from './filter-fields.js';
import { type Filters, readFilters } from './filters.js';
import {
  addListNames,
  assetNames,
  FILTER_KEYS,
  type FilterKey,
  listParams,
  placesOf,
  responsibleUnits,
  ruleTitleIn,
  topIds,
  withPrioritiesFilter,
} from './priorities-data.js';
import { type PrioritiesAnswer, weightsCard, workListTable } from './priorities-table.js';
import { type CasesAnswer, type Place, regionSelect } from './remediation-common.js';
import { whatItBuysSection } from './what-it-buys.js';

/** The filters' fields; the responsible units are those of the rule set's cases. */
async function filterFields(
  ctx: Ctx,
  o: { sets: readonly RuleSetInfo[]; places: readonly Place[]; ruleSet: string; filters: Filters<FilterKey> },
  change: (key: FilterKey, value: string) => void,
): Promise<HTMLElement[]> {
  const cases = await ctx.api
    .json<CasesAnswer>('/cases', { ruleSet: o.ruleSet })
    .catch((): Pick<CasesAnswer, 'rows'> => ({ rows: [] }));
  const units = responsibleUnits(cases.rows);
  const [ruleSet, ...rest] = filterSelects(
    'pr',
    [
      {
        key: 'ruleSet',
        label: t('ruleSet'),
        options: o.sets.map((s) => [s.name, s.title[lang()]]),
        unset: o.ruleSet,
      },
      { key: 'unit', label: t('responsibleUnit'), options: [allOption(), ...named(units)] },
      { key: 'kind', label: t('kind'), options: kindOptions() },
      { key: 'cause', label: t('cause'), options: causeOptions() },
      { key: 'top', label: t('topN'), options: named(['10', '20', '50', '100', '200']), unset: '50' },
    ],
    o.filters,
    change,
  );
  const region = regionSelect('pr-region', o.places, o.filters.region ?? '', (v) => change('region', v));
  return [ruleSet as HTMLElement, region, ...rest];
}

/** The selection's count and its buttons: the top ten, none, and what the selection buys. */
function selectionToolbar(
  toolbar: HTMLElement,
  o: {
    selected: Set<string>;
    topTen: () => string[];
    boxes: () => Iterable<HTMLInputElement>;
    buy: () => void;
  },
): () => void {
  const draw = () => {
    const n = o.selected.size;
    const mark = () => {
      for (const box of o.boxes()) box.checked = o.selected.has(box.value);
      draw();
    };
    const quiet = (id: string, text: string, act: () => void) =>
      h('button', { type: 'button', class: 'quiet', id, onclick: act }, text);
    toolbar.replaceChildren(
      h('span', { id: 'pr-selected', 'data-count': n, role: 'status' }, t('selectedCount', { n })),
      quiet('pr-select-top', t('selectTop', { n: 10 }), () => {
        for (const id of o.topTen()) o.selected.add(id);
        mark();
      }),
      quiet('pr-clear', t('clearSelection'), () => {
        o.selected.clear();
        mark();
      }),
      h(
        'button',
        { type: 'button', class: 'primary', id: 'pr-buy', disabled: n === 0, onclick: () => o.buy() },
        t('whatItBuys'),
      ),
    );
  };
  return draw;
}

/** The page's frame: the filters, then the weights, the work list and what the selection buys. */
function prioritiesPage(main: HTMLElement) {
  const page = {
    form: filterPanel('pr-filters'),
    weights: figureSlot(),
    list: figureSlot(),
    buys: h('div', { class: 'figure-slot', id: 'what-it-buys' }),
  };
  main.append(
    pageHeader(t('prioritiesTitle'), t('prioritiesIntro')),
    page.form,
    page.weights,
    page.list,
    page.buys,
  );
  return page;
}

/** The work list's card: its exports, the selection's toolbar and the table. */
function workListCard(
  ctx: Ctx,
  a: PrioritiesAnswer,
  o: {
    sets: readonly RuleSetInfo[];
    selected: Set<string>;
    toolbar: HTMLElement;
    onSelect: () => void;
    exported: { params: ReturnType<typeof listParams>; ruleSet: string };
  },
): HTMLElement {
  const ruleTitle = (id: string) => ruleTitleIn(o.sets, a.ruleSet, id, lang());
  const table = workListTable(ctx, a, o.selected, o.onSelect, ruleTitle);
  return h(
    'section',
    { class: 'card', 'data-name': 'work-list', 'data-ranked': a.ranked },
    h('h2', {}, t('workList')),
    exportButtons(
      ctx,
      { path: '/priorities', params: o.exported.params, name: `priorities-${o.exported.ruleSet}` },
      t('exports'),
    ),
    o.toolbar,
    table,
  );
}

export const renderPriorities: View = async (ctx, main, route, signal) => {
  let filters: Filters<FilterKey> = readFilters(route.params, FILTER_KEYS);
  const page = prioritiesPage(main);
  const [sets, assets] = await Promise.all([
    ctx.ruleSets(),
    ctx.api.arrowRows('/assets').catch((): Row[] => []),
  ]);
  if (signal.aborted) return;
  const places: Place[] = placesOf(assets);
  const selected = new Set<string>();
  // Every asset's name and equipment code, so what it buys names the assets that leave the
  // list even when the work list does not show them.
  const names = assetNames(assets);
  let answer: PrioritiesAnswer | undefined;
  const ruleSet = () => filters.ruleSet ?? ctx.ruleSet;

  const drawForm = async () => {
    const change = (key: FilterKey, v: string) => {
      filters = withPrioritiesFilter(filters, key, v);
      replaceParams(route, { ...filters });
      void update(key === 'ruleSet');
    };
    const fields = await filterFields(ctx, { sets, places, ruleSet: ruleSet(), filters }, change);
    page.form.replaceChildren(...filterForm('pr-filters', fields));
  };
  const toolbar = h('div', { class: 'selection', role: 'group', 'aria-label': t('selection') });
  const drawToolbar = selectionToolbar(toolbar, {
    selected,
    topTen: () => topIds(answer, 10),
    boxes: () => page.list.querySelectorAll<HTMLInputElement>('input[data-select]'),
    buy: () =>
      void whatItBuysSection(ctx, page.buys, { assetIds: [...selected], ruleSet: ruleSet(), names }, signal),
  });
  const update = async (reloadForm: boolean) => {
    if (reloadForm) await drawForm();
    const load = async () => {
      answer = await ctx.api.json<PrioritiesAnswer>('/priorities', listParams(filters));
      addListNames(names, answer.rows);
      page.weights.replaceChildren(weightsCard(ctx, answer));
      drawToolbar();
      const exported = { params: listParams(filters), ruleSet: ruleSet() };
      return workListCard(ctx, answer, { sets, selected, toolbar, onSelect: () => drawToolbar(), exported });
    };
    await fill(page.list, load, signal, true);
  };
  await drawForm();
  await update(false);
};
