// Routes of the rule sets and what they find: dashboard/api/flags.ts, the targets of
// dashboard-data.ts and the planned-outage check of planned-check.ts.

import { ASSET_KINDS } from '../../../core/index.js';
import type { ApiRoute } from './route.js';
import { AS_OF, oneOf, ROWS, RULE_SET, text } from './route.js';

const UNKNOWN_RULE_SET = 'a parameter is invalid, or no rule set of that name is loaded';

export const RULES_ROUTES: readonly ApiRoute[] = [
  {
    method: 'get',
    path: '/api/v1/rule-sets',
    tag: 'rules',
    summary: 'The loaded rule sets with their rules and reporting calendar',
    roles: ['operator'],
    ok: { status: 200, description: 'one row per rule set', formats: ROWS, schema: 'Rows' },
  },
  {
    method: 'get',
    path: '/api/v1/flags',
    tag: 'rules',
    summary: 'Assets in breach or at risk',
    description:
      'Evaluated in QuestDB as of asOf; without asOf, the flags of now kept current after every ingest.',
    roles: ['operator'],
    query: [
      RULE_SET,
      AS_OF,
      oneOf('status', 'only this status', ['breach', 'at_risk']),
      oneOf('kind', 'only feeders or only transformer areas', ASSET_KINDS),
    ],
    ok: { status: 200, description: 'the flags', formats: ROWS, schema: 'Rows' },
    also: { 400: UNKNOWN_RULE_SET },
  },
  {
    method: 'get',
    path: '/api/v1/flags/fleet',
    tag: 'rules',
    summary: 'A count rule’s fleet target, per year',
    description:
      'Baoshan: feeders with 25 or more outages in a calendar year, each later year a percentage fewer than the base year.',
    roles: ['operator'],
    query: [RULE_SET, text('rule', 'a count rule with a fleet target; default: the set’s first'), AS_OF],
    ok: { status: 200, description: 'one row per year', formats: ROWS, schema: 'Rows' },
    also: { 400: `${UNKNOWN_RULE_SET}, or the set has no such rule with a fleet target` },
  },
  {
    method: 'get',
    path: '/api/v1/flags/{assetId}/explain',
    tag: 'rules',
    summary: 'Each outage attributed to an asset, counted or why not',
    roles: ['operator'],
    params: { assetId: 'the asset' },
    query: [RULE_SET, text('rule', 'a count rule; default: the set’s first'), AS_OF],
    ok: { status: 200, description: 'the explanation', formats: ['json'] },
    also: { 400: UNKNOWN_RULE_SET, 404: 'no such asset' },
  },
  {
    method: 'get',
    path: '/api/v1/breaches',
    tag: 'rules',
    summary: 'Recorded breach history: first and latest breach per asset and rule',
    roles: ['operator'],
    query: [text('assetId', 'one asset', 1000)],
    ok: { status: 200, description: 'the breach history', formats: ROWS, schema: 'Rows' },
  },
  {
    method: 'get',
    path: '/api/v1/targets',
    tag: 'rules',
    summary: 'The reliability targets of the rule sets, one row per value (area class)',
    roles: ['operator'],
    query: [text('ruleSet', 'one rule set; default: every loaded one')],
    ok: { status: 200, description: 'the targets', formats: ROWS, schema: 'Rows' },
  },
  {
    method: 'post',
    path: '/api/v1/planned-outages/check',
    tag: 'rules',
    summary: 'What a proposed planned outage would do (先算后停); nothing is stored',
    description:
      'The areas and customers it would cut, its effect on every count rule (breaches first) and on every reliability target whose region holds the asset.',
    roles: ['planner'],
    body: { json: 'PlannedOutageCheck' },
    ok: { status: 200, description: 'the effects and targets', formats: ['json'] },
    also: { 400: 'the body is invalid, or names a rule set not loaded', 404: 'no such asset' },
  },
];
