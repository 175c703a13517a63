// The monthly ledger (台账) of frequent-outage feeders and transformer areas, and the public
// disclosure derived from it. Pure assembly: which (asset, rule family) pairs are on the
// ledger, and their rows from the case, the asset and the facts read for it (sources.ts).
//
// On the ledger of a month: every asset and family in breach as of the month's end (a breach
// dated in the trailing 365 days), and every case not closed, or closed since the month began,
// as the case log stood at the cut-off. The row's case is the pair's latest-opened case.

import { compareText } from '../../core/order.js';
import type { AreaClass, Asset, AssetKind, Cause } from '../../core/index.js';
import type { Flag } from '../rules/index.js';
import type { CaseState, Verification } from './case.js';
import { isOverdue } from './deadlines.js';
import type { CaseStatus, Measure } from './vocabulary.js';

export interface CauseCount {
  cause: Cause;
  count: number;
}

/** What is read for one row (sources.ts): counts over the trailing year and reliability. */
export interface AssetFacts {
  /** the rule the counts are for */
  rule: string;
  outagesCounted: number;
  outagesExcluded: number;
  mainCauses: CauseCount[];
  saifi: number | null;
  saidi: number | null;
}

export interface LedgerSubject {
  assetId: string;
  family: string;
  kind: AssetKind;
  /** breach flags of the pair as of the month's end, by rule id */
  flags: Flag[];
  case: CaseState | null;
}

/** The asset a filed row is about: its id, name, kind and region path. */
export type FiledAsset = {
  assetId: string;
  assetName: string | null;
  kind: AssetKind;
  province: string | null;
  city: string | null;
  county: string | null;
};

export interface LedgerRow extends FiledAsset {
  period: string;
  ruleSet: string;
  areaClass: AreaClass | null;
  customers: number | null;
  family: string;
  /** rule ids broken */
  rules: string[];
  breachDate: string | null;
  outagesCounted: number | null;
  outagesExcluded: number | null;
  /** trailing 365 days to the month's end, all outages, end customers */
  saifi: number | null;
  /** hours */
  saidi: number | null;
  mainCauses: CauseCount[];
  /** months on the ledger so far, this one included */
  monthsOnLedger: number;
  caseId: string | null;
  status: CaseStatus | 'no_case';
  overdue: boolean;
  openedDate: string | null;
  dueDate: string | null;
  causeAnalysis: string | null;
  measures: Measure[];
  measuresNote: string | null;
  responsibleUnit: string | null;
  responsiblePerson: string | null;
  plannedEnd: string | null;
  completionDate: string | null;
  closedDate: string | null;
  verification: Verification | null;
  noActionReason: string | null;
}

/** The public disclosure: no persons, no free text. */
export interface DisclosureRow extends FiledAsset {
  period: string;
  ruleSet: string;
  family: string;
  rules: string[];
  breachDate: string | null;
  outagesCounted: number | null;
  status: CaseStatus | 'no_case';
  measures: Measure[];
  dueDate: string | null;
  closedDate: string | null;
}

const pairKey = (assetId: string, family: string): string => JSON.stringify([assetId, family]);

/** The pairs on the ledger, by asset id then family. */
export function ledgerSubjects(
  flags: readonly Flag[],
  cases: readonly CaseState[],
  periodStart: number,
): LedgerSubject[] {
  const subjects = new Map<string, LedgerSubject>();
  const subject = (assetId: string, family: string, kind: AssetKind): LedgerSubject => {
    const key = pairKey(assetId, family);
    let s = subjects.get(key);
    if (!s) {
      s = { assetId, family, kind, flags: [], case: null };
      subjects.set(key, s);
    }
    return s;
  };
  for (const f of flags) if (f.status === 'breach') subject(f.assetId, f.family, f.kind).flags.push(f);
  const latest = new Map<string, CaseState>();
  for (const c of cases) {
    const key = pairKey(c.assetId, c.family);
    const seen = latest.get(key);
    if (!seen || c.openedAt > seen.openedAt) latest.set(key, c);
  }
  for (const [key, c] of latest) {
    const inBreach = subjects.has(key);
    const current = c.closedAt === null || c.closedAt >= periodStart;
    if (inBreach || current) subject(c.assetId, c.family, c.asset.kind).case = c;
  }
  return [...subjects.values()].sort(
    (a, b) => compareText(a.assetId, b.assetId) || compareText(a.family, b.family),
  );
}

