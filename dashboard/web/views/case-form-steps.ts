// What the case form offers and sends, as pure functions of the case, the API's vocabulary and
// today: the steps the case's status allows (closing not before the observation period ends,
// steps separation of duties refuses to the one looking left out), the step chosen first, the
// fields a step needs, the body of POST /cases/:id/transitions from what was typed, and the
// issues the browser finds itself (empty required fields, dates not written YYYY-MM-DD).

import type { Issue } from '../api.js';
import type { CaseDetail, CaseFields } from './case.js';
import type { Vocabulary } from './remediation-common.js';

export const PLAN_TEXT = ['causeAnalysis', 'measuresNote', 'noActionReason'] as const;
export const PLAN_LINES = ['responsibleUnit', 'responsiblePerson'] as const;
export const PLAN_DATES = ['plannedStart', 'plannedEnd'] as const;

type Step = Vocabulary['actions'][number];

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

/** The steps on offer for a case, and how the form starts. */
export interface StepChoice {
  /** the steps offered, in the vocabulary's order */
  actions: Step[];
  /** the step selected when the form opens */
  first: string;
  /** closing (核查销号) is offered: no observation period, or it has ended */
  closable: boolean;
  /** separation of duties (四眼原则): a plan is drafted by one and approved by another */
  separate: boolean;
  /** an open case without a complete plan, under separation of duties: drafting it comes first */
  drafting: boolean;
  /** what approving a plan needs */
  planRequires: readonly string[];
  /** the steps refused to the one looking, with the API's reason */
  refused: NonNullable<CaseDetail['refusedToYou']>;
}

export function stepChoice(d: CaseDetail, v: Vocabulary, today: string): StepChoice {
  const closable = !d.observation || today >= d.observation.closableFrom;
  const refused = d.refusedToYou ?? { approve_plan: null, close: null };
  const refusedNow = (a: string) => (a === 'approve_plan' || a === 'close' ? refused[a] : null);
  const actions = v.actions.filter(
    (a) => a.from.includes(d.status) && (a.action !== 'close' || closable) && !refusedNow(a.action),
  );
  const separate = d.separationOfDuties === true;
  const planRequires = v.actions.find((a) => a.action === 'approve_plan')?.requires ?? [];
  const planComplete = planRequires.every((f) => d.fields[f as keyof CaseFields] !== undefined);
  const drafting = separate && d.status === 'open' && !planComplete;
  const first = drafting
    ? actions.find((a) => a.action === 'update')
    : (actions.find((a) => a.action !== 'update' && a.action !== 'comment') ?? actions[0]);
  return { actions, first: first?.action ?? 'comment', closable, separate, drafting, planRequires, refused };
}

/** The fields a step cannot be taken without (beyond those its own form marks required). */
export function neededFields(choice: StepChoice, action: string): Set<string> {
  const spec = choice.actions.find((a) => a.action === action);
  const needs = new Set<string>(spec?.requires ?? []);
  // A plan drafted for someone else's approval is drafted whole: what approval needs is needed now.
  if (choice.drafting && action === 'update') for (const p of choice.planRequires) needs.add(p);
  if (action === 'reopen') needs.add('reason');
  if (action === 'comment') needs.add('note');
  return needs;
}

/** The value typed for a field: text (trimmed), the codes checked, or a box's state. */
export type Read = (path: string) => unknown;

function planChanges(d: CaseDetail, read: Read, text: (p: string) => string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of [...PLAN_TEXT, ...PLAN_LINES, ...PLAN_DATES]) {
    const now = text(p);
    if (now === (d.fields[p] ?? '')) continue;
    out[p] = now === '' ? null : now;
  }
  const measures = (read('measures') as string[]) ?? [];
  const was = d.fields.measures ?? [];
  if ([...measures].sort().join() !== [...was].sort().join())
    out['measures'] = measures.length ? measures : null;
  return out;
}

function verification(read: Read, text: (p: string) => string): Record<string, unknown> {
  const methods = (read('verification.methods') as string[]) ?? [];
  const parts: Record<string, unknown> = {};
  if (methods.length) parts['methods'] = methods;
  for (const k of ['result', 'verifiedBy', 'verifiedOn'])
    if (text(`verification.${k}`)) parts[k] = text(`verification.${k}`);
  return Object.keys(parts).length > 0
    ? { verification: { ...parts, passed: read('verification.passed') } }
    : {};
}

/**
 * The transition's body: the step, the case's change number (a change made meanwhile is
 * refused), the typed name and note, and what the step changes (a plan: only what differs).
 */
export function transitionBody(
  d: CaseDetail,
  action: string,
  separate: boolean,
  read: Read,
): Record<string, unknown> {
  const text = (path: string) => (read(path) as string | undefined) ?? '';
  const out: Record<string, unknown> = { action, expectedSeq: d.seq };
  if (text('actor') !== '') out['actor'] = text('actor');
  if (text('note')) out['note'] = text('note');
  if ((action === 'approve_plan' && !separate) || action === 'update')
    return { ...out, ...planChanges(d, read, text) };
  if (action === 'start_work' || action === 'complete_work') {
    const p = action === 'start_work' ? 'actualStart' : 'actualEnd';
    if (text(p)) out[p] = text(p);
  } else if (action === 'close') return { ...out, ...verification(read, text) };
  else if (action === 'reopen' && text('reason')) out['reason'] = text('reason');
  return out;
}

/**
 * What the browser refuses before asking the API: every required field left empty (at once,
 * in the order of the form) and then every date not written YYYY-MM-DD.
 */
export function formIssues(
  o: { required: Iterable<string>; dates: Iterable<string>; step: string },
  read: Read,
  message: { required: string; date: string },
): Issue[] {
  const missing = [...o.required]
    .filter((p) => {
      const value = read(p);
      return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
    })
    .map((p): Issue => ({ path: p, message: message.required, code: 'required', params: { step: o.step } }));
  const badDates = [...o.dates]
    .filter((p) => {
      const text = (read(p) as string | undefined) ?? '';
      return text !== '' && !isIsoDate(text);
    })
    .map((p): Issue => ({ path: p, message: message.date }));
  return [...missing, ...badDates];
}
