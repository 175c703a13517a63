// Gathers the facts of every asset the work list ranks: the assets flagged by the rule set
// (breach, at risk, or watch: at risk or in breach were each limit one lower) and those with
// a case that is not closed. Each fact comes from the module that owns it: flags from the SQL
// evaluator, figures from the reliability queries, cases from the case log, months on the
// ledger from the frozen ledgers, targets from the reliability queries and assessTarget.

import { pushTo } from '../../../core/collections.js';
import type { Asset, Cause } from '../../../core/domain.js';
import { fail, ok, type Result } from '../../../core/issues.js';
import { assetRegions } from '../../../core/regions.js';
import { localDate, localDay, startOfLocalDay } from '../../../core/time.js';
import { type Store, sql, ts } from '../../../store/index.js';
import { evaluateFlags } from '../../flags/index.js';
import { readAssetsAsOfById } from '../../outages/index.js';
import { type Folded, isOverdue, listCases, readRuns } from '../../remediation/index.js';
import { monthsOnLedger } from '../../remediation/sql/reports.js';
import type { CompiledRuleSet, Flag } from '../../rules/index.js';
import type { AssetFacts, OpenCase, RuleStanding, TargetStanding } from '../facts.js';
import { assetGroup, groupingOf, targetStanding } from '../targets.js';
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
  const flagged = new Set<string>();
  for (const f of flags) {
    flagged.add(`${f.assetId}\n${f.rule}`);
    pushTo(out, f.assetId, {
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
    pushTo(out, f.assetId, {
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

/** Each asset's oldest case that is not closed, as of `today`. */
function openCasesOf(cases: readonly Folded[], today: string): Map<string, OpenCase> {
  const out = new Map<string, OpenCase>();
  for (const { state: c } of cases) {
    if (c.status === 'closed' || out.has(c.assetId)) continue; // cases come oldest first
    out.set(c.assetId, {
      caseId: c.caseId,
      status: c.status,
      openedDate: c.openedDate,
      dueDate: c.dueDate,
      overdue: isOverdue(c, today),
      responsibleUnit: c.fields.responsibleUnit ?? null,
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

/** The standing of the asset's group under each target whose scope holds it. */
function targetStandingsOf(targets: readonly RuleTargets[], a: Asset): TargetStanding[] {
  const out: TargetStanding[] = [];
  for (const t of targets) {
    const keys = assetGroup(t.rule, t.dims, groupingOf(a));
    if (!keys) continue;
    const group = t.groups.find((g) => t.dims.every((d) => (g.keys[d] ?? null) === (keys[d] ?? null)));
    if (group) out.push(targetStanding(t.rule, group.label, group.before));
  }
  return out;
}

/** What the rule set and the case log say of the assets: standings, open cases, ledger runs. */
async function readStandings(store: Store, q: FactsQuery) {
  const { ruleSet, asOf, zone } = q;
  const [flags, watchFlags, cases, runs] = await Promise.all([
    evaluateFlags(store, { ruleSet, asOf, zone }),
    evaluateFlags(store, { ruleSet: loweredRuleSet(ruleSet), asOf, zone }),
    listCases(store, ruleSet.name, zone, asOf),
    readRuns(store, 'ledger', ruleSet.name),
  ]);
  const limits = new Map(ruleSet.countRules.map((r) => [r.id, r.limit]));
  return {
    standings: standingsOf(flags, watchFlags, limits),
    openCases: openCasesOf(cases, localDate(asOf, zone)),
    runs,
  };
}

/** The figures of the assets and their regions over the period, the targets, months on the ledger. */
async function readFigures(
  store: Store,
  q: FactsQuery,
  period: Period,
  assets: readonly Asset[],
  runs: Awaited<ReturnType<typeof readRuns>>,
) {
  const { ruleSet, asOf, zone, weights } = q;
  const ids = assets.map((a) => a.assetId);
  const [own, regions, targets, causes, months] = await Promise.all([
    ownFigures(store, period, assets),
    regionFigures(store, period, weights.region),
    assessTargets(store, { ruleSet, asOf, zone }),
    causesOf(store, period, ids),
    monthsOnLedger(store, ruleSet.name, asOf, runs),
  ]);
  if (!own.ok || !regions.ok || !targets.ok)
    return fail([own, regions, targets].flatMap((r) => (r.ok ? [] : r.issues)));
  return ok({ own: own.value, regions: regions.value, targets: targets.value, causes, months });
}

export async function gatherFacts(store: Store, q: FactsQuery): Promise<Result<GatheredFacts>> {
  const period = trailingYear(q.asOf, q.zone, q.ruleSet.shortOutageMinutes);
  const { standings, openCases, runs } = await readStandings(store, q);
  const ids = [...new Set([...standings.keys(), ...openCases.keys()])].sort();
  const assets = await readAssetsAsOfById(store, q.asOf, chunks(ids));
  const list = ids.flatMap((id) => assets.get(id) ?? []);
  const figures = await readFigures(store, q, period, list, runs);
  if (!figures.ok) return figures;
  const { own, regions, targets, causes, months } = figures.value;

  const facts = list.map((a): AssetFacts => {
    const mine = own.get(a.assetId);
    return {
      assetId: a.assetId,
      kind: a.kind,
      name: a.name ?? null,
      ...groupingOf(a),
      customers: a.customers,
      standings: standings.get(a.assetId) ?? [],
      customersAffected: mine?.customerInterruptions ?? 0,
      customerHours: mine?.customerHours ?? 0,
      includesOngoing: mine?.includesOngoing ?? false,
      region: regions.regions.get(regionLabel(assetRegions(a), q.weights.region)) ?? null,
      monthsOnLedger: months.get(a.assetId) ?? 0,
      openCase: openCases.get(a.assetId) ?? null,
      targets: targetStandingsOf(targets, a),
      causes: causes.get(a.assetId) ?? {},
    };
  });
  return ok({
    facts,
    period,
    targets,
    includesOngoing: regions.includesOngoing || facts.some((f) => f.includesOngoing),
  });
}
