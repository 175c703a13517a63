// Routes of dashboard/api/reliability.ts. These routes refuse parameters they do not know and
// name every problem at once, so their schemas (dashboard/api/query/reliability.ts) are complete.

import { causesQuery, DOC_CONTEXT, dailySaidiQuery, rankingQuery, reliabilityQuery } from '../query/index.js';
import { paramsOf } from './query.js';
import { type ApiRoute, routesOf, rows } from './route.js';

const route = routesOf('reliability');
const { zone } = DOC_CONTEXT;
const INVALID = 'a parameter is unknown or invalid (every problem named)';

export const RELIABILITY_ROUTES: readonly ApiRoute[] = [
  route(
    'GET /api/v1/reliability',
    'SAIFI, SAIDI (h), CAIDI, ASAI, MAIFI, CEMI and CELID by group, computed in QuestDB',
    {
      description:
        'The answer states the denominator and whether ongoing outages are included; its `issues` name the groups whose figures cannot be right.',
      query: paramsOf(reliabilityQuery(zone)),
      ok: rows('one row per group'),
      also: { 400: INVALID },
    },
  ),
  route(
    'GET /api/v1/reliability/daily',
    'Daily SAIDI (minutes) with the IEEE 1366 2.5β threshold and major event days',
    {
      description: 'At most 3,660 days; each year’s threshold from its 5 years before.',
      query: paramsOf(dailySaidiQuery(zone)),
      ok: rows('one row per local day'),
      also: { 400: `${INVALID}, or to is not after from, or the range is too long` },
    },
  ),
  route(
    'GET /api/v1/reliability/ranking',
    'Regions of a year ranked by SAIDI, then SAIFI, with the change on the year before',
    {
      // The schema of a request is made with this year as the last: the description says 9999.
      query: paramsOf(rankingQuery(zone, 9999)),
      ok: rows('one row per region'),
      also: { 400: `${INVALID}, or the year is after this one` },
    },
  ),
  route(
    'GET /api/v1/reliability/causes',
    'Per region, the outages of a period by cause or responsibility, in Pareto order',
    {
      description:
        'The figures are those of GET /reliability (customers convention, all outages), so a region’s causes add up to its row there; `counted` is how many outages the rule set’s count rule counts.',
      query: paramsOf(causesQuery(zone)),
      ok: rows('one row per region and cause (or responsibility)'),
      also: { 400: `${INVALID}, or names a rule set or rule not loaded` },
    },
  ),
];
