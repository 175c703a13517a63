// The API's refusals of a case change and the bases of the score parts, worded in the UI's
// language from their code and params (the server keeps its English text for other clients).
// Dates and numbers are spelt with the Format of the operating zone. A code this bundle does
// not know (a newer server) falls back to the API's English text.

import type { BasisCode, BasisParams, BasisUnit } from '../../analytics/priorities/basis-codes.js';
import type { IssueCode, IssueParams } from '../../analytics/remediation/issue-codes.js';
import { lowerFirst } from '../../core/vocabulary/index.js';
import type { Format } from './format.js';
import { areaClassLabel, type Key, t } from './i18n.js';

/** An issue as the dashboard receives it: code and params when the API sent them. */
export interface CodedIssue {
  path: string;
  message: string;
  code?: string;
  params?: Record<string, unknown>;
}

/** A score part's basis: the English text, and its code and params when the API sent them. */
export interface CodedBasis {
  basis: string;
  basisCode?: string;
  basisParams?: Record<string, unknown>;
}

/** Words for codes that come with the API's vocabulary or the rule sets. */
export interface Names {
  /** a case status ("open") */
  status?: (code: string) => string;
  /** a rule id ("over-3-in-60d") */
  rule?: (id: string) => string;
}

interface Say {
  fmt: Format;
  names: Names;
  /** the table string of the UI's language */
  w: (key: Key, vars?: Record<string, string | number>) => string;
}

/** The value the API quotes; "nothing" (no value sent) in the UI's language. */
const gotText = (got: string | undefined, s: Say): string =>
  got === 'nothing' || got === undefined ? s.w('issue_got_nothing') : got;

type IssueWords = { [C in IssueCode]: (p: IssueParams[C], s: Say) => string };

const ISSUES: IssueWords = {
  expected_object: (_p, s) => s.w('issue_expected_object'),
  required: (p, s) => {
    if (!p.step) return s.w('issue_required');
    const step = s.w(`do_${p.step}` as Key);
    return s.w('issue_required_step', { step: s.fmt.lang === 'en' ? lowerFirst(step) : step });
  },
  expected_text: (p, s) => s.w('issue_expected_text', { got: gotText(p.got, s) }),
  empty: (_p, s) => s.w('issue_empty'),
  too_long: (p, s) => s.w('issue_too_long', { max: s.fmt.int(p.max) }),
  bad_date: (p, s) => s.w('issue_bad_date', { got: gotText(p.got, s) }),
  not_one_of: (p, s) => s.w('issue_not_one_of', { got: gotText(p.got, s) }),
  at_least_one: (_p, s) => s.w('issue_at_least_one'),
  expected_boolean: (p, s) => s.w('issue_expected_boolean', { got: gotText(p.got, s) }),
  expected_whole_number: (p, s) =>
    p.min === undefined
      ? s.w('issue_expected_whole_number', { got: gotText(p.got, s) })
      : s.w('issue_expected_whole_number_min', { got: gotText(p.got, s), min: s.fmt.int(p.min) }),
  bad_action: (p, s) =>
    p.got === undefined
      ? s.w('issue_bad_action_missing')
      : s.w('issue_bad_action', { got: gotText(p.got, s) }),
  unknown_field: (_p, s) => s.w('issue_unknown_field'),
  invalid: () => '',
  changed_since: (p, s) =>
    s.w('issue_changed_since', { seq: s.fmt.int(p.seq), expected: s.fmt.int(p.expected) }),
  case_closed: (_p, s) => s.w('issue_case_closed'),
  not_allowed: (p, s) => {
    const status = (c: string) => `“${s.names.status?.(c) ?? c}”`;
    return s.w('issue_not_allowed', {
      action: s.w(`do_${p.action}` as Key),
      status: s.names.status?.(p.status) ?? p.status,
      allowed: p.allowed.map(status).join(s.w('issue_or')),
    });
  },
  no_completion_date: (_p, s) => s.w('issue_no_completion_date'),
  in_observation: (p, s) =>
    s.w('issue_in_observation', {
      until: s.fmt.date(p.until),
      days: s.fmt.int(p.days),
      workDone: s.fmt.date(p.workDone),
      closableFrom: s.fmt.date(p.closableFrom),
    }),
  breach_in_observation: (p, s) =>
    s.w('issue_breach_in_observation', {
      rule: s.names.rule?.(p.rule) ?? p.rule,
      breachDate: s.fmt.date(p.breachDate),
      from: s.fmt.date(p.from),
    }),
  reopen_reason_required: (_p, s) => s.w('issue_reopen_reason_required'),
  nothing_to_update: (_p, s) => s.w('issue_nothing_to_update'),
  after_today: (p, s) => s.w('issue_after_today', { today: s.fmt.date(p.today), got: s.fmt.date(p.got) }),
  before_date: (p, s) =>
    s.w('issue_before_date', {
      other: s.w(`field_${p.other}` as Key),
      date: s.fmt.date(p.date),
      got: s.fmt.date(p.got),
    }),
  note_required_for_other: (_p, s) => s.w('issue_note_required_for_other'),
  no_action_alone: (_p, s) => s.w('issue_no_action_alone'),
  no_action_reason_required: (_p, s) => s.w('issue_no_action_reason_required'),
  verification_failed: (_p, s) => s.w('issue_verification_failed'),
  own_plan: (p, s) => s.w('issue_own_plan', { authors: p.authors.join(s.w('issue_and')) }),
  plan_changed_on_approval: (p, s) =>
    s.w('issue_plan_changed_on_approval', {
      fields: p.fields.map((f) => s.w(`field_${f}` as Key)).join(s.w('issue_and')),
    }),
  own_work: (p, s) => s.w('issue_own_work', { actor: p.actor }),
  case_not_found: (p, s) => s.w('issue_case_not_found', { caseId: p.caseId }),
  rule_set_not_loaded: (p, s) => s.w('issue_rule_set_not_loaded', { ruleSet: p.ruleSet }),
  changed_concurrently: (_p, s) => s.w('issue_changed_concurrently'),
};

