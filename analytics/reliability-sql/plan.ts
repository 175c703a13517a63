// Everything the SQL builders need, fixed once per query from the checked settings.

import type { BeforeFirstVersion, UserConvention, Variant } from '../reliability/index.js';
import type { IdSet } from './id-set.js';
import { byDimensions, type Grouping } from './keys.js';
import type { SqlSettings } from './options.js';
import type { SqlScope } from './types.js';

export interface Plan {
  /** period [from, to) in epoch ms; asOf: the time the figures are taken at */
  from: number;
  to: number;
  asOf: number;
  splitAtEdges: boolean;
  shortMs: number;
  zone: string;
  variant: Variant;
  convention: UserConvention;
  beforeFirstVersion: BeforeFirstVersion;
  /** local day numbers whose events are dropped, or undefined */
  majorEventDays: readonly number[] | undefined;
  scope: SqlScope;
  excluded: IdSet;
  grouping: Grouping;
  /** one piece per interrupted transformer area (see the reference's units.ts) */
  areaLevel: boolean;
  /** the most restoration steps an event in the period has (0: no step parsing) */
  steps: number;
  cemiN: readonly number[];
  celidHours: readonly number[];
}

/** The plan of a report; `steps` is filled in after the census. */
export function planOf(s: SqlSettings, excluded: IdSet): Plan {
  return {
    from: s.from,
    to: s.to,
    asOf: s.asOf,
    splitAtEdges: s.splitAtEdges,
    shortMs: s.shortOutageMinutes * 60_000,
    zone: s.zone,
    variant: s.variant,
    convention: s.convention,
    beforeFirstVersion: s.beforeFirstVersion,
    majorEventDays: s.majorEventDays ? [...s.majorEventDays].sort((a, b) => a - b) : undefined,
    scope: s.scope,
    excluded,
    grouping: byDimensions(s.dims),
    areaLevel: s.convention === 'transformers' || s.dims.includes('area'),
    steps: 0,
    cemiN: s.cemiN,
    celidHours: s.celidHours,
  };
}
