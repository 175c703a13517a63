// The words of the authority reports (issue 18): each report's name, and the codes its rows
// carry. A report has two names on purpose: its full title, on the filed document, its file
// name and in the API, and a short one for the ledger page's list of reports.

import type { ArrearsSubjectCode, AuthorityReportCode, TierMeasure, TierResult } from './codes.js';
import type { Labels } from './label.js';

/** Titles of the filed documents. */
export const REPORT_NAMES: Labels<AuthorityReportCode> = {
  ranking: {
    zh: '区域供电可靠性管理奖惩结果',
    en: 'Regional reliability ranking with rewards and penalties',
  },
  'half-year-summary': {
    zh: '半年工作总结（供电可靠性与频繁停电治理）',
    en: 'Half-year summary (reliability and frequent outages)',
  },
  'annual-summary': {
    zh: '年度工作总结（供电可靠性与频繁停电治理）',
    en: 'Annual summary (reliability and frequent outages)',
  },
  'arrears-notice': {
    zh: '居民住宅小区及重要用户欠费停电提前报告',
    en: 'Advance report of arrears disconnections',
  },
};

/** Short names, for the dashboard's list of reports. */
export const REPORT_SHORT_NAMES: Labels<AuthorityReportCode> = {
  ranking: { zh: '区域供电可靠性管理奖惩结果', en: 'Regional reliability ranking' },
  'half-year-summary': { zh: '半年工作总结', en: 'Half-year summary' },
  'annual-summary': { zh: '年度工作总结', en: 'Annual summary' },
  'arrears-notice': { zh: '欠费停电提前报告', en: 'Arrears disconnection notices' },
};

/** Sheet names of the workbooks (at most 31 characters with the period). */
export const REPORT_SHEETS: Labels<AuthorityReportCode> = {
  ranking: { zh: '奖惩结果', en: 'Ranking' },
  'half-year-summary': { zh: '半年总结', en: 'Half-year summary' },
  'annual-summary': { zh: '年度总结', en: 'Annual summary' },
  'arrears-notice': { zh: '欠费停电报告', en: 'Arrears notices' },
};

export const TIER_LABELS: Labels<TierResult> = {
  reward: { zh: '奖励', en: 'Reward' },
  none: { zh: '不奖不罚', en: 'Neither' },
  penalty: { zh: '处罚', en: 'Penalty' },
  not_ranked: { zh: '不参与排名（无用户数据）', en: 'Not ranked (no users served)' },
};

/** The measure named in a tier's basis ("户均停电时间 3.2小时（≤2小时奖励…）"). */
export const TIER_MEASURE_LABELS: Labels<TierMeasure> = {
  saidi_hours: { zh: '户均停电时间', en: 'SAIDI' },
  saifi: { zh: '户均停电次数', en: 'SAIFI' },
};

export const SUBJECT_LABELS: Labels<ArrearsSubjectCode> = {
  compound: { zh: '居民住宅小区', en: 'Residential compound' },
  important_user: { zh: '重要用户', en: 'Important user' },
  compound_important_user: { zh: '居民住宅小区及重要用户', en: 'Residential compound and important user' },
};
