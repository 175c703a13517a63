// The local day number of a timestamp column, computed by QuestDB: the one SQL spelling of
// core/time's localDay (days since 1970-01-01 of the local calendar date in the zone).
// to_timezone gives the wall clock as a TIMESTAMP (µs); its whole days since the epoch are
// the day number, for any instant since 1970 (integer division truncates toward zero).

import { type Sql, sql } from '../../store/index.js';

const DAY_US = 86_400_000_000n;

/** `column` (a TIMESTAMP expression) as the local day number in `zone`, a LONG. */
export const localDaySql = (column: Sql, zone: string): Sql =>
  sql`to_timezone(${column}, ${zone})::long / ${DAY_US}`;
