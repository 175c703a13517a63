// Public types of the reliability reference implementation (SAIFI, SAIDI, CAIDI, ASAI, MAIFI,
// CEMI, CELID). Instants are epoch ms; calendar logic (days, years) is in the operating zone.

import type { Asset, OutageEvent } from '../../core/domain.js';
import type { Issue } from '../../core/issues.js';

export const GROUP_DIMENSIONS = [
  'province',
  'city',
  'county',
  'areaClass',
  'park',
  'feeder',
  'area',
] as const;
export type GroupDimension = (typeof GROUP_DIMENSIONS)[number];
/** 'all' (one row), one dimension, or several (e.g. ['city', 'areaClass']). */
export type GroupBy = 'all' | GroupDimension | readonly GroupDimension[];
/** The grouping keys of a row: one entry per grouped dimension, null when the asset has no value. */
export type GroupKeys = Partial<Record<GroupDimension, string | null>>;

/**
 * `customers`: end customers (low-voltage statistics, IEEE 1366).
 * `transformers`: DL/T 836 medium-voltage statistics, one public distribution transformer
 * (one transformer area) = one user.
 */
export const USER_CONVENTIONS = ['customers', 'transformers'] as const;
export type UserConvention = (typeof USER_CONVENTIONS)[number];

/** all = RS-1, no_external = RS-2, no_shortage = RS-3; planned (预安排) and fault (故障) split. */
export const VARIANTS = ['all', 'no_external', 'no_shortage', 'planned', 'fault'] as const;
export type Variant = (typeof VARIANTS)[number];

/** N_T: time-weighted average customer count over the period, or the count valid at its end. */
export const DENOMINATOR_RULES = ['time_weighted', 'end'] as const;
export type DenominatorRule = (typeof DENOMINATOR_RULES)[number];

/** Before an asset's first version: that version applies (default), or the asset did not exist. */
export const BEFORE_FIRST_VERSION = ['first_version', 'absent'] as const;
export type BeforeFirstVersion = (typeof BEFORE_FIRST_VERSION)[number];

export interface ReliabilityOptions {
  /** Asset versions (several per assetId, told apart by validFrom; on a tie the later one wins). */
  assets: readonly Asset[];
  /** Outage events; a repeated eventId replaces the earlier occurrence. */
  events: readonly OutageEvent[];
  /** Period [from, to). */
  from: number;
  to: number;
  /** The time the figures are taken at: ongoing outages run until here, later starts are ignored. */
  asOf: number;
  /** The operating zone (IANA name): local days and years, major event days. Required: no default. */
  zone: string;
  groupBy?: GroupBy | undefined;
  convention?: UserConvention | undefined;
  variant?: Variant | undefined;
  /** Ended outages no longer than this are short (MAIFI), default 3 (DL/T 836). */
  shortOutageMinutes?: number | undefined;
  denominator?: DenominatorRule | undefined;
  /** Count only the part of each outage's duration inside [from, to). Default false (IEEE 1366). */
  splitAtEdges?: boolean | undefined;
  /** Frequent-outage exclusions: events for which this answers true are dropped. */
  excluded?: ((event: OutageEvent) => boolean) | undefined;
  /** Local day numbers (core/time localDay) of major event days: events beginning on them are dropped. */
  majorEventDays?: ReadonlySet<number> | undefined;
  /** CEMI_n for these n (customers with MORE than n sustained interruptions). Default [1, 3, 5]. */
  cemiN?: readonly number[] | undefined;
  /** CELID thresholds in hours (interruption duration strictly above). Default [1, 4]. */
  celidHours?: readonly number[] | undefined;
  beforeFirstVersion?: BeforeFirstVersion | undefined;
}

export interface CemiValue {
  n: number;
  /** customers (users) with more than n sustained interruptions */
  customers: number;
  value: number | null;
}

export interface CelidValue {
  hours: number;
  /** customers (users) with a single sustained interruption longer than `hours` */
  singleCustomers: number;
  single: number | null;
  /** customers (users) whose sustained interruptions add up to more than `hours` */
  cumulativeCustomers: number;
  cumulative: number | null;
}

export interface ReliabilityRow {
  keys: GroupKeys;
  /** N_T: customers (or transformer users) served, by the report's denominator rule */
  customers: number;
  /** sustained events that began in the period */
  events: number;
  /** short events that began in the period */
  shortEvents: number;
  /** Σ N_i over sustained interruptions that began in the period */
  customerInterruptions: number;
  /** Σ N_i over short interruptions that began in the period */
  shortInterruptions: number;
  /** Σ r_i N_i in minutes (sustained; steps summed; whole duration or the part inside the period) */
  customerMinutes: number;
  saifi: number | null;
  /** hours */
  saidi: number | null;
  /** hours per interruption; null when SAIFI is 0 or unknown */
  caidi: number | null;
  asai: number | null;
  maifi: number | null;
  /** CN: customers with at least one sustained interruption (per-asset approximation, see cemi) */
  customersInterrupted: number;
  cemi: CemiValue[];
  celid: CelidValue[];
  /** true when an ongoing outage (duration so far, up to asOf) is in these figures */
  includesOngoing: boolean;
}

export interface DroppedEvents {
  variant: number;
  excluded: number;
  majorEventDays: number;
}

export interface ReliabilityReport {
  rows: ReliabilityRow[];
  from: number;
  to: number;
  asOf: number;
  zone: string;
  groupBy: readonly GroupDimension[];
  convention: UserConvention;
  variant: Variant;
  denominator: DenominatorRule;
  splitAtEdges: boolean;
  shortOutageMinutes: number;
  /** Hours of [from, min(to, asOf)): the ASAI base and the time-weighting window. */
  periodHours: number;
  includesOngoing: boolean;
  exclusionsApplied: boolean;
  majorEventDaysApplied: boolean;
  dropped: DroppedEvents;
  /** Data problems met on the way (unknown assets, areas, duplicate ids); the figures skip them. */
  issues: Issue[];
}
