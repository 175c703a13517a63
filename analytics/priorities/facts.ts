// What the score is computed from: plain data per asset, gathered by the adapters in sql/
// (flags, reliability queries, cases, frozen ledgers, targets), so every part is a pure
// function of these facts and can be checked by hand.

import type { AreaClass, AssetKind, Cause } from '../../core/domain.js';
import type { TargetStatus } from '../reliability/index.js';

/**
 * The asset's standing under one count rule as of the evaluation:
 * breach: a breach dated in the trailing 365 days; at_risk: its current window holds `limit`
 * counted outages; watch: neither, but it would be at risk or in breach were the limit one
 * lower (its current window holds limit − 1, or a window in the trailing year reached limit).
 */
export type Standing = 'breach' | 'at_risk' | 'watch';
export const STANDINGS: readonly Standing[] = ['breach', 'at_risk', 'watch'];

export interface RuleStanding {
  rule: string;
  status: Standing;
  /** counted outages in the flag's window (watch: in the window of the lowered limit) */
  count: number;
  limit: number;
  /** local date of the latest breach in the trailing 365 days; null unless breach */
  breachDate: string | null;
  windowStart: string;
  windowEnd: string;
}

export interface OpenCase {
  caseId: string;
  status: string;
  openedDate: string;
  dueDate: string;
  overdue: boolean;
  responsibleUnit: string | null;
}

/** The asset's group under one reliability target and how the group stands this year. */
export interface TargetStanding {
  rule: string;
  measure: 'saidi_hours' | 'saifi';
  /** the group, e.g. "areaClass=rural" or "park=滇中新区" */
  group: string;
  /** SAIDI hours (or SAIFI) of the group in the calendar year so far */
  value: number;
  /** the most the group may have by now: the larger of the two allowances (hours, reduction) */
  allowed: number;
  status: TargetStatus;
}

/** The asset's region (province, city or county path) over the trailing year, all outages. */
export interface RegionFigures {
  /** e.g. "云南/保山市/隆阳区" */
  region: string;
  customers: number;
  /** Σ N_i of sustained interruptions (SAIFI's numerator) */
  customerInterruptions: number;
  /** Σ r_i N_i in hours (SAIDI's numerator) */
  customerHours: number;
  saifi: number | null;
  saidi: number | null;
}

export interface AssetFacts {
  assetId: string;
  kind: AssetKind;
  name: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  areaClass: AreaClass;
  park: string | null;
  customers: number;
  standings: RuleStanding[];
  /** Outages recorded on the asset in the trailing year: Σ N_i of sustained interruptions */
  customersAffected: number;
  /** … and Σ r_i N_i in hours (ongoing outages up to the evaluation time) */
  customerHours: number;
  includesOngoing: boolean;
  region: RegionFigures | null;
  monthsOnLedger: number;
  /** the oldest case of the asset in the rule set that is not closed */
  openCase: OpenCase | null;
  targets: TargetStanding[];
  /** outages recorded on the asset in the trailing year, by cause */
  causes: Partial<Record<Cause, number>>;
}
