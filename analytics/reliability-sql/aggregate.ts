// From den (N_T) and pc (the contributions of pieces and exposures, units.ts) to one row per
// group, as the reference's measures.ts: first per group and unit (the unit's share of N_T
// next to its interruption count and durations, for CN, CEMI and CELID), then per group. An
// event counts once per group: its first piece there. Sums stay whole numbers where the
// reference's are.

import { raw, type Sql } from '../../store/index.js';
import type { Plan } from './plan.js';

const MS_PER_HOUR = 3_600_000;

/** The sums one row of pe0 adds to its group and unit; `first`: it is its event's first piece there. */
const parts = (first: string): string => `CASE WHEN is_exp AND is_freq THEN 1L ELSE 0L END cnt,
    CASE WHEN is_exp THEN unit_ms ELSE 0.0 END max_ms,
    CASE WHEN is_exp THEN unit_ms ELSE 0.0 END sum_ms,
    CASE WHEN pk = 1 THEN users ELSE 0L END users,
    CASE WHEN pk = 2 THEN users ELSE 0L END s_users,
    CASE WHEN is_piece AND NOT is_short THEN user_ms ELSE 0.0 END user_ms,
    CASE WHEN pk = 1 AND ${first} THEN 1L ELSE 0L END events,
    CASE WHEN pk = 2 AND ${first} THEN 1L ELSE 0L END s_events,
    CASE WHEN is_ongoing THEN 1 ELSE 0 END ongo`;

const SUMS = `sum(cnt) cnt, max(max_ms) max_ms, sum(sum_ms) sum_ms, sum(users) users, sum(s_users) s_users,
    sum(user_ms) user_ms, sum(events) events, sum(s_events) s_events, max(ongo) ongo`;

/** pc from pe (pe0 with rn): one contribution per row. */
export function perRowContributionCte(p: Plan): Sql {
  return raw(`pc AS (
  SELECT ${p.grouping.names.join(', ')}, unit_id, ${parts('rn = 1')} FROM pe)`);
}

export function aggregateCtes(p: Plan): Sql[] {
  const k = p.grouping.names.join(', ');
  return [
    raw(`ag AS (
  SELECT ${k}, unit_id::varchar unit_id, share::long share, 0L cnt, 0.0 max_ms, 0.0 sum_ms,
    0L users, 0L s_users, 0.0 user_ms, 0L events, 0L s_events, 0 ongo
  FROM den
  UNION ALL
  SELECT ${k}, unit_id, 0L, cnt, max_ms, sum_ms, users, s_users, user_ms, events, s_events, ongo
  FROM pc)`),
    raw(`l1 AS (
  SELECT ${k}, unit_id, sum(share) share, ${SUMS}
  FROM ag GROUP BY ${k}, unit_id)`),
  ];
}

/** The per-group select over l1: num (N_T numerator), sums, cn, cemi{i}, celid_s{i}, celid_c{i}. */
export function groupSelect(p: Plan): string {
  const k = p.grouping.names.join(', ');
  const share = (cond: string): string => `sum(CASE WHEN ${cond} THEN share ELSE 0L END)`;
  const cemi = p.cemiN.map((x, i) => `, ${share(`cnt > ${x}`)} cemi${i}`).join('');
  const celid = p.celidHours
    .map((h, i) => {
      const limit = h * MS_PER_HOUR;
      return `, ${share(`max_ms > ${limit}`)} celid_s${i}, ${share(`sum_ms > ${limit}`)} celid_c${i}`;
    })
    .join('');
  return `SELECT ${k}, sum(share) num, sum(users) users, sum(s_users) s_users, sum(user_ms) user_ms,
    sum(events) events, sum(s_events) s_events, max(ongo) ongo, ${share('cnt > 0')} cn${cemi}${celid}
  FROM l1 GROUP BY ${k}`;
}
