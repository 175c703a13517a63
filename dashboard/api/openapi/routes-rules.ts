// Routes of the rule sets and what they find: dashboard/api/flags.ts, the targets of
// dashboard-data.ts and the planned-outage check of planned-check.ts.

import { ASSET_KINDS } from '../../../core/index.js';
import { targetsQuery } from '../query/index.js';
import { paramsOf } from './query.js';
import { AS_OF, type ApiRoute, json, oneOf, RULE_SET, routesOf, rows, text } from './route.js';

const route = routesOf('rules');
const UNKNOWN_RULE_SET = 'a parameter is invalid, or no rule set of that name is loaded';

// flags.ts reads its query by hand (query-params.ts): its parameters are stated here.
const FLAGS = [
  RULE_SET,
  AS_OF,
  oneOf('status', 'only this status', ['breach', 'at_risk']),
  oneOf('kind', 'only feeders or only transformer areas', ASSET_KINDS),
];
const countRule = (description: string) => [RULE_SET, text('rule', description), AS_OF];

export const RULES_ROUTES: readonly ApiRoute[] = [
  route('GET /api/v1/rule-sets', 'The loaded rule sets with their rules and reporting calendar', {
    ok: rows('one row per rule set'),
  }),
  route('GET /api/v1/flags', 'Assets in breach or at risk', {
    description:
      'Evaluated in QuestDB as of asOf; without asOf, the flags of now kept current after every ingest.',
    query: FLAGS,
    ok: rows('the flags'),
    also: { 400: UNKNOWN_RULE_SET },
  }),
  route('GET /api/v1/flags/fleet', 'A count rule’s fleet target, per year', {
    description:
      'Baoshan: feeders with 25 or more outages in a calendar year, each later year a percentage fewer than the base year.',
    query: countRule('a count rule with a fleet target; default: the set’s first'),
    ok: rows('one row per year'),
    also: { 400: `${UNKNOWN_RULE_SET}, or the set has no such rule with a fleet target` },
  }),
  route('GET /api/v1/flags/{assetId}/explain', 'Each outage attributed to an asset, counted or why not', {
    params: { assetId: 'the asset' },
    query: countRule('a count rule; default: the set’s first'),
    ok: json('the explanation'),
    also: { 400: UNKNOWN_RULE_SET, 404: 'no such asset' },
  }),
  route('GET /api/v1/breaches', 'Recorded breach history: first and latest breach per asset and rule', {
    query: [text('assetId', 'one asset', 1000)],
    ok: rows('the breach history'),
  }),
  route('GET /api/v1/targets', 'The reliability targets of the rule sets, one row per value (area class)', {
    query: paramsOf(targetsQuery),
    ok: rows('the targets'),
  }),
  route(
    'POST /api/v1/planned-outages/check',
    'What a proposed planned outage would do (先算后停); nothing is stored',
    {
      description:
        'The areas and customers it would cut, its effect on every count rule (breaches first) and on every reliability target whose region holds the asset.',
      roles: ['planner'],
      body: { json: 'PlannedOutageCheck' },
      ok: json('the effects and targets'),
      also: { 400: 'the body is invalid, or names a rule set not loaded', 404: 'no such asset' },
    },
  ),
];
