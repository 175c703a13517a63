// Fleet targets (Baoshan: "年停电25次以上的线路条数…2021年…同比减少10%，2022年…减少20%"): how many
// assets breached a calendar-year count rule in each year, against the most the target allows.
// Each year is the rule alone evaluated as of the year's last local instant (or asOf, for the
// year in progress), counting the breaches dated in that year: an asset breaches a calendar-year
// window once, at the outage that takes its count over the limit.

import { fromWallClock, localDate } from '../../core/index.js';
import type { Store } from '../../store/index.js';
import type { CompiledRuleSet, CountRule } from '../rules/index.js';
import type { FleetYear } from '../../core/vocabulary/index.js';
import { evaluateFlags } from './evaluate.js';

export type { FleetYear };

export interface FleetReport {
  ruleSet: string;
  rule: string;
  baseYear: number;
  asOf: number;
  years: FleetYear[];
}

/** The last instant (ms) of a local calendar year. */
const endOfYear = (year: number, zone: string): number =>
  fromWallClock({ year: year + 1, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 }, zone) -
  1;

/** The most assets allowed under a reduction of at least `percent` against `base`. */
export const allowedUnder = (base: number, percent: number): number =>
  Math.floor((base * (100 - percent)) / 100);

export async function fleetReport(
  store: Store,
  q: { ruleSet: CompiledRuleSet; rule: CountRule; asOf: number; zone: string; assetIds?: readonly string[] },
): Promise<FleetReport> {
  const target = q.rule.fleetTarget;
  if (target === undefined) throw new Error(`rule ${q.rule.id} has no fleet target`);
  const current = Number(localDate(q.asOf, q.zone).slice(0, 4));
  const last = Math.min(current, Math.max(target.baseYear, ...target.years.map((y) => y.year)));
  const years: FleetYear[] = [];
  let base = 0;
  for (let year = target.baseYear; year <= last; year++) {
    const asOf = Math.min(q.asOf, endOfYear(year, q.zone));
    const flags = await evaluateFlags(store, {
      ruleSet: q.ruleSet,
      asOf,
      zone: q.zone,
      rules: [q.rule.id],
      ...(q.assetIds ? { assetIds: q.assetIds } : {}),
    });
    const assets = new Set(
      flags
        .filter((f) => f.rule === q.rule.id && f.status === 'breach' && f.breachDate?.startsWith(`${year}-`))
        .map((f) => f.assetId),
    ).size;
    if (year === target.baseYear) base = assets;
    const fewerPercent = target.years.find((y) => y.year === year)?.fewerPercent ?? null;
    const allowed = fewerPercent === null ? null : allowedUnder(base, fewerPercent);
    years.push({
      year,
      assets,
      complete: year < current,
      fewerPercent,
      allowed,
      met: allowed === null ? null : assets <= allowed,
    });
  }
  return { ruleSet: q.ruleSet.name, rule: q.rule.id, baseYear: target.baseYear, asOf: q.asOf, years };
}
