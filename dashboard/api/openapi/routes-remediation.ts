// Routes of dashboard/api/remediation.ts: remediation cases (整治工单), the frozen monthly
// ledger (台账) and disclosure, clearing to zero and the workflow's vocabulary.

import { CASE_STATUSES, CLEARING_KEYS, CLEARING_STEPS } from '../../../analytics/remediation/index.js';
import type { ApiRoute } from './route.js';
import { DOCUMENT, FORMAT, LANG, list, oneOf, ROWS, RULE_SET, text, time } from './route.js';

const CASE_ID = { id: 'the case number' };
const BAD_RULE_SET = 'a parameter is invalid, or no rule set of that name is loaded';

export const REMEDIATION_ROUTES: readonly ApiRoute[] = [
  {
    method: 'get',
    path: '/api/v1/cases',
    tag: 'remediation',
    summary: 'Remediation cases as they stand',
    roles: ['operator'],
    query: [
      RULE_SET,
      list('status', 'these statuses; "active": every one but closed', [...CASE_STATUSES, 'active']),
      text('region', 'cases of assets in this province, city or county'),
      oneOf('overdue', 'only overdue cases, or only those that are not', ['true', 'false']),
      text('assetId', 'one asset'),
      text('family', 'one rule family, e.g. frequent_outage'),
      text('unit', 'one responsible unit'),
    ],
    ok: { status: 200, description: 'one row per case', formats: ROWS, schema: 'Rows' },
    also: { 400: BAD_RULE_SET },
  },
  {
    method: 'get',
    path: '/api/v1/cases/{id}',
    tag: 'remediation',
    summary: 'One case with its full history',
    roles: ['operator'],
    params: CASE_ID,
    ok: { status: 200, description: 'the case', formats: ['json'] },
    also: { 404: 'no such case' },
  },
  {
    method: 'get',
    path: '/api/v1/cases/{id}/history',
    tag: 'remediation',
    summary: 'A case’s history as a list',
    roles: ['operator'],
    params: CASE_ID,
    ok: { status: 200, description: 'one row per change', formats: ROWS, schema: 'Rows' },
    also: { 404: 'no such case' },
  },
  {
    method: 'post',
    path: '/api/v1/cases/{id}/transitions',
    tag: 'remediation',
    summary: 'A planner’s change: approve the plan, start, finish work, close (销号), reopen, comment',
    description:
      'Recorded as made by the token’s name; a typed `actor` that differs is kept beside it (`signedAs`). Refusals give each issue a `code` and `params` (analytics/remediation/issue-codes.ts).',
    roles: ['planner'],
    params: CASE_ID,
    body: { json: 'CaseTransition' },
    ok: { status: 200, description: 'the case after the change', formats: ['json'] },
    also: {
      404: 'no such case',
      409: 'the case is not in a state that takes the action, or changed since expectedSeq',
      422: 'a field is missing or invalid',
    },
  },
  {
    method: 'get',
    path: '/api/v1/ledger',
    tag: 'remediation',
    summary: 'Frozen monthly ledgers with their filing deadline, and the next month',
    roles: ['operator'],
    query: [RULE_SET],
    ok: { status: 200, description: 'one row per frozen month', formats: ROWS, schema: 'Rows' },
    also: { 400: BAD_RULE_SET },
  },
  {
    method: 'get',
    path: '/api/v1/ledger/{period}',
    tag: 'remediation',
    summary: 'A frozen monthly ledger (台账)',
    roles: ['operator'],
    params: { period: 'the month, YYYY-MM' },
    query: [RULE_SET, LANG, FORMAT],
    ok: { status: 200, description: 'the ledger', formats: DOCUMENT, schema: 'Rows' },
    also: { 400: `${BAD_RULE_SET}, or the period is malformed`, 404: 'the month is not frozen (yet)' },
  },
  {
    method: 'get',
    path: '/api/v1/disclosures',
    tag: 'remediation',
    summary: 'Frozen disclosure periods (public)',
    roles: [],
    query: [RULE_SET],
    ok: { status: 200, description: 'one row per frozen period', formats: ROWS, schema: 'Rows' },
    also: { 400: BAD_RULE_SET },
  },
  {
    method: 'get',
    path: '/api/v1/disclosures/{period}',
    tag: 'remediation',
    summary: 'A frozen disclosure (public, no personal data)',
    roles: [],
    params: { period: 'the period in the rule set’s disclosure rhythm: YYYY-MM, YYYY-Qn or YYYY' },
    query: [RULE_SET, LANG, FORMAT],
    ok: { status: 200, description: 'the disclosure', formats: DOCUMENT, schema: 'Rows' },
    also: { 400: `${BAD_RULE_SET}, or the period is malformed`, 404: 'the period is not frozen (yet)' },
  },
  {
    method: 'get',
    path: '/api/v1/remediation/clearing',
    tag: 'remediation',
    summary: 'Open, overdue and closed cases over time (clearing to zero)',
    roles: ['operator'],
    query: [
      RULE_SET,
      time('from', 'first point; default: the start of the month holding the day 335 days before to'),
      time('to', 'last point; default: now'),
      oneOf('step', 'the step between points (at most 1,000 points)', CLEARING_STEPS, 'month'),
      list('groupBy', 'keys to group by; default: city,unit', CLEARING_KEYS),
    ],
    ok: { status: 200, description: 'one row per point and group', formats: ROWS, schema: 'Rows' },
    also: { 400: `${BAD_RULE_SET}, or from is after to, or there are more than 1,000 points` },
  },
  {
    method: 'get',
    path: '/api/v1/remediation/vocabulary',
    tag: 'remediation',
    summary: 'Statuses, actions with their required fields, measures and verification methods, with labels',
    roles: ['operator'],
    ok: { status: 200, description: 'the vocabulary', formats: ['json'] },
  },
];
