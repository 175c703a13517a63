// The queries of the reliability routes (dashboard/api/reliability/). They refuse parameters
// they do not take and name every problem at once, so these are complete.

import { z } from 'zod';
import { PARETO_MEASURES, REGION_LEVELS } from '../../../analytics/causes/index.js';
import { DENOMINATOR_RULES, USER_CONVENTIONS, VARIANTS } from '../../../analytics/reliability/index.js';
import { asOf } from './common.js';
import { intOr, time } from './fields.js';
import { choice, dimensions, flag, names, number, oneName } from './reliability-fields.js';

/** The options every reliability route takes. */
const common = (zone: string) => ({
  asOf: asOf(zone),
  convention: choice(USER_CONVENTIONS, 'customers', 'users: end customers, or DL/T 836 transformers'),
  variant: choice(VARIANTS, 'all', 'which outages: RS-1 (all), RS-2, RS-3, planned or fault'),
  denominator: choice(
    DENOMINATOR_RULES,
    'time_weighted',
    'users counted time-weighted over the period, or at its end',
  ),
  province: names('only these provinces'),
});

/** A query with the options every reliability route takes. */
export type CommonReliabilityQuery = z.ZodObject<ReturnType<typeof common>>;

const period = (zone: string) => ({
  from: time(zone, 'start of the period'),
  to: time(zone, 'end of the period (not included)'),
});

export const reliabilityQuery = (zone: string) =>
  z.object({
    ...period(zone),
    groupBy: dimensions('all'),
    split: flag('outages crossing the period’s edges count only their part inside it'),
    shortOutageMinutes: number('an ended outage this long or shorter is short (MAIFI)'),
    excludeMajorEventDays: flag('leave out IEEE 1366 major event days (2.5β)'),
    ...common(zone),
  });

export const dailySaidiQuery = (zone: string) => z.object({ ...period(zone), ...common(zone) });

/** Up to `thisYear`: later years have no outages (the description says 9999). */
export const rankingQuery = (zone: string, thisYear: number) =>
  z.object({
    year: intOr('the year; default: last year', 1971, thisYear),
    groupBy: dimensions('city'),
    ...common(zone),
  });

export const causesQuery = (zone: string) =>
  z.object({
    ...period(zone),
    asOf: asOf(zone),
    groupBy: choice(REGION_LEVELS, 'county', 'the region level'),
    region: oneName('only outages whose asset was in this province, city or county at their start'),
    ruleSet: oneName('the rule set whose count rule gives `counted`; default: the default rule set'),
    rule: oneName('that count rule; default: the set’s first'),
    by: choice(['cause', 'responsibility'], 'cause', 'by cause, or by whose responsibility'),
    paretoBy: choice(PARETO_MEASURES, 'customerHours', 'the measure the Pareto order follows'),
  });
