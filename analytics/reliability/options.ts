// Check the options once and fill in the defaults; every later step trusts the result.

import type { OutageEvent } from '../../core/domain.js';
import { fail, type Issue, ok, type Result } from '../../core/issues.js';
import { isValidZone } from '../../core/time.js';
import { normaliseGroupBy } from './groups.js';
import {
  BEFORE_FIRST_VERSION,
  type BeforeFirstVersion,
  DENOMINATOR_RULES,
  type DenominatorRule,
  GROUP_DIMENSIONS,
  type GroupDimension,
  type ReliabilityOptions,
  USER_CONVENTIONS,
  type UserConvention,
  VARIANTS,
  type Variant,
} from './types.js';

export const DEFAULT_SHORT_OUTAGE_MINUTES = 3;
export const DEFAULT_CEMI_N: readonly number[] = [1, 3, 5];
export const DEFAULT_CELID_HOURS: readonly number[] = [1, 4];

export interface Settings {
  from: number;
  to: number;
  asOf: number;
  zone: string;
  dims: readonly GroupDimension[];
  convention: UserConvention;
  variant: Variant;
  shortOutageMinutes: number;
  denominator: DenominatorRule;
  splitAtEdges: boolean;
  excluded: ((event: OutageEvent) => boolean) | undefined;
  majorEventDays: ReadonlySet<number> | undefined;
  cemiN: readonly number[];
  celidHours: readonly number[];
  beforeFirstVersion: BeforeFirstVersion;
}

const oneOf = <T extends string>(
  allowed: readonly T[],
  value: T | undefined,
  fallback: T,
  path: string,
  issues: Issue[],
): T => {
  if (value === undefined) return fallback;
  if (allowed.includes(value)) return value;
  issues.push({ path, message: `must be one of ${allowed.join(', ')}, got: ${JSON.stringify(value)}` });
  return fallback;
};

export function checkOptions(o: ReliabilityOptions): Result<Settings> {
  const issues: Issue[] = [];
  for (const key of ['from', 'to', 'asOf'] as const) {
    if (!Number.isFinite(o[key]))
      issues.push({ path: key, message: `must be a finite time in ms, got: ${o[key]}` });
  }
  if (Number.isFinite(o.from) && Number.isFinite(o.to) && o.to <= o.from) {
    issues.push({ path: 'to', message: `must be after from (${o.from}), got: ${o.to}` });
  }
  const zone = o.zone;
  // Checked at run time too: an absent zone would make Intl use the machine's own.
  if (typeof zone !== 'string')
    issues.push({ path: 'zone', message: `must be an IANA time zone, got: ${zone}` });
  else if (!isValidZone(zone)) issues.push({ path: 'zone', message: `unknown time zone: "${zone}"` });

  const groupBy = o.groupBy ?? 'all';
  const rawDims = groupBy === 'all' ? [] : typeof groupBy === 'string' ? [groupBy] : groupBy;
  rawDims.forEach((d, i) => {
    if (!GROUP_DIMENSIONS.includes(d)) {
      const path = typeof groupBy === 'string' ? 'groupBy' : `groupBy[${i}]`;
      issues.push({ path, message: `must be 'all' or one of ${GROUP_DIMENSIONS.join(', ')}, got: "${d}"` });
    }
  });

  const shortOutageMinutes = o.shortOutageMinutes ?? DEFAULT_SHORT_OUTAGE_MINUTES;
  if (!(Number.isFinite(shortOutageMinutes) && shortOutageMinutes >= 0)) {
    issues.push({ path: 'shortOutageMinutes', message: `must be a number ≥ 0, got: ${shortOutageMinutes}` });
  }
  const cemiN = o.cemiN ?? DEFAULT_CEMI_N;
  cemiN.forEach((n, i) => {
    if (!(Number.isInteger(n) && n >= 0))
      issues.push({ path: `cemiN[${i}]`, message: `must be a whole number ≥ 0, got: ${n}` });
  });
  const celidHours = o.celidHours ?? DEFAULT_CELID_HOURS;
  celidHours.forEach((h, i) => {
    if (!(Number.isFinite(h) && h >= 0))
      issues.push({ path: `celidHours[${i}]`, message: `must be a number ≥ 0, got: ${h}` });
  });

  const settings: Settings = {
    from: o.from,
    to: o.to,
    asOf: o.asOf,
    zone,
    dims: normaliseGroupBy(groupBy),
    convention: oneOf(USER_CONVENTIONS, o.convention, 'customers', 'convention', issues),
    variant: oneOf(VARIANTS, o.variant, 'all', 'variant', issues),
    shortOutageMinutes,
    denominator: oneOf(DENOMINATOR_RULES, o.denominator, 'time_weighted', 'denominator', issues),
    splitAtEdges: o.splitAtEdges ?? false,
    excluded: o.excluded,
    majorEventDays: o.majorEventDays,
    cemiN,
    celidHours,
    beforeFirstVersion: oneOf(
      BEFORE_FIRST_VERSION,
      o.beforeFirstVersion,
      'first_version',
      'beforeFirstVersion',
      issues,
    ),
  };
  return issues.length > 0 ? fail(issues) : ok(settings);
}