type BasisWords = { [C in BasisCode]: (p: BasisParams[C], s: Say) => string };

const unit = (u: BasisUnit, s: Say) => s.w(`unit_${u}`);
const standingWord = (status: string, s: Say) =>
  s.w(status === 'breach' ? 'breach' : status === 'at_risk' ? 'atRisk' : 'watch');

/** A target group "areaClass=rural, park=滇中新区" (or "all") in words. */
function groupWords(group: string, s: Say): string {
  if (group === 'all') return s.w('basis_all');
  return group
    .split(', ')
    .map((pair) => {
      const [dim, value = ''] = pair.split('=');
      return dim === 'areaClass' ? areaClassLabel(value, s.fmt.lang) : value;
    })
    .join(s.w('listSep'));
}

const BASES: BasisWords = {
  not_flagged: (_p, s) => s.w('basis_not_flagged'),
  standing: (p, s) =>
    s.w('basis_standing', { rule: s.names.rule?.(p.rule) ?? p.rule, status: standingWord(p.status, s) }),
  no_breach: (_p, s) => s.w('basis_no_breach'),
  excess: (p, s) =>
    s.w('basis_excess', {
      rule: s.names.rule?.(p.rule) ?? p.rule,
      count: s.fmt.int(p.count),
      limit: s.fmt.int(p.limit),
      ratio: s.fmt.dec(p.ratio),
    }) + (p.scale !== 1 ? ` ${s.fmt.lang === 'zh' ? '÷' : '/'} ${s.fmt.dec(p.scale)}` : ''),
  recency: (p, s) =>
    s.w('basis_recency', {
      breachDate: s.fmt.date(p.breachDate),
      today: s.fmt.date(p.today),
      days: s.fmt.int(p.days),
      halfLife: s.fmt.int(p.halfLife),
    }),
  relative: (p, s) =>
    s.w('basis_relative', { value: s.fmt.dec(p.value, 2), max: s.fmt.dec(p.max, 2), unit: unit(p.unit, s) }),
  relative_none: (p, s) =>
    s.w('basis_relative_none', { value: s.fmt.dec(p.value, 2), unit: unit(p.unit, s) }),
  share: (p, s) =>
    s.w('basis_share', {
      value: s.fmt.dec(p.value, 2),
      total: s.fmt.dec(p.total, 2),
      unit: unit(p.unit, s),
      region: p.region,
    }),
  share_none: (p, s) => s.w('basis_share_none', { value: s.fmt.dec(p.value, 2), unit: unit(p.unit, s) }),
  ledger_months: (p, s) =>
    s.w('basis_ledger_months', { months: s.fmt.int(p.months), scale: s.fmt.int(p.scale) }),
  no_open_case: (_p, s) => s.w('basis_no_open_case'),
  case_age: (p, s) =>
    s.w('basis_case_age', {
      caseId: p.caseId,
      openedDate: s.fmt.date(p.openedDate),
      days: s.fmt.int(p.days),
      scale: s.fmt.int(p.scale),
    }),
  not_overdue: (p, s) => s.w('basis_not_overdue', { caseId: p.caseId, dueDate: s.fmt.date(p.dueDate) }),
  overdue: (p, s) =>
    s.w('basis_overdue', {
      caseId: p.caseId,
      dueDate: s.fmt.date(p.dueDate),
      days: s.fmt.int(p.days),
      scale: s.fmt.int(p.scale),
    }),
  target_gap: (p, s) => {
    const figure = (x: number) =>
      p.measure === 'saidi_hours' ? s.w('basis_hours', { n: s.fmt.dec(x) }) : s.fmt.dec(x);
    return s.w('basis_target_gap', {
      rule: s.names.rule?.(p.rule) ?? p.rule,
      group: groupWords(p.group, s),
      value: figure(p.value),
      allowed: figure(p.allowed),
      v: s.fmt.dec(p.value),
      a: s.fmt.dec(p.allowed),
      status: s.w(`target_${p.status}` as Key),
    });
  },
  targets_met: (_p, s) => s.w('basis_targets_met'),
  no_target: (_p, s) => s.w('basis_no_target'),
};

