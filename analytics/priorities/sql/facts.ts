// Gathers the facts of every asset the work list ranks: the assets flagged by the rule set
// (breach, at risk, or watch: at risk or in breach were each limit one lower) and those with
// a case that is not closed. Each fact comes from the module that owns it: flags from the SQL
// evaluator, figures from the reliability queries, cases from the case log, months on the
// ledger from the frozen ledgers, targets from the reliability queries and assessTarget.

import type { Asset, Cause } from '../../../core/domain.js';
import { fail, type Issue, ok, type Result } from '../../../core/issues.js';
import { localDate, localDay, startOfLocalDay } from '../../../core/time.js';
import { type Store, sql, ts } from '../../../store/index.js';
import { evaluateFlags } from '../../flags/index.js';
import { readAssetsAsOf } from '../../outages/index.js';
import { isOverdue, listCases, readRuns } from '../../remediation/index.js';
import { monthsOnLedger } from '../../remediation/sql/reports.js';
import type { CompiledRuleSet, Flag } from '../../rules/index.js';
import type { AssetFacts, OpenCase, RuleStanding, TargetStanding } from '../facts.js';
import { assetGroup, targetStanding } from '../targets.js';
import type { PriorityWeights } from '../weights.js';
import { chunks } from './chunks.js';
import { ownFigures, type Period, regionFigures, regionLabel } from './figures.js';
import { assessTargets, type RuleTargets } from './targets.js';

export interface FactsQuery {
  ruleSet: CompiledRuleSet;
  asOf: number;
  zone: string;
  weights: PriorityWeights;
}

export interface GatheredFacts {
  facts: AssetFacts[];
  /** the trailing year: local days today − 364 … today */
  period: Period;
  targets: RuleTargets[];
  includesOngoing: boolean;
}

/** The trailing 365 local days ending on the day of asOf, with asOf as the cut-off. */
export function trailingYear(asOf: number, zone: string, shortOutageMinutes: number): Period {
  const today = localDay(asOf, zone);
  return {
    from: startOfLocalDay(today - 364, zone),
    to: startOfLocalDay(today + 1, zone),
    asOf,
    zone,
    shortOutageMinutes,
  };
}

/** The rule set with every count limit one lower (rules whose limit is 1 left out): the watch level. */
export function loweredRuleSet(set: CompiledRuleSet): CompiledRuleSet {
  const countRules = set.countRules.filter((r) => r.limit >= 2).map((r) => ({ ...r, limit: r.limit - 1 }));
  return { ...set, countRules, rules: [...countRules, ...set.targetRules] };
}

/** Flags at the real limits and at the watch level, as standings by asset. */
export function standingsOf(
  flags: readonly Flag[],
  watchFlags: readonly Flag[],
  limits: ReadonlyMap<string, number>,
): Map<string, RuleStanding[]> {
  const out = new Map<string, RuleStanding[]>();
  const add = (assetId: string, s: RuleStanding): void => {
    const list = out.get(assetId);
    if (list) list.push(s);
    else out.set(assetId, [s]);
  };
  const flagged = new Set<string>();
  for (const f of flags) {
    flagged.add(`${f.assetId}\n${f.rule}`);
    add(f.assetId, {
      rule: f.rule,
      status: f.status,
      count: f.count,
      limit: f.limit,
      breachDate: f.breachDate,
      windowStart: f.windowStart,
      windowEnd: f.windowEnd,
    });
  }
  for (const f of watchFlags) {
    if (flagged.has(`${f.assetId}\n${f.rule}`)) continue;
    add(f.assetId, {
      rule: f.rule,
      status: 'watch',
      count: f.count,
      limit: limits.get(f.rule) ?? f.limit + 1,
      breachDate: null,
      windowStart: f.windowStart,
      windowEnd: f.windowEnd,
    });
  }
  return out;
}

async function causesOf(
  store: Store,
  p: Period,
  ids: readonly string[],
): Promise<Map<string, Partial<Record<Cause, number>>>> {
  const out = new Map<string, Partial<Record<Cause, number>>>();
  for (const chunk of chunks(ids)) {
    const rows = await store.rows<{ asset_id: string; cause: Cause; n: number }>(
      sql`SELECT asset_id, cause, count() n FROM outages
          WHERE NOT deleted AND asset_id IN (${chunk}) AND start >= ${ts(p.from)} AND start <= ${ts(p.asOf)}`,
    );
    for (const r of rows) {
      const m = out.get(r.asset_id) ?? {};
      m[r.cause] = Number(r.n);
      out.set(r.asset_id, m);
    }
  }
  return out;
}

