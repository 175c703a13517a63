// One remediation case (#/remediation/<caseId>): where it stands (status, due date, overdue,
// observation), the breaches that opened it, what planners recorded, and its full history of
// changes (GET /cases/:id/history). Planners get the form to take the next step; operators see
// the same page without it.

import type { CaseDetail, HistoryRow } from '../../../analytics/remediation/answers.js';
import type { BreachRecord, CaseFields, Verification } from '../../../analytics/remediation/case.js';
import type { Ctx } from '../context.js';
import { h } from '../dom.js';
import { kindLabel, lang, t } from '../i18n.js';
import { href } from '../router.js';
import { dataTable } from '../table.js';
import { caseForm } from './case-form.js';
import { fieldsCard, historyCard } from './case-record.js';
import { assetLink, card, failure, figureSlot, fill, kpi, kpiRow, pageHeader } from './common.js';
import {
  canEdit,
  caseStatusBadge,
  loadVocabulary,
  overdueBadge,
  type Words,
  words,
} from './remediation-common.js';

/** A breach as the case page shows it (the outages behind it are not read here). */
export type Breach = Omit<BreachRecord, 'eventIds'>;

export type { CaseDetail, CaseFields, HistoryRow as HistoryEntry, Verification };

export async function renderCase(
  ctx: Ctx,
  main: HTMLElement,
  id: string,
  signal: AbortSignal,
): Promise<void> {
  const { api } = ctx;
  const back = h('p', { class: 'back' }, h('a', { href: href('remediation') }, `← ${t('backToBoard')}`));
  const body = h('div', {});
  main.append(back, body);
  const [vocabulary, sets] = await Promise.all([loadVocabulary(ctx), ctx.ruleSets()]);
  let detail: CaseDetail;
  try {
    detail = await api.json<CaseDetail>(`/cases/${encodeURIComponent(id)}`, {}, { fresh: true });
  } catch (err) {
    body.append(pageHeader(t('caseTitle', { id })), failure(err));
    return;
  }
  if (signal.aborted) return;
  const w = words(vocabulary);
  const ruleTitle = (rule: string) =>
    sets.flatMap((s) => s.rules).find((r) => r.id === rule)?.title[lang()] ?? rule;

  const draw = (d: CaseDetail, saved = false) => {
    const historyBox = figureSlot();
    body.replaceChildren(
      pageHeader(t('caseTitle', { id: d.caseId })),
      saved
        ? h(
            'p',
            { id: 'case-saved', class: 'saved', role: 'status', tabindex: -1 },
            t('caseSaved', { seq: d.seq, status: w.status(d.status) }),
          )
        : '',
      h(
        'p',
        { class: 'case-asset' },
        assetLink(d.assetId, d.asset.name),
        ` · ${kindLabel(d.asset.kind)} · ${[d.asset.city, d.asset.county].filter(Boolean).join(' ')}`,
      ),
      standing(ctx, d, w),
      h('div', { class: 'grid2' }, breachesCard(ctx, d, ruleTitle), fieldsCard(ctx, d, w)),
      canEdit(ctx.me)
        ? caseForm(
            ctx,
            d,
            vocabulary,
            (next) => {
              api.invalidate('/cases', '/remediation/clearing', '/priorities');
              draw(next, true);
              document.getElementById('case-saved')?.focus();
            },
            ruleTitle,
          )
        : h('p', { class: 'note', 'data-name': 'read-only' }, t('readOnlyCase')),
      historyBox,
    );
    void fill(historyBox, () => historyCard(ctx, d.caseId, w), signal);
  };
  draw(detail);
}

function standing(ctx: Ctx, d: CaseDetail, w: Words): HTMLElement {
  const { fmt } = ctx;
  const status = kpi('case-status', t('caseStatus'), '', d.status);
  status.querySelector('.kpi-value')?.append(caseStatusBadge(d.status, w));
  const overdue = kpi('case-overdue', t('overdue'), '', String(d.overdue));
  overdue.querySelector('.kpi-value')?.append(overdueBadge(d.overdue));
  const observation = d.observation
    ? kpi(
        'case-observation',
        t('observationUntil'),
        fmt.date(d.observation.until),
        d.observation.until,
        t('closableFrom', { date: fmt.date(d.observation.closableFrom) }),
      )
    : null;
  return kpiRow(
    status,
    kpi('case-due', t('dueDate'), fmt.date(d.dueDate), d.dueDate),
    overdue,
    kpi('case-opened', t('openedDate'), fmt.date(d.openedDate), d.openedDate),
    observation,
    kpi(
      'case-updated',
      t('lastChange'),
      fmt.dateTime(d.updatedAt),
      d.seq,
      t('changeBy', { seq: d.seq, actor: d.updatedBy }),
    ),
  );
}

function breachesCard(ctx: Ctx, d: CaseDetail, ruleTitle: (rule: string) => string): HTMLElement {
  const { fmt } = ctx;
  return card(
    'case-breaches',
    t('caseBreaches'),
    dataTable({
      caption: t('caseBreachesCaption', { n: d.breaches.length, reopened: d.reopenCount }),
      columns: [
        { key: 'rule', label: t('rule'), value: (b: Breach) => ruleTitle(b.rule), wrap: true },
        {
          key: 'date',
          label: t('breachDate'),
          value: (b) => b.breachDate,
          render: (b) => fmt.date(b.breachDate),
        },
        { key: 'count', label: t('countLimit'), value: (b) => `${b.count} / ${b.limit}` },
        {
          key: 'window',
          label: t('window'),
          value: (b) => `${fmt.date(b.windowStart)} – ${fmt.date(b.windowEnd)}`,
        },
      ],
      rows: d.breaches,
      name: 'case-breaches',
      stack: true,
    }),
  );
}
