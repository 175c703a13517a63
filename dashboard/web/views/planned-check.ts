// The planner's check of a proposed planned outage (先算后停): asset, start, duration and cause
// in, POST /planned-outages/check, and the answer: which feeders and areas it would push into
// breach or to the limit under each active rule set, and the share of each reliability target
// the outage alone would use. The form checks what a person mistypes most (empty asset, a start
// not written YYYY-MM-DD HH:mm, a duration that is not whole minutes) in the UI's language; the
// API's own refusals are shown beside the fields they name.

import type {
  PlannedCheckAnswer as PlannedCheck,
  TargetImpact,
} from '../../../analytics/flags/planned-check.js';
import type { ProposedOutcome } from '../../../analytics/rules/what-if.js';
import { ApiError } from '../api.js';
import type { Ctx, View } from '../context.js';
import { h } from '../dom.js';
import { causeLabel, lang, reasonLabel, t } from '../i18n.js';
import { dataTable } from '../table.js';
import { assetLink, kpi, kpiRow, pageHeader, statusBadge } from './common.js';
import { type PlannedIssue, plannedRequest } from './planned-check-request.js';

type Outcome = ProposedOutcome;
type Effect = PlannedCheck['effects'][number];
type Target = TargetImpact;
export type { PlannedCheck };

const CAUSES = ['planned_maintenance', 'planned_construction', 'mode_adjustment', 'arrears'] as const;

interface Field {
  input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  error: HTMLElement;
  wrap: HTMLElement;
}

function field(
  id: string,
  label: string,
  input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
  hint?: string,
): Field {
  const error = h('p', { class: 'field-error', id: `${id}-error` });
  const hintEl = hint ? h('p', { class: 'field-hint', id: `${id}-hint` }, hint) : null;
  input.id = id;
  input.name = id;
  input.setAttribute('aria-describedby', hintEl ? `${id}-hint ${id}-error` : `${id}-error`);
  const wrap = h('div', { class: 'field' }, h('label', { for: id }, label), input, hintEl, error);
  return { input, error, wrap };
}

const outcomeBadge = (e: Effect): HTMLElement => {
  if (e.outcome === 'none') return h('span', { class: 'status fine', 'data-status': 'none' }, t('pcNone'));
  const badge = statusBadge(e.outcome);
  badge.lastChild!.textContent = ` ${t(e.outcome === 'breach' ? 'pcBreach' : 'pcAtRisk')}`;
  return badge;
};

function effectsTable(ctx: Ctx, check: PlannedCheck): HTMLElement {
  const l = lang();
  return dataTable<Effect>({
    name: 'planned-effects',
    caption: t('pcEffectsCaption', { n: check.effects.length }),
    stack: true,
    rows: check.effects,
    columns: [
      {
        key: 'asset',
        label: t('pcAsset'),
        value: (e) => e.name ?? e.assetId,
        render: (e) => assetLink(e.assetId, e.name),
      },
      { key: 'ruleSet', label: t('pcRuleSet'), value: (e) => e.ruleSet },
      { key: 'rule', label: t('pcRule'), value: (e) => e.title[l], wrap: true },
      {
        key: 'count',
        label: t('pcCount'),
        value: (e) => e.after.count,
        numeric: true,
        render: (e) =>
          `${ctx.fmt.int(e.before.count)} → ${ctx.fmt.int(e.after.count)} / ${ctx.fmt.int(e.limit)}`,
      },
      {
        key: 'window',
        label: t('pcWindow'),
        value: (e) => e.windowStart,
        render: (e) => `${ctx.fmt.date(e.windowStart)} – ${ctx.fmt.date(e.windowEnd)}`,
      },
      { key: 'outcome', label: t('pcOutcome'), value: (e) => e.outcome, render: outcomeBadge },
      {
        key: 'note',
        label: t('pcNote'),
        wrap: true,
        value: (e) => e.breachDates.join(' '),
        render: (e) =>
          e.notCounted !== null
            ? reasonLabel(e.notCounted)
            : e.breachDates.length > 0
              ? t('pcBreachOn', { dates: e.breachDates.map((d) => ctx.fmt.date(d)).join('、') })
              : e.before.status === 'breach'
                ? t('pcAlreadyBreached')
                : '',
      },
    ],
  });
}

