// Labels of the authority reports (issue 18) on the ledger page, kept apart from i18n.ts. The
// reports' short names are the vocabulary's (core/vocabulary/reports.ts).

import { inLang, REPORT_SHORT_NAMES } from '../../core/vocabulary/index.js';
import { lang } from './i18n.js';

const ZH = {
  reportsTitle: '报送主管部门的报告',
  reportsIntro: '区域供电可靠性奖惩结果、半年和年度工作总结、欠费停电提前报告：按规则冻结，冻结后不再改变。',
  reportsNone: '当前规则未要求报送此类报告。',
  reportsNext: '下一期 {period}：{freezes} 冻结{due}',
  reportsDue: '，报送期限 {due}',
  reportsFrozen: '{name} {period}（{rows} 行，报送期限 {due}）',
  reportsRowDeadlines: '各行报告期限',
  ...inLang(REPORT_SHORT_NAMES, 'zh'),
} as const;

type Key = keyof typeof ZH;

const EN: Record<Key, string> = {
  reportsTitle: 'Reports to the authorities',
  reportsIntro:
    'Regional reliability ranking with rewards and penalties, half-year and annual summaries, advance reports of arrears disconnections: frozen on the rule set’s calendar, never changed after.',
  reportsNone: 'The rule set asks for no such report.',
  reportsNext: 'Next {period}: frozen {freezes}{due}',
  reportsDue: ', due {due}',
  reportsFrozen: '{name} {period} ({rows} rows, due {due})',
  reportsRowDeadlines: 'each row’s deadline',
  ...inLang(REPORT_SHORT_NAMES, 'en'),
};

export function tr(key: Key, vars: Record<string, string | number> = {}): string {
  const text: string = lang() === 'en' ? EN[key] : ZH[key];
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
