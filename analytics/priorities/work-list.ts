// A planner's work list: the ranked assets filtered by region, responsible unit, kind and
// cause, the top N, as flat rows (the columns of CSV, XLSX and Arrow) with the breakdown of
// each score. Filters apply after scoring, so an asset's score does not depend on them.

import type { AssetKind, Cause } from '../../core/domain.js';
import { type Label, lowerFirst, SCORE_PART_LABELS } from '../../core/vocabulary/index.js';
import type { Cell, CellType, Table } from '../export/index.js';
import { topStanding } from './parts.js';
import type { Scored } from './score.js';
import { PARTS } from './weights.js';

export interface WorkListFilter {
  /** a province, city or county name */
  region?: string | undefined;
  /** the responsible unit of the open case */
  unit?: string | undefined;
  kind?: AssetKind | undefined;
  /** at least one outage of this cause on the asset in the trailing year */
  cause?: Cause | undefined;
  top: number;
}

export function workList(ranked: readonly Scored[], f: WorkListFilter): Scored[] {
  return ranked
    .filter(
      ({ facts: a }) =>
        (f.region === undefined || [a.province, a.city, a.county].includes(f.region)) &&
        (f.unit === undefined || a.openCase?.responsibleUnit === f.unit) &&
        (f.kind === undefined || a.kind === f.kind) &&
        (f.cause === undefined || (a.causes[f.cause] ?? 0) > 0),
    )
    .slice(0, f.top);
}

/** A part's points column: "得分：…", "Points: …" (the part in lower case in English). */
const pointsHeader = (l: Label): Label => ({
  zh: `得分：${l.zh}`,
  en: `Points: ${lowerFirst(l.en)}`,
});

/** The columns of the flat work list, with their headers in both languages (and dates as dates). */
export const WORK_LIST_COLUMNS: readonly { key: string; label: Label; type?: CellType }[] = [
  { key: 'rank', label: { zh: '排序', en: 'Rank' } },
  { key: 'assetId', label: { zh: '设备编号', en: 'Asset id' } },
  { key: 'name', label: { zh: '线路/台区名称', en: 'Name' } },
  { key: 'kind', label: { zh: '类型', en: 'Kind' } },
  { key: 'province', label: { zh: '省', en: 'Province' } },
  { key: 'city', label: { zh: '市（州）', en: 'City' } },
  { key: 'county', label: { zh: '县（区）', en: 'County' } },
  { key: 'areaClass', label: { zh: '供电区域类别', en: 'Area class' } },
  { key: 'park', label: { zh: '园区', en: 'Park' } },
  { key: 'score', label: { zh: '优先分', en: 'Score' } },
  { key: 'status', label: { zh: '规则状态', en: 'Status' } },
  { key: 'rule', label: { zh: '判定条件', en: 'Rule' } },
  { key: 'breachDate', label: { zh: '越限日期', en: 'Breach date' }, type: 'date' },
  { key: 'count', label: { zh: '窗口停电次数', en: 'Outages in window' } },
  { key: 'limit', label: { zh: '限值', en: 'Limit' } },
  { key: 'customersAffected', label: { zh: '近一年停电户次', en: 'Customer interruptions (trailing year)' } },
  { key: 'customerHours', label: { zh: '近一年停电时户数', en: 'Customer-hours (trailing year)' } },
  { key: 'region', label: { zh: '区域', en: 'Region' } },
  { key: 'regionSaidi', label: { zh: '区域户均停电时间（小时）', en: 'Region SAIDI hours (trailing year)' } },
  { key: 'regionSaifi', label: { zh: '区域户均停电次数', en: 'Region SAIFI (trailing year)' } },
  { key: 'monthsOnLedger', label: { zh: '累计上榜月数', en: 'Months on the ledger' } },
  { key: 'caseId', label: { zh: '整治编号', en: 'Case id' } },
  { key: 'caseStatus', label: { zh: '整治状态', en: 'Case status' } },
  { key: 'openedDate', label: { zh: '立项日期', en: 'Opened' }, type: 'date' },
  { key: 'dueDate', label: { zh: '整治期限', en: 'Due date' }, type: 'date' },
  { key: 'overdue', label: { zh: '是否超期', en: 'Overdue' } },
  { key: 'responsibleUnit', label: { zh: '责任单位', en: 'Responsible unit' } },
  { key: 'mainCauses', label: { zh: '主要停电原因', en: 'Main causes' } },
  ...PARTS.map((p) => ({
    key: `${p}Points`,
    label: pointsHeader(SCORE_PART_LABELS[p]),
  })),
];

export type { Cell, Table };

/** Top three causes of the trailing year's outages on the asset, "cause ×n", most first. */
function mainCauses(causes: Partial<Record<Cause, number>>): string {
  return Object.entries(causes)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0) || (a[0] < b[0] ? -1 : 1))
    .slice(0, 3)
    .map(([c, n]) => `${c} ×${n}`)
    .join('; ');
}

const round = (x: number | null, digits: number): number | null => {
  if (x === null) return null;
  const k = 10 ** digits;
  return Math.round(x * k) / k;
};

/** One flat row of the work list (rank counts from 1). */
export function workListRow(s: Scored, rank: number): Record<string, Cell> {
  const a = s.facts;
  const top = topStanding(a.standings);
  const row: Record<string, Cell> = {
    rank,
    assetId: a.assetId,
    name: a.name,
    kind: a.kind,
    province: a.province,
    city: a.city,
    county: a.county,
    areaClass: a.areaClass,
    park: a.park,
    score: s.score,
    status: top?.status ?? null,
    rule: top?.rule ?? null,
    breachDate: top?.breachDate ?? null,
    count: top?.count ?? null,
    limit: top?.limit ?? null,
    customersAffected: round(a.customersAffected, 4),
    customerHours: round(a.customerHours, 4),
    region: a.region?.region ?? null,
    regionSaidi: round(a.region?.saidi ?? null, 4),
    regionSaifi: round(a.region?.saifi ?? null, 4),
    monthsOnLedger: a.monthsOnLedger,
    caseId: a.openCase?.caseId ?? null,
    caseStatus: a.openCase?.status ?? null,
    openedDate: a.openCase?.openedDate ?? null,
    dueDate: a.openCase?.dueDate ?? null,
    overdue: a.openCase ? a.openCase.overdue : null,
    responsibleUnit: a.openCase?.responsibleUnit ?? null,
    mainCauses: mainCauses(a.causes) || null,
  };
  for (const p of s.parts) row[`${p.part}Points`] = p.points;
  return row;
}

/** The rows under headers in a language (field names when none): CSV and XLSX come from one table. */
export function workListTable(rows: readonly Record<string, Cell>[], lang?: 'zh' | 'en'): Table {
  const headers = WORK_LIST_COLUMNS.map((c) => (lang ? c.label[lang] : c.key));
  return {
    headers,
    rows: rows.map((r) => {
      const out: Record<string, Cell> = {};
      WORK_LIST_COLUMNS.forEach((c, i) => {
        out[headers[i] as string] = r[c.key] ?? null;
      });
      return out;
    }),
    types: WORK_LIST_COLUMNS.map((c) => c.type),
  };
}
