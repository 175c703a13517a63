// The body of POST /cases/:id/transitions, checked once with zod: the action, who makes the
// change, and the fields that action may set. Whether the case can take the action, and which
// fields it then requires, is the workflow's decision (workflow.ts). Each refusal carries its
// code and params (issue-codes.ts) next to the English message.

import { z } from 'zod';
import { dateToDay, dayToDate, pathToString } from '../../core/index.js';
import type { FieldChanges } from './case.js';
import { type CodedIssue, coded, type IssueCode, type IssueParams } from './issue-codes.js';
import { MEASURES, USER_ACTIONS, type UserAction, VERIFICATION_METHODS } from './vocabulary.js';

export interface TransitionRequest {
  action: UserAction;
  /** who acts: the name of the token that sent the request (or the typed name, without one) */
  actor: string;
  /** the name typed in the form, kept beside the actor when it differs from it */
  signedAs?: string;
  /** the seq of the case the client saw: a change made since is a conflict */
  expectedSeq?: number;
  note?: string;
  reason?: string;
  fields: FieldChanges;
}

const quote = (v: unknown): string => {
  const s = typeof v === 'string' ? JSON.stringify(v) : v === undefined ? 'nothing' : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
};

// The code and params of each message said while one body is checked (parsing is synchronous,
// so one map serves; it is emptied per body). The zod error callbacks return only a message.
const said = new Map<string, { code: IssueCode; params: IssueParams[IssueCode] }>();
function say<C extends IssueCode>(code: C, params: IssueParams[C], message: string): string {
  said.set(message, { code, params });
  return message;
}

const text = (max: number) =>
  z
    .string({
      error: (iss) =>
        iss.input === undefined
          ? say('required', {}, 'required')
          : say('expected_text', { got: quote(iss.input) }, `expected text, got ${quote(iss.input)}`),
    })
    .trim()
    .min(1, { error: () => say('empty', {}, 'must not be empty') })
    .max(max, { error: () => say('too_long', { max }, `longer than ${max} characters`) });

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const badDate = (input: unknown) =>
  say('bad_date', { got: quote(input) }, `expected a date YYYY-MM-DD, got ${quote(input)}`);
const date = z
  .string({ error: (iss) => badDate(iss.input) })
  .refine((s) => DATE.test(s) && dayToDate(dateToDay(s)) === s, { error: (iss) => badDate(iss.input) });

const enumOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    error: (iss) =>
      say(
        'not_one_of',
        { allowed: [...values], got: quote(iss.input) },
        `expected one of ${values.join(', ')}, got ${quote(iss.input)}`,
      ),
  });

const atLeastOne = (what: string) => ({
  error: () => say('at_least_one', {}, `expected at least one ${what}`),
});

const verification = z.strictObject({
  methods: z.array(enumOf(VERIFICATION_METHODS)).min(1, atLeastOne('method')),
  result: text(2000),
  passed: z.boolean({
    error: (iss) =>
      say('expected_boolean', { got: quote(iss.input) }, `expected true or false, got ${quote(iss.input)}`),
  }),
  verifiedBy: text(100),
  verifiedOn: date,
});

/** Plan fields: what approve_plan and update may set; null clears an optional one. */
const planFields = {
  causeAnalysis: text(2000).nullable().optional(),
  measures: z.array(enumOf(MEASURES)).min(1, atLeastOne('measure')).nullable().optional(),
  measuresNote: text(2000).nullable().optional(),
  responsibleUnit: text(200).nullable().optional(),
  responsiblePerson: text(100).nullable().optional(),
  plannedStart: date.nullable().optional(),
  plannedEnd: date.nullable().optional(),
  noActionReason: text(2000).nullable().optional(),
};

const wholeNumber = (input: unknown) =>
  say('expected_whole_number', { got: quote(input) }, `expected a whole number, got ${quote(input)}`);