async function assetsAsOf(store: Store, asOf: number, ids: readonly string[]): Promise<Map<string, Asset>> {
  const out = new Map<string, Asset>();
  for (const chunk of chunks(ids)) {
    for (const a of await readAssetsAsOf(store, asOf, sql`asset_id IN (${chunk})`)) out.set(a.assetId, a);
  }
  return out;
}

export async function gatherFacts(store: Store, q: FactsQuery): Promise<Result<GatheredFacts>> {
  const { ruleSet, asOf, zone, weights } = q;
  const today = localDate(asOf, zone);
  const period = trailingYear(asOf, zone, ruleSet.shortOutageMinutes);

  const [flags, watchFlags, cases, runs] = await Promise.all([
    evaluateFlags(store, { ruleSet, asOf, zone }),
    evaluateFlags(store, { ruleSet: loweredRuleSet(ruleSet), asOf, zone }),
    listCases(store, ruleSet.name, zone, asOf),
    readRuns(store, 'ledger', ruleSet.name),
  ]);
  const limits = new Map(ruleSet.countRules.map((r) => [r.id, r.limit]));
  const standings = standingsOf(flags, watchFlags, limits);

  const openCases = new Map<string, OpenCase>();
  for (const { state: c } of cases) {
    if (c.status === 'closed' || openCases.has(c.assetId)) continue; // cases come oldest first
    openCases.set(c.assetId, {
      caseId: c.caseId,
      status: c.status,
      openedDate: c.openedDate,
      dueDate: c.dueDate,
      overdue: isOverdue(c, today),
      responsibleUnit: c.fields.responsibleUnit ?? null,
    });
  }

  const ids = [...new Set([...standings.keys(), ...openCases.keys()])].sort();
  const assets = await assetsAsOf(store, asOf, ids);
  const known = ids.filter((id) => assets.has(id));
  const list = known.map((id) => assets.get(id) as Asset);

  const [own, regions, targets, causes, months] = await Promise.all([
    ownFigures(store, period, list),
    regionFigures(store, period, weights.region),
    assessTargets(store, { ruleSet, asOf, zone }),
    causesOf(store, period, known),
    monthsOnLedger(store, ruleSet.name, asOf, runs),
  ]);
  const issues: Issue[] = [];
  if (!own.ok) issues.push(...own.issues);
  if (!regions.ok) issues.push(...regions.issues);
  if (!targets.ok) issues.push(...targets.issues);
  if (!own.ok || !regions.ok || !targets.ok) return fail(issues);

  const facts = list.map((a): AssetFacts => {
    const figures = own.value.get(a.assetId);
    const label = regionLabel(
      { province: a.province ?? null, city: a.city ?? null, county: a.county ?? null },
      weights.region,
    );
    const place = {
      province: a.province ?? null,
      city: a.city ?? null,
      county: a.county ?? null,
      areaClass: a.areaClass,
      park: a.park ?? null,
    };
    const targetStandings: TargetStanding[] = [];
    for (const t of targets.value) {
      const keys = assetGroup(t.rule, t.dims, place);
      if (!keys) continue;
      const group = t.groups.find((g) => t.dims.every((d) => (g.keys[d] ?? null) === (keys[d] ?? null)));
      if (group) targetStandings.push(targetStanding(t.rule, group.label, group.before));
    }
    return {
      assetId: a.assetId,
      kind: a.kind,
      name: a.name ?? null,
      ...place,
      customers: a.customers,
      standings: standings.get(a.assetId) ?? [],
      customersAffected: figures?.customerInterruptions ?? 0,
      customerHours: figures?.customerHours ?? 0,
      includesOngoing: figures?.includesOngoing ?? false,
      region: regions.value.regions.get(label) ?? null,
      monthsOnLedger: months.get(a.assetId) ?? 0,
      openCase: openCases.get(a.assetId) ?? null,
      targets: targetStandings,
      causes: causes.get(a.assetId) ?? {},
    };
  });
  return ok({
    facts,
    period,
    targets: targets.value,
    includesOngoing: regions.value.includesOngoing || facts.some((f) => f.includesOngoing),
  });
}