function targetsTable(ctx: Ctx, check: PlannedCheck): HTMLElement {
  const l = lang();
  const unit = (m: Target['measure']) => t(m === 'saidi_hours' ? 'pcHours' : 'pcTimes');
  return dataTable<Target>({
    name: 'planned-targets',
    caption: t('pcTargetsCaption'),
    stack: true,
    rows: check.targets,
    columns: [
      { key: 'ruleSet', label: t('pcRuleSet'), value: (r) => r.ruleSet },
      { key: 'rule', label: t('pcTarget'), value: (r) => r.title[l], wrap: true },
      { key: 'group', label: t('pcGroup'), value: (r) => r.group ?? t('pcAll') },
      {
        key: 'interrupted',
        label: t('pcInterrupted'),
        numeric: true,
        value: (r) => r.interrupted,
        render: (r) => `${ctx.fmt.int(r.interrupted)} / ${ctx.fmt.int(r.users)}`,
      },
      {
        key: 'increase',
        label: t('pcIncrease'),
        numeric: true,
        value: (r) => r.increase,
        render: (r) => `${ctx.fmt.dec(r.increase, 4)} ${unit(r.measure)}`,
      },
      {
        key: 'target',
        label: t('pcTargetValue'),
        numeric: true,
        value: (r) => r.target,
        render: (r) => (r.target === null ? '—' : `${ctx.fmt.dec(r.target)} ${unit(r.measure)}`),
      },
      {
        key: 'share',
        label: t('pcShare'),
        numeric: true,
        value: (r) => r.shareOfTarget,
        render: (r) => ctx.fmt.pct(r.shareOfTarget, 1),
      },
    ],
  });
}

function answer(ctx: Ctx, check: PlannedCheck): HTMLElement {
  const assetsBy = (o: Outcome) =>
    new Set(check.effects.filter((e) => e.outcome === o).map((e) => e.assetId));
  const breach = assetsBy('breach');
  const atRisk = [...assetsBy('at_risk')].filter((id) => !breach.has(id));
  return h(
    'section',
    { class: 'card planned-answer', 'aria-labelledby': 'pc-answer' },
    h('h2', { id: 'pc-answer' }, t('pcAnswer', { asset: check.name ?? check.assetId })),
    h('p', {}, t('pcPeriod', { start: ctx.fmt.dateTime(check.start), end: ctx.fmt.dateTime(check.end) })),
    kpiRow(
      kpi('areas', t('pcAreas'), ctx.fmt.int(check.areas), check.areas),
      kpi('customers', t('pcCustomers'), ctx.fmt.int(check.customersAffected), check.customersAffected),
      kpi('breach', t('pcAssetsBreach'), ctx.fmt.int(breach.size), breach.size),
      kpi('atRisk', t('pcAssetsAtRisk'), ctx.fmt.int(atRisk.length), atRisk.length),
    ),
    h(
      'p',
      { class: breach.size > 0 ? 'verdict bad' : 'verdict', role: 'status' },
      breach.size > 0 ? t('pcVerdictBreach', { n: breach.size }) : t('pcVerdictOk'),
    ),
    check.effects.length > 0 ? effectsTable(ctx, check) : h('p', {}, t('pcNoRules')),
    check.targets.length > 0 ? targetsTable(ctx, check) : null,
  );
}

