// The planner's form on a case: pick one of the actions the case's status allows (from the
// API's vocabulary, worded as a step to take), fill in what that step needs, and POST /cases/:id/transitions with the
// case's change number (a change made meanwhile is refused, not overwritten). The fields a step
// requires (the API's vocabulary says which) are all named at once when left empty, before the
// API is asked; otherwise the browser does not second-guess the workflow: the API's refusals ({path, message} with a code and params) are
// worded in the UI's language (explain.ts) and shown next to the fields they name, and all of
// them in a summary above the button. Dates are typed as YYYY-MM-DD whatever the browser's
// locale (a date picker would show the browser's own format), and checked here before sending.
// The change is made under the signed-in person's name (the token's); a name typed in the form is
// kept beside it. With separation of duties (四眼原则) a plan is drafted with "update" and
// approved as saved by someone else, and steps refused to the one looking are not offered: the
// API says which and why (refusedToYou), and the reason is shown where the step would be.
//
// What is offered and sent is worked out in case-form-steps.ts; the fields are drawn by
// case-form-fields.ts; this module puts the form together and sends it.

import { ApiError, type Issue } from '../api.js';
import type { Ctx } from '../context.js';
import { h } from '../dom.js';
import { issueText } from '../explain.js';
import { type Key, known, lang, t } from '../i18n.js';
import type { CaseDetail } from './case.js';
import { type Control, type FieldRegistry, fieldId, fieldRegistry, stepFields } from './case-form-fields.js';
import {
  formIssues,
  neededFields,
  type StepChoice,
  stepChoice,
  todayIn,
  transitionBody,
} from './case-form-steps.js';
import { type Vocabulary, words } from './remediation-common.js';

export { isIsoDate, todayIn } from './case-form-steps.js';

const ACTOR_KEY = 'outage.actor';

function storedActor(): string {
  try {
    return sessionStorage.getItem(ACTOR_KEY) ?? '';
  } catch {
    return '';
  }
}

function storeActor(name: string): void {
  try {
    sessionStorage.setItem(ACTOR_KEY, name);
  } catch {
    // storage refused: the name is asked again next time
  }
}

/** The control an issue's path names: itself, or the nearest enclosing one ("measures.0"). */
function controlOf(controls: ReadonlyMap<string, Control>, path: string): Control | undefined {
  let p = path;
  for (;;) {
    const c = controls.get(p);
    if (c) return c;
    const dot = p.lastIndexOf('.');
    if (dot < 0) return undefined;
    p = p.slice(0, dot);
  }
}

/** Shows issues beside the fields they name and all of them in the summary; focuses the first. */
function issuesShown(fields: FieldRegistry, summary: HTMLElement, wording: (i: Issue) => string) {
  const show = (issues: readonly Issue[], fallback: string) => {
    const list = issues.length > 0 ? issues : [{ path: '', message: fallback }];
    const items = list.map((i) => {
      const c = controlOf(fields.controls, i.path);
      const text = wording(i);
      if (c) {
        c.error.append(h('span', { 'data-path': i.path, 'data-code': i.code ?? null }, text));
        c.error.closest('.field, .field-group')?.classList.add('invalid');
        document.getElementById(fieldId(c.path))?.setAttribute('aria-invalid', 'true');
      }
      const where = c ? c.label : i.path === 'action' ? t('action') : i.path ? i.path : '';
      return h(
        'li',
        { 'data-path': i.path, 'data-code': i.code ?? null },
        where ? `${where}${t('labelSep')}${text}` : text,
      );
    });
    summary.replaceChildren(h('p', {}, t('stepRefused')), h('ul', {}, items));
    const firstField = list.map((i) => controlOf(fields.controls, i.path)).find(Boolean);
    if (firstField) firstField.focus();
    else summary.focus();
  };
  const clear = () => {
    summary.replaceChildren();
    for (const c of fields.controls.values()) {
      c.error.replaceChildren();
      c.error.closest('.field, .field-group')?.classList.remove('invalid');
      document.getElementById(fieldId(c.path))?.removeAttribute('aria-invalid');
    }
  };
  return { show, clear };
}