function say(fmt: Format, names: Names): Say {
  return { fmt, names, w: (key, vars = {}) => t(key, vars, fmt.lang) };
}

/**
 * Words by code, or the fallback when the code is unknown or its params do not fit. The
 * params come from the network: a renderer that throws on them means "not understood".
 */
function byCode<T extends Record<string, (p: never, s: Say) => string>>(
  table: T,
  code: string | undefined,
  params: Record<string, unknown> | undefined,
  s: Say,
  fallback: string,
): string {
  if (code === undefined || !Object.hasOwn(table, code)) return fallback;
  try {
    const text = (table[code] as (p: unknown, s: Say) => string)(params ?? {}, s);
    return text || fallback;
  } catch {
    return fallback;
  }
}

/** An issue of the API in the UI's language (the Format's). */
export const issueText = (i: CodedIssue, fmt: Format, names: Names = {}): string =>
  byCode(ISSUES, i.code, i.params, say(fmt, names), i.message);

/** A score part's basis in the UI's language (the Format's). */
export const basisText = (b: CodedBasis, fmt: Format, names: Names = {}): string =>
  byCode(BASES, b.basisCode, b.basisParams, say(fmt, names), b.basis);

/** A reliability target's group ("areaClass=rural, park=滇中新区", "all") in the UI's language. */
export const targetGroupText = (group: string, fmt: Format): string => groupWords(group, say(fmt, {}));

/** Hours in the UI's language: "9 小时" / "9 h". */
export const hoursText = (hours: number | null, fmt: Format): string =>
  t('basis_hours', { n: fmt.num(hours, 2) }, fmt.lang);

/** The codes each table words, for a test that none is missing in either language. */
/**
 * A reliability answer's issue about a group's figures that cannot be right (see
 * analytics/reliability/plausibility.ts), in the UI's language; undefined for other issues.
 */
export function reliabilityIssueText(
  issue: { code?: string; params?: Record<string, unknown> },
  fmt: Format,
): string | undefined {
  const p = issue.params ?? {};
  const n = (k: string): number => (typeof p[k] === 'number' ? (p[k] as number) : Number.NaN);
  // "city=Arnold, county=(none)" → "Arnold / (none)"
  const group = String(p['group'] ?? '')
    .split(', ')
    .map((part) => part.slice(part.indexOf('=') + 1))
    .join(' / ');
  const l = fmt.lang;
  // "12 次停电" / "12 outages", "1 outage"
  const outages = (events: number): string =>
    l === 'zh' ? `${fmt.int(events)} 次停电` : `${fmt.int(events)} outage${events === 1 ? '' : 's'}`;
  if (issue.code === 'customers_served_too_few')
    return t(
      'customersServedTooFew',
      {
        group,
        outages: outages(n('events')),
        perEvent: fmt.dec(n('perEvent'), 1),
        customers: fmt.dec(n('customers'), 1),
        factor: fmt.dec(n('perEvent') / n('customers'), 1),
      },
      l,
    );
  if (issue.code === 'no_customers_served')
    return t(
      'noCustomersServed',
      {
        group,
        outages: outages(n('events')),
        interruptions: fmt.int(n('interruptions')),
      },
      l,
    );
  return undefined;
}

export const ISSUE_CODES = Object.keys(ISSUES) as IssueCode[];
export const BASIS_CODES = Object.keys(BASES) as BasisCode[];
