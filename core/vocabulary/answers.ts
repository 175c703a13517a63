// The wire types of answers that both ends read: the server builds them, the browser (type
// only) and the benchmarks consume them, so neither retypes them by hand.

import type { AssetKind, CaseStatus, FlagStatus, Measure, UserAction, VerificationMethod } from './codes.js';
import type { Label } from './label.js';

/** A row of GET /live: an outage without an end, with the customers still out. */
export interface ActiveOutage {
  eventId: string;
  assetId: string;
  assetName: string | null;
  kind: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  /** the start in the operating zone, ISO-8601 with its offset */
  start: string;
  minutesSoFar: number;
  customersOut: number;
  cause: string;
  planned: boolean;
  estimatedRestoration: string | null;
}

/** A row of GET /flags: an asset in breach of or at risk under one count rule, as of a time. */
export interface FlagRow {
  assetId: string;
  kind: AssetKind;
  rule: string;
  ruleSet: string;
  family: string;
  status: FlagStatus;
  count: number;
  limit: number;
  /** local dates 'YYYY-MM-DD', inclusive */
  windowStart: string;
  windowEnd: string;
  /** local date of the latest breach within the 365 days ending at asOf; null when at_risk */
  breachDate: string | null;
  /** in start order */
  eventIds: string[];
}

/** GET /flags's columns, in its order (the order of its Arrow and CSV answers). */
export const FLAG_COLUMNS = [
  'assetId',
  'kind',
  'rule',
  'ruleSet',
  'family',
  'status',
  'count',
  'limit',
  'windowStart',
  'windowEnd',
  'breachDate',
  'eventIds',
] as const satisfies readonly (keyof FlagRow)[];

/** GET /remediation/vocabulary: the codes of remediation with their labels and workflow. */
export interface RemediationVocabulary {
  statuses: { status: CaseStatus; label: Label }[];
  actions: { action: UserAction; label: Label; from: CaseStatus[]; requires: string[] }[];
  measures: { measure: Measure; label: Label }[];
  verificationMethods: { method: VerificationMethod; label: Label }[];
}

/** A year of GET /flags/fleet: the assets with a breach dated in it, against the fleet target. */
export interface FleetYear {
  year: number;
  /** assets with a breach dated in the year */
  assets: number;
  /** false for the year asOf falls in: the count so far */
  complete: boolean;
  /** the least reduction against the base year, percent (null: no target that year) */
  fewerPercent: number | null;
  /** the most assets the target allows: ⌊base × (100 − fewerPercent) / 100⌋ */
  allowed: number | null;
  /** assets ≤ allowed (for a year in progress: so far) */
  met: boolean | null;
}