const common = {
  actor: text(100).optional(),
  expectedSeq: z
    .number({ error: (iss) => wholeNumber(iss.input) })
    .int({ error: (iss) => wholeNumber(iss.input) })
    .min(1, {
      error: (iss) =>
        say(
          'expected_whole_number',
          { got: quote(iss.input), min: 1 },
          `expected a whole number ≥ 1, got ${quote(iss.input)}`,
        ),
    })
    .optional(),
  note: text(2000).optional(),
};

const bodySchema = z.discriminatedUnion(
  'action',
  [
    z.strictObject({ action: z.literal('approve_plan'), ...common, ...planFields }),
    z.strictObject({ action: z.literal('update'), ...common, ...planFields }),
    z.strictObject({ action: z.literal('start_work'), ...common, actualStart: date.optional() }),
    z.strictObject({ action: z.literal('complete_work'), ...common, actualEnd: date.optional() }),
    z.strictObject({ action: z.literal('close'), ...common, verification: verification.optional() }),
    z.strictObject({ action: z.literal('reopen'), ...common, reason: text(2000).optional() }),
    z.strictObject({ action: z.literal('comment'), ...common, note: text(2000) }),
  ],
  {
    error: (iss) => {
      const action = (iss.input as { action?: unknown } | undefined)?.action;
      const actions = USER_ACTIONS.join(', ');
      return action === undefined
        ? say('bad_action', { allowed: [...USER_ACTIONS] }, `required: one of ${actions}`)
        : say(
            'bad_action',
            { allowed: [...USER_ACTIONS], got: quote(action) },
            `expected one of ${actions}, got ${quote(action)}`,
          );
    },
  },
);
/** The body of POST /cases/:id/transitions (the API description shows it). */
export { bodySchema as transitionBodySchema };

const NOT_FIELDS = new Set(['action', 'actor', 'expectedSeq', 'note', 'reason']);

function toIssues(issues: readonly z.core.$ZodIssue[]): CodedIssue[] {
  const out: CodedIssue[] = [];
  for (const iss of issues) {
    if (iss.code === 'unrecognized_keys') {
      for (const key of iss.keys)
        out.push(coded(pathToString([...iss.path, key]), 'unknown field', 'unknown_field', {}));
    } else {
      // a message zod worded itself (no callback of ours) has no code of its own
      const c = said.get(iss.message) ?? { code: 'invalid', params: {} };
      out.push({ path: pathToString(iss.path), message: iss.message, ...c } as CodedIssue);
    }
  }
  return out;
}

/**
 * The checked request, or issues naming each bad field and quoting its value. `identity`, the
 * name of the token that sent it, is the actor (a typed `actor` cannot claim to be someone
 * else, or the system's jobs: it is kept as signedAs); without one the typed name is required.
 */
export function parseTransition(
  body: unknown,
  identity?: string,
): { ok: true; value: TransitionRequest } | { ok: false; issues: CodedIssue[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, issues: [coded('', 'expected a JSON object', 'expected_object', {})] };
  }
  said.clear();
  const parsed = bodySchema.safeParse(body);
  const issues = parsed.success ? [] : toIssues(parsed.error.issues);
  said.clear();
  const typed = parsed.success ? (parsed.data as { actor?: string }).actor : undefined;
  if (identity === undefined && (body as Record<string, unknown>)['actor'] === undefined)
    issues.push(coded('actor', 'required', 'required', {}));
  if (!parsed.success || issues.length > 0) return { ok: false, issues };
  const data = parsed.data as Record<string, unknown> & { action: UserAction };
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) if (!NOT_FIELDS.has(k) && v !== undefined) fields[k] = v;
  const request: TransitionRequest = {
    action: data.action,
    actor: identity ?? (typed as string),
    fields: fields as FieldChanges,
  };
  if (identity !== undefined && typed !== undefined && typed !== identity) request.signedAs = typed;
  if (typeof data['expectedSeq'] === 'number') request.expectedSeq = data['expectedSeq'];
  if (typeof data['note'] === 'string') request.note = data['note'];
  if (typeof data['reason'] === 'string') request.reason = data['reason'];
  return { ok: true, value: request };
}
