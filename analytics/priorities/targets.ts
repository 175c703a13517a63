// Reliability targets of a rule set (Baoshan's SAIDI hours by area class, Kunming's parks under
// 1 h) turned into what the reliability queries take: the grouping of the rule's `per`, the
// user convention of its `basis`, the target of a group, and which group an asset is in.
//
// Population: the rule's province list narrows the query; a list on the grouping dimension
// (a park list for per park, `park: true`) keeps those groups. Other scope keys (kind, and a
// city or area-class list when grouping by something else) are not applied: a group's figure
// is over every unit of the group, and any asset whose keys match is in it.

import type { AreaClass, Asset } from '../../core/domain.js';
import { assetRegions } from '../../core/regions.js';
import type {
  GroupDimension,
  GroupKeys,
  ReliabilityTarget,
  TargetAssessment,
  UserConvention,
  Variant,
} from '../reliability/index.js';
import { compileScope, type TargetRule } from '../rules/index.js';
import type { TargetStanding } from './facts.js';

/** The grouping of a target's `per`; null for per asset (not evaluated here). */
export function targetDims(rule: TargetRule): GroupDimension[] | null {
  switch (rule.per) {
    case 'all':
      return [];
    case 'province':
      return ['province'];
    case 'city':
      return ['city'];
    case 'county':
      return ['county'];
    case 'area_class':
      return ['areaClass'];
    case 'park':
      return ['park'];
    case 'asset':
      return null;
  }
}

/** DL/T 836 medium voltage: one public transformer = one user; low voltage: end customers. */
export const conventionOf = (rule: TargetRule): UserConvention =>
  rule.basis === 'medium_voltage' ? 'transformers' : 'customers';

/** The statistical variant of the rule's `counts` (planned or fault only); cause lists are not applied. */
export function variantOf(rule: TargetRule): Variant {
  if (rule.counts?.planned === true) return 'planned';
  if (rule.counts?.planned === false) return 'fault';
  return 'all';
}

/** The target of a group: a number, or the value for the group's area class. */
export function targetFor(rule: TargetRule, keys: GroupKeys): ReliabilityTarget | undefined {
  const { atMost, below, orReductionPercent } = rule.target;
  const value = atMost ?? below;
  const hours =
    typeof value === 'number'
      ? value
      : value && keys.areaClass
        ? (value as Record<string, number | undefined>)[keys.areaClass]
        : undefined;
  if (hours === undefined) return undefined;
  return {
    hours,
    strict: below !== undefined,
    ...(orReductionPercent !== undefined ? { orReductionFraction: orReductionPercent / 100 } : {}),
  };
}

/** Does a group belong to the rule's population (the scope list on the grouping dimension)? */
export function groupInScope(rule: TargetRule, keys: GroupKeys): boolean {
  const s = rule.scope;
  const listed = (values: readonly string[] | undefined, v: string | null | undefined): boolean =>
    values === undefined || (v !== null && v !== undefined && values.includes(v));
  if ('park' in keys) {
    if (s.park === true && (keys.park ?? null) === null) return false;
    if (s.park === false && (keys.park ?? null) !== null) return false;
    if (Array.isArray(s.park) && !listed(s.park as readonly string[], keys.park)) return false;
  }
  if ('province' in keys && !listed(s.province, keys.province)) return false;
  if ('city' in keys && !listed(s.city, keys.city)) return false;
  if ('county' in keys && !listed(s.county, keys.county)) return false;
  if ('areaClass' in keys && !listed(s.areaClass, keys.areaClass)) return false;
  return true;
}

/** "areaClass=rural", "park=滇中新区", "all". */
export const groupLabel = (keys: GroupKeys, dims: readonly GroupDimension[]): string =>
  dims.length === 0 ? 'all' : dims.map((d) => `${d}=${keys[d] ?? '(none)'}`).join(', ');

/** What of an asset places it in a target's groups. */
export interface AssetLike {
  province: string | null;
  city: string | null;
  county: string | null;
  areaClass: AreaClass;
  park: string | null;
}

/** An asset version as assetGroup reads it. */
export const groupingOf = (a: Asset): AssetLike => ({
  ...assetRegions(a),
  areaClass: a.areaClass,
  park: a.park ?? null,
});

/** The group of the asset under the rule, or null when the rule's scope (kind aside) leaves it out. */
export function assetGroup(
  rule: TargetRule,
  dims: readonly GroupDimension[],
  a: AssetLike,
): GroupKeys | null {
  const inScope = compileScope({ ...rule.scope, kind: ['feeder', 'area'] });
  const probe: Asset = { assetId: '', kind: 'feeder', areaClass: a.areaClass, customers: 0, validFrom: 0 };
  if (a.province !== null) probe.province = a.province;
  if (a.city !== null) probe.city = a.city;
  if (a.county !== null) probe.county = a.county;
  if (a.park !== null) probe.park = a.park;
  if (!inScope(probe)) return null;
  const keys: GroupKeys = {};
  for (const d of dims) {
    keys[d] =
      d === 'areaClass'
        ? a.areaClass
        : d === 'province' || d === 'city' || d === 'county' || d === 'park'
          ? a[d]
          : null;
  }
  return keys;
}

/** The allowance a group must stay within by now: the larger of the hours and the reduction allowance. */
export const allowedOf = (a: TargetAssessment): number =>
  Math.max(a.allowedHours, a.reductionAllowedHours ?? 0);

export function targetStanding(rule: TargetRule, group: string, a: TargetAssessment): TargetStanding {
  return {
    rule: rule.id,
    measure: rule.measure,
    group,
    value: a.saidiHours,
    allowed: allowedOf(a),
    status: a.status,
  };
}
