// Parameters many routes share, and the context their schemas are made in: the operating zone
// (times without an offset are read in it) and the loaded rule sets.

import { EXPECTED_ONE_OF, oneOf, type Says, timeOr } from './fields.js';
import type { RuleSets } from './rule-set.js';

export interface QueryContext extends RuleSets {
  zone: string;
}

/** What the API description makes the schemas in: times read in UTC, no rule set loaded. */
export const DOC_CONTEXT: QueryContext = { zone: 'UTC', ruleSets: new Map(), defaultRuleSet: '' };

export const asOf = (zone: string) => timeOr(zone, 'the time the answer is as of; default: now');

/** A file to download instead of the negotiated answer. */
export const format = (says: Says = EXPECTED_ONE_OF) =>
  oneOf(
    ['json', 'csv', 'xlsx'],
    'a file to download instead of the negotiated answer (XLSX in Chinese unless lang says)',
    says,
  );

/** Headers and codes in words. */
export const lang = (says: Says = EXPECTED_ONE_OF) =>
  oneOf(['zh', 'en'], 'headers and codes in words: Chinese or English', says);
