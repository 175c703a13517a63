// Lists of remediation cases: the board's list (overdue first, then by due date) and an
// asset's own cases on its drill-down page (GET /cases?assetId).

import type { Ctx } from '../context.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { type Column, dataTable } from '../table.js';
import { assetColumns, card } from './common.js';
import { caseIdColumn, overdueColumn, statusColumn } from './case-columns.js';
import { columnKit } from './columns.js';
import {
  boardOrder,
  type CaseRow,
  type CasesAnswer,
  loadVocabulary,
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
  const c = columnKit<CaseRow>(fmt);
  const columns: Column<CaseRow>[] = [
    caseIdColumn((r) => r.caseId),
    ...assetColumns<CaseRow>((r) => ({ ...r, name: r.assetName })),
    statusColumn((r) => r.status, w, { byProgress: true }),
    overdueColumn((r) => r.overdue),
    c.date('dueDate', t('dueDate'), (r) => r.dueDate),
    c.date('openedDate', t('openedDate'), (r) => r.openedDate),
    { key: 'unit', label: t('responsibleUnit'), value: (r) => r.responsibleUnit, sortable: true },
    c.count('breaches', t('breachCount'), (r) => r.breaches),
    c.date('lastBreach', t('lastBreach'), (r) => r.lastBreachDate),
  ];
  const shown = limit === undefined ? ordered.length : Math.min(limit, ordered.length);
  return card(
    'case-list',
    t('caseList'),
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
  const c = columnKit<CaseRow>(ctx.fmt);
  const unsorted = { sortable: false };
  const columns: Column<CaseRow>[] = [
    caseIdColumn((r) => r.caseId, false),
    statusColumn((r) => r.status, w, unsorted),
    overdueColumn((r) => r.overdue, false),
    c.date('opened', t('openedDate'), (r) => r.openedDate, unsorted),
    c.date('due', t('dueDate'), (r) => r.dueDate, unsorted),
    { key: 'unit', label: t('responsibleUnit'), value: (r) => r.responsibleUnit },
  ];
  return card(
    'asset-cases',
    t('assetCases'),
    answer.rows.length === 0
      ? h('p', { class: 'note' }, t('assetNoCase'))
      : dataTable({
          caption: t('assetCasesCaption', { n: answer.rows.length }),
          columns,
          rows: answer.rows,
          name: 'asset-cases',
        }),
  );
}
