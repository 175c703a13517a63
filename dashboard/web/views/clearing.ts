// "Dynamic clearing to zero" (动态清零) on the board: open, overdue, in-observation and closed
// cases at the end of each month, week or day (GET /remediation/clearing). The server groups by
// the board's region level and unit; the groups the filters name are summed per date. Dates
// are the server's local dates.

import {
  CLEARING_COUNTS,
  type ClearingCounts,
  type ClearingRow,
} from '../../../analytics/remediation/clearing-row.js';
import { type TrendPoint, type TrendSeries, trendLines } from '../charts/index.js';
import type { Ctx } from '../context.js';
import { h, svgNode } from '../dom.js';
import { type Key, t } from '../i18n.js';
import { dataTable } from '../table.js';
import { columnKit } from './columns.js';
import { figureSlot, fill, labelled, widthOf } from './common.js';
import type { RegionLevel } from './remediation-common.js';

export type { ClearingRow };

export interface ClearingAnswer {
  from: string;
  to: string;
  step: string;
  groupBy: string[];
  rows: ClearingRow[];
}

export interface ClearingScope {
  region?: string | undefined;
  level?: RegionLevel | undefined;
  unit?: string | undefined;
}

const COUNTS = CLEARING_COUNTS;
type Count = keyof ClearingCounts;
export type ClearingTotal = { date: string } & Record<Count, number>;

/** The rows of the groups in scope, summed per date in the server's order of dates. */
export function clearingTotals(rows: readonly ClearingRow[], scope: ClearingScope): ClearingTotal[] {
  const out = new Map<string, ClearingTotal>();
  for (const row of rows) {
    if (scope.region && scope.level && row[scope.level] !== scope.region) continue;
    if (scope.unit && row.unit !== scope.unit) continue;
    let total = out.get(row.date);
    if (!total) {
      total = { date: row.date, open: 0, overdue: 0, observation: 0, closed: 0, opened: 0, closedInStep: 0 };
      out.set(row.date, total);
    }
    for (const k of COUNTS) total[k] += row[k];
  }
  return [...out.values()];
}

const STEPS = ['month', 'week', 'day'] as const;
const LABELS: Record<Count, Key> = {
  open: 'clearingOpen',
  overdue: 'overdue',
  observation: 'inObservation',
  closed: 'closedCases',
  opened: 'openedInStep',
  closedInStep: 'closedInStep',
};

/** The trend's chart and its table view, for the totals of the step chosen. */
function clearingFigure(
  ctx: Ctx,
  totals: readonly ClearingTotal[],
  o: { title: string; desc: string; width: number },
): HTMLElement[] {
  const { fmt } = ctx;
  const series: TrendSeries[] = (['open', 'overdue', 'observation', 'closed'] as const).map((k) => ({
    key: k,
    label: t(LABELS[k]),
  }));
  const points: TrendPoint[] = totals.map(({ date, ...values }) => ({ date, values }));
  const svg = trendLines(points, {
    id: 'rb-clearing',
    title: o.title,
    desc: o.desc,
    width: o.width,
    series,
    dateLabel: (d) => fmt.date(d),
    pointTitle: (d, s, v) => `${fmt.date(d)} · ${s.label}: ${fmt.int(v)}`,
    format: (n) => fmt.int(n),
  });
  const c = columnKit<ClearingTotal>(fmt);
  const unsorted = { sortable: false };
  const table = dataTable({
    caption: o.title,
    columns: [
      c.date('date', t('pointDate'), (x) => x.date, unsorted),
      ...COUNTS.map((k) => c.int(k, t(LABELS[k]), (x) => x[k], unsorted)),
    ],
    rows: totals,
    name: 'rb-clearing',
  });
  return [
    h('div', { class: 'chart-box' }, svgNode(svg)),
    h('details', { class: 'table-view' }, h('summary', {}, t('showTable')), table),
  ];
}

export async function clearingSection(
  ctx: Ctx,
  box: HTMLElement,
  scope: ClearingScope,
  signal: AbortSignal,
): Promise<void> {
  const { api, fmt } = ctx;
  let step: (typeof STEPS)[number] = 'month';
  const chartBox = figureSlot();
  const steps = STEPS.map((s): [string, string] => [s, t(`step_${s}` as Key)]);
  const controls = h(
    'div',
    { class: 'fields inline' },
    labelled('rb-step', t('clearingStep'), steps, step, (v) => {
      step = v as typeof step;
      void draw();
    }),
  );
  const title = t('clearingTitle');
  const desc = h('p', { class: 'desc' });
  const section = h(
    'section',
    { class: 'card figure', 'data-name': 'rb-clearing' },
    h('h2', {}, title),
    desc,
  );
  section.append(controls, chartBox);
  box.replaceChildren(section);
  const groupBy = [scope.region && scope.level ? scope.level : 'province', ...(scope.unit ? ['unit'] : [])];
  const draw = () =>
    fill(
      chartBox,
      async () => {
        const answer = await api.json<ClearingAnswer>('/remediation/clearing', {
          ruleSet: ctx.ruleSet,
          step,
          groupBy: groupBy.join(','),
        });
        const totals = clearingTotals(answer.rows, scope);
        desc.textContent = t('clearingDesc', {
          from: fmt.dateTime(answer.from),
          to: fmt.dateTime(answer.to),
          step: t(`step_${step}` as Key),
        });
        const width = Math.max(300, Math.min(widthOf(box, 720), 1000));
        const content = clearingFigure(ctx, totals, { title, desc: desc.textContent, width });
        section.dataset['points'] = String(totals.length);
        return content;
      },
      signal,
    );
  await draw();
}
