// The remediation board for planners (整治工单): cases by status, responsible unit and region
// as bars with table views, the "clearing to zero" trend, and the list with overdue cases
// first. Filters (status, region, unit, overdue) go to GET /cases, so what is counted is what
// the API selected; they live in the URL. #/remediation/<caseId> opens one case.

import { barChart } from '../charts/index.js';
import type { Ctx, View } from '../context.js';
import { h, svgNode } from '../dom.js';
import { t } from '../i18n.js';
import { replaceParams } from '../router.js';
import { dataTable, figure } from '../table.js';
import { renderCase } from './case.js';
import { caseList } from './case-list.js';
import { clearingSection } from './clearing.js';
import { columnKit } from './columns.js';
import { checkbox, figureSlot, fill, filterPanel, kpi, kpiRow, pageHeader, widthOf } from './common.js';
import { allOption, filterForm, filterSelects, named, type Option } from './filter-fields.js';
import { type Filters, readFilters, withFilter } from './filters.js';
import {
  CASE_STATUS_ORDER,
  type CaseRow,
  type CasesAnswer,
  countBy,
  loadVocabulary,
  type RegionLevel,
  regionSelect,
  regionsOf,
  type Words,
  words,
} from './remediation-common.js';

const FILTER_KEYS = ['status', 'region', 'unit', 'overdue', 'top'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
type BoardFilters = Filters<FilterKey>;

/** The page's parts, in reading order. */
function layout(main: HTMLElement) {
  const page = {
    kpis: kpiRow(),
    form: filterPanel('rb-filters'),
    status: figureSlot(),
    unit: figureSlot(),
    region: figureSlot(),
    trend: figureSlot(),
    list: figureSlot(),
  };
  main.append(
    pageHeader(t('remediationTitle'), t('remediationIntro')),
    page.kpis,
    page.form,
    h('div', { class: 'grid3' }, page.status, page.unit, page.region),
    page.trend,
    page.list,
  );
  return page;
}

/** The filters: status (or all active), region, responsible unit, rows shown, overdue only. */
function boardFields(
  everything: readonly CaseRow[],
  w: Words,
  f: BoardFilters,
  change: (key: FilterKey, value: string) => void,
): HTMLElement[] {
  const units = [...new Set(everything.map((c) => c.responsibleUnit).filter((u): u is string => !!u))].sort(
    (a, b) => a.localeCompare(b, 'zh-CN'),
  );
  const statuses: Option[] = [
    allOption(),
    ['active', t('activeCases')],
    ...CASE_STATUS_ORDER.map((s): Option => [s, w.status(s)]),
  ];
  const [status, unit, top] = filterSelects(
    'rb',
    [
      { key: 'status', label: t('caseStatus'), options: statuses },
      { key: 'unit', label: t('responsibleUnit'), options: [allOption(), ...named(units)] },
      {
        key: 'top',
        label: t('showRows'),
        options: ['50', '100', '500', 'all'].map((n): Option => [n, n === 'all' ? t('all') : n]),
        unset: '50',
      },
    ],
    f,
    change,
  );
  return [
    status as HTMLElement,
    regionSelect('rb-region', everything, f.region ?? '', (v) => change('region', v)),
    unit as HTMLElement,
    top as HTMLElement,
    checkbox('rb-overdue', t('overdueOnly'), f.overdue === '1', (v) => change('overdue', v ? '1' : '')),
  ];
}

/** How the cases are counted by region: by county within a city or county, else by city. */
function regionGrouping(level: RegionLevel | undefined): { title: string; key: (c: CaseRow) => string } {
  const byCounty = level === 'city' || level === 'county';
  return {
    title: byCounty ? t('byCounty') : t('byCityCases'),
    key: (c) => (byCounty ? c.county : c.city) ?? t('none'),
  };
}

/** The counts by status, responsible unit and region, each a figure in its slot. */
function drawCounts(
  ctx: Ctx,
  page: Page,
  rows: readonly CaseRow[],
  w: Words,
  level: RegionLevel | undefined,
) {
  const byRegion = regionGrouping(level);
  const counts = [
    [page.status, 'rb-by-status', t('byStatus'), countBy(rows, (c) => c.status, CASE_STATUS_ORDER), w.status],
    [
      page.unit,
      'rb-by-unit',
      t('byUnit'),
      countBy(rows, (c) => c.responsibleUnit ?? ''),
      (u: string) => (u === '' ? t('unassigned') : u),
    ],
    [page.region, 'rb-by-region', byRegion.title, countBy(rows, byRegion.key), (r: string) => r],
  ] as const;
  for (const [slot, name, title, n, label] of counts)
    slot.replaceChildren(countFigure(ctx, { name, title, counts: n, label }, slot));
}

type Page = ReturnType<typeof layout>;

export const renderRemediation: View = async (ctx, main, route, signal) => {
  if (route.id !== undefined) return renderCase(ctx, main, route.id, signal);
  const { api } = ctx;
  let filters = readFilters(route.params, FILTER_KEYS);
  const page = layout(main);
  const [vocabulary, everything] = await Promise.all([
    loadVocabulary(ctx),
    api.json<CasesAnswer>('/cases', { ruleSet: ctx.ruleSet }),
  ]);
  if (signal.aborted) return;
  const w = words(vocabulary);
  const regions = regionsOf(everything.rows);
  const levelOf = (region: string | undefined) => (region ? regions.get(region)?.level : undefined);

  const drawForm = () => {
    const change = (key: FilterKey, v: string) => {
      filters = withFilter(filters, key, v);
      replaceParams(route, { ...filters });
      void update();
    };
    page.form.replaceChildren(...filterForm('rb-filters', boardFields(everything.rows, w, filters, change)));
  };

  const update = async () => {
    drawForm();
    await fill(
      page.list,
      async () => {
        const answer = await api.json<CasesAnswer>('/cases', {
          ruleSet: ctx.ruleSet,
          status: filters.status,
          region: filters.region,
          unit: filters.unit,
          overdue: filters.overdue === '1' ? 'true' : undefined,
        });
        if (signal.aborted) return [];
        drawKpis(ctx, page.kpis, answer.rows);
        drawCounts(ctx, page, answer.rows, w, levelOf(filters.region));
        return caseList(ctx, answer.rows, w, filters.top === 'all' ? undefined : Number(filters.top ?? '50'));
      },
      signal,
    );
    if (!signal.aborted)
      await clearingSection(
        ctx,
        page.trend,
        { region: filters.region, level: regions.get(filters.region ?? '')?.level, unit: filters.unit },
        signal,
      );
  };
  await update();
};

function drawKpis(ctx: Ctx, box: HTMLElement, rows: readonly CaseRow[]): void {
  const { fmt } = ctx;
  const active = rows.filter((c) => c.status !== 'closed').length;
  const overdue = rows.filter((c) => c.overdue).length;
  const observing = rows.filter((c) => c.status === 'work_done').length;
  const closed = rows.filter((c) => c.status === 'closed').length;
  box.replaceChildren(
    kpi('cases-shown', t('casesShown'), fmt.int(rows.length), rows.length),
    kpi('cases-active', t('activeCases'), fmt.int(active), active),
    kpi('cases-overdue', t('overdue'), fmt.int(overdue), overdue),
    kpi('cases-observation', t('inObservation'), fmt.int(observing), observing),
    kpi('cases-closed', t('closedCases'), fmt.int(closed), closed),
  );
}

/** A bar per key with its count, the largest 12 drawn, every key in the table view. */
function countFigure(
  ctx: Ctx,
  o: { name: string; title: string; counts: [string, number][]; label: (key: string) => string },
  slot: HTMLElement,
): HTMLElement {
  const { fmt } = ctx;
  const { name, title, counts, label } = o;
  const drawn = counts.length > 12 ? [...counts].sort((a, b) => b[1] - a[1]).slice(0, 12) : counts;
  const width = Math.min(widthOf(slot, 360), 520);
  const svg = barChart(
    drawn.map(([k, n]) => ({ label: label(k), value: n })),
    {
      id: name,
      title,
      width,
      labelWidth: Math.min(150, Math.round(width * 0.42)),
      barHeight: 16,
      format: (n) => fmt.int(n),
    },
  );
  const table = dataTable({
    caption: title,
    columns: [
      { key: 'key', label: t('group'), value: (r: [string, number]) => label(r[0]), sortable: true },
      columnKit<[string, number]>(fmt).int('n', t('cases'), (r) => r[1]),
    ],
    rows: counts,
    name,
  });
  const desc =
    counts.length > drawn.length ? t('largestDrawn', { n: drawn.length, total: counts.length }) : undefined;
  return figure({ title, ...(desc ? { desc } : {}), chart: svgNode(svg), table, name, level: 'h2' });
}