/** The choice of step, with why closing waits and which steps are refused to the one looking. */
function actionField(
  ctx: Ctx,
  d: CaseDetail,
  v: Vocabulary,
  choice: StepChoice,
  wording: (i: Issue) => string,
  onChange: (action: string) => void,
): HTMLElement {
  const select = h(
    'select',
    { id: 'cf-action', name: 'action' },
    choice.actions.map((a) =>
      h(
        'option',
        { value: a.action, selected: a.action === choice.first },
        known(`do_${a.action}`) ? t(`do_${a.action}` as Key) : a.label[lang()],
      ),
    ),
  );
  select.addEventListener('change', () => onChange(select.value));
  const offeredHere = (a: string) => v.actions.some((x) => x.action === a && x.from.includes(d.status));
  const closeLater =
    !choice.closable && d.observation && offeredHere('close')
      ? h(
          'p',
          { class: 'field-hint', id: 'cf-close-later' },
          t('closeNotYet', { date: ctx.fmt.date(d.observation.closableFrom) }),
        )
      : null;
  // Steps this person may not take here (separation of duties), with the API's reason.
  const dutyNotes = (['approve_plan', 'close'] as const).flatMap((a) => {
    const issue = choice.refused[a];
    if (!issue || !offeredHere(a)) return [];
    const text = `${t(`do_${a}`)}${t('labelSep')}${wording(issue)}`;
    return [h('p', { class: 'field-hint duty', id: `cf-duty-${a}` }, text)];
  });
  return h(
    'div',
    { class: 'field action-field' },
    h('label', { for: 'cf-action' }, t('action')),
    select,
    closeLater,
    dutyNotes,
  );
}

export function caseForm(
  ctx: Ctx,
  d: CaseDetail,
  v: Vocabulary,
  onSaved: (next: CaseDetail) => void,
  ruleTitle: (rule: string) => string = (rule) => rule,
): HTMLElement {
  const w = words(v);
  const wording = (i: Issue) => issueText(i, ctx.fmt, { status: w.status, rule: ruleTitle });
  const example = todayIn(ctx.fmt.zone);
  // Closing (核查销号) waits for the end of the observation period: not offered before it.
  const choice = stepChoice(d, v, todayIn(ctx.fmt.zone));
  let action = choice.first;
  const fields = fieldRegistry(example);
  const fieldsBox = h('div', { class: 'step-fields' });
  const summary = h('div', { id: 'cf-errors', class: 'form-errors', role: 'alert' });
  const button = h('button', { type: 'submit', class: 'primary', id: 'cf-submit' }, t('submitStep'));
  const issues = issuesShown(fields, summary, wording);

  const drawFields = () => {
    fields.clear();
    const needs = neededFields(choice, action);
    fieldsBox.replaceChildren(
      ...stepFields(fields, { action, choice, needs, f: d.fields, v, lang: lang() }),
      h('p', { class: 'field-hint', id: 'cf-acting-as' }, t('actingAs', { name: ctx.me.name })),
      fields.text('actor', storedActor(), { kind: 'line' }),
      fields.text('note', undefined, { required: needs.has('note'), kind: 'text' }),
    );
    summary.replaceChildren();
  };

  const form = h(
    'form',
    { class: 'card case-form', novalidate: true, 'aria-labelledby': 'cf-title', 'data-name': 'case-form' },
    h('h2', { id: 'cf-title' }, t('takeStep')),
    h('p', { class: 'desc' }, t('takeStepDesc')),
  );
  if (choice.actions.length === 0) {
    form.append(h('p', {}, t('noStepPossible')));
    return form;
  }
  summary.tabIndex = -1;
  const chooser = actionField(ctx, d, v, choice, wording, (next) => {
    action = next;
    drawFields();
  });
  form.append(chooser, fieldsBox, summary, h('div', { class: 'actions' }, button));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    issues.clear();
    const step = choice.drafting && action === 'update' ? 'approve_plan' : action;
    const found = formIssues({ required: fields.required, dates: fields.dates, step }, fields.read, {
      required: t('issue_required'),
      date: t('dateInvalid', { example }),
    });
    if (found.length > 0) {
      issues.show(found, '');
      return;
    }
    button.disabled = true;
    const payload = transitionBody(d, action, choice.separate, fields.read);
    try {
      const next = await ctx.api.post<CaseDetail>(
        `/cases/${encodeURIComponent(d.caseId)}/transitions`,
        payload,
      );
      storeActor(String(payload['actor'] ?? ''));
      onSaved(next);
    } catch (err) {
      button.disabled = false;
      if (err instanceof ApiError) issues.show(err.issues, err.message);
      else issues.show([], (err as Error).message);
    }
  });
  drawFields();
  return form;
}