/** The form's fields, by the path the API names them with. */
function plannedFields(ctx: Ctx, asset: string): Record<string, Field> {
  const input = (attrs: Record<string, string | number>) => h('input', attrs);
  return {
    assetId: field(
      'pc-asset',
      t('pcAssetLabel'),
      input({ type: 'text', value: asset, autocomplete: 'off', spellcheck: 'false' }),
    ),
    start: field(
      'pc-start',
      t('pcStartLabel'),
      input({ type: 'text', inputmode: 'numeric', placeholder: 'YYYY-MM-DD HH:mm', size: 17 }),
      t('pcStartHint', { zone: ctx.me.zone }),
    ),
    durationMinutes: field(
      'pc-duration',
      t('pcDurationLabel'),
      input({ type: 'number', min: 1, max: 10080, step: 1, value: 240 }),
    ),
    customersAffected: field(
      'pc-customers',
      t('pcCustomersLabel'),
      input({ type: 'number', min: 0, step: 1 }),
      t('pcCustomersHint'),
    ),
    cause: field(
      'pc-cause',
      t('pcCauseLabel'),
      h(
        'select',
        {},
        CAUSES.map((c) => h('option', { value: c }, causeLabel(c))),
      ),
    ),
    affectedAreas: field(
      'pc-areas',
      t('pcAreasLabel'),
      h('textarea', { rows: 2, spellcheck: 'false' }),
      t('pcAreasHint'),
    ),
  };
}

/** The issues beside the fields they name and in the summary; the focus on the first field named. */
function showIssues(
  fields: Record<string, Field>,
  summary: HTMLElement,
  issues: readonly PlannedIssue[],
): void {
  for (const f of Object.values(fields)) {
    f.error.textContent = '';
    f.input.removeAttribute('aria-invalid');
  }
  summary.replaceChildren();
  if (issues.length === 0) return;
  summary.append(
    h('p', {}, t('pcFix', { n: issues.length })),
    h(
      'ul',
      {},
      issues.map((i) => h('li', {}, i.message)),
    ),
  );
  const named = (i: PlannedIssue) => fields[i.path.split('.')[0] ?? ''];
  for (const i of issues) {
    const f = named(i);
    if (!f) continue;
    f.error.textContent = i.message;
    f.input.setAttribute('aria-invalid', 'true');
  }
  issues
    .map(named)
    .find((f) => f !== undefined)
    ?.input.focus();
}

export const renderPlannedCheck: View = async (ctx, main, route) => {
  const fields = plannedFields(ctx, route.params.get('asset') ?? '');
  const summary = h('div', { id: 'pc-errors', class: 'form-errors', role: 'alert' });
  const button = h('button', { type: 'submit', class: 'primary', id: 'pc-submit' }, t('pcSubmit'));
  const result = h('div', { id: 'pc-result', 'aria-live': 'polite' });
  const show = (issues: readonly PlannedIssue[]) => showIssues(fields, summary, issues);
  const value = (path: string) => fields[path]?.input.value ?? '';
  const form = h(
    'form',
    { class: 'card planned-form', novalidate: true, 'aria-labelledby': 'pc-form-title' },
    h('h2', { id: 'pc-form-title' }, t('pcFormTitle')),
    h(
      'div',
      { class: 'form-grid' },
      Object.values(fields).map((f) => f.wrap),
    ),
    summary,
    button,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const { body, issues } = plannedRequest(
      {
        assetId: value('assetId'),
        start: value('start'),
        duration: value('durationMinutes'),
        customers: value('customersAffected'),
        cause: value('cause'),
        areas: value('affectedAreas'),
      },
      {
        needAsset: t('pcNeedAsset'),
        needStart: t('pcNeedStart'),
        needDuration: t('pcNeedDuration'),
        needCustomers: t('pcNeedCustomers'),
      },
    );
    show(issues);
    if (!body) return;
    button.disabled = true;
    result.replaceChildren(h('p', { class: 'loading', role: 'status' }, t('loading')));
    try {
      const check = await ctx.api.post<PlannedCheck>('/planned-outages/check', body);
      result.replaceChildren(answer(ctx, check));
    } catch (err) {
      result.replaceChildren();
      if (err instanceof ApiError && err.issues.length > 0) show(err.issues);
      else show([{ path: '', message: t('loadFailed', { message: (err as Error).message }) }]);
    } finally {
      button.disabled = false;
    }
  });

  main.replaceChildren(pageHeader(t('pcTitle'), t('pcIntro')), form, result);
};
