// The case form's fields: a labelled line, text area or date (typed YYYY-MM-DD, with a hint),
// a group of check boxes, each with its error line, and the fields of each step (a plan, the
// dates work started and ended, the verification that closes a case, a reason to reopen). The
// fields drawn are registered, so the form can read them, name the empty required ones and
// put an issue beside the field it names.

import { h } from '../dom.js';
import { type Key, t } from '../i18n.js';
import type { CaseFields } from './case.js';
import { PLAN_DATES, PLAN_LINES, PLAN_TEXT, type StepChoice } from './case-form-steps.js';
import type { Vocabulary } from './remediation-common.js';

export interface Control {
  path: string;
  label: string;
  error: HTMLElement;
  focus: () => void;
}

export const fieldId = (path: string): string => `cf-${path.replaceAll('.', '-')}`;
export const labelOf = (path: string): string => t(`field_${path.replaceAll('.', '_')}` as Key);

/** The fields drawn for the chosen step: their controls, readers, and which are required or dates. */
export interface FieldRegistry {
  controls: Map<string, Control>;
  required: Set<string>;
  dates: Set<string>;
  read: (path: string) => unknown;
  /** forgets every field (the step changed) */
  clear: () => void;
  text: (
    path: string,
    value: string | undefined,
    o: { required?: boolean; kind?: 'line' | 'text' | 'date' },
  ) => HTMLElement;
  checks: (
    path: string,
    options: [string, string][],
    selected: readonly string[],
    required: boolean,
  ) => HTMLElement;
  /** a control drawn by the caller, where an issue can be shown */
  register: (path: string, error: HTMLElement, focus: () => void) => void;
  /** a value drawn by the caller, that the form reads */
  reads: (path: string, read: () => unknown) => void;
}

export const errorLine = (path: string): HTMLElement =>
  h('p', { class: 'field-error', id: `${fieldId(path)}-error` });
export const requiredMark = (required: boolean) =>
  required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null;

function input(
  id: string,
  path: string,
  value: string | undefined,
  kind: 'line' | 'text' | 'date',
  describedBy: string,
  required: boolean,
) {
  const attrs = {
    id,
    name: path,
    'aria-describedby': describedBy,
    'aria-required': required ? 'true' : null,
  };
  if (kind === 'text') return h('textarea', { ...attrs, rows: 3 }, value ?? '');
  if (kind === 'line') return h('input', { ...attrs, type: 'text', value: value ?? '' });
  return h('input', {
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
  });
}

/** What a field tells the registry of itself. */
type Registers = Pick<FieldRegistry, 'register' | 'reads' | 'required' | 'dates'>;

/** A line, text area or date (with its hint: today, written YYYY-MM-DD), with its error line. */
function textField(
  reg: Registers,
  example: string,
  field: { path: string; value: string | undefined; required?: boolean; kind?: 'line' | 'text' | 'date' },
): HTMLElement {
  const { path, kind } = field;
  const id = fieldId(path);
  const error = errorLine(path);
  const hint =
    kind === 'date' ? h('p', { class: 'field-hint', id: `${id}-hint` }, t('dateHint', { example })) : null;
  const required = !!field.required;
  const control = input(
    id,
    path,
    field.value,
    kind ?? 'line',
    hint ? `${hint.id} ${error.id}` : error.id,
    required,
  );
  if (kind === 'date') reg.dates.add(path);
  if (required) reg.required.add(path);
  reg.register(path, error, () => control.focus());
  reg.reads(path, () => control.value.trim());
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, labelOf(path), requiredMark(required)),
    hint,
    control,
    error,
  );
}

/** A group of check boxes, one per option (code, words); it reads as the codes checked. */
function checkGroup(
  reg: Registers,
  path: string,
  options: [string, string][],
  selected: readonly string[],
  required: boolean,
): HTMLElement {
  const error = errorLine(path);
  const boxes = options.map(([code, text]) => {
    const id = `${fieldId(path)}-${code}`;
    const box = h('input', {
      type: 'checkbox',
      id,
      name: path,
      value: code,
      checked: selected.includes(code),
    });
    return { box, el: h('div', { class: 'check-item' }, box, h('label', { for: id }, text)) };
  });
  reg.register(path, error, () => boxes[0]?.box.focus());
  if (required) reg.required.add(path);
  reg.reads(path, () => boxes.filter((b) => b.box.checked).map((b) => b.box.value));
  return h(
    'fieldset',
    { class: 'field-group', id: fieldId(path), 'aria-describedby': error.id },
    h('legend', {}, labelOf(path), requiredMark(required)),
    h(
      'div',
      { class: 'checks' },
      boxes.map((b) => b.el),
    ),
    error,
  );
}

