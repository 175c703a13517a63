// Routes for planners and the authorities: dashboard/api/priorities.ts (the work list, what
// remediation buys) and reports.ts (the frozen authority reports).

import { AUTHORITY_REPORTS } from '../../../analytics/reports/index.js';
import {
  DOC_CONTEXT,
  frozenQuery,
  prioritiesQuery,
  ruleSetQuery,
  upcomingArrearsQuery,
} from '../query/index.js';
import { paramsOf } from './query.js';
import { type ApiRoute, frozen, json, routesOf, rows } from './route.js';

const route = routesOf('planning');
const BAD_RULE_SET = 'a parameter is invalid, or no rule set of that name is loaded';

export const PLANNING_ROUTES: readonly ApiRoute[] = [
  route('GET /api/v1/priorities', 'The planner’s work list: the top assets by priority score (0–100)', {
    description:
      'Each row with each part’s weight, value, points and basis; the weights used and their source (`rules/<set>.priority.json` or the defaults). The ranking of now is computed once a minute per rule set. Parameters not listed are refused.',
    query: paramsOf(prioritiesQuery(DOC_CONTEXT)),
    ok: frozen('the work list'),
    also: { 400: BAD_RULE_SET, 500: 'the rule set’s priority weights file is invalid' },
  }),
  route('POST /api/v1/priorities/what-it-buys', 'What remediating chosen assets buys', {
    description:
      'Region SAIDI and SAIFI and target status before and after leaving out the chosen assets’ remediable outages of the trailing year, and which assets leave the frequent-outage list.',
    body: { json: 'WhatItBuys' },
    ok: json('before and after'),
    also: { 400: 'the body is invalid, names an asset not known or a rule set not loaded' },
  }),
  route('GET /api/v1/reports', 'The rule set’s frozen authority reports, and each report’s next period', {
    query: paramsOf(ruleSetQuery(DOC_CONTEXT)),
    ok: rows('one row per frozen report'),
    also: { 400: BAD_RULE_SET },
  }),
  route(
    'GET /api/v1/reports/arrears-notice/upcoming',
    'Arrears disconnections ahead that need an advance report, with their deadlines',
    {
      query: paramsOf(upcomingArrearsQuery(DOC_CONTEXT)),
      ok: rows('the disconnections (not frozen)'),
      also: { 400: BAD_RULE_SET, 404: 'the rule set files no arrears notice' },
    },
  ),
  route('GET /api/v1/reports/{report}/{period}', 'One frozen authority report', {
    params: {
      report: { description: 'the report', values: AUTHORITY_REPORTS },
      period: 'YYYY, or YYYY-MM for the arrears notice',
    },
    query: paramsOf(frozenQuery(DOC_CONTEXT)),
    ok: frozen('the report'),
    also: {
      400: `${BAD_RULE_SET}, or the period is malformed, or the report is unknown`,
      404: 'the rule set files no such report, or the period is not frozen (the message says when it will be)',
    },
  }),
];
