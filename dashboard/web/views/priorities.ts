// The planners' work list (整治优先级): the top N assets by priority score from GET
// /priorities, filtered by the API (rule set, region, responsible unit, asset type, cause),
// each row with the breakdown of its score into the parts and weights the answer names, the
// CSV/XLSX exports of the same list, and "what it buys" for the rows a planner selects.

import type { Row } from '../api.js';
import type { Ctx, RuleSetInfo, View } from '../context.js';
import { h } from '../dom.js';
import { lang, t } from '../i18n.js';
import { replaceParams } from '../router.js';
import { figureSlot, fill, filterPanel, pageHeader, str } from './common.js';
import { exportButtons } from './exports.js';
import { allOption, causeOptions, filterForm, filterSelects, kindOptions, named } from './filter-fields.js';
import { type Filters, readFilters, withFilter } from './filters.js';
import { type PrioritiesAnswer, weightsCard, workListTable } from './priorities-table.js';
import { type CasesAnswer, type Place, regionSelect } from './remediation-common.js';
import { type AssetName, whatItBuysSection } from './what-it-buys.js';

const FILTER_KEYS = ['ruleSet', 'region', 'unit', 'kind', 'cause', 'top'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

/** The work list's query: the filters, 50 rows unless told. */
const listParams = (f: Filters<FilterKey>) => ({
  ruleSet: f.ruleSet,
  region: f.region,
  unit: f.unit,
  kind: f.kind,
  cause: f.cause,
  top: f.top ?? '50',
});

/** The filters' fields; the responsible units are those of the rule set's cases. */
async function filterFields(
  ctx: Ctx,
  o: { sets: readonly RuleSetInfo[]; places: readonly Place[]; ruleSet: string; filters: Filters<FilterKey> },
  change: (key: FilterKey, value: string) => void,
): Promise<HTMLElement[]> {
  const cases = await ctx.api
    .json<CasesAnswer>('/cases', { ruleSet: o.ruleSet })
    .catch((): Pick<CasesAnswer, 'rows'> => ({ rows: [] }));
  const units = [...new Set(cases.rows.map((c) => c.responsibleUnit).filter((u): u is string => !!u))].sort();
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

export const renderPriorities: View = async (ctx, main, route, signal) => {
  let filters = readFilters(route.params, FILTER_KEYS);
  const form = filterPanel('pr-filters');
  const weightsBox = figureSlot();
  const listBox = figureSlot();
  const buysBox = h('div', { class: 'figure-slot', id: 'what-it-buys' });
  main.append(pageHeader(t('prioritiesTitle'), t('prioritiesIntro')), form, weightsBox, listBox, buysBox);

  const [sets, assets] = await Promise.all([
    ctx.ruleSets(),
    ctx.api.arrowRows('/assets').catch((): Row[] => []),
  ]);
  if (signal.aborted) return;
  const places: Place[] = assets.map((r) => ({
    province: str(r['province']),
    city: str(r['city']),
    county: str(r['county']),
  }));
  const selected = new Set<string>();
  // Every asset's name and equipment code, so what it buys names the assets that leave the
  // list even when the work list does not show them.
  const names = new Map<string, AssetName>(
    assets.map((r) => [String(r['assetId']), { name: str(r['name']), code: str(r['code']) }]),
  );
  let answer: PrioritiesAnswer | undefined;
  const ruleSet = () => filters.ruleSet ?? ctx.ruleSet;

  const drawForm = async () => {
    const change = (key: FilterKey, v: string) => {
      filters = withFilter(filters, key, v);
      if (key === 'ruleSet') delete filters.unit;
      replaceParams(route, { ...filters });
      void update(key === 'ruleSet');
    };
    const fields = await filterFields(ctx, { sets, places, ruleSet: ruleSet(), filters }, change);
    form.replaceChildren(...filterForm('pr-filters', fields));
  };

  const toolbar = h('div', { class: 'selection', role: 'group', 'aria-label': t('selection') });
  const drawToolbar = selectionToolbar(toolbar, {
    selected,
    topTen: () => (answer?.rows ?? []).slice(0, 10).map((r) => r.assetId),
    boxes: () => listBox.querySelectorAll<HTMLInputElement>('input[data-select]'),
    buy: () =>
      void whatItBuysSection(ctx, buysBox, { assetIds: [...selected], ruleSet: ruleSet(), names }, signal),
  });

  const workList = (a: PrioritiesAnswer) => {
    const rules = sets.find((s) => s.name === a.ruleSet)?.rules ?? [];
    const ruleTitle = (id: string) => rules.find((r) => r.id === id)?.title[lang()] ?? id;
    const table = workListTable(ctx, a, selected, () => drawToolbar(), ruleTitle);
    return h(
      'section',
      { class: 'card', 'data-name': 'work-list', 'data-ranked': a.ranked },
      h('h2', {}, t('workList')),
      exportButtons(
        ctx,
        { path: '/priorities', params: listParams(filters), name: `priorities-${ruleSet()}` },
        t('exports'),
      ),
      toolbar,
      table,
    );
  };

  const update = async (reloadForm: boolean) => {
    if (reloadForm) await drawForm();
    await fill(
      listBox,
      async () => {
        answer = await ctx.api.json<PrioritiesAnswer>('/priorities', listParams(filters));
        for (const r of answer.rows)
          if (!names.has(r.assetId)) names.set(r.assetId, { name: r.name, code: null });
        weightsBox.replaceChildren(weightsCard(ctx, answer));
        drawToolbar();
        return workList(answer);
      },
      signal,
      true,
    );
  };
  await drawForm();
  await update(false);
};
