// The authority reports as documents: columns with Chinese and English headers and values
// spelled out in the language, dates marked as dates, for CSV and XLSX (the ledger's localize
// and toXlsx).

import {
  REPORT_NAMES as DOCUMENT_NAMES,
  REPORT_SHEETS as SHEET_NAMES,
  SUBJECT_LABELS as SUBJECTS,
  TIER_LABELS as TIERS,
  TIER_MEASURE_LABELS,
} from '../../core/vocabulary/index.js';
import type { CellType } from '../export/index.js';
import { KIND_LABELS, type Label } from '../remediation/index.js';
import { type Cell, type Column, col, type Lang, label, yesNo } from '../remediation/index.js';
import type { ArrearsRow, ArrearsSubject } from './arrears.js';
import type { AuthorityReport } from './periods.js';
import type { RankingRow, Tier, TierBasis } from './ranking.js';
import type { SummaryRow } from './summary.js';

// The labels are the vocabulary's (core/vocabulary/reports.ts), typed here by the codes of
// analytics/reports: a report, tier or subject the vocabulary lacks fails the type check.
export const REPORT_NAMES: Record<AuthorityReport, Label> = DOCUMENT_NAMES;
/** Sheet names (at most 31 characters with the period). */
export const REPORT_SHEETS: Record<AuthorityReport, Label> = SHEET_NAMES;
export const TIER_LABELS: Record<Tier, Label> = TIERS;
export const SUBJECT_LABELS: Record<ArrearsSubject, Label> = SUBJECTS;

const typed =
  (type: CellType) =>
  <R>(c: Column<R>): Column<R> => ({ ...c, type });
/** local dates (YYYY-MM-DD) and times (ISO-8601), written to workbooks as dates */
const dated = typed('date');
const timed = typed('datetime');

export function tierBasisText(b: TierBasis, lang: Lang): string {
  const zh = lang === 'zh';
  if (b.by === 'no_users') return zh ? '无用户数据' : 'no users served';
  if (b.by === 'rank')
    return zh
      ? `第${b.rank}名/共${b.of}个（前${b.reward}名奖励，后${b.penalty}名处罚）`
      : `rank ${b.rank} of ${b.of} (best ${b.reward} rewarded, worst ${b.penalty} penalised)`;
  const m = TIER_MEASURE_LABELS[b.measure][lang];
  const unit = b.measure === 'saidi_hours' ? (zh ? '小时' : ' h') : '';
  return zh
    ? `${m} ${b.value}${unit}（≤${b.rewardAtMost}${unit}奖励，>${b.penaltyAbove}${unit}处罚）`
    : `${m} ${b.value}${unit} (≤ ${b.rewardAtMost}${unit} rewarded, > ${b.penaltyAbove}${unit} penalised)`;
}

export const RANKING_COLUMNS: readonly Column<RankingRow>[] = [
  col('year', '年度', 'Year'),
  col('rank', '排名', 'Rank'),
  col('region', '区域', 'Region'),
  col('users', '用户数（中压用户）', 'Users served'),
  col('saidi', '用户平均停电时间（小时/户）', 'SAIDI (hours)'),
  col('saifi', '用户平均停电次数（次/户）', 'SAIFI'),
  col('rs1Percent', '供电可靠率RS-1（%）', 'Reliability RS-1 (%)'),
  col('previousSaidi', '上年用户平均停电时间（小时/户）', 'SAIDI the year before (hours)'),
  col('previousSaifi', '上年用户平均停电次数（次/户）', 'SAIFI the year before'),
  col('saidiChangePercent', '停电时间同比变化（%）', 'SAIDI change (%)'),
  col('saifiChangePercent', '停电次数同比变化（%）', 'SAIFI change (%)'),
  col('tier', '奖惩结果', 'Result', label(TIER_LABELS) as Column<RankingRow>['text']),
  col('basis', '奖惩依据', 'Basis', ((b: TierBasis, lang: Lang) =>
    tierBasisText(b, lang)) as Column<RankingRow>['text']),
];

const regionText = (total: Label) =>
  ((v: string | null, lang: Lang): Cell => v ?? total[lang]) as Column<SummaryRow>['text'];

export const SUMMARY_COLUMNS: readonly Column<SummaryRow>[] = [
  col('period', '总结期', 'Period'),
  col('region', '区域', 'Region', regionText({ zh: '合计', en: 'Total' })),
  col('users', '用户数（中压用户）', 'Users served'),
  col('saidi', '用户平均停电时间（小时/户）', 'SAIDI (hours)'),
  col('saifi', '用户平均停电次数（次/户）', 'SAIFI'),
  col('rs1Percent', '供电可靠率RS-1（%）', 'Reliability RS-1 (%)'),
  col('frequentFeeders', '频繁停电线路（条）', 'Frequent-outage feeders'),
  col('frequentAreas', '频繁停电台区（个）', 'Frequent-outage areas'),
  col('casesOpened', '本期新增整治', 'Cases opened'),
  col('casesClosed', '本期销号', 'Cases closed'),
  col('casesOpenAtEnd', '期末未销号', 'Open at the end'),
  col('casesOverdueAtEnd', '期末超期', 'Overdue at the end'),
];

export const ARREARS_COLUMNS: readonly Column<ArrearsRow>[] = [
  col('period', '统计月份', 'Month'),
  col('eventId', '停电编号', 'Outage id'),
  col('assetId', '设备编号', 'Asset id'),
  col('assetName', '小区/用户（台区、线路）名称', 'Compound or user (asset name)'),
  col('kind', '类型', 'Kind', label(KIND_LABELS) as Column<ArrearsRow>['text']),
  col('province', '省', 'Province'),
  col('city', '市（州）', 'City'),
  col('county', '县（区）', 'County'),
  col('subject', '报告情形', 'Why reported', label(SUBJECT_LABELS) as Column<ArrearsRow>['text']),
  col('households', '停电户数', 'Households'),
  col('importantUser', '重要用户', 'Important user', yesNo as Column<ArrearsRow>['text']),
  col('planned', '计划停电', 'Planned', yesNo as Column<ArrearsRow>['text']),
  timed(col('start', '停电开始时间', 'Start')),
  timed(col('end', '停电结束时间', 'End')),
  dated(col('reportDue', '报告期限', 'Report due')),
  timed(col('firstReceived', '首次报送时间', 'First received')),
  col('late', '是否逾期', 'Late', yesNo as Column<ArrearsRow>['text']),
];

export const REPORT_COLUMNS = {
  ranking: RANKING_COLUMNS,
  'half-year-summary': SUMMARY_COLUMNS,
  'annual-summary': SUMMARY_COLUMNS,
  'arrears-notice': ARREARS_COLUMNS,
} as const;
