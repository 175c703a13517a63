// queryDailySaidi: the reference's dailySaidi by SQL. Each local day of the operating zone is
// a period of its own: the events that began on it with their whole duration (sustained
// only), N_T over that day (up to asOf) by the denominator rule. SQL gives the sustained
// customer-ms per local day of the start (one statement for the whole range) and the changes
// of the users served; TypeScript integrates those per day (users.ts).

import { fail, ok, type Result } from '../../core/issues.js';
import { startOfLocalDay } from '../../core/time.js';
import type { Store } from '../../store/index.js';
import { dayRangeIssues, seriesDay } from '../reliability/daily.js';
import { customerMinutes } from '../reliability/formulas.js';
import type { DailySeries } from '../reliability/index.js';
import { localDayPeriod } from '../reliability/periods.js';
import { census } from './census.js';
import { withIdSet } from './id-set.js';
import { type IssueRow, issuesOf, issuesStatement } from './issues.js';
import { byDay } from './keys.js';
import { checkSqlOptions } from './options.js';
import { type Plan, planOf } from './plan.js';
import { rows } from './run.js';
import { changesStatement, dailyStatement } from './statements.js';
import { type Change, usersPerDay } from './users.js';
import type { SqlDailyOptions } from './types.js';

/** The longest range one statement covers (about 30 years). */
export const MAX_DAYS = 11_000;

interface DayRow {
  lday: number;
  user_ms: number;
  ongo: number;
}

export async function queryDailySaidi(store: Store, o: SqlDailyOptions): Promise<Result<DailySeries>> {
  const dayIssues = dayRangeIssues(o.fromDay, o.toDay, MAX_DAYS);
  if (dayIssues.length > 0) return fail(dayIssues);
  const { fromDay, toDay, ...rest } = o;
  const checked = checkSqlOptions({ ...rest, from: 0, to: 1, groupBy: 'all', cemiN: [], celidHours: [] });
  if (!checked.ok) return checked;
  const zone = checked.value.zone;
  const s = {
    ...checked.value,
    from: startOfLocalDay(fromDay, zone),
    to: startOfLocalDay(toDay, zone),
    splitAtEdges: false,
    majorEventDays: undefined,
  };

  return withIdSet(store, s.excludedIds, 'o.event_id', async (excluded) => {
    const first: Plan = { ...planOf(s, excluded), grouping: byDay };
    const [issues, changes, { steps }] = await Promise.all([
      rows<IssueRow>(store, issuesStatement(first)).then((r) => issuesOf(r, first)),
      rows<Change>(store, changesStatement(first, s.from, s.to)),
      census(store, first),
    ]);
    const pieces = await rows<DayRow>(store, dailyStatement({ ...first, steps }));
    const perDay = new Map(pieces.map((r) => [r.lday, r]));
    const dayList = Array.from({ length: toDay - fromDay }, (_, i) => fromDay + i);
    const windows = dayList.map((day) => localDayPeriod(day, zone));
    const users = usersPerDay(changes, windows, s.asOf, s.denominator === 'time_weighted');
    const days = dayList.map((day, i) => {
      const { num, divisor } = users[i] as { num: number; divisor: number };
      const r = perDay.get(day);
      return seriesDay(day, customerMinutes(r?.user_ms ?? 0), num / divisor, (r?.ongo ?? 0) > 0);
    });
    return ok({ unit: 'minutes' as const, days, issues });
  });
}
