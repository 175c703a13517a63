// The planned-outage check (先算后停): what a proposed planned outage would do before it is
// scheduled. Under each active rule set, the assets it would reach and whether it pushes them to
// at risk or into breach (rules/what-if.ts, on the history read from QuestDB, scheduled outages
// included); and for each reliability target, the share of the target the outage alone would use
// in the target's group (the county, the area class, the park… its `per`).

import { groupBy } from '../../core/collections.js';
import type { Asset, Cause, OutageEvent } from '../../core/domain.js';
import { fail, ok, type Result } from '../../core/index.js';
import {
  type CompiledRuleSet,
  horizonDays,
  type ProposedEffect,
  byOutcome,
  proposedEffects,
  type TargetMeasure,
  type TargetPer,
  type TargetRule,
  type Text,
} from '../rules/index.js';
import { readAssetVersions } from '../outages/index.js';
import { join, raw, type Sql, type Store, sql } from '../../store/index.js';
import { readAssetsHistory } from './history-of.js';

const DAY_MS = 86_400_000;
/** The proposal's event id: ingest refuses ids starting with a quote, so no stored outage has it. */
const PROPOSAL_ID = "'proposed";

export interface PlannedCheckInput {
  /** the feeder or transformer area to be switched off */
  assetId: string;
  /** a feeder outage's areas; absent: every area on the feeder at the start */
  affectedAreas?: readonly string[] | undefined;
  start: number;
  durationMinutes: number;
  /** customers off; absent: the customers of the areas reached (of the area itself) */
  customersAffected?: number | undefined;
  cause: Cause;
  ruleSets: readonly CompiledRuleSet[];
  zone: string;
}

export interface TargetImpact {
  ruleSet: string;
  rule: string;
  title: Text;
  measure: TargetMeasure;
  per: TargetPer;
  /** the group the target is judged on: a county's name, an area class, a park; null for all */
  group: string | null;
  /**
   * users of the group: on the medium_voltage basis (DL/T 836) each transformer area and each
   * 10 kV enterprise customer (enterpriseCustomers); on the low_voltage basis the customers
   */
  users: number;
  /** users of the group the outage interrupts */
  interrupted: number;
  /** what the outage adds to the measure: hours per user (SAIDI) or interruptions per user (SAIFI) */
  increase: number;
  /** the yearly target for the group (atMost or below), null when only a reduction is set */
  target: number | null;
  /** increase ÷ target; null without a target */
  shareOfTarget: number | null;
}

export interface PlannedCheck {
  assetId: string;
  kind: Asset['kind'];
  name: string | null;
  county: string | null;
  start: number;
  end: number;
  /** transformer areas the outage would interrupt */
  areas: number;
  customersAffected: number;
  effects: (ProposedEffect & { name: string | null })[];
  targets: TargetImpact[];
}

/** POST /planned-outages/check's answer: the check with its instants in the operating zone. */
export type PlannedCheckAnswer = Omit<PlannedCheck, 'start' | 'end'> & {
  /** ISO-8601 with the zone's offset */
  start: string;
  end: string;
  zone: string;
  /** the rule sets it was checked under */
  ruleSets: string[];
};

const versionAt = (versions: readonly Asset[], t: number): Asset | undefined => {
  let found = versions[0];
  for (const v of versions) if (v.validFrom <= t) found = v;
  return found;
};

/** The asset field a target groups by; 'all' and 'asset' have none. */
const GROUP_FIELD: Partial<Record<TargetPer, keyof Asset & string>> = {
  province: 'province',
  city: 'city',
  county: 'county',
  area_class: 'areaClass',
  park: 'park',
};
const COLUMN: Record<string, string> = {
  province: 'province',
  city: 'city',
  county: 'county',
  areaClass: 'area_class',
  park: 'park',
};

/** The target rule's scope without its kind (targets name feeders or areas; users are areas). */
function regionFilters(rule: TargetRule): Sql[] {
  const s = rule.scope;
  const parts: Sql[] = [];
  for (const f of ['province', 'city', 'county', 'areaClass'] as const) {
    const list = s[f];
    if (list) parts.push(sql`${raw(COLUMN[f] as string)} IN (${list})`);
  }
  if (s.park === true) parts.push(sql`park IS NOT NULL`);
  else if (s.park === false) parts.push(sql`park IS NULL`);
  else if (Array.isArray(s.park)) parts.push(sql`park IN (${s.park as readonly string[]})`);
  return parts;
}

function inRegion(rule: TargetRule, a: Asset): boolean {
  const s = rule.scope;
  for (const f of ['province', 'city', 'county', 'areaClass'] as const) {
    const list = s[f] as readonly string[] | undefined;
    if (list && !list.includes(a[f] ?? '')) return false;
  }
  if (s.park === true) return a.park !== undefined;
  if (s.park === false) return a.park === undefined;
  if (Array.isArray(s.park)) return (s.park as readonly string[]).includes(a.park ?? '');
  return true;
}

const targetValue = (rule: TargetRule, a: Asset): number | null => {
  const v = rule.target.atMost ?? rule.target.below;
  if (v === undefined) return null;
  return typeof v === 'number' ? v : (v[a.areaClass] ?? null);
};

