// Pareto order of causes (or responsibilities) within each region: largest first by the chosen
// measure, each row with its share of the region's total and the cumulative share up to it.
// Pure functions over the figures the SQL returns (sql.ts).

import { groupBy } from '../../core/collections.js';
import { compareNullLast } from '../../core/order.js';
import { CAUSES, type Cause } from '../../core/domain.js';
import { RESPONSIBILITIES, type Responsibility, responsibilityOf } from './responsibility.js';

export const PARETO_MEASURES = ['customerHours', 'customerInterruptions', 'events', 'counted'] as const;
export type ParetoMeasure = (typeof PARETO_MEASURES)[number];

/** What one region's outages of one cause (or responsibility) add up to. */
export interface Figures {
  /** sustained outages (longer than the short-outage threshold, or ongoing) */
  events: number;
  /** short outages (ended within the threshold): MAIFI's, not SAIFI's */
  shortEvents: number;
  /** customers interrupted by the sustained outages (户次) */
  customerInterruptions: number;
  shortInterruptions: number;
  /** customer-hours of the sustained outages, step restorations summed per step */
  customerHours: number;
  /** outages the rule counts (null: no rule set) */
  counted: number | null;
  includesOngoing: boolean;
}

export interface CauseFigures extends Figures {
  region: string | null;
  cause: Cause;
}

export interface ResponsibilityFigures extends Figures {
  region: string | null;
  responsibility: Responsibility;
  /** the causes that made it up, in the order of CAUSES */
  causes: Cause[];
}

export interface ParetoPlace {
  /** 1 for the largest within its region */
  rank: number;
  /** of the region's total of the measure; null when that total is 0 */
  share: number | null;
  cumulativeShare: number | null;
}

const measureOf = (f: Figures, by: ParetoMeasure): number => f[by] ?? 0;

/** The figures of several rows summed. */
function sum(rows: readonly Figures[]): Figures {
  const counted = rows.some((r) => r.counted !== null)
    ? rows.reduce((n, r) => n + (r.counted ?? 0), 0)
    : null;
  return {
    events: rows.reduce((n, r) => n + r.events, 0),
    shortEvents: rows.reduce((n, r) => n + r.shortEvents, 0),
    customerInterruptions: rows.reduce((n, r) => n + r.customerInterruptions, 0),
    shortInterruptions: rows.reduce((n, r) => n + r.shortInterruptions, 0),
    customerHours: rows.reduce((n, r) => n + r.customerHours, 0),
    counted,
    includesOngoing: rows.some((r) => r.includesOngoing),
  };
}

const byRegion = <T extends { region: string | null }>(rows: readonly T[]): Map<string | null, T[]> =>
  groupBy(rows, (r) => r.region);

/** Each region's causes rolled up by responsibility (only responsibilities with outages). */
export function rollUp(rows: readonly CauseFigures[]): ResponsibilityFigures[] {
  const out: ResponsibilityFigures[] = [];
  for (const [region, list] of byRegion(rows)) {
    for (const responsibility of RESPONSIBILITIES) {
      const mine = list.filter((r) => responsibilityOf(r.cause) === responsibility);
      if (mine.length === 0) continue;
      const causes = CAUSES.filter((c) => mine.some((r) => r.cause === c));
      out.push({ region, responsibility, causes, ...sum(mine) });
    }
  }
  return out;
}

/** The regions' totals, one per region. */
export const regionTotals = (rows: readonly (Figures & { region: string | null })[]) =>
  [...byRegion(rows)].map(([region, list]) => ({ region, ...sum(list) }));

/**
 * Rows in Pareto order: regions by their total of the measure (largest first, then by name,
 * unnamed last), within a region largest first; ties keep `tie` order (causes or
 * responsibilities in their declared order).
 */
export function paretoOrder<T extends Figures & { region: string | null }>(
  rows: readonly T[],
  by: ParetoMeasure,
  tie: (a: T, b: T) => number,
): (T & ParetoPlace)[] {
  const regions = [...byRegion(rows)].map(([region, list]) => ({
    region,
    list,
    total: list.reduce((n, r) => n + measureOf(r, by), 0),
  }));
  regions.sort((a, b) => b.total - a.total || compareNullLast(a.region, b.region));
  const out: (T & ParetoPlace)[] = [];
  for (const { list, total } of regions) {
    const sorted = [...list].sort((a, b) => measureOf(b, by) - measureOf(a, by) || tie(a, b));
    let running = 0;
    sorted.forEach((row, i) => {
      const value = measureOf(row, by);
      running += value;
      const known = total > 0 && !(by === 'counted' && row.counted === null);
      out.push({
        ...row,
        rank: i + 1,
        share: known ? value / total : null,
        cumulativeShare: known ? running / total : null,
      });
    });
  }
  return out;
}

export const byCauseOrder = (a: { cause: Cause }, b: { cause: Cause }): number =>
  CAUSES.indexOf(a.cause) - CAUSES.indexOf(b.cause);

export const byResponsibilityOrder = (
  a: { responsibility: Responsibility },
  b: { responsibility: Responsibility },
): number => RESPONSIBILITIES.indexOf(a.responsibility) - RESPONSIBILITIES.indexOf(b.responsibility);
