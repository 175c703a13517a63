// Labels of the storm panel on the live view (the restoration curve of the current event and
// the export of its outages), kept apart from i18n.ts; the language is the one chosen there.

import { lang } from './i18n.js';

const ZH = {
  stormTitle: '本次停电事件恢复曲线',
  stormWindowEarliestOngoing: '自最早一起尚未恢复的停电开始（{from}）至 {to}',
  stormWindowLast24h: '过去 24 小时（{from} 至 {to}）：目前没有尚未恢复的停电',
  stormWindowRequested: '{from} 至 {to}',
  stormRegion: '地区：{region}',
  stormOutages: '共 {n} 起停电，其中 {ongoing} 起尚未恢复',
  stormPeak: '停电用户峰值',
  stormPeakAt: '出现于 {time}',
  stormOutNow: '仍停电用户',
  stormRestored: '已恢复送电用户',
  stormRestoredOf: '受影响用户 {affected} 户',
  stormShare: '已恢复比例',
  stormChart: '停电用户数随时间变化',
  stormChartDesc:
    '阶梯线为各时刻的停电用户数，在每起停电开始、分步恢复和恢复送电时精确变化；三角形标出峰值。',
  stormPeakLabel: '峰值 {n}',
  stormPeakTitle: '停电用户峰值 {n} 户，出现于 {time}',
  stormTime: '时间',
  stormCustomersOut: '停电用户数',
  stormTableCaption: '停电用户数（每 {step} 取样，另含峰值时刻）',
  stormPeakRow: '（峰值）',
  stormNone: '该时段内没有停电。',
  stormExport: '导出本次事件的停电清单',
} as const;

type Key = keyof typeof ZH;

const EN: Record<Key, string> = {
  stormTitle: 'Restoration curve of the current event',
  stormWindowEarliestOngoing: 'From the start of the earliest outage still out ({from}) to {to}',
  stormWindowLast24h: 'The last 24 hours ({from} to {to}): no outage is out now',
  stormWindowRequested: '{from} to {to}',
  stormRegion: 'Region: {region}',
  stormOutages: '{n} outages, {ongoing} of them still out',
  stormPeak: 'Peak customers out',
  stormPeakAt: 'at {time}',
  stormOutNow: 'Customers still out',
  stormRestored: 'Customers restored',
  stormRestoredOf: 'of {affected} customers affected',
  stormShare: 'Share restored',
  stormChart: 'Customers out over time',
  stormChartDesc:
    'The step line is the customers out at each moment, exact at every outage’s start, step restoration and end; the triangle marks the peak.',
  stormPeakLabel: 'Peak {n}',
  stormPeakTitle: 'Peak of {n} customers out at {time}',
  stormTime: 'Time',
  stormCustomersOut: 'Customers out',
  stormTableCaption: 'Customers out (sampled every {step}, with the peak’s moment)',
  stormPeakRow: ' (peak)',
  stormNone: 'No outage in this period.',
  stormExport: 'Export the event’s outages',
};

export type StormKey = Key;

/** A storm panel string in the chosen language, {name} placeholders filled. */
export function st(key: Key, vars: Record<string, string | number> = {}): string {
  const text: string = lang() === 'en' ? EN[key] : ZH[key];
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** Both tables, for tests that every key has both languages. */
export const stormTables = (): Readonly<Record<'zh' | 'en', Record<Key, string>>> => ({ zh: ZH, en: EN });