const latestDate = (dates: readonly string[]): string | null =>
  dates.reduce<string | null>((m, d) => (m === null || d > m ? d : m), null);

/** The rule whose facts the row shows: the one of the latest breach. */
export function factsRule(s: LedgerSubject): string | null {
  const flag = [...s.flags].sort((a, b) => ((a.breachDate ?? '') < (b.breachDate ?? '') ? 1 : -1))[0];
  if (flag) return flag.rule;
  const breaches = [...(s.case?.breaches ?? [])].sort((a, b) => (a.breachDate < b.breachDate ? 1 : -1));
  return breaches[0]?.rule ?? null;
}

export interface RowContext {
  period: string;
  ruleSet: string;
  /** last local date of the month: overdue is judged on it */
  lastDate: string;
  asset: Asset | undefined;
  facts: AssetFacts | null;
  monthsBefore: number;
}

export function ledgerRow(s: LedgerSubject, ctx: RowContext): LedgerRow {
  const c = s.case;
  const f = c?.fields ?? {};
  const rules = s.flags.length > 0 ? s.flags.map((x) => x.rule) : (c?.breaches ?? []).map((b) => b.rule);
  const breachDates =
    s.flags.length > 0
      ? s.flags.flatMap((x) => (x.breachDate ? [x.breachDate] : []))
      : (c?.breaches ?? []).map((b) => b.breachDate);
  const a = ctx.asset;
  return {
    period: ctx.period,
    ruleSet: ctx.ruleSet,
    assetId: s.assetId,
    assetName: a?.name ?? c?.asset.name ?? null,
    kind: a?.kind ?? s.kind,
    province: a?.province ?? c?.asset.province ?? null,
    city: a?.city ?? c?.asset.city ?? null,
    county: a?.county ?? c?.asset.county ?? null,
    areaClass: a?.areaClass ?? c?.asset.areaClass ?? null,
    customers: a?.customers ?? null,
    family: s.family,
    rules: [...new Set(rules)].sort(),
    breachDate: latestDate(breachDates),
    outagesCounted: ctx.facts?.outagesCounted ?? null,
    outagesExcluded: ctx.facts?.outagesExcluded ?? null,
    saifi: ctx.facts?.saifi ?? null,
    saidi: ctx.facts?.saidi ?? null,
    mainCauses: ctx.facts?.mainCauses ?? [],
    monthsOnLedger: ctx.monthsBefore + 1,
    caseId: c?.caseId ?? null,
    status: c?.status ?? 'no_case',
    overdue: c ? isOverdue(c, ctx.lastDate) : false,
    openedDate: c?.openedDate ?? null,
    dueDate: c?.dueDate ?? null,
    causeAnalysis: f.causeAnalysis ?? null,
    measures: f.measures ?? [],
    measuresNote: f.measuresNote ?? null,
    responsibleUnit: f.responsibleUnit ?? null,
    responsiblePerson: f.responsiblePerson ?? null,
    plannedEnd: f.plannedEnd ?? null,
    completionDate: f.actualEnd ?? null,
    closedDate: c?.closedDate ?? null,
    verification: f.verification ?? null,
    noActionReason: f.noActionReason ?? null,
  };
}

/** The public row of a ledger row, for the disclosure of `period`. */
export const disclosureRow = (r: LedgerRow, period: string): DisclosureRow => ({
  period,
  ruleSet: r.ruleSet,
  assetId: r.assetId,
  assetName: r.assetName,
  kind: r.kind,
  province: r.province,
  city: r.city,
  county: r.county,
  family: r.family,
  rules: r.rules,
  breachDate: r.breachDate,
  outagesCounted: r.outagesCounted,
  status: r.status,
  measures: r.measures,
  dueDate: r.dueDate,
  closedDate: r.closedDate,
});
