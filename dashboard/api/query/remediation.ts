// The queries of the remediation and planning routes: remediation.ts (cases, the frozen ledger
// and disclosure, clearing to zero), priorities.ts, reports.ts, and the delivery log of
// subscriptions.ts.

import { z } from 'zod';
import { CASE_STATUSES, CLEARING_KEYS, CLEARING_STEPS } from '../../../analytics/remediation/index.js';
import { ASSET_KINDS, CAUSES } from '../../../core/index.js';
import { asOf, format, lang, type QueryContext } from './common.js';
import { EXPECTED, int, list, oneOf, type ParamDoc, param, readList, text, timeOr } from './fields.js';
import { type RuleSets, ruleSetParam } from './rule-set.js';

/** One of `values`, read as a list of them whose first counts (an empty list: `fallback`). */
function firstOf<const T extends string>(values: readonly T[], fallback: T, description: string) {
  const doc: ParamDoc = { description, type: 'string', enum: [...values], default: fallback };
  const read = readList(values);
  return param(doc, (s, ctx) => read(s, ctx)?.[0] ?? fallback);
}

export const casesQuery = (sets: RuleSets) =>
  z.object({
    ruleSet: ruleSetParam(sets),
    status: list([...CASE_STATUSES, 'active'], 'these statuses; "active": every one but closed'),
    overdue: oneOf(['true', 'false'], 'only overdue cases, or only those that are not', EXPECTED),
    region: text('cases of assets in this province, city or county'),
    assetId: text('one asset'),
    family: text('one rule family, e.g. frequent_outage'),
    unit: text('one responsible unit'),
  });

export const ruleSetQuery = (sets: RuleSets) => z.object({ ruleSet: ruleSetParam(sets) });

/** A frozen document: as a file, and in which language (remediation.ts, reports.ts). */
export const documentQuery = z.object({ format: format(EXPECTED), lang: lang(EXPECTED) });

/** A frozen document of a rule set. */
export const frozenQuery = (sets: RuleSets) =>
  z.object({ ruleSet: ruleSetParam(sets), ...documentQuery.shape });

export const clearingQuery = (c: QueryContext) =>
  z.object({
    ruleSet: ruleSetParam(c),
    from: timeOr(c.zone, 'first point; default: the start of the month holding the day 335 days before to'),
    to: timeOr(c.zone, 'last point; default: now'),
    step: firstOf(CLEARING_STEPS, 'month', 'the step between points (at most 1,000 points)'),
    groupBy: list(CLEARING_KEYS, 'keys to group by; default: city,unit'),
  });

/** The most rows a work list gives. */
const MAX_TOP = 10_000;

/** GET /priorities; it refuses parameters it does not take. */
export const prioritiesQuery = (c: QueryContext) =>
  z.object({
    ruleSet: ruleSetParam(c),
    asOf: asOf(c.zone),
    region: text('assets in this province, city or county'),
    unit: text('assets whose open case has this responsible unit'),
    kind: oneOf(ASSET_KINDS, 'feeders or transformer areas'),
    cause: oneOf(CAUSES, 'assets with an outage of this cause in the trailing year'),
    top: int('rows at most', 1, MAX_TOP, 50),
    format: format(),
    lang: lang(),
  });

export const upcomingArrearsQuery = (sets: RuleSets) =>
  z.object({ ruleSet: ruleSetParam(sets), days: int('how many days ahead', 1, 366, 30) });

export const deliveriesQuery = z.object({ limit: int('attempts at most', 1, 10_000, 500) });
