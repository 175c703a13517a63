// The planners' work list (整治优先级): the top N assets by priority score from GET
// /priorities, filtered by the API (rule set, region, responsible unit, asset type, cause),
// each row with the breakdown of its score into the parts and weights the answer names, the
// CSV/XLSX exports of the same list, and "what it buys" for the rows a planner selects.

import type { Row } from '../api.js';
import type { Ctx } from '../context.js';
import { h } from '../dom.js';
import { CAUSE_CODES, causeLabel, kindLabel, lang, t } from '../i18n.js';
import { type Route, replaceParams } from '../router.js';
import { exportButtons } from './exports.js';
import { fill, labelled, pageHeader, str } from './common.js';
import { type PrioritiesAnswer, weightsCard, workListTable } from './priorities-table.js';
import type { CasesAnswer, Place } from './remediation-common.js';
import { regionSelect } from './remediation-common.js';
import { type AssetName, whatItBuysSection } from './what-it-buys.js';

const FILTER_KEYS = ['ruleSet', 'region', 'unit', 'kind', 'cause', 'top'] as const;
type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

export async function renderPriorities(
  ctx: Ctx,
  main: HTMLElement,
  route: Route,
  signal: AbortSignal,
): Promise<void> {
  const { api } = ctx;
  const filters: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = route.params.get(k);
    if (v) filters[k] = v;
  }
  const form = h('form', { class: 'filters card', 'aria-labelledby': 'pr-filters' });
  const weightsBox = h('div', { class: 'figure-slot' });
  const listBox = h('div', { class: 'figure-slot' });
  const buysBox = h('div', { class: 'figure-slot', id: 'what-it-buys' });
  main.append(pageHeader(t('prioritiesTitle'), t('prioritiesIntro')), form, weightsBox, listBox, buysBox);

  const [sets, assets] = await Promise.all([ctx.ruleSets(), api.arrowRows('/assets').catch((): Row[] => [])]);
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
  const params = () => ({
    ruleSet: filters.ruleSet,
    region: filters.region,
    unit: filters.unit,
    kind: filters.kind,
    cause: filters.cause,
    top: filters.top ?? '50',
  });

  const drawForm = async () => {
    const cases = await api.json<CasesAnswer>('/cases', { ruleSet: ruleSet() }).catch(() => ({ rows: [] }));
    const units = [
      ...new Set(cases.rows.map((c) => c.responsibleUnit).filter((u): u is string => !!u)),
    ].sort();
    const all: [string, string] = ['', t('all')];
    const change = (key: keyof Filters) => (v: string) => {
      if (v) filters[key] = v;
      else delete filters[key];
      if (key === 'ruleSet') delete filters.unit;
      replaceParams(route, { ...filters });
      void update(key === 'ruleSet');
    };
    form.replaceChildren(
      h('h2', { id: 'pr-filters' }, t('filters')),
      h(
        'div',
        { class: 'fields' },
        labelled(
          'pr-ruleSet',
          t('ruleSet'),
          sets.map((s): [string, string] => [s.name, s.title[lang()]]),
          ruleSet(),
          change('ruleSet'),
        ),
        regionSelect('pr-region', places, filters.region ?? '', change('region')),
        labelled(
          'pr-unit',
          t('responsibleUnit'),
          [all, ...units.map((u): [string, string] => [u, u])],
          filters.unit ?? '',
          change('unit'),
        ),
        labelled(
          'pr-kind',
          t('kind'),
          [all, ['feeder', kindLabel('feeder')], ['area', kindLabel('area')]],
          filters.kind ?? '',
          change('kind'),
        ),
        labelled(
          'pr-cause',
          t('cause'),
          [all, ...CAUSE_CODES.map((c): [string, string] => [c, causeLabel(c)])],
          filters.cause ?? '',
          change('cause'),
        ),
        labelled(
          'pr-top',
          t('topN'),
          ['10', '20', '50', '100', '200'].map((n): [string, string] => [n, n]),
          filters.top ?? '50',
          change('top'),
        ),
      ),
    );
  };

  const toolbar = h('div', { class: 'selection', role: 'group', 'aria-label': t('selection') });
  const drawToolbar = () => {
    const n = selected.size;
    const buy = h(
      'button',
      {
        type: 'button',
        class: 'primary',
        id: 'pr-buy',
        disabled: n === 0,
        onclick: () => void buys(),
      },
      t('whatItBuys'),
    );
    toolbar.replaceChildren(
      h('span', { id: 'pr-selected', 'data-count': n, role: 'status' }, t('selectedCount', { n })),
      h(
        'button',
        {
          type: 'button',
          class: 'quiet',
          id: 'pr-select-top',
          onclick: () => {
            for (const r of (answer?.rows ?? []).slice(0, 10)) selected.add(r.assetId);
            for (const box of listBox.querySelectorAll<HTMLInputElement>('input[data-select]'))
              box.checked = selected.has(box.value);
            drawToolbar();
          },
        },
        t('selectTop', { n: 10 }),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'quiet',
          id: 'pr-clear',
          onclick: () => {
            selected.clear();
            for (const box of listBox.querySelectorAll<HTMLInputElement>('input[data-select]'))
              box.checked = false;
            drawToolbar();
          },
        },
        t('clearSelection'),
      ),
      buy,
    );
  };

  const buys = () =>
    whatItBuysSection(ctx, buysBox, { assetIds: [...selected], ruleSet: ruleSet(), names }, signal);

  const update = async (reloadForm: boolean) => {
    if (reloadForm) await drawForm();
    await fill(
      listBox,
      async () => {
        answer = await api.json<PrioritiesAnswer>('/priorities', params());
        for (const r of answer.rows)
          if (!names.has(r.assetId)) names.set(r.assetId, { name: r.name, code: null });
        weightsBox.replaceChildren(weightsCard(ctx, answer));
        drawToolbar();
        const rules = sets.find((s) => s.name === answer?.ruleSet)?.rules ?? [];
        const ruleTitle = (id: string) => rules.find((r) => r.id === id)?.title[lang()] ?? id;
        const table = workListTable(ctx, answer, selected, () => drawToolbar(), ruleTitle);
        return h(
          'section',
          { class: 'card', 'data-name': 'work-list', 'data-ranked': answer.ranked },
          h('h2', {}, t('workList')),
          exportButtons(
            ctx,
            { path: '/priorities', params: params(), name: `priorities-${ruleSet()}` },
            t('exports'),
          ),
          toolbar,
          table,
        );
      },
      signal,
      true,
    );
  };
  await drawForm();
  await update(false);
}
