// Reliability measures computed by QuestDB: the same options (checked by the reference's own
// checkOptions) and the same ReliabilityReport as the reference evaluator
// (analytics/reliability), over the stored assets and outages and what each outage reached
// (outage_reach: the attribution kept at write, with each asset's placement at the start).
//
// In SQL: scope, variant / exclusion / major-event-day filters, attribution (ongoing up to
// asOf, short outages, split at the period's edges), step restoration from the restorations
// JSON, the areas a feeder event interrupted (read from outage_reach), asset versions for N_T
// (time-weighted or end), sums per group and per unit (CN, CEMI, CELID), daily customer-ms.
// In TypeScript: the divisions of those sums, row order, issue wording, and the per-day
// integration of the users served for the daily series (from SQL change points).

export { MAX_DAYS, queryDailySaidi } from './daily.js';
export { JSON_STEPS } from './events.js';
export { INLINE_CHARS } from './id-set.js';
export { queryMajorEventDays, type SqlMajorEventOptions } from './major-events.js';
export { checkSqlOptions, MAX_ASSET_ID_CHARS, type SqlSettings } from './options.js';
export { queryRegionalRanking } from './ranking.js';
export { queryReliability } from './report.js';
export { MAX_STATEMENT_BYTES } from './run.js';
export type { SqlDailyOptions, SqlReliabilityOptions, SqlScope } from './types.js';
