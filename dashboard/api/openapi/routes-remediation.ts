// Routes of dashboard/api/remediation.ts: remediation cases (整治工单), the frozen monthly
// ledger (台账) and disclosure, clearing to zero and the workflow's vocabulary.

import { casesQuery, clearingQuery, DOC_CONTEXT, frozenQuery, ruleSetQuery } from '../query/index.js';
import { paramsOf } from './query.js';
import { type ApiRoute, frozen, json, routesOf, rows } from './route.js';

const route = routesOf('remediation');
const CASE_ID = { id: 'the case number' };
const BAD_RULE_SET = 'a parameter is invalid, or no rule set of that name is loaded';
const NO_CASE = { 404: 'no such case' };
const RULE_SET = paramsOf(ruleSetQuery(DOC_CONTEXT));
const FROZEN = paramsOf(frozenQuery(DOC_CONTEXT));
const NOT_FROZEN = (what: string) => ({
  400: `${BAD_RULE_SET}, or the period is malformed`,
  404: `the ${what} is not frozen (yet)`,
});

export const REMEDIATION_ROUTES: readonly ApiRoute[] = [
  route('GET /api/v1/cases', 'Remediation cases as they stand', {
    query: paramsOf(casesQuery(DOC_CONTEXT)),
    ok: rows('one row per case'),
    also: { 400: BAD_RULE_SET },
  }),
  route('GET /api/v1/cases/{id}', 'One case with its full history', {
    params: CASE_ID,
    ok: json('the case'),
    also: NO_CASE,
  }),
  route('GET /api/v1/cases/{id}/history', 'A case’s history as a list', {
    ok: rows('one row per change'),
    params: CASE_ID,
    also: NO_CASE,
  }),
  route(
    'POST /api/v1/cases/{id}/transitions',
    'A planner’s change: approve the plan, start, finish work, close (销号), reopen, comment',
    {
      description:
        'Recorded as made by the token’s name; a typed `actor` that differs is kept beside it (`signedAs`). Refusals give each issue a `code` and `params` (analytics/remediation/issue-codes.ts).',
      roles: ['planner'],
      params: CASE_ID,
      body: { json: 'CaseTransition' },
      ok: json('the case after the change'),
      also: {
        ...NO_CASE,
        409: 'the case is not in a state that takes the action, or changed since expectedSeq',
        422: 'a field is missing or invalid',
      },
    },
  ),
  route('GET /api/v1/ledger', 'Frozen monthly ledgers with their filing deadline, and the next month', {
    query: RULE_SET,
    ok: rows('one row per frozen month'),
    also: { 400: BAD_RULE_SET },
  }),
  route('GET /api/v1/ledger/{period}', 'A frozen monthly ledger (台账)', {
    params: { period: 'the month, YYYY-MM' },
    query: FROZEN,
    ok: frozen('the ledger'),
    also: NOT_FROZEN('month'),
  }),
  route('GET /api/v1/disclosures', 'Frozen disclosure periods (public)', {
    roles: [],
    query: RULE_SET,
    ok: rows('one row per frozen period'),
    also: { 400: BAD_RULE_SET },
  }),
  route('GET /api/v1/disclosures/{period}', 'A frozen disclosure (public, no personal data)', {
    roles: [],
    params: { period: 'the period in the rule set’s disclosure rhythm: YYYY-MM, YYYY-Qn or YYYY' },
    query: FROZEN,
    ok: frozen('the disclosure'),
    also: NOT_FROZEN('period'),
  }),
  route('GET /api/v1/remediation/clearing', 'Open, overdue and closed cases over time (clearing to zero)', {
    query: paramsOf(clearingQuery(DOC_CONTEXT)),
    ok: rows('one row per point and group'),
    also: { 400: `${BAD_RULE_SET}, or from is after to, or there are more than 1,000 points` },
  }),
  route(
    'GET /api/v1/remediation/vocabulary',
    'Statuses, actions with their required fields, measures and verification methods, with labels',
    { ok: json('the vocabulary') },
  ),
];
