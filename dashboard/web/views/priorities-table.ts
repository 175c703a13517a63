// The work list's table and the weights it was scored with. Each row shows its score as a bar
// of the parts' points and, on request, every part with its weight, value, points and the
// API's own account of the arithmetic (the "basis"), worded in the UI's language from its code.
// The columns a planner acts on come first (asset, rule status with its breach date, case
// number), so they stay in sight on a 1440 px screen; the figures say what they count.

import { scoreBar } from '../charts/index.js';
import type { Ctx } from '../context.js';
import { h, svgNode } from '../dom.js';
import type { BasisCode } from '../../../analytics/priorities/basis-codes.js';
import { BASIS_CODES, basisText } from '../explain.js';
import { type Key, kindLabel, known, t } from '../i18n.js';
import { type Column, dataTable } from '../table.js';
import { columnKit } from './columns.js';
import { assetLink, card } from './common.js';
import { caseLink, overdueBadge } from './remediation-common.js';

export interface ScoredPart {
  part: string;
  weight: number;
  value: number;
  points: number;
  /** in English; basisCode and basisParams say the same as data */
  basis: string;
  basisCode?: string;
  basisParams?: Record<string, unknown>;
}

export interface PriorityRow {
  rank: number;
  assetId: string;
  name: string | null;
  kind: string;
  city: string | null;
  county: string | null;
  score: number;
  status: 'breach' | 'at_risk' | 'watch' | null;
  rule: string | null;
  /** the breach of the rule named, when in breach */
  breachDate?: string | null;
  count: number | null;
  limit: number | null;
  /** Σ customers of each sustained interruption recorded on the asset in the period: 户次 */
  customersAffected: number;
  customerHours: number;
  region: string | null;
  caseId: string | null;
  caseStatus: string | null;
  overdue: boolean | null;
  responsibleUnit: string | null;
  parts: ScoredPart[];
}

export interface PrioritiesAnswer {
  ruleSet: string;
  asOf: string;
  period: { from: string; to: string };
  weights: {
    source: string;
    weights: Record<string, number>;
    region: string;
    remediableCauses: string[];
  };
  ranked: number;
  includesOngoing: boolean;
  rows: PriorityRow[];
}

/** A part's name in words; a part the dashboard does not know keeps its code. */
export const partLabel = (part: string): string => {
  const key = `part_${part}`;
  return known(key) ? t(key) : part;
};

export function weightsCard(ctx: Ctx, a: PrioritiesAnswer): HTMLElement {
  const { fmt } = ctx;
  const total = Object.values(a.weights.weights).reduce((s, w) => s + w, 0);
  const items = Object.entries(a.weights.weights).map(([part, w]) =>
    h(
      'li',
      { 'data-part': part, 'data-weight': w },
      h('span', { class: 'part-name' }, partLabel(part)),
      ' ',
      h('span', { class: 'part-weight' }, fmt.num(w, w % 1 === 0 ? 0 : 2)),
    ),
  );
  return card(
    'weights',
    t('weightsTitle'),
    h(
      'p',
      { class: 'desc' },
      t('weightsDesc', {
        source: a.weights.source,
        total: fmt.num(total, total % 1 === 0 ? 0 : 2),
        region: t(`level_${a.weights.region}` as Key),
        from: fmt.dateTime(a.period.from),
        to: fmt.dateTime(a.period.to),
      }),
    ),
    h('ul', { class: 'weights' }, items),
    a.includesOngoing ? h('p', { class: 'note' }, t('ongoingIncluded')) : null,
  );
}

const STANDING_SHAPES: Record<string, string> = { breach: '▲', at_risk: '■', watch: '◆' };

function standingBadge(status: PriorityRow['status'], breachDate: string | undefined): HTMLElement | string {
  if (!status) return t('none');
  const word =
    status === 'watch'
      ? t('watch')
      : status === 'breach'
        ? breachDate !== undefined
          ? t('figBreachDated', { date: breachDate })
          : t('breach')
        : t('atRisk');
  return h(
    'span',
    { class: `status ${status}`, 'data-status': status },
    h('span', { class: 'shape', 'aria-hidden': 'true' }, STANDING_SHAPES[status] ?? ''),
    ` ${word}`,
  );
}

