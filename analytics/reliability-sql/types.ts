// Options of the SQL evaluator: the reference's options (analytics/reliability/types.ts) with
// the records replaced by what is stored in QuestDB, a scope choosing the assets, and the
// exclusions given as event ids instead of a predicate.

import type { DailySaidiOptions, ReliabilityOptions } from '../reliability/index.js';

/** Which stored assets make up the system; absent = every asset in the database. */
export interface SqlScope {
  /** only these assets and the events recorded on them */
  assetIds?: readonly string[] | undefined;
  /** only the assets that have a version in one of these provinces (all their versions) */
  provinces?: readonly string[] | undefined;
}

interface Stored {
  scope?: SqlScope | undefined;
  /** Events with these ids are dropped (frequent-outage exclusions; counted in dropped.excluded). */
  excludedEventIds?: Iterable<string> | undefined;
}

export type SqlReliabilityOptions = Omit<ReliabilityOptions, 'assets' | 'events' | 'excluded'> & Stored;

export type SqlDailyOptions = Omit<DailySaidiOptions, 'assets' | 'events' | 'excluded'> & Stored;
