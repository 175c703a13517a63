// Assembling and freezing the authority reports. Each is frozen once per period (under an
// in-process queue per report and rule set; the earliest run in the table is the frozen one),
// at the first job run after its freeze time, catching up every missed period after downtime.
//   ranking   queryRegionalRanking for the year (SQL reliability over outage_reach), the set's
//             region as scope, figures as of the freeze
//   summaries queryReliability per region and for the whole set over the period, the flags as
//             of the period's last millisecond (breaches dated in the period), the case log as
//             of the cut-off (the end of the first day after the period, or the freeze if sooner)
//   arrears   the current version of every arrears outage beginning in the month, its asset as
//             it stood at the start, and when its first version was received

import { randomUUID } from 'node:crypto';
import { localDay, pushTo, slices, startOfLocalDay } from '../../core/index.js';
import type { Asset } from '../../core/index.js';
import { evaluateFlags } from '../flags/index.js';
import { readAssetsAsOfById, readAssetVersions, readOutages } from '../outages/index.js';
import { queryReliability, queryRegionalRanking, type SqlScope } from '../reliability-sql/index.js';
import type { UserConvention } from '../reliability/index.js';
import { casesCutOff, exclusive, listCases } from '../remediation/index.js';
import type { CompiledRuleSet, RuleSetRegion } from '../rules/types.js';
import { type Store, sql, ts, walCaughtUp } from '../../store/index.js';
import { type ArrearsRow, arrearsRow, versionAt } from './arrears.js';
import {
  type AuthorityReport,
  type ReportPeriod,
  reportPeriod,
  reportPeriodsDue,
  reportsOf,
} from './periods.js';
import { type RankingRow, rankAndTier, type RegionFigures } from './ranking.js';
import {
  type AuthorityMeta,
  type AuthorityRun,
  type ReportTrigger,
  readReportRuns,
  writeReportRun,
} from './store.js';
import { type CaseFacts, type PeriodBreach, type SummaryRow, summaryRows } from './summary.js';

export type AuthorityRow = RankingRow | SummaryRow | ArrearsRow;

const HOUR_MS = 3_600_000;

/** Ids in lists of 500, for IN (…) within QuestDB's request line. */
const chunks = (ids: readonly string[]): string[][] => slices(ids, 500);

/** The SQL scope of a rule set's region: its provinces (cities, counties, parks filter the rows). */
const scopeOf = (region: RuleSetRegion | undefined): SqlScope | undefined =>
  region?.province ? { provinces: region.province } : undefined;

/** Whether an asset version lies in the set's region (each listed attribute must match). */
export function inRegion(a: Asset | undefined, region: RuleSetRegion | undefined): boolean {
  if (!region) return true;
  if (!a) return false;
  const test = (list: readonly string[] | undefined, v: string | undefined) =>
    list === undefined || (v !== undefined && list.includes(v));
  return (
    test(region.province, a.province) &&
    test(region.city, a.city) &&
    test(region.county, a.county) &&
    test(region.park, a.park)
  );
}

const conventionOf = (set: CompiledRuleSet): UserConvention =>
  (set.reporting.ranking?.basis ?? 'medium_voltage') === 'medium_voltage' ? 'transformers' : 'customers';
const groupOf = (set: CompiledRuleSet) => set.reporting.ranking?.groupBy ?? 'city';

function settingsOf(set: CompiledRuleSet, report: AuthorityReport): Record<string, unknown> {
  const r = set.reporting;
  if (report === 'ranking') return { ...r.ranking };
  if (report === 'arrears-notice') return { ...r.arrearsNotice };
  return {
    groupBy: groupOf(set),
    basis: r.ranking?.basis ?? 'medium_voltage',
    ...(report === 'half-year-summary' ? r.summaries?.halfYear : r.summaries?.annual),
  };
}

