// The monthly frequent-outage ledger (台账): pick a frozen month (GET /ledger), see its rows as
// frozen (GET /ledger/:period) with the filing deadline, when it was frozen and as of when its
// flags and cases were taken, and download it as CSV or XLSX with Chinese or English headers.
// A month is frozen in the night after it ends; the month under way is named with its dates.

import type { LedgerRow } from '../../../analytics/remediation/ledger.js';
import type { Ctx, View } from '../context.js';
import { h } from '../dom.js';
import { lang, t } from '../i18n.js';
import { replaceParams } from '../router.js';
import { type Column, dataTable } from '../table.js';
import { exportButtons } from './exports.js';
import { tr } from '../i18n-reports.js';
import { overdueColumn, statusColumn } from './case-columns.js';
import { columnKit } from './columns.js';
import { assetColumns, card, figureSlot, fill, filterPanel, kpi, labelled, pageHeader } from './common.js';
import { caseLink, countBy, loadVocabulary, type Words, words } from './remediation-common.js';

export interface LedgerRun {
  period: string;
  ruleSet: string;
  filingDue: string;
  rows: number;
  frozenAt: string;
  trigger: string;
  asOf: string;
  casesAsOf: string;
}

export interface LedgerList {
  ruleSet: string;
  next: { period: string; freezesAfter: string; filingDue: string };
  rows: LedgerRun[];
}

export type { LedgerRow };

export interface LedgerDocument extends Omit<LedgerRun, 'rows'> {
  meta: { ruleTitles: Record<string, { zh: string; en: string }> };
  rows: LedgerRow[];
}

export const renderLedger: View = async (ctx, main, route, signal) => {
  const { api, fmt } = ctx;
  const picker = filterPanel('lg-pick');
  const docBox = figureSlot();
  main.append(pageHeader(t('ledgerTitle'), t('ledgerIntro')), picker, docBox);
  const [list, vocabulary] = await Promise.all([
    api.json<LedgerList>('/ledger', { ruleSet: ctx.ruleSet }, { fresh: true }),
    loadVocabulary(ctx),
  ]);
  if (signal.aborted) return;
  const w = words(vocabulary);
  const runs = [...list.rows].sort((a, b) => b.period.localeCompare(a.period));
  const nextNote = h(
    'p',
    { class: 'note', 'data-name': 'ledger-next' },
    t('ledgerNext', {
      period: list.next.period,
      freezes: fmt.dateTime(list.next.freezesAfter),
      due: fmt.date(list.next.filingDue),
    }),
  );
  const reportsBox = figureSlot();
  main.append(reportsBox);
  fill(reportsBox, async () => authorityReports(ctx, route.params.get('ruleSet') ?? ctx.ruleSet), signal);
  let period = route.params.get('period') ?? runs[0]?.period ?? '';
  if (!runs.some((r) => r.period === period)) period = runs[0]?.period ?? '';
  let top = route.params.get('top') ?? '100';
  const draw = () =>
    fill(
      docBox,
      async () => {
        replaceParams(route, { period, top: top === '100' ? undefined : top });
        const doc = await api.json<LedgerDocument>(`/ledger/${period}`, { ruleSet: ctx.ruleSet });
        return ledgerDocument(ctx, doc, w, top === 'all' ? undefined : Number(top) || 100);
      },
      signal,
    );
  picker.replaceChildren(
    h('h2', { id: 'lg-pick' }, t('ledgerPick')),
    runs.length > 0
      ? h(
          'div',
          { class: 'fields' },
          labelled(
            'lg-period',
            t('ledgerMonth'),
            runs.map((r): [string, string] => [
              r.period,
              t('ledgerMonthOption', { period: r.period, n: r.rows }),
            ]),
            period,
            (v) => {
              period = v;
              void draw();
            },
          ),
          labelled(
            'lg-top',
            t('showRows'),
            ['100', '500', 'all'].map((n): [string, string] => [n, n === 'all' ? t('all') : n]),
            top,
            (v) => {
              top = v;
              void draw();
            },
          ),
        )
      : h('p', { 'data-name': 'ledger-none' }, t('ledgerNone')),
    nextNote,
  );
  if (runs.length > 0) await draw();
};