/** A registry whose date fields give `example` (today) as their hint. */
export function fieldRegistry(example: string): FieldRegistry {
  const controls = new Map<string, Control>();
  const readers = new Map<string, () => unknown>();
  const reg: Registers = {
    required: new Set<string>(),
    dates: new Set<string>(),
    register: (path, error, focus) => {
      controls.set(path, { path, label: labelOf(path), error, focus });
    },
    reads: (path, read) => {
      readers.set(path, read);
    },
  };
  return {
    ...reg,
    controls,
    read: (path) => readers.get(path)?.(),
    clear: () => {
      controls.clear();
      reg.required.clear();
      readers.clear();
      reg.dates.clear();
    },
    text: (path, value, o) => textField(reg, example, { path, value, ...o }),
    checks: (path, options, selected, required) => checkGroup(reg, path, options, selected, required),
  };
}

/** Approving a plan as saved (separation of duties): the plan is shown, not edited. */
function planAsSaved(f: CaseFields, v: Vocabulary, l: 'zh' | 'en'): HTMLElement[] {
  return [
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
  ];
}

function planFields(
  fields: FieldRegistry,
  f: CaseFields,
  v: Vocabulary,
  l: 'zh' | 'en',
  needs: Set<string>,
): HTMLElement[] {
  return [
    fields.text('causeAnalysis', f.causeAnalysis, { required: needs.has('causeAnalysis'), kind: 'text' }),
    fields.checks(
      'measures',
      v.measures.map((m) => [m.measure, m.label[l]]),
      f.measures ?? [],
      needs.has('measures'),
    ),
    fields.text('measuresNote', f.measuresNote, { kind: 'text' }),
    fields.text('noActionReason', f.noActionReason, { kind: 'text' }),
    ...PLAN_LINES.map((p) => fields.text(p, f[p], { required: needs.has(p), kind: 'line' })),
    ...PLAN_DATES.map((p) => fields.text(p, f[p], { required: needs.has(p), kind: 'date' })),
  ];
}

/** Closing: how the remedy was verified, by whom and when, and whether it passed. */
function verificationFields(fields: FieldRegistry, v: Vocabulary, l: 'zh' | 'en'): HTMLElement {
  const error = errorLine('verification');
  fields.register('verification', error, () =>
    document.getElementById(fieldId('verification.methods'))?.focus(),
  );
  const passed = h('input', { type: 'checkbox', id: fieldId('verification.passed'), checked: true });
  fields.reads('verification.passed', () => passed.checked);
  return h(
    'fieldset',
    { class: 'field-group verification', 'aria-describedby': error.id },
    h('legend', {}, labelOf('verification'), requiredMark(true)),
    error,
    fields.checks(
      'verification.methods',
      v.verificationMethods.map((m) => [m.method, m.label[l]]),
      [],
      true,
    ),
    fields.text('verification.result', undefined, { required: true, kind: 'text' }),
    fields.text('verification.verifiedBy', undefined, { required: true, kind: 'line' }),
    fields.text('verification.verifiedOn', undefined, { required: true, kind: 'date' }),
    h(
      'div',
      { class: 'field check' },
      passed,
      h('label', { for: passed.id }, labelOf('verification.passed')),
    ),
  );
}

/** The fields of a step (registered in `fields`), before the name and note every step has. */
export function stepFields(
  fields: FieldRegistry,
  o: {
    action: string;
    choice: StepChoice;
    needs: Set<string>;
    f: CaseFields;
    v: Vocabulary;
    lang: 'zh' | 'en';
  },
): HTMLElement[] {
  const { action, f, v, needs } = o;
  if (action === 'approve_plan' && o.choice.separate) return planAsSaved(f, v, o.lang);
  if (action === 'approve_plan' || action === 'update') return planFields(fields, f, v, o.lang, needs);
  if (action === 'start_work')
    return [fields.text('actualStart', f.actualStart, { required: true, kind: 'date' })];
  if (action === 'complete_work')
    return [fields.text('actualEnd', f.actualEnd, { required: true, kind: 'date' })];
  if (action === 'close') return [verificationFields(fields, v, o.lang)];
  if (action === 'reopen') return [fields.text('reason', undefined, { required: true, kind: 'text' })];
  return [];
}
