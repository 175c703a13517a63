// N_T, the users served by each group, from the asset versions.
//
// time_weighted (default): Σ over unit versions of weight × (time the version is in force
// inside the window) / window length, so 100 customers for 10 days then 200 for 20 days
// give (100·10 + 200·20) / 30. A unit that changes group keys mid-period (an area re-fed from
// another feeder) counts in each group for its share of the time.
// end: the weight of the version in force at the last instant of the window.
//
// Units and weights: see units.ts (customers: areas and feeders no area names, weight =
// customers; transformers: areas, weight 1 plus their enterprise customers, and feeders with
// enterprise customers of their own, weight those). The window is [from, min(to, asOf)): for a
// period still in progress, the users served so far.

import { type Group, groupOf } from './groups.js';
import type { AssetRegister } from './register.js';
import type { DenominatorRule, GroupDimension, UserConvention } from './types.js';
import type { Asset } from '../../core/domain.js';

export interface Denominators {
  /** group id → group and N_T numerator (N_T = num / divisor) */
  groups: Map<string, { group: Group; num: number }>;
  /** shareKey(groupId, unitId) → numerator of that unit's part of the group's N_T */
  shares: Map<string, number>;
  /** window length in ms (time_weighted) or 1; numerators are whole numbers, divided once */
  divisor: number;
}

export const shareKey = (groupId: string, unitId: string): string => `${groupId}\n${unitId}`;

export interface DenominatorInput {
  register: AssetRegister;
  dims: readonly GroupDimension[];
  convention: UserConvention;
  rule: DenominatorRule;
  from: number;
  /** end of the window, exclusive */
  end: number;
}

function isUnit(v: Asset, register: AssetRegister, convention: UserConvention): boolean {
  if (v.kind === 'area') return true;
  return convention === 'customers' ? register.isLeafFeeder(v.assetId) : (v.enterpriseCustomers ?? 0) > 0;
}

/**
 * customers: the customers served. transformers (DL/T 836 medium voltage): a public transformer
 * area is one user, and each 10 kV customer with a transformer of its own (专变用户) is one more.
 */
export const weightOf = (v: Asset, convention: UserConvention): number =>
  convention === 'customers' ? v.customers : (v.kind === 'area' ? 1 : 0) + (v.enterpriseCustomers ?? 0);

/** N_T is time-weighted over a window of some length; otherwise it is the count at one instant. */
export const isTimeWeighted = (rule: DenominatorRule, from: number, end: number): boolean =>
  rule === 'time_weighted' && end > from;

export function denominators(input: DenominatorInput): Denominators {
  const { register, dims, convention, from, end } = input;
  // Numerators first (integers: weight × ms), one division at the end.
  const groupNum = new Map<string, { group: Group; num: number }>();
  const unitNum = new Map<string, number>();
  const add = (v: Asset, amount: number): void => {
    const group = groupOf(v, dims);
    const g = groupNum.get(group.id) ?? { group, num: 0 };
    g.num += amount;
    groupNum.set(group.id, g);
    const k = shareKey(group.id, v.assetId);
    unitNum.set(k, (unitNum.get(k) ?? 0) + amount);
  };

  const weighted = isTimeWeighted(input.rule, from, end);
  const instant = end > from ? end - 1 : from;
  for (const id of register.ids()) {
    if (!weighted) {
      const v = register.at(id, instant);
      if (v && isUnit(v, register, convention)) add(v, weightOf(v, convention));
      continue;
    }
    const versions = register.versions(id);
    versions.forEach((v, i) => {
      if (!isUnit(v, register, convention)) return;
      const open = i === 0 && register.beforeFirstVersion === 'first_version';
      const vStart = open ? Number.NEGATIVE_INFINITY : v.validFrom;
      const vEnd = versions[i + 1]?.validFrom ?? Number.POSITIVE_INFINITY;
      const ms = Math.min(vEnd, end) - Math.max(vStart, from);
      if (ms > 0) add(v, weightOf(v, convention) * ms);
    });
  }

  return { groups: groupNum, shares: unitNum, divisor: weighted ? end - from : 1 };
}