async function targetImpacts(
  store: Store,
  q: PlannedCheckInput,
  asset: Asset,
  reachedAreas: readonly Asset[],
  customersAffected: number,
): Promise<TargetImpact[]> {
  const hours = q.durationMinutes / 60;
  const out: TargetImpact[] = [];
  for (const set of q.ruleSets) {
    for (const rule of set.targetRules) {
      if (rule.per === 'asset' || !inRegion(rule, asset)) continue;
      const field = GROUP_FIELD[rule.per];
      const group = field === undefined ? null : ((asset[field] as string | undefined) ?? null);
      const filters = [sql`true`, ...regionFilters(rule)];
      if (field !== undefined) filters.push(sql`${raw(COLUMN[field] as string)} = ${group}`);
      const [totals] = await store.rows<{ mv: number | null; customers: number | null }>(
        sql`SELECT sum(CASE WHEN kind = 'area' THEN 1 ELSE 0 END + coalesce(enterprise_customers, 0)) AS mv,
              sum(CASE WHEN kind = 'area' THEN customers ELSE 0 END) AS customers FROM (
              SELECT kind, province, city, county, park, area_class, customers, enterprise_customers
              FROM assets LATEST ON valid_from PARTITION BY asset_id
            ) WHERE ${join(filters, ' AND ')}`,
      );
      const inGroup = reachedAreas.filter(
        (a) => inRegion(rule, a) && (field === undefined || (a[field] ?? null) === group),
      );
      const mv = rule.basis === 'medium_voltage';
      const users = mv ? Number(totals?.mv ?? 0) : Number(totals?.customers ?? 0);
      // the feeder's own enterprise customers are cut with it (analytics/reliability/units.ts)
      const own =
        asset.kind === 'feeder' &&
        inRegion(rule, asset) &&
        (field === undefined || (asset[field] ?? null) === group)
          ? (asset.enterpriseCustomers ?? 0)
          : 0;
      const interrupted = mv
        ? inGroup.reduce((n, a) => n + 1 + (a.enterpriseCustomers ?? 0), own)
        : inGroup.length === 0
          ? 0
          : customersAffected;
      const perUser = users > 0 ? interrupted / users : 0;
      const increase = rule.measure === 'saidi_hours' ? perUser * hours : perUser;
      const target = targetValue(rule, asset);
      out.push({
        ruleSet: set.name,
        rule: rule.id,
        title: rule.title,
        measure: rule.measure,
        per: rule.per,
        group,
        users,
        interrupted,
        increase,
        target,
        shareOfTarget: target === null || target === 0 ? null : increase / target,
      });
    }
  }
  return out;
}

export async function checkPlannedOutage(store: Store, q: PlannedCheckInput): Promise<Result<PlannedCheck>> {
  const own = await readAssetVersions(store, sql`asset_id = ${q.assetId}`);
  const asset = versionAt(own, q.start);
  if (asset === undefined) return fail([{ path: 'assetId', message: `unknown asset "${q.assetId}"` }]);
  // A feeder's areas: every area that has been on it; attribution keeps those on it at the start.
  const onFeeder =
    asset.kind === 'feeder' && q.affectedAreas === undefined
      ? (await readAssetVersions(store, sql`feeder_id = ${q.assetId}`)).map((a) => a.assetId)
      : [];
  const ids = [...new Set([q.assetId, ...(q.affectedAreas ?? []), ...onFeeder])];
  const horizon = Math.max(1, ...q.ruleSets.map((set) => horizonDays(set.countRules)));
  const history = await readAssetsHistory(store, {
    assetIds: ids,
    from: q.start - 2 * 366 * DAY_MS,
    to: q.start + horizon * DAY_MS,
  });
  const byId = groupBy(history.assets, (a) => a.assetId);
  const at = (id: string) => versionAt(byId.get(id) ?? [], q.start);
  // The areas interrupted, as attribution will take them (rules/attribution.ts).
  const areaIds =
    asset.kind === 'area'
      ? [q.assetId]
      : [...new Set(q.affectedAreas ?? onFeeder)].filter((id) => {
          const v = at(id);
          return v?.kind === 'area' && (q.affectedAreas !== undefined || v.feederId === q.assetId);
        });
  const reachedAreas = areaIds.flatMap((id) => at(id) ?? []);
  const customersAffected = q.customersAffected ?? reachedAreas.reduce((n, a) => n + a.customers, 0);
  const end = q.start + q.durationMinutes * 60_000;
  const proposal: OutageEvent = {
    eventId: PROPOSAL_ID,
    assetId: q.assetId,
    start: q.start,
    end,
    customersAffected,
    restorations: [],
    cause: q.cause,
    planned: true,
  };
  if (asset.kind === 'feeder' && q.affectedAreas !== undefined) proposal.affectedAreas = [...q.affectedAreas];
  const input = { assets: history.assets, events: history.events, warnings: history.warnings, zone: q.zone };
  // Breaches of every rule set first (a stable sort: rule sets in the order asked within each).
  const effects = q.ruleSets.flatMap((set) => proposedEffects(input, proposal, set)).sort(byOutcome);

  return ok({
    assetId: q.assetId,
    kind: asset.kind,
    name: asset.name ?? null,
    county: asset.county ?? null,
    start: q.start,
    end,
    areas: reachedAreas.length,
    customersAffected,
    effects: effects.map((e) => ({ ...e, name: at(e.assetId)?.name ?? null })),
    targets: await targetImpacts(store, q, asset, reachedAreas, customersAffected),
  });
}
