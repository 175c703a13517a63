// Lists of remediation cases: the board's list (overdue first, then by due date) and an
// asset's own cases on its drill-down page (GET /cases?assetId).

import type { Ctx } from '../context.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { type Column, dataTable } from '../table.js';
import { assetColumns } from './common.js';
import {
  boardOrder,
  CASE_STATUS_ORDER,
  type CaseRow,
  type CasesAnswer,
  caseLink,
  caseStatusBadge,
  loadVocabulary,
  overdueBadge,
  type Words,
  words,
} from './remediation-common.js';

export function caseList(
  ctx: Ctx,
  rows: readonly CaseRow[],
  w: Words,
  limit: number | undefined,
): HTMLElement {
  const { fmt } = ctx;
  const ordered = boardOrder(rows);
  const columns: Column<CaseRow>[] = [
    {
      key: 'caseId',
      label: t('caseId'),
      value: (c) => c.caseId,
      render: (c) => caseLink(c.caseId),
      sortable: true,
    },
    ...assetColumns<CaseRow>((c) => ({ ...c, name: c.assetName })),
    {
      key: 'status',
      label: t('caseStatus'),
      value: (c) => CASE_STATUS_ORDER.indexOf(c.status as (typeof CASE_STATUS_ORDER)[number]),
      render: (c) => caseStatusBadge(c.status, w),
      sortable: true,
    },
    {
      key: 'overdue',
      label: t('overdue'),
      value: (c) => Number(c.overdue),
      render: (c) => overdueBadge(c.overdue),
      sortable: true,
    },
    {
      key: 'dueDate',
      label: t('dueDate'),
      value: (c) => c.dueDate,
      render: (c) => fmt.date(c.dueDate),
      sortable: true,
    },
    {
      key: 'openedDate',
      label: t('openedDate'),
      value: (c) => c.openedDate,
      render: (c) => fmt.date(c.openedDate),
      sortable: true,
    },
    { key: 'unit', label: t('responsibleUnit'), value: (c) => c.responsibleUnit, sortable: true },
    { key: 'breaches', label: t('breachCount'), value: (c) => c.breaches, numeric: true, sortable: true },
    {
      key: 'lastBreach',
      label: t('lastBreach'),
      value: (c) => c.lastBreachDate,
      render: (c) => fmt.date(c.lastBreachDate),
      sortable: true,
    },
  ];
  const shown = limit === undefined ? ordered.length : Math.min(limit, ordered.length);
  return h(
    'section',
    { class: 'card', 'data-name': 'case-list' },
    h('h2', {}, t('caseList')),
    dataTable({
      caption: t('caseListCaption', { n: shown, total: ordered.length }),
      columns,
      rows: ordered,
      ...(limit === undefined ? {} : { limit }),
      name: 'case-list',
      stack: true,
    }),
  );
}

/** The cases of one asset (all rule families, open and closed), for its drill-down page. */
export async function assetCasesCard(ctx: Ctx, assetId: string): Promise<HTMLElement> {
  const [vocabulary, answer] = await Promise.all([
    loadVocabulary(ctx),
    ctx.api.json<CasesAnswer>('/cases', { assetId, ruleSet: ctx.ruleSet }),
  ]);
  const w = words(vocabulary);
  const { fmt } = ctx;
  return h(
    'section',
    { class: 'card', 'data-name': 'asset-cases' },
    h('h2', {}, t('assetCases')),
    answer.rows.length === 0
      ? h('p', { class: 'note' }, t('assetNoCase'))
      : dataTable({
          caption: t('assetCasesCaption', { n: answer.rows.length }),
          columns: [
            {
              key: 'caseId',
              label: t('caseId'),
              value: (c: CaseRow) => c.caseId,
              render: (c) => caseLink(c.caseId),
            },
            {
              key: 'status',
              label: t('caseStatus'),
              value: (c) => c.status,
              render: (c) => caseStatusBadge(c.status, w),
            },
            {
              key: 'overdue',
              label: t('overdue'),
              value: (c) => Number(c.overdue),
              render: (c) => overdueBadge(c.overdue),
            },
            {
              key: 'opened',
              label: t('openedDate'),
              value: (c) => c.openedDate,
              render: (c) => fmt.date(c.openedDate),
            },
            { key: 'due', label: t('dueDate'), value: (c) => c.dueDate, render: (c) => fmt.date(c.dueDate) },
            { key: 'unit', label: t('responsibleUnit'), value: (c) => c.responsibleUnit },
          ],
          rows: answer.rows,
          name: 'asset-cases',
        }),
  );
}