function ledgerDocument(ctx: Ctx, doc: LedgerDocument, w: Words, limit: number | undefined): HTMLElement[] {
  const { fmt } = ctx;
  const rows = doc.rows;
  const feeders = rows.filter((r) => r.kind === 'feeder').length;
  const overdue = rows.filter((r) => r.overdue).length;
  const byStatus = countBy(rows, (r) => r.status);
  const ruleTitle = (id: string) => doc.meta.ruleTitles[id]?.[lang()] ?? id;
  const c = columnKit<LedgerRow>(fmt);
  const kpis = h(
    'div',
    { class: 'kpis', 'data-name': 'ledger-kpis' },
    kpi('ledger-count', t('ledgerRows'), fmt.int(rows.length), rows.length),
    kpi('ledger-feeders', t('feeders'), fmt.int(feeders), feeders),
    kpi('ledger-areas', t('areas'), fmt.int(rows.length - feeders), rows.length - feeders),
    kpi('ledger-overdue', t('overdue'), fmt.int(overdue), overdue),
    kpi('ledger-due', t('filingDue'), fmt.date(doc.filingDue), doc.filingDue),
    kpi('ledger-frozen', t('frozenAt'), fmt.dateTime(doc.frozenAt), doc.frozenAt),
  );
  const about = h(
    'p',
    { class: 'note' },
    t('ledgerAbout', {
      period: doc.period,
      flags: fmt.dateTime(doc.asOf),
      cases: fmt.dateTime(doc.casesAsOf),
      statuses: byStatus.map(([s, n]) => `${w.status(s)} ${fmt.int(n)}`).join(t('listSep')),
    }),
  );
  const columns: Column<LedgerRow>[] = [
    ...assetColumns<LedgerRow>((r) => ({ ...r, name: r.assetName })),
    { key: 'rules', label: t('rule'), value: (r) => r.rules.map(ruleTitle).join(t('listSep')), wrap: true },
    c.date('breachDate', t('breachDate'), (r) => r.breachDate),
    c.count('counted', t('outagesCounted'), (r) => r.outagesCounted),
    c.count('excluded', t('outagesExcluded'), (r) => r.outagesExcluded),
    c.num('saifi', t('saifi'), (r) => r.saifi, 2),
    c.num('saidi', t('saidi'), (r) => r.saidi, 2),
    c.count('months', t('monthsOnLedger'), (r) => r.monthsOnLedger),
    {
      key: 'case',
      label: t('caseId'),
      value: (r) => r.caseId,
      render: (r) => (r.caseId ? caseLink(r.caseId) : t('none')),
    },
    statusColumn((r) => r.status, w),
    overdueColumn((r) => r.overdue),
    { key: 'unit', label: t('responsibleUnit'), value: (r) => r.responsibleUnit, sortable: true },
    c.date('due', t('dueDate'), (r) => r.dueDate),
  ];
  const title = t('ledgerOf', { period: doc.period });
  const card = h(
    'section',
    { class: 'card', 'data-name': 'ledger', 'data-period': doc.period },
    h('h2', {}, title),
    exportButtons(
      ctx,
      { path: `/ledger/${doc.period}`, params: { ruleSet: doc.ruleSet }, name: `ledger-${doc.period}` },
      t('exports'),
    ),
    dataTable({
      caption: t('ledgerCaption', {
        period: doc.period,
        n: limit === undefined ? rows.length : Math.min(limit, rows.length),
        total: rows.length,
      }),
      columns,
      rows,
      ...(limit === undefined ? {} : { limit }),
      sort: { key: 'saidi', dir: 'descending' },
      name: 'ledger-rows',
      stack: true,
    }),
  );
  return [kpis, about, card];
}

interface ReportRunRow {
  report: 'ranking' | 'half-year-summary' | 'annual-summary' | 'arrears-notice';
  period: string;
  filingDue: string | null;
  rows: number;
}
interface ReportList {
  ruleSet: string;
  reports: Record<string, { next: { period: string; freezesAt: string; filingDue: string | null } | null }>;
  rows: ReportRunRow[];
}

/** The frozen authority reports of the rule set (GET /reports), each with its downloads. */
async function authorityReports(ctx: Ctx, ruleSet: string | undefined): Promise<HTMLElement> {
  const list = await ctx.api.json<ReportList>('/reports', ruleSet ? { ruleSet } : {}, { fresh: true });
  const params = ruleSet ? { ruleSet } : {};
  const kinds = Object.keys(list.reports) as ReportRunRow['report'][];
  const reports = card(
    'authority-reports',
    tr('reportsTitle'),
    h('p', { class: 'note' }, kinds.length === 0 ? tr('reportsNone') : tr('reportsIntro')),
  );
  for (const kind of kinds) {
    const next = list.reports[kind]?.next;
    reports.append(
      h('h3', {}, tr(kind)),
      ...(next
        ? [
            h(
              'p',
              { class: 'note', 'data-name': `report-next-${kind}` },
              tr('reportsNext', {
                period: next.period,
                freezes: ctx.fmt.dateTime(next.freezesAt),
                due: next.filingDue ? tr('reportsDue', { due: ctx.fmt.date(next.filingDue) }) : '',
              }),
            ),
          ]
        : []),
    );
    const runs = list.rows.filter((r) => r.report === kind).sort((a, b) => b.period.localeCompare(a.period));
    for (const run of runs.slice(0, 6))
      reports.append(
        h(
          'div',
          { class: 'report-run', 'data-report': kind, 'data-period': run.period },
          h(
            'p',
            {},
            tr('reportsFrozen', {
              name: tr(kind),
              period: run.period,
              rows: run.rows,
              due: run.filingDue ? ctx.fmt.date(run.filingDue) : tr('reportsRowDeadlines'),
            }),
          ),
          exportButtons(
            ctx,
            { path: `/reports/${kind}/${run.period}`, params, name: `${kind}-${run.period}` },
            tr(kind),
          ),
        ),
      );
  }
  return reports;
}
