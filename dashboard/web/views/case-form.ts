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

import { ApiError, type Issue } from '../api.js';
import type { Ctx } from '../context.js';
import { h } from '../dom.js';
import { issueText } from '../explain.js';
import { type Key, known, lang, t } from '../i18n.js';
import type { CaseDetail, CaseFields } from './case.js';
import { type Vocabulary, words } from './remediation-common.js';

interface Control {
  path: string;
  label: string;
  error: HTMLElement;
  focus: () => void;
}

const ACTOR_KEY = 'outage.actor';
const PLAN_TEXT = ['causeAnalysis', 'measuresNote', 'noActionReason'] as const;
const PLAN_LINES = ['responsibleUnit', 'responsiblePerson'] as const;
const PLAN_DATES = ['plannedStart', 'plannedEnd'] as const;

const fieldId = (path: string) => `cf-${path.replaceAll('.', '-')}`;

/** Whether a typed date is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = new Date(Date.UTC(y, mo - 1, d));
  return at.getUTCFullYear() === y && at.getUTCMonth() === mo - 1 && at.getUTCDate() === d;
}

/** Today in the operating zone as YYYY-MM-DD (the example of the date hint). */
export const todayIn = (zone: string, now = Date.now()): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
const labelOf = (path: string) => t(`field_${path.replaceAll('.', '_')}` as Key);

function storedActor(): string {
  try {
    return sessionStorage.getItem(ACTOR_KEY) ?? '';
  } catch {
    return '';
  }
}

