// Turn a checked rule file into a compiled rule set: defaults filled, keywords turned into
// functions once (scope test, count filter, window), nothing re-checked later.

import type { Asset } from '../../core/domain.js';
import { compileCounts } from './exclusions.js';
import type { ParsedRuleSet } from './schema.js';
import type {
  CompiledRuleSet,
  CountRule,
  Counts,
  LedgerDue,
  Reporting,
  Rule,
  Scope,
  TargetRule,
  TargetValue,
  Text,
} from './types.js';
import { compileWindow } from './window.js';

type ParsedRule = ParsedRuleSet['rules'][number];
type ParsedScope = ParsedRule['scope'];
type ParsedCounts = Extract<ParsedRule, { measure: 'count' }>['counts'];

/** Copy of `obj` without the keys whose value is undefined (for exactOptionalPropertyTypes). */
function defined<T extends object>(obj: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}

function scopeOf(parsed: ParsedScope): Scope {
  return defined({ ...parsed });
}

/** Each listed attribute must match; an asset without the attribute does not match a list. */
export function compileScope(scope: Scope): (asset: Asset) => boolean {
  const tests: ((a: Asset) => boolean)[] = [(a) => scope.kind.includes(a.kind)];
  const list = (values: readonly string[] | undefined, get: (a: Asset) => string | undefined): void => {
    if (values === undefined) return;
    const set = new Set(values);
    tests.push((a) => {
      const v = get(a);
      return v !== undefined && set.has(v);
    });
  };
  list(scope.province, (a) => a.province);
  list(scope.city, (a) => a.city);
  list(scope.county, (a) => a.county);
  list(scope.areaClass, (a) => a.areaClass);
  const park = scope.park;
  if (park === true) tests.push((a) => a.park !== undefined);
  else if (park === false) tests.push((a) => a.park === undefined);
  else list(park, (a) => a.park);
  return (asset) => tests.every((t) => t(asset));
}

function countsOf(parsed: ParsedCounts): Counts {
  return defined({ ...parsed });
}

type ParsedTargetValue = Extract<ParsedRule, { measure: 'saidi_hours' | 'saifi' }>['target']['atMost'];
const targetValue = (v: ParsedTargetValue): TargetValue | undefined =>
  v === undefined || typeof v === 'number' ? v : defined({ ...v });

function ruleOf(parsed: ParsedRule, shortOutageMinutes: number): Rule {
  const scope = scopeOf(parsed.scope);
  const base = defined({
    id: parsed.id,
    family: parsed.family,
    title: parsed.title as Text,
    source: parsed.source,
    scope,
    inScope: compileScope(scope),
  });
  if (parsed.measure === 'count') {
    const counts = countsOf(parsed.counts);
    const rule: CountRule = {
      ...base,
      measure: 'count',
      counts,
      notCounted: compileCounts(counts, shortOutageMinutes),
      window: parsed.window,
      windowOf: compileWindow(parsed.window),
      limit: parsed.limit,
    };
    const t = parsed.fleetTarget;
    if (t !== undefined) {
      rule.fleetTarget = {
        baseYear: t.baseYear,
        years: Object.entries(t.fewerPercent)
          .map(([year, fewerPercent]) => ({ year: Number(year), fewerPercent }))
          .sort((a, b) => a.year - b.year),
      };
    }
    return rule;
  }
  if (parsed.window.kind !== 'calendar')
    throw new Error('unreachable: the schema admits calendar windows only');
  const target = defined({
    atMost: targetValue(parsed.target.atMost),
    below: targetValue(parsed.target.below),
    orReductionPercent: parsed.target.orReductionPercent,
  });
  const rule: TargetRule = {
    ...base,
    measure: parsed.measure,
    window: parsed.window,
    per: parsed.per,
    basis: parsed.basis,
    target,
  };
  if (parsed.counts !== undefined) rule.counts = countsOf(parsed.counts);
  return rule;
}

/**
 * The set's region joined to a rule's scope: a rule names a narrower list (checked by the
 * schema) or inherits the region's. `park: true/false` in a rule narrows a park region too.
 */
function withRegion(parsed: ParsedRule, region: ParsedRuleSet['region']): ParsedRule {
  if (region === undefined) return parsed;
  const scope = { ...parsed.scope };
  if (region.province && !scope.province) scope.province = region.province;
  if (region.city && !scope.city) scope.city = region.city;
  if (region.county && !scope.county) scope.county = region.county;
  if (region.park && !Array.isArray(scope.park)) {
    if (scope.park === false) throw new Error('unreachable: a park region with a rule for no park');
    scope.park = region.park;
  }
  return { ...parsed, scope };
}

export function compileRuleSet(parsed: ParsedRuleSet): CompiledRuleSet {
  const rules = parsed.rules.map((r) => ruleOf(withRegion(r, parsed.region), parsed.shortOutageMinutes));
  return {
    ...(parsed.region ? { region: defined({ ...parsed.region }) } : {}),
    name: parsed.name,
    title: parsed.title,
    jurisdiction: parsed.jurisdiction,
    shortOutageMinutes: parsed.shortOutageMinutes,
    observationDays: parsed.observationDays,
    caseDueDays: parsed.caseDueDays,
    separationOfDuties: parsed.separationOfDuties,
    reporting: reportingOf(parsed.reporting),
    rules,
    countRules: rules.filter((r): r is CountRule => r.measure === 'count'),
    targetRules: rules.filter((r): r is TargetRule => r.measure !== 'count'),
  };
}

function reportingOf(r: ParsedRuleSet['reporting']): Reporting {
  const out: Reporting = {
    ledgerDue: ledgerDueOf(r.ledgerDue),
    disclosure: r.disclosure,
    plannedNoticeDays: r.plannedNoticeDays,
  };
  if (r.ranking) {
    const { tiers, ...rest } = r.ranking;
    out.ranking = { ...defined({ ...rest }), tiers: { ...tiers } };
  }
  if (r.summaries) {
    const { halfYear, annual } = r.summaries;
    out.summaries = defined({
      halfYear: halfYear && defined({ ...halfYear }),
      annual: annual && defined({ ...annual }),
    });
  }
  if (r.arrearsNotice) out.arrearsNotice = { ...r.arrearsNotice };
  return out;
}

function ledgerDueOf(d: ParsedRuleSet['reporting']['ledgerDue']): LedgerDue {
  if ('dayOfNextMonth' in d) return { dayOfNextMonth: d.dayOfNextMonth };
  return d.calendar === undefined
    ? { workingDayOfNextMonth: d.workingDayOfNextMonth }
    : { workingDayOfNextMonth: d.workingDayOfNextMonth, calendar: d.calendar };
}
