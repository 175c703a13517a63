// Routes for planners and the authorities: dashboard/api/priorities.ts (the work list, what
// remediation buys) and reports.ts (the frozen authority reports).

import { AUTHORITY_REPORTS } from '../../../analytics/reports/index.js';
import { ASSET_KINDS, CAUSES } from '../../../core/index.js';
import type { ApiRoute } from './route.js';
import { AS_OF, DOCUMENT, FORMAT, int, LANG, oneOf, ROWS, RULE_SET, text } from './route.js';

const BAD_RULE_SET = 'a parameter is invalid, or no rule set of that name is loaded';

export const PLANNING_ROUTES: readonly ApiRoute[] = [
  {
    method: 'get',
    path: '/api/v1/priorities',
    tag: 'planning',
    summary: 'The planner’s work list: the top assets by priority score (0–100)',
    description:
      'Each row with each part’s weight, value, points and basis; the weights used and their source (`rules/<set>.priority.json` or the defaults). The ranking of now is computed once a minute per rule set. Parameters not listed are refused.',
    roles: ['operator'],
    query: [
      RULE_SET,
      AS_OF,
      text('region', 'assets in this province, city or county'),
      text('unit', 'assets whose open case has this responsible unit'),
      oneOf('kind', 'feeders or transformer areas', ASSET_KINDS),
      oneOf('cause', 'assets with an outage of this cause in the trailing year', CAUSES),
      int('top', 'rows at most', 1, 10_000, 50),
      FORMAT,
      LANG,
    ],
    ok: { status: 200, description: 'the work list', formats: DOCUMENT, schema: 'Rows' },
    also: { 400: BAD_RULE_SET, 500: 'the rule set’s priority weights file is invalid' },
  },
  {
    method: 'post',
    path: '/api/v1/priorities/what-it-buys',
    tag: 'planning',
    summary: 'What remediating chosen assets buys',
    description:
      'Region SAIDI and SAIFI and target status before and after leaving out the chosen assets’ remediable outages of the trailing year, and which assets leave the frequent-outage list.',
    roles: ['operator'],
    body: { json: 'WhatItBuys' },
    ok: { status: 200, description: 'before and after', formats: ['json'] },
    also: { 400: 'the body is invalid, names an asset not known or a rule set not loaded' },
  },
  {
    method: 'get',
    path: '/api/v1/reports',
    tag: 'planning',
    summary: 'The rule set’s frozen authority reports, and each report’s next period',
    roles: ['operator'],
    query: [RULE_SET],
    ok: { status: 200, description: 'one row per frozen report', formats: ROWS, schema: 'Rows' },
    also: { 400: BAD_RULE_SET },
  },
  {
    method: 'get',
    path: '/api/v1/reports/arrears-notice/upcoming',
    tag: 'planning',
    summary: 'Arrears disconnections ahead that need an advance report, with their deadlines',
    roles: ['operator'],
    query: [RULE_SET, int('days', 'how many days ahead', 1, 366, 30)],
    ok: { status: 200, description: 'the disconnections (not frozen)', formats: ROWS, schema: 'Rows' },
    also: { 400: BAD_RULE_SET, 404: 'the rule set files no arrears notice' },
  },
  {
    method: 'get',
    path: '/api/v1/reports/{report}/{period}',
    tag: 'planning',
    summary: 'One frozen authority report',
    roles: ['operator'],
    params: {
      report: { description: 'the report', values: AUTHORITY_REPORTS },
      period: 'YYYY, or YYYY-MM for the arrears notice',
    },
    query: [RULE_SET, LANG, FORMAT],
    ok: { status: 200, description: 'the report', formats: DOCUMENT, schema: 'Rows' },
    also: {
      400: `${BAD_RULE_SET}, or the period is malformed, or the report is unknown`,
      404: 'the rule set files no such report, or the period is not frozen (the message says when it will be)',
    },
  },
];