export function caseForm(
  ctx: Ctx,
  d: CaseDetail,
  v: Vocabulary,
  onSaved: (next: CaseDetail) => void,
  ruleTitle: (rule: string) => string = (rule) => rule,
): HTMLElement {
  const l = lang();
  const w = words(v);
  const example = todayIn(ctx.fmt.zone);
  const dates = new Set<string>();
  // Closing (核查销号) waits for the end of the observation period: not offered before it.
  const closable = !d.observation || todayIn(ctx.fmt.zone) >= d.observation.closableFrom;
  const refused = d.refusedToYou ?? { approve_plan: null, close: null };
  const refusedNow = (a: string) => (a === 'approve_plan' || a === 'close' ? refused[a] : null);
  const actions = v.actions.filter(
    (a) => a.from.includes(d.status) && (a.action !== 'close' || closable) && !refusedNow(a.action),
  );
  const separate = d.separationOfDuties === true;
  const planRequires = v.actions.find((a) => a.action === 'approve_plan')?.requires ?? [];
  const planComplete = planRequires.every((f) => d.fields[f as keyof CaseFields] !== undefined);
  // With separation of duties an open case without a complete plan starts with drafting it.
  const drafting = separate && d.status === 'open' && !planComplete;
  const first = drafting
    ? actions.find((a) => a.action === 'update')
    : (actions.find((a) => a.action !== 'update' && a.action !== 'comment') ?? actions[0]);
  let action = first?.action ?? 'comment';
  const controls = new Map<string, Control>();
  /** the fields the chosen step needs: all named at once when the form is sent without them */
  const requiredPaths = new Set<string>();
  const readers = new Map<string, () => unknown>();
  const fieldsBox = h('div', { class: 'step-fields' });
  const summary = h('div', { id: 'cf-errors', class: 'form-errors', role: 'alert' });
  const button = h('button', { type: 'submit', class: 'primary', id: 'cf-submit' }, t('submitStep'));

  const errorEl = (path: string) => h('p', { class: 'field-error', id: `${fieldId(path)}-error` });
  const register = (path: string, error: HTMLElement, focus: () => void) =>
    controls.set(path, { path, label: labelOf(path), error, focus });
  const mark = (required: boolean) =>
    required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null;

  const textField = (
    path: string,
    value: string | undefined,
    o: { required?: boolean; kind?: 'line' | 'text' | 'date' },
  ) => {
    const id = fieldId(path);
    const error = errorEl(path);
    const hint =
      o.kind === 'date'
        ? h('p', { class: 'field-hint', id: `${id}-hint` }, t('dateHint', { example }))
        : null;
    const attrs = {
      id,
      name: path,
      'aria-describedby': hint ? `${hint.id} ${error.id}` : error.id,
      'aria-required': o.required ? 'true' : null,
    };
    const input =
      o.kind === 'text'
        ? h('textarea', { ...attrs, rows: 3 }, value ?? '')
        : o.kind === 'date'
          ? h('input', {
              ...attrs,
              type: 'text',
              class: 'date-input',
              inputmode: 'numeric',
              pattern: '\\d{4}-\\d{2}-\\d{2}',
              placeholder: 'YYYY-MM-DD',
              maxlength: 10,
              size: 12,
              autocomplete: 'off',
              spellcheck: 'false',
              'data-kind': 'date',
              value: value ?? '',
            })
          : h('input', { ...attrs, type: 'text', value: value ?? '' });
    if (o.kind === 'date') dates.add(path);
    if (o.required) requiredPaths.add(path);
    register(path, error, () => input.focus());
    readers.set(path, () => input.value.trim());
    return h(
      'div',
      { class: 'field' },
      h('label', { for: id }, labelOf(path), mark(!!o.required)),
      hint,
      input,
      error,
    );
  };

  const checkGroup = (
    path: string,
    options: [string, string][],
    selected: readonly string[],
    required: boolean,
  ) => {
    const error = errorEl(path);
    const boxes = options.map(([code, text]) => {
      const id = `${fieldId(path)}-${code}`;
      const input = h('input', {
        type: 'checkbox',
        id,
        name: path,
        value: code,
        checked: selected.includes(code),
      });
      return { input, el: h('div', { class: 'check-item' }, input, h('label', { for: id }, text)) };
    });
    register(path, error, () => boxes[0]?.input.focus());
    if (required) requiredPaths.add(path);
    readers.set(path, () => boxes.filter((b) => b.input.checked).map((b) => b.input.value));
    return h(
      'fieldset',
      { class: 'field-group', id: fieldId(path), 'aria-describedby': error.id },
      h('legend', {}, labelOf(path), mark(required)),
      h(
        'div',
        { class: 'checks' },
        boxes.map((b) => b.el),
      ),
      error,
    );
  };

  const drawFields = () => {
    controls.clear();
    requiredPaths.clear();
    readers.clear();
    dates.clear();
    const spec = actions.find((a) => a.action === action);
    const needs = new Set<string>(spec?.requires ?? []);
    // A plan drafted for someone else's approval is drafted whole: what approval needs is needed now.
    if (drafting && action === 'update') for (const p of planRequires) needs.add(p);
    if (action === 'reopen') needs.add('reason');
    if (action === 'comment') needs.add('note');
    const f: CaseFields = d.fields;
    const parts: HTMLElement[] = [];
    if (action === 'approve_plan' && separate) {
      // approved as saved: the plan is shown, not edited
      parts.push(
        h('p', { class: 'field-hint', id: 'cf-approve-as-saved' }, t('approveAsSaved')),
        h(
          'dl',
          { class: 'plan-summary' },
          [...PLAN_TEXT, 'measures', ...PLAN_LINES, ...PLAN_DATES].flatMap((p) => {
            const value = f[p as keyof CaseFields];
            if (value === undefined) return [];
            const text = Array.isArray(value)
              ? value.map((m) => v.measures.find((x) => x.measure === m)?.label[l] ?? m).join('、')
              : String(value);
            return [h('dt', {}, labelOf(p)), h('dd', { 'data-field': p }, text)];
          }),
        ),
      );
    } else if (action === 'approve_plan' || action === 'update') {
      parts.push(
        textField('causeAnalysis', f.causeAnalysis, { required: needs.has('causeAnalysis'), kind: 'text' }),
      );
      parts.push(
        checkGroup(
          'measures',
          v.measures.map((m) => [m.measure, m.label[l]]),
          f.measures ?? [],
          needs.has('measures'),
        ),
      );
      parts.push(textField('measuresNote', f.measuresNote, { kind: 'text' }));
      parts.push(textField('noActionReason', f.noActionReason, { kind: 'text' }));
      for (const p of PLAN_LINES) parts.push(textField(p, f[p], { required: needs.has(p), kind: 'line' }));
      for (const p of PLAN_DATES) parts.push(textField(p, f[p], { required: needs.has(p), kind: 'date' }));
    } else if (action === 'start_work') {
      parts.push(textField('actualStart', f.actualStart, { required: true, kind: 'date' }));
    } else if (action === 'complete_work') {
      parts.push(textField('actualEnd', f.actualEnd, { required: true, kind: 'date' }));
    } else if (action === 'close') {
      const error = errorEl('verification');
      register('verification', error, () =>
        document.getElementById(fieldId('verification.methods'))?.focus(),
      );
      const passed = h('input', { type: 'checkbox', id: fieldId('verification.passed'), checked: true });
      readers.set('verification.passed', () => passed.checked);
      parts.push(
        h(
          'fieldset',
          { class: 'field-group verification', 'aria-describedby': error.id },
          h('legend', {}, labelOf('verification'), mark(true)),
          error,
          checkGroup(
            'verification.methods',
            v.verificationMethods.map((m) => [m.method, m.label[l]]),
            [],
            true,
          ),
          textField('verification.result', undefined, { required: true, kind: 'text' }),
          textField('verification.verifiedBy', undefined, { required: true, kind: 'line' }),
          textField('verification.verifiedOn', undefined, { required: true, kind: 'date' }),
          h(
            'div',
            { class: 'field check' },
            passed,
            h('label', { for: passed.id }, labelOf('verification.passed')),
          ),
        ),
      );
    } else if (action === 'reopen') {
      parts.push(textField('reason', undefined, { required: true, kind: 'text' }));
    }
    parts.push(
      h('p', { class: 'field-hint', id: 'cf-acting-as' }, t('actingAs', { name: ctx.me.name })),
      textField('actor', storedActor(), { kind: 'line' }),
    );
    parts.push(textField('note', undefined, { required: needs.has('note'), kind: 'text' }));
    fieldsBox.replaceChildren(...parts);
    summary.replaceChildren();
  };

  const read = (path: string): unknown => readers.get(path)?.();
  const body = (): Record<string, unknown> => {
    const out: Record<string, unknown> = { action, expectedSeq: d.seq };
    const typedName = (read('actor') as string | undefined) ?? '';
    if (typedName !== '') out['actor'] = typedName;
    const text = (path: string) => (read(path) as string | undefined) ?? '';
    if (text('note')) out['note'] = text('note');
    if ((action === 'approve_plan' && !separate) || action === 'update') {
      for (const p of [...PLAN_TEXT, ...PLAN_LINES, ...PLAN_DATES]) {
        const now = text(p);
        const was = d.fields[p];
        if (now === (was ?? '')) continue;
        out[p] = now === '' ? null : now;
      }
      const measures = (read('measures') as string[]) ?? [];
      const was = d.fields.measures ?? [];
      if ([...measures].sort().join() !== [...was].sort().join())
        out['measures'] = measures.length ? measures : null;
    } else if (action === 'start_work' || action === 'complete_work') {
      const p = action === 'start_work' ? 'actualStart' : 'actualEnd';
      if (text(p)) out[p] = text(p);
    } else if (action === 'close') {
      const methods = (read('verification.methods') as string[]) ?? [];
      const parts: Record<string, unknown> = {};
      if (methods.length) parts['methods'] = methods;
      for (const k of ['result', 'verifiedBy', 'verifiedOn'])
        if (text(`verification.${k}`)) parts[k] = text(`verification.${k}`);
      if (Object.keys(parts).length > 0)
        out['verification'] = { ...parts, passed: read('verification.passed') };
    } else if (action === 'reopen') {
      if (text('reason')) out['reason'] = text('reason');
    }
    return out;
  };

  /** The control an issue's path names: itself, or the nearest enclosing one ("measures.0"). */
  const controlOf = (path: string): Control | undefined => {
    let p = path;
    for (;;) {
      const c = controls.get(p);
      if (c) return c;
      const dot = p.lastIndexOf('.');
      if (dot < 0) return undefined;
      p = p.slice(0, dot);
    }
  };

  const showIssues = (issues: readonly Issue[], fallback: string) => {
    const list = issues.length > 0 ? issues : [{ path: '', message: fallback }];
    const items = list.map((i) => {
      const c = controlOf(i.path);
      const text = issueText(i, ctx.fmt, { status: w.status, rule: ruleTitle });
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
    const firstField = list.map((i) => controlOf(i.path)).find(Boolean);
    if (firstField) firstField.focus();
    else summary.focus();
  };

  const clearIssues = () => {
    summary.replaceChildren();
    for (const c of controls.values()) {
      c.error.replaceChildren();
      c.error.closest('.field, .field-group')?.classList.remove('invalid');
      document.getElementById(fieldId(c.path))?.removeAttribute('aria-invalid');
    }
  };

  const form = h(
    'form',
    { class: 'card case-form', novalidate: true, 'aria-labelledby': 'cf-title', 'data-name': 'case-form' },
    h('h2', { id: 'cf-title' }, t('takeStep')),
    h('p', { class: 'desc' }, t('takeStepDesc')),
  );
  if (actions.length === 0) {
    form.append(h('p', {}, t('noStepPossible')));
    return form;
  }
  const select = h(
    'select',
    { id: 'cf-action', name: 'action' },
    actions.map((a) =>
      h(
        'option',
        { value: a.action, selected: a.action === action },
        known(`do_${a.action}`) ? t(`do_${a.action}` as Key) : a.label[l],
      ),
    ),
  );
  select.addEventListener('change', () => {
    action = select.value;
    drawFields();
  });
  summary.tabIndex = -1;
  const closeLater =
    !closable && d.observation && v.actions.some((a) => a.action === 'close' && a.from.includes(d.status))
      ? h(
          'p',
          { class: 'field-hint', id: 'cf-close-later' },
          t('closeNotYet', { date: ctx.fmt.date(d.observation.closableFrom) }),
        )
      : null;
  // Steps this person may not take here (separation of duties), with the API's reason.
  const dutyNotes = (['approve_plan', 'close'] as const).flatMap((a) => {
    const issue = refused[a];
    if (!issue || !v.actions.some((x) => x.action === a && x.from.includes(d.status))) return [];
    const text = issueText(issue, ctx.fmt, { status: w.status, rule: ruleTitle });
    return [
      h('p', { class: 'field-hint duty', id: `cf-duty-${a}` }, `${t(`do_${a}`)}${t('labelSep')}${text}`),
    ];
  });
  form.append(
    h(
      'div',
      { class: 'field action-field' },
      h('label', { for: 'cf-action' }, t('action')),
      select,
      closeLater,
      dutyNotes,
    ),
    fieldsBox,
    summary,
    h('div', { class: 'actions' }, button),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearIssues();
    // dates the browser can check: a typed date that is not YYYY-MM-DD never reaches the API
    const badDates = [...dates]
      .filter((p) => {
        const text = (read(p) as string | undefined) ?? '';
        return text !== '' && !isIsoDate(text);
      })
      .map((p): Issue => ({ path: p, message: t('dateInvalid', { example }) }));
    // every required field left empty, at once, before the API is asked
    const missing = [...requiredPaths]
      .filter((p) => {
        const value = read(p);
        return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
      })
      .map(
        (p): Issue => ({
          path: p,
          message: t('issue_required'),
          code: 'required',
          params: { step: drafting && action === 'update' ? 'approve_plan' : action },
        }),
      );
    if (badDates.length > 0 || missing.length > 0) {
      showIssues([...missing, ...badDates], '');
      return;
    }
    button.disabled = true;
    const payload = body();
    try {
      const next = await ctx.api.post<CaseDetail>(
        `/cases/${encodeURIComponent(d.caseId)}/transitions`,
        payload,
      );
      try {
        sessionStorage.setItem(ACTOR_KEY, String(payload['actor'] ?? ''));
      } catch {
        // storage refused: the name is asked again next time
      }
      onSaved(next);
    } catch (err) {
      button.disabled = false;
      if (err instanceof ApiError) showIssues(err.issues, err.message);
      else showIssues([], (err as Error).message);
    }
  });
  drawFields();
  return form;
}
