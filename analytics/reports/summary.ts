// The half-year and annual work summaries (Guizhou §三(三): to the provincial energy bureau and
// the Guizhou energy regulatory office by 5 July and 20 December). One row per region (the
// ranking's groupBy, city by default) and one for the whole set: the reliability measures of
// the period (DL/T 836 medium-voltage users unless the ranking says otherwise; all outages,
// RS-1), the frequent-outage feeders and areas with a breach dated in the period, and
// remediation progress (cases opened and closed in the period, open and overdue at its end).

import { compareNullLast } from '../../core/order.js';
import type { AssetKind } from '../../core/index.js';
import type { CaseStatus } from '../remediation/index.js';
import { isOverdue } from '../remediation/index.js';

export interface SummaryRow {
  period: string;
  /** 'region': one region; 'total': every region of the set */
  scope: 'region' | 'total';
  /** null on the total row, and for assets recorded without a region */
  region: string | null;
  users: number | null;
  saifi: number | null;
  /** hours */
  saidi: number | null;
  rs1Percent: number | null;
  frequentFeeders: number;
  frequentAreas: number;
  casesOpened: number;
  casesClosed: number;
  casesOpenAtEnd: number;
  casesOverdueAtEnd: number;
}

export interface RegionReliability {
  region: string | null;
  users: number;
  saifi: number | null;
  saidi: number | null;
}

/** An asset with a breach dated in the period (one per asset, whatever the rules broken). */
export interface PeriodBreach {
  assetId: string;
  kind: AssetKind;
  region: string | null;
}

export interface CaseFacts {
  region: string | null;
  status: CaseStatus;
  openedDate: string;
  closedDate: string | null;
  dueDate: string;
}

const round = (x: number | null, digits = 4): number | null => {
  if (x === null || !Number.isFinite(x)) return null;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/**
 * The rows: regions by name (a region without a name last), then the total. `hours` is the
 * period's length for RS-1; dates are local 'YYYY-MM-DD', both ends of the period included.
 */
export function summaryRows(q: {
  period: string;
  firstDate: string;
  lastDate: string;
  hours: number;
  /** only these regions (the set's list); absent: every region seen */
  regions?: readonly string[];
  reliability: readonly RegionReliability[];
  total: RegionReliability | null;
  breaches: readonly PeriodBreach[];
  cases: readonly CaseFacts[];
}): SummaryRow[] {
  const inPeriod = (d: string | null) => d !== null && d >= q.firstDate && d <= q.lastDate;
  const names = new Set<string | null>(q.regions ?? []);
  if (!q.regions) {
    for (const r of q.reliability) names.add(r.region);
    for (const b of q.breaches) names.add(b.region);
    for (const c of q.cases) names.add(c.region);
  }
  const regions = [...names].sort(compareNullLast);
  const counts = (match: (region: string | null) => boolean) => {
    const breaches = q.breaches.filter((b) => match(b.region));
    const cases = q.cases.filter((c) => match(c.region));
    return {
      frequentFeeders: new Set(breaches.filter((b) => b.kind === 'feeder').map((b) => b.assetId)).size,
      frequentAreas: new Set(breaches.filter((b) => b.kind === 'area').map((b) => b.assetId)).size,
      casesOpened: cases.filter((c) => inPeriod(c.openedDate)).length,
      casesClosed: cases.filter((c) => inPeriod(c.closedDate)).length,
      casesOpenAtEnd: cases.filter(
        (c) => c.openedDate <= q.lastDate && (c.closedDate === null || c.closedDate > q.lastDate),
      ).length,
      casesOverdueAtEnd: cases.filter((c) => c.openedDate <= q.lastDate && isOverdue(c, q.lastDate)).length,
    };
  };
  const figures = (r: RegionReliability | null | undefined) => ({
    users: r ? round(r.users, 2) : null,
    saifi: round(r?.saifi ?? null),
    saidi: round(r?.saidi ?? null),
    rs1Percent: r?.saidi === null || r?.saidi === undefined ? null : round((1 - r.saidi / q.hours) * 100, 4),
  });
  const rows = regions.map(
    (region): SummaryRow => ({
      period: q.period,
      scope: 'region',
      region,
      ...figures(q.reliability.find((r) => r.region === region)),
      ...counts((x) => x === region),
    }),
  );
  const listed = new Set(regions);
  rows.push({
    period: q.period,
    scope: 'total',
    region: null,
    ...figures(q.total),
    ...counts((x) => listed.has(x)),
  });
  return rows;
}