function breakdown(ctx: Ctx, r: PriorityRow, ruleTitle: (rule: string) => string): HTMLElement {
  const { fmt } = ctx;
  const order = r.parts.map((p) => p.part);
  const svg = scoreBar(r.parts, {
    id: `pr-score-${r.rank}`,
    title: t('scoreOf', { name: r.name ?? r.assetId, score: fmt.num(r.score, 2) }),
    width: 140,
    order,
    partTitle: (p) => `${partLabel(p.part)}: ${fmt.num(p.points, 2)}`,
  });
  const rows = r.parts.map((p) =>
    h(
      'tr',
      { 'data-part': p.part },
      h('th', { scope: 'row' }, partLabel(p.part)),
      h('td', { class: 'num' }, fmt.num(p.weight, p.weight % 1 === 0 ? 0 : 2)),
      h('td', { class: 'num part-value' }, fmt.num(p.value, 4)),
      h('td', { class: 'num', 'data-points': p.points }, fmt.num(p.points, 2)),
      h(
        'td',
        {
          class: 'basis',
          'data-code': p.basisCode ?? null,
          // a code this bundle cannot word shows the API's English text
          lang: p.basisCode && BASIS_CODES.includes(p.basisCode as BasisCode) ? null : 'en',
        },
        basisText(p, fmt, { rule: ruleTitle }),
      ),
    ),
  );
  return h(
    'div',
    { class: 'score-cell' },
    h('span', { class: 'score', 'data-score': r.score }, fmt.num(r.score, 2)),
    svgNode(svg),
    h(
      'details',
      { class: 'parts' },
      h('summary', {}, t('scoreBreakdown')),
      h(
        'table',
        { class: 'data parts-table' },
        h('caption', { class: 'sr-only' }, t('scoreBreakdownOf', { name: r.name ?? r.assetId })),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            [t('part'), t('weight'), t('partValue'), t('points'), t('basis')].map((x, i) =>
              h('th', { scope: 'col', class: i === 2 ? 'num part-value' : i > 0 && i < 4 ? 'num' : null }, x),
            ),
          ),
        ),
        h('tbody', {}, rows),
      ),
    ),
  );
}

/** A box per row that adds the asset to the selection (what it buys) or takes it out. */
function selectColumn(selected: Set<string>, onSelect: () => void): Column<PriorityRow> {
  return {
    key: 'select',
    label: t('select'),
    value: () => null,
    render: (r) => {
      const box = h('input', {
        type: 'checkbox',
        value: r.assetId,
        checked: selected.has(r.assetId),
        'data-select': r.assetId,
        'aria-label': t('selectAsset', { name: r.name ?? r.assetId }),
      });
      box.addEventListener('change', () => {
        if (box.checked) selected.add(r.assetId);
        else selected.delete(r.assetId);
        onSelect();
      });
      return box;
    },
  };
}

/** The asset linked by name, with its type and region beneath. */
const assetColumn = (): Column<PriorityRow> => ({
  key: 'asset',
  label: t('asset'),
  value: (r) => r.name ?? r.assetId,
  render: (r) =>
    h(
      'span',
      {},
      assetLink(r.assetId, r.name),
      h(
        'span',
        { class: 'asset-where' },
        t('figAssetWhere', { kind: kindLabel(r.kind), region: [r.city, r.county].filter(Boolean).join(' ') }),
      ),
    ),
  sortable: true,
  wrap: true,
});

/** The rule status (a breach with its date) and what the rule counted against its limit. */
function standingColumn(ctx: Ctx, ruleTitle: (rule: string) => string): Column<PriorityRow> {
  const { fmt } = ctx;
  const counted = (r: PriorityRow, rule: string) =>
    h(
      'span',
      { class: 'flag-rules' },
      t('figRuleCounted', {
        rule: ruleTitle(rule),
        count: r.count === null ? '' : fmt.int(r.count),
        limit: r.limit === null ? '' : fmt.int(r.limit),
      }),
    );
  return {
    key: 'status',
    label: t('flagStatus'),
    value: (r) => r.status,
    render: (r) =>
      h(
        'span',
        { class: 'status-cell' },
        standingBadge(r.status, r.breachDate ? fmt.date(r.breachDate) : undefined),
        r.rule ? counted(r, r.rule) : null,
      ),
    wrap: true,
    lead: true,
  };
}

export function workListTable(
  ctx: Ctx,
  a: PrioritiesAnswer,
  selected: Set<string>,
  onSelect: () => void,
  ruleTitle: (rule: string) => string,
): HTMLElement {
  const c = columnKit<PriorityRow>(ctx.fmt);
  const columns: Column<PriorityRow>[] = [
    c.count('rank', t('rank'), (r) => r.rank),
    selectColumn(selected, onSelect),
    assetColumn(),
    standingColumn(ctx, ruleTitle),
    {
      key: 'case',
      label: t('caseId'),
      value: (r) => r.caseId,
      render: (r) =>
        r.caseId
          ? h('span', { class: 'status-cell' }, caseLink(r.caseId), r.overdue ? overdueBadge(true) : null)
          : t('none'),
      sortable: true,
    },
    {
      key: 'score',
      label: t('score'),
      value: (r) => r.score,
      render: (r) => breakdown(ctx, r, ruleTitle),
      sortable: true,
    },
    c.int('customersAffected', t('figCustomerInterruptions'), (r) => r.customersAffected),
    c.num('customerHours', t('figCustomerHours'), (r) => r.customerHours, 0),
    { key: 'unit', label: t('responsibleUnit'), value: (r) => r.responsibleUnit, sortable: true, wrap: true },
  ];
  return dataTable({
    caption: t('workListCaption', { n: a.rows.length, ranked: a.ranked }),
    columns,
    rows: a.rows,
    name: 'work-list',
    stack: true,
  });
}
