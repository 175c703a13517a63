// What the reliability routes share: the router's deps and clock, the options every route
// takes, and how a refused computation becomes the 400.

import type { SqlScope } from '../../../analytics/reliability-sql/index.js';
import type {
  DenominatorRule,
  GroupDimension,
  GroupKeys,
  UserConvention,
  Variant,
} from '../../../analytics/reliability/index.js';
import type { CompiledRuleSet } from '../../../analytics/rules/index.js';
import { formatInZone, HttpError, type Result } from '../../../core/index.js';
import type { ReadDeps } from '../deps.js';
import type { CommonReliabilityQuery, QueryProblems } from '../query/index.js';
import type { Row } from '../respond.js';

export interface ReliabilityRouterDeps extends ReadDeps {
  /** The rule sets /reliability/causes counts by; without them it gives no counted outages. */
  ruleSets?: ReadonlyMap<string, CompiledRuleSet>;
  defaultRuleSet?: string;
}

export interface Reliability extends ReliabilityRouterDeps {
  now: () => number;
  iso: (ms: number) => string;
}

export const reliabilityContext = (deps: ReliabilityRouterDeps): Reliability => ({
  ...deps,
  now: deps.now ?? Date.now,
  iso: (ms) => formatInZone(ms, deps.zone),
});

export const ONGOING_NOTE = 'includes ongoing outages with their duration so far, up to asOf';

/** A checked-options result, or the 400 with its issues. */
export function orBadRequest<T>(r: Result<T>): T {
  if (!r.ok) throw new HttpError(400, 'invalid query parameters', { issues: r.issues });
  return r.value;
}

export interface CommonOptions {
  asOf: number;
  convention: UserConvention;
  variant: Variant;
  denominator: DenominatorRule;
  scope?: SqlScope;
}

/** The options every reliability route takes, read in their order (provinces first). */
export function commonOptions(p: QueryProblems<CommonReliabilityQuery>, now: number): CommonOptions {
  const provinces = p.read('province');
  const options: CommonOptions = {
    asOf: p.read('asOf') ?? now,
    convention: p.read('convention'),
    variant: p.read('variant'),
    denominator: p.read('denominator'),
  };
  if (provinces) options.scope = { provinces };
  return options;
}

export const flatKeys = (keys: GroupKeys, dims: readonly GroupDimension[]): Row =>
  Object.fromEntries(dims.map((d) => [d, keys[d] ?? null]));
