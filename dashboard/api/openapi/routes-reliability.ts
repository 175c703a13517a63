// Routes of dashboard/api/reliability.ts. These routes refuse parameters they do not know and
// name every problem at once (its `Params` class), so the lists below are complete.

import { PARETO_MEASURES, REGION_LEVELS } from '../../../analytics/causes/index.js';
import {
  DENOMINATOR_RULES,
  GROUP_DIMENSIONS,
  USER_CONVENTIONS,
  VARIANTS,
} from '../../../analytics/reliability/index.js';
import type { ApiRoute, QueryParam } from './route.js';
import { AS_OF, flag, int, list, number, oneOf, ROWS, text, time } from './route.js';

/** reliability.ts `common`: the options the three reliability routes share. */
const COMMON: readonly QueryParam[] = [
  AS_OF,
  oneOf('convention', 'users: end customers, or DL/T 836 transformers', USER_CONVENTIONS, 'customers'),
  oneOf('variant', 'which outages: RS-1 (all), RS-2, RS-3, planned or fault', VARIANTS, 'all'),
  oneOf(
    'denominator',
    'users counted time-weighted over the period, or at its end',
    DENOMINATOR_RULES,
    'time_weighted',
  ),
  list('province', 'only these provinces'),
];

const groupBy = (fallback: string): QueryParam =>
  list('groupBy', `"all" (one row) or dimensions to group by; default: ${fallback}`, [
    'all',
    ...GROUP_DIMENSIONS,
  ]);

const PERIOD: readonly QueryParam[] = [
  time('from', 'start of the period', true),
  time('to', 'end of the period (not included)', true),
];

const INVALID = 'a parameter is unknown or invalid (every problem named)';

export const RELIABILITY_ROUTES: readonly ApiRoute[] = [
  {
    method: 'get',
    path: '/api/v1/reliability',
    tag: 'reliability',
    summary: 'SAIFI, SAIDI (h), CAIDI, ASAI, MAIFI, CEMI and CELID by group, computed in QuestDB',
    description:
      'The answer states the denominator and whether ongoing outages are included; its `issues` name the groups whose figures cannot be right.',
    roles: ['operator'],
    query: [
      ...PERIOD,
      groupBy('all'),
      flag('split', 'outages crossing the period’s edges count only their part inside it'),
      number('shortOutageMinutes', 'an ended outage this long or shorter is short (MAIFI)'),
      flag('excludeMajorEventDays', 'leave out IEEE 1366 major event days (2.5β)'),
      ...COMMON,
    ],
    ok: { status: 200, description: 'one row per group', formats: ROWS, schema: 'Rows' },
    also: { 400: INVALID },
  },
  {
    method: 'get',
    path: '/api/v1/reliability/daily',
    tag: 'reliability',
    summary: 'Daily SAIDI (minutes) with the IEEE 1366 2.5β threshold and major event days',
    description: 'At most 3,660 days; each year’s threshold from its 5 years before.',
    roles: ['operator'],
    query: [...PERIOD, ...COMMON],
    ok: { status: 200, description: 'one row per local day', formats: ROWS, schema: 'Rows' },
    also: { 400: `${INVALID}, or to is not after from, or the range is too long` },
  },
  {
    method: 'get',
    path: '/api/v1/reliability/ranking',
    tag: 'reliability',
    summary: 'Regions of a year ranked by SAIDI, then SAIFI, with the change on the year before',
    roles: ['operator'],
    query: [int('year', 'the year; default: last year', 1971, 9999), groupBy('city'), ...COMMON],
    ok: { status: 200, description: 'one row per region', formats: ROWS, schema: 'Rows' },
    also: { 400: `${INVALID}, or the year is after this one` },
  },
  {
    method: 'get',
    path: '/api/v1/reliability/causes',
    tag: 'reliability',
    summary: 'Per region, the outages of a period by cause or responsibility, in Pareto order',
    description:
      'The figures are those of GET /reliability (customers convention, all outages), so a region’s causes add up to its row there; `counted` is how many outages the rule set’s count rule counts.',
    roles: ['operator'],
    query: [
      ...PERIOD,
      AS_OF,
      oneOf('groupBy', 'the region level', REGION_LEVELS, 'county'),
      text('region', 'only outages whose asset was in this province, city or county at their start'),
      text('ruleSet', 'the rule set whose count rule gives `counted`; default: the default rule set'),
      text('rule', 'that count rule; default: the set’s first'),
      oneOf('by', 'by cause, or by whose responsibility', ['cause', 'responsibility'], 'cause'),
      oneOf('paretoBy', 'the measure the Pareto order follows', PARETO_MEASURES, 'customerHours'),
    ],
    ok: {
      status: 200,
      description: 'one row per region and cause (or responsibility)',
      formats: ROWS,
      schema: 'Rows',
    },
    also: { 400: `${INVALID}, or names a rule set or rule not loaded` },
  },
];
