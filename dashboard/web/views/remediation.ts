// The remediation board for planners (整治工单): cases by status, responsible unit and region
// as bars with table views, the "clearing to zero" trend, and the list with overdue cases
// first. Filters (status, region, unit, overdue) go to GET /cases, so what is counted is what
// the API selected; they live in the URL. #/remediation/<caseId> opens one case.

import { barChart } from '../charts/index.js';
import type { Ctx } from '../context.js';
import { h, svgNode } from '../dom.js';
import { t } from '../i18n.js';
import { type Route, replaceParams } from '../router.js';
import { dataTable, figure } from '../table.js';
import { renderCase } from './case.js';
import { caseList } from './case-list.js';
import { clearingSection } from './clearing.js';
import { checkbox, fill, kpi, labelled, pageHeader, widthOf } from './common.js';
import {
  CASE_STATUS_ORDER,
  type CaseRow,
  type CasesAnswer,
  countBy,
  loadVocabulary,
  regionSelect,
  regionsOf,
  words,
} from './remediation-common.js';

const FILTER_KEYS = ['status', 'region', 'unit', 'overdue', 'top'] as const;
type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

export async function renderRemediation(
  ctx: Ctx,
  main: HTMLElement,
  route: Route,
  signal: AbortSignal,
): Promise<void> {
  if (route.id !== undefined) return renderCase(ctx, main, route.id, signal);
  const { api } = ctx;
  const filters: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = route.params.get(k);
    if (v) filters[k] = v;
  }
  const kpis = h('div', { class: 'kpis' });
  const form = h('form', { class: 'filters card', 'aria-labelledby': 'rb-filters' });
  const statusBox = h('div', { class: 'figure-slot' });
  const unitBox = h('div', { class: 'figure-slot' });
  const regionBox = h('div', { class: 'figure-slot' });
  const trendBox = h('div', { class: 'figure-slot' });
  const listBox = h('div', { class: 'figure-slot' });
  main.append(
    pageHeader(t('remediationTitle'), t('remediationIntro')),
    kpis,
    form,
    h('div', { class: 'grid3' }, statusBox, unitBox, regionBox),
    trendBox,
    listBox,
  );

  const [vocabulary, everything] = await Promise.all([
    loadVocabulary(ctx),
    api.json<CasesAnswer>('/cases', { ruleSet: ctx.ruleSet }),
  ]);
  if (signal.aborted) return;
  const w = words(vocabulary);
  const regions = regionsOf(everything.rows);
  const units = [
    ...new Set(everything.rows.map((c) => c.responsibleUnit).filter((u): u is string => !!u)),
  ].sort((a, b) => a.localeCompare(b, 'zh-CN'));

  const drawForm = () => {
    const all: [string, string] = ['', t('all')];
    const change = (key: keyof Filters) => (v: string) => {
      if (v) filters[key] = v;
      else delete filters[key];
      replaceParams(route, { ...filters });
      void update();
    };
    form.replaceChildren(
      h('h2', { id: 'rb-filters' }, t('filters')),
      h(
        'div',
        { class: 'fields' },
        labelled(
          'rb-status',
          t('caseStatus'),
          [
            all,
            ['active', t('activeCases')],
            ...CASE_STATUS_ORDER.map((s): [string, string] => [s, w.status(s)]),
          ],
          filters.status ?? '',
          change('status'),
        ),
        regionSelect('rb-region', everything.rows, filters.region ?? '', change('region')),
        labelled(
          'rb-unit',
          t('responsibleUnit'),
          [all, ...units.map((u): [string, string] => [u, u])],
          filters.unit ?? '',
          change('unit'),
        ),
        labelled(
          'rb-top',
          t('showRows'),
          ['50', '100', '500', 'all'].map((n): [string, string] => [n, n === 'all' ? t('all') : n]),
          filters.top ?? '50',
          change('top'),
        ),
        checkbox('rb-overdue', t('overdueOnly'), filters.overdue === '1', (v) =>
          change('overdue')(v ? '1' : ''),
        ),
      ),
    );
  };

  const update = async () => {
    drawForm();
    await fill(
      listBox,
      async () => {
        const answer = await api.json<CasesAnswer>('/cases', {
          ruleSet: ctx.ruleSet,
          status: filters.status,
          region: filters.region,
          unit: filters.unit,
          overdue: filters.overdue === '1' ? 'true' : undefined,
        });
        if (signal.aborted) return [];
        const rows = answer.rows;
        drawKpis(ctx, kpis, rows);
        const level = filters.region ? regions.get(filters.region)?.level : undefined;
        const regionKey = (c: CaseRow) =>
          (level === 'city' || level === 'county' ? c.county : level === 'province' ? c.city : c.city) ??
          t('none');
        statusBox.replaceChildren(
          countFigure(
            ctx,
            'rb-by-status',
            t('byStatus'),
            countBy(rows, (c) => c.status, CASE_STATUS_ORDER),
            statusBox,
            w.status,
          ),
        );
        unitBox.replaceChildren(
          countFigure(
            ctx,
            'rb-by-unit',
            t('byUnit'),
            countBy(rows, (c) => c.responsibleUnit ?? ''),
            unitBox,
            (u) => (u === '' ? t('unassigned') : u),
          ),
        );
        regionBox.replaceChildren(
          countFigure(
            ctx,
            'rb-by-region',
            level === 'city' || level === 'county' ? t('byCounty') : t('byCityCases'),
            countBy(rows, regionKey),
            regionBox,
            (r) => r,
          ),
        );
        return caseList(ctx, rows, w, filters.top === 'all' ? undefined : Number(filters.top ?? '50'));
      },
      signal,
    );
    if (!signal.aborted)
      await clearingSection(
        ctx,
        trendBox,
        { region: filters.region, level: regions.get(filters.region ?? '')?.level, unit: filters.unit },
        signal,
      );
  };
  await update();
}

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
  name: string,
  title: string,
  counts: [string, number][],
  slot: HTMLElement,
  label: (key: string) => string,
): HTMLElement {
  const { fmt } = ctx;
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
      {
        key: 'n',
        label: t('cases'),
        value: (r) => r[1],
        render: (r) => fmt.int(r[1]),
        numeric: true,
        sortable: true,
      },
    ],
    rows: counts,
    name,
  });
  const desc =
    counts.length > drawn.length ? t('largestDrawn', { n: drawn.length, total: counts.length }) : undefined;
  return figure({ title, ...(desc ? { desc } : {}), chart: svgNode(svg), table, name, level: 'h2' });
}