/** The ranking of year `p` as of `asOf`. */
export async function assembleRanking(
  store: Store,
  q: { ruleSet: CompiledRuleSet; period: ReportPeriod; asOf: number; zone: string },
): Promise<RankingRow[]> {
  const config = q.ruleSet.reporting.ranking;
  if (!config) throw new Error(`rule set ${q.ruleSet.name} has no ranking`);
  const year = Number(q.period.key);
  const scope = scopeOf(q.ruleSet.region);
  const ranking = await queryRegionalRanking(store, {
    year,
    asOf: q.asOf,
    zone: q.zone,
    groupBy: config.groupBy,
    convention: conventionOf(q.ruleSet),
    shortOutageMinutes: q.ruleSet.shortOutageMinutes,
    ...(scope ? { scope } : {}),
  });
  if (!ranking.ok) throw new Error(ranking.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  const figures = new Map<string, RegionFigures>();
  for (const r of ranking.value.rows) {
    const region = r.keys[config.groupBy];
    if (region === null || region === undefined) continue;
    figures.set(region, {
      region,
      users: r.customers,
      saidi: r.saidi,
      saifi: r.saifi,
      previousSaidi: r.previousSaidi,
      previousSaifi: r.previousSaifi,
    });
  }
  const listed = config.regions ?? regionList(q.ruleSet, config.groupBy) ?? [...figures.keys()];
  const regions = listed.map(
    (region) =>
      figures.get(region) ?? {
        region,
        users: null,
        saidi: null,
        saifi: null,
        previousSaidi: null,
        previousSaifi: null,
      },
  );
  return rankAndTier(year, regions, config, (q.period.end - q.period.start) / HOUR_MS);
}

/** The set's own list of regions at the level of `groupBy`, if its region names them. */
function regionList(
  set: CompiledRuleSet,
  groupBy: 'province' | 'city' | 'county',
): readonly string[] | undefined {
  return set.region?.[groupBy];
}

/** The summary of period `p`: reliability as of `asOf`, flags at the period's end, cases as of `casesAsOf`. */
export async function assembleSummary(
  store: Store,
  q: { ruleSet: CompiledRuleSet; period: ReportPeriod; asOf: number; casesAsOf: number; zone: string },
): Promise<SummaryRow[]> {
  const set = q.ruleSet;
  const groupBy = groupOf(set);
  const scope = scopeOf(set.region);
  const base = {
    from: q.period.start,
    to: q.period.end,
    asOf: q.asOf,
    zone: q.zone,
    convention: conventionOf(set),
    shortOutageMinutes: set.shortOutageMinutes,
    ...(scope ? { scope } : {}),
  };
  const narrower = set.region && (set.region.city || set.region.county || set.region.park);
  const [byRegion, all] = await Promise.all([
    queryReliability(store, { ...base, groupBy }),
    narrower ? Promise.resolve(null) : queryReliability(store, { ...base, groupBy: 'all' }),
  ]);
  if (!byRegion.ok) throw new Error(byRegion.issues.map((i) => i.message).join('; '));
  const reliability = byRegion.value.rows.map((r) => ({
    region: r.keys[groupBy] ?? null,
    users: r.customers,
    saifi: r.saifi,
    saidi: r.saidi,
  }));
  const totalRow = all?.ok ? all.value.rows[0] : undefined;
  const total = totalRow
    ? { region: null, users: totalRow.customers, saifi: totalRow.saifi, saidi: totalRow.saidi }
    : null;

  const flagsAsOf = q.period.end - 1;
  const flags =
    set.countRules.length > 0
      ? await evaluateFlags(store, { ruleSet: set, asOf: flagsAsOf, zone: q.zone })
      : [];
  const inPeriod = flags.filter(
    (f) =>
      f.status === 'breach' &&
      f.breachDate !== null &&
      f.breachDate >= q.period.firstDate &&
      f.breachDate <= q.period.lastDate,
  );
  const ids = [...new Set(inPeriod.map((f) => f.assetId))];
  const assets = await readAssetsAsOfById(store, flagsAsOf, chunks(ids));
  const regionOfAsset = (a: Asset | undefined): string | null => (a?.[groupBy] as string | undefined) ?? null;
  const breaches: PeriodBreach[] = ids.map((assetId) => {
    const a = assets.get(assetId);
    const kind = a?.kind ?? inPeriod.find((f) => f.assetId === assetId)?.kind ?? 'feeder';
    return { assetId, kind, region: regionOfAsset(a) };
  });
  const cases: CaseFacts[] = (await listCases(store, set.name, q.zone, q.casesAsOf)).map(({ state: c }) => ({
    region: (c.asset[groupBy] as string | null | undefined) ?? null,
    status: c.status,
    openedDate: c.openedDate,
    closedDate: c.closedDate,
    dueDate: c.dueDate,
  }));
  const regions = set.reporting.ranking?.regions ?? regionList(set, groupBy);
  return summaryRows({
    period: q.period.key,
    firstDate: q.period.firstDate,
    lastDate: q.period.lastDate,
    hours: (q.period.end - q.period.start) / HOUR_MS,
    ...(regions && !set.reporting.ranking?.regions ? { regions } : {}),
    reliability,
    total,
    breaches,
    cases,
  });
}

/** The arrears disconnections beginning in month `p` that need an advance report. */
export async function assembleArrears(
  store: Store,
  q: { ruleSet: CompiledRuleSet; period: ReportPeriod; zone: string },
): Promise<ArrearsRow[]> {
  const config = q.ruleSet.reporting.arrearsNotice;
  if (!config) throw new Error(`rule set ${q.ruleSet.name} has no arrears notice`);
  // every outage acknowledged before this call is read (outages is a WAL table)
  await walCaughtUp(store, ['outages', 'outage_history']);
  const events = await readOutages(
    store,
    sql`cause = 'arrears' AND start >= ${ts(q.period.start)} AND start < ${ts(q.period.end)}`,
  );
  if (events.length === 0) return [];
  const assetIds = [...new Set(events.map((e) => e.assetId))];
  const versions = new Map<string, Asset[]>();
  for (const chunk of chunks(assetIds))
    for (const a of await readAssetVersions(store, sql`asset_id IN (${chunk})`))
      pushTo(versions, a.assetId, a);
  const eventIds = events.map((e) => e.eventId);
  const received = new Map<string, number>();
  for (const chunk of chunks(eventIds)) {
    const rows = await store.rows<{ event_id: string; first: number }>(
      sql`SELECT event_id, min(received_at) first FROM outage_history WHERE event_id IN (${chunk}) GROUP BY event_id`,
    );
    for (const r of rows) received.set(r.event_id, r.first);
  }
  const rows: ArrearsRow[] = [];
  for (const e of events) {
    const asset = versionAt(versions.get(e.assetId) ?? [], e.start);
    if (!inRegion(asset, q.ruleSet.region)) continue;
    const row = arrearsRow(
      { period: q.period.key, event: e, asset, firstReceived: received.get(e.eventId) ?? null, zone: q.zone },
      config,
    );
    if (row) rows.push(row);
  }
  return rows.sort((a, b) =>
    a.start < b.start ? -1 : a.start > b.start ? 1 : a.eventId < b.eventId ? -1 : 1,
  );
}

/** The rows of a report's period as they would be frozen at `now` (not stored). */
export async function assembleReport(
  store: Store,
  q: { ruleSet: CompiledRuleSet; period: ReportPeriod; now: number; zone: string },
): Promise<AuthorityRow[]> {
  if (q.period.report === 'ranking') return assembleRanking(store, { ...q, asOf: q.now });
  if (q.period.report === 'arrears-notice') return assembleArrears(store, q);
  return assembleSummary(store, {
    ...q,
    asOf: q.now,
    casesAsOf: casesCutOff(q.period.end, q.now, q.zone),
  });
}

export interface ReportFreezeOutcome {
  run: AuthorityRun;
  /** false: the period was frozen before, nothing was written */
  written: boolean;
}

/** Freezes a report's period unless it is frozen already; the period must be freezable at `now`. */
export function freezeReport(
  store: Store,
  q: { ruleSet: CompiledRuleSet; report: AuthorityReport; period: string; now: number; zone: string },
): Promise<ReportFreezeOutcome> {
  const parsed = reportPeriod(q.ruleSet, q.report, q.period, q.zone);
  if (!parsed.ok) throw new RangeError(parsed.issues.map((i) => i.message).join('; '));
  const period = parsed.value;
  if (q.now < period.freezeAt)
    throw new RangeError(
      `${q.report} ${q.period} cannot be frozen before ${new Date(period.freezeAt).toISOString()}`,
    );
  return exclusive(`report:${q.report}:${q.ruleSet.name}`, async () => {
    const runs = await readReportRuns(store, q.report, q.ruleSet.name);
    const frozen = runs.find((r) => r.period === period.key);
    if (frozen) return { run: frozen, written: false };
    const rows = await assembleReport(store, { ruleSet: q.ruleSet, period, now: q.now, zone: q.zone });
    const trigger: ReportTrigger =
      q.now <= startOfLocalDay(localDay(period.freezeAt, q.zone) + 1, q.zone) ? 'schedule' : 'catch_up';
    const meta: AuthorityMeta = {
      ruleSetTitle: q.ruleSet.title,
      jurisdiction: q.ruleSet.jurisdiction,
      firstDate: period.firstDate,
      lastDate: period.lastDate,
      settings: settingsOf(q.ruleSet, q.report),
    };
    const run: AuthorityRun = {
      report: q.report,
      ruleSet: q.ruleSet.name,
      period: period.key,
      runId: randomUUID(),
      periodStart: period.start,
      periodEnd: period.end,
      asOf: q.now,
      casesAsOf: casesCutOff(period.end, q.now, q.zone),
      rows: rows.length,
      filingDue: period.due,
      trigger,
      frozenAt: q.now,
      meta,
    };
    await writeReportRun(store, run, rows);
    return { run, written: true };
  });
}

/** The periods frozen now, by report. */
export type ReportsDue = Partial<Record<AuthorityReport, string[]>>;

/**
 * Freezes every period of the set's reports whose freeze time has come and that is not frozen,
 * oldest first (after the latest frozen one, or only the latest one when none is).
 */
export async function freezeReportsDue(
  store: Store,
  q: { ruleSet: CompiledRuleSet; now: number; zone: string },
): Promise<ReportsDue> {
  const out: ReportsDue = {};
  for (const report of reportsOf(q.ruleSet)) {
    const runs = await readReportRuns(store, report, q.ruleSet.name);
    const last = runs.at(-1)?.period ?? null;
    for (const p of reportPeriodsDue(q.ruleSet, report, last, q.now, q.zone)) {
      const done = await freezeReport(store, { ...q, report, period: p.key });
      if (!done.written) continue;
      const list = out[report] ?? [];
      list.push(done.run.period);
      out[report] = list;
    }
  }
  return out;
}
