// The rows of a snapshot, shaped from what the product computed: the flags of a full
// evaluation (with each asset's place, so Grafana can count by county without a join), the
// reliability of the year so far by county, and each reliability target's groups with their
// status. Pure: the reads are in gather.ts, the write in write.ts.

import type { Asset } from '../../core/domain.js';
import { assetRegions } from '../../core/regions.js';
import { dateToDay, startOfLocalDay } from '../../core/time.js';
import type { RuleTargets } from '../priorities/index.js';
import type { ReliabilityReport, TargetStatus } from '../reliability/index.js';
import type { Flag, TargetMeasure } from '../rules/index.js';
import { allowedOf, conventionOf } from '../priorities/index.js';

/** One flag as kept in flag_snapshot. */
export interface FlagSnapshotRow {
  ruleSet: string;
  rule: string;
  family: string;
  assetId: string;
  kind: string;
  assetName: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  status: Flag['status'];
  count: number;
  limit: number;
  windowStart: string;
  windowEnd: string;
  /** local date, null when at risk */
  breachDate: string | null;
  /** the instant the local breach date begins in the operating zone */
  breachDay: number | null;
  /** JSON list of the counted outages' ids */
  eventIds: string;
}

/** One group's reliability figures as kept in reliability_snapshot. */
export interface ReliabilitySnapshotRow {
  /** null for the county figures, which belong to no rule set */
  ruleSet: string | null;
  rule: string | null;
  /** the measure the target is on; null without a target */
  measure: TargetMeasure | null;
  /** the grouping: 'county', a target's `per` dimension, or 'all' */
  dimension: string;
  /** the group's value: a county, an area class, a park, 'all' */
  region: string | null;
  /** the county's city (county figures only) */
  city: string | null;
  /** the local calendar year, figures up to the as-of */
  period: string;
  elapsed: number;
  convention: string;
  /** users served (county figures only: the target assessment does not carry them) */
  users: number | null;
  saidiHours: number | null;
  saifi: number | null;
  target: number | null;
  /** the allowance by the as-of (pro-rated for a year in progress) */
  allowed: number | null;
  status: TargetStatus | null;
  includesOngoing: boolean;
}

export interface Snapshot {
  asOf: number;
  ruleSets: readonly string[];
  flags: readonly FlagSnapshotRow[];
  /** null when the reliability figures could not be computed (the flags are kept regardless) */
  reliability: readonly ReliabilitySnapshotRow[] | null;
}

/** Where an asset stood at the as-of, as the snapshot names it. */
export type Placement = Pick<Asset, 'name' | 'province' | 'city' | 'county'>;

/** Longest event id list kept (JSON characters): a row must fit one INSERT statement. */
export const MAX_EVENT_IDS_CHARS = 8_000;

/** The ids as a JSON list, as many whole ids as fit `max` characters (valid JSON either way). */
export function eventIdsJson(ids: readonly string[], max = MAX_EVENT_IDS_CHARS): string {
  const kept: string[] = [];
  let length = 2;
  for (const id of ids) {
    const more = JSON.stringify(id).length + (kept.length > 0 ? 1 : 0);
    if (length + more > max) break;
    kept.push(id);
    length += more;
  }
  return JSON.stringify(kept);
}

export function flagSnapshotRows(
  flags: readonly Flag[],
  placements: ReadonlyMap<string, Placement>,
  zone: string,
): FlagSnapshotRow[] {
  return flags.map((f) => {
    const at = placements.get(f.assetId);
    return {
      ruleSet: f.ruleSet,
      rule: f.rule,
      family: f.family,
      assetId: f.assetId,
      kind: f.kind,
      assetName: at?.name ?? null,
      ...assetRegions(at),
      status: f.status,
      count: f.count,
      limit: f.limit,
      windowStart: f.windowStart,
      windowEnd: f.windowEnd,
      breachDate: f.breachDate,
      breachDay: f.breachDate === null ? null : startOfLocalDay(dateToDay(f.breachDate), zone),
      eventIds: eventIdsJson(f.eventIds),
    };
  });
}

/** The year so far by county (grouped by city and county, so two counties of one name stay apart). */
export function countyRows(
  report: ReliabilityReport,
  period: string,
  elapsed: number,
): ReliabilitySnapshotRow[] {
  return report.rows.map((r) => ({
    ruleSet: null,
    rule: null,
    measure: null,
    dimension: 'county',
    region: r.keys.county ?? null,
    city: r.keys.city ?? null,
    period,
    elapsed,
    convention: report.convention,
    users: r.customers,
    saidiHours: r.saidi,
    saifi: r.saifi,
    target: null,
    allowed: null,
    status: null,
    includesOngoing: r.includesOngoing,
  }));
}

/** Each target group of a rule set with its status; the measured value goes in its measure's column. */
export function targetRows(ruleSet: string, targets: readonly RuleTargets[]): ReliabilitySnapshotRow[] {
  return targets.flatMap((t) => {
    const dimension = t.dims[0] ?? 'all';
    return t.groups.map((g): ReliabilitySnapshotRow => {
      const value = g.before.saidiHours;
      return {
        ruleSet,
        rule: t.rule.id,
        measure: t.rule.measure,
        dimension,
        region: t.dims[0] === undefined ? 'all' : (g.keys[t.dims[0]] ?? null),
        city: null,
        period: String(t.year),
        elapsed: t.elapsedFraction,
        convention: conventionOf(t.rule),
        users: null,
        saidiHours: t.rule.measure === 'saidi_hours' ? value : null,
        saifi: t.rule.measure === 'saifi' ? value : null,
        target: g.target.hours,
        allowed: allowedOf(g.before),
        status: g.before.status,
        includesOngoing: g.includesOngoing,
      };
    });
  });
}
