// N_T numerators by SQL, as the reference's denominator.ts: per group and unit, Σ weight × ms
// in force inside [from, end) (time_weighted), or the weight of the version in force at the
// window's last instant (end rule, and any window of zero length). Whole numbers (LONG); the
// caller divides once by the window length. The daily series takes the changes of the users
// served instead and integrates them per day (O(versions + days), not versions × days).

import { raw, type Sql, sql } from '../../store/index.js';
import type { DenominatorRule } from '../reliability/index.js';
import { n } from './events.js';
import { keyList } from './keys.js';
import { isTimeWeighted } from '../reliability/denominator.js';
import { servedUntil } from '../reliability/periods.js';
import type { Plan } from './plan.js';
import { isUnit, weightOf } from './versions.js';

export const isWeighted = (p: Plan, rule: DenominatorRule): boolean =>
  isTimeWeighted(rule, p.from, servedUntil(p));

/** den: k*, unit_id, share (one row per unit version counted). */
export function denominatorCte(p: Plan, rule: DenominatorRule): Sql {
  const end = servedUntil(p);
  const keys = raw(keyList(p.grouping, 'v.'));
  const unit = raw(isUnit('v', p.convention));
  const w = raw(weightOf('v', p.convention));
  if (isWeighted(p, rule)) {
    const ms = sql`(least(v.hi, ${n(end)}) - greatest(v.lo, ${n(p.from)}))`;
    return sql`den AS (
  SELECT ${keys}, v.id unit_id, ${w} * ${ms} share
  FROM vi v LEFT JOIN fed f ON f.feeder = v.id
  WHERE ${unit} AND ${ms} > 0)`;
  }
  const instant = n(end > p.from ? end - 1 : p.from);
  return sql`den AS (
  SELECT ${keys}, v.id unit_id, ${w} share
  FROM vi v LEFT JOIN fed f ON f.feeder = v.id
  WHERE ${unit} AND v.lo <= ${instant} AND ${instant} < v.hi)`;
}

/**
 * ch: the changes of the users served inside [from, to): one row per instant t where unit
 * versions begin (+weight) or end (−weight), summed per instant; versions in force before
 * `from` begin at `from`. The daily series integrates them per day (see users.ts).
 */
export function changesSelect(p: Plan, from: number, to: number): Sql {
  const unit = raw(isUnit('v', p.convention));
  const w = raw(weightOf('v', p.convention));
  const overlaps = sql`${unit} AND v.hi > ${n(from)} AND v.lo < ${n(to)}`;
  return sql`SELECT t, sum(dw) dw FROM (
  SELECT greatest(v.lo, ${n(from)}) t, ${w} dw FROM vi v LEFT JOIN fed f ON f.feeder = v.id WHERE ${overlaps}
  UNION ALL
  SELECT v.hi t, -${w} dw FROM vi v LEFT JOIN fed f ON f.feeder = v.id WHERE ${overlaps} AND v.hi < ${n(to)}
) GROUP BY t ORDER BY t`;
}
