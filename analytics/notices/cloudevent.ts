// A notice as a CloudEvents 1.0 event in structured JSON mode (the whole event is the body,
// `Content-Type: application/cloudevents+json`), and as an e-mail's subject and text in Chinese
// and English, worded for the people affected (no rule ids in the outage notices).

import type { Notice, NoticeType } from './types.js';

export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json; charset=utf-8';
export const TYPE_PREFIX = 'cn.grid.notice.';
export const SOURCE = '/outage-analytics/notices';

export interface CloudEvent {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  data: Record<string, unknown>;
}

/** The event, the same bytes whenever it is sent (the body a signature covers). */
export function toCloudEvent(n: Notice): CloudEvent {
  return {
    specversion: '1.0',
    id: n.noticeId,
    source: SOURCE,
    type: `${TYPE_PREFIX}${n.type}`,
    subject: n.subject,
    time: new Date(n.occurredAt).toISOString(),
    datacontenttype: 'application/json',
    data: n.data,
  };
}

export const eventBody = (n: Notice): string => JSON.stringify(toCloudEvent(n));

const TITLES: Record<NoticeType, { zh: string; en: string }> = {
  'outage.began': { zh: '停电通知', en: 'Power outage' },
  'outage.estimate_changed': { zh: '预计复电时间变更', en: 'Restoration estimate changed' },
  'outage.restored': { zh: '已恢复供电', en: 'Power restored' },
  'outage.estimate_passed': {
    zh: '抢修仍在进行，复电时间正在重新评估',
    en: 'Still off: the restoration time is being reassessed',
  },
  'planned.announced': { zh: '计划停电预告', en: 'Planned outage announced' },
  'planned.changed': { zh: '计划停电变更', en: 'Planned outage changed' },
  'planned.cancelled': { zh: '计划停电取消', en: 'Planned outage cancelled' },
  'flag.at_risk': { zh: '频繁停电预警', en: 'Frequent-outage early warning' },
  'flag.breach': { zh: '频繁停电超限', en: 'Frequent-outage limit exceeded' },
  'case.overdue': { zh: '整治工单超期', en: 'Remediation case overdue' },
};

const str = (v: unknown): string => (v === null || v === undefined ? '—' : String(v));

function where(d: Record<string, unknown>): string {
  const areas = Array.isArray(d.areas)
    ? (d.areas as { assetId: string; name: string | null }[]).map((a) => a.name ?? a.assetId)
    : [];
  const place = [d.county, d.assetName ?? d.assetId].filter((x) => x !== null && x !== undefined).join(' ');
  return areas.length > 0
    ? `${place}（${areas.slice(0, 20).join('、')}${areas.length > 20 ? '…' : ''}）`
    : place;
}

/** Subject and plain text of the e-mail: Chinese first, then English. */
export function emailText(n: Notice): { subject: string; text: string } {
  const t = TITLES[n.type];
  const d = n.data;
  const lines: string[] = [];
  if (n.type.startsWith('outage.') || n.type.startsWith('planned.')) {
    lines.push(
      `${t.zh}：${where(d)}`,
      `开始：${str(d.start)}　结束：${str(d.end)}　预计复电：${str(d.estimatedRestoration)}`,
      `停电用户：${str(d.customersAffected)}`,
      '',
      `${t.en}: ${where(d)}`,
      `Start: ${str(d.start)}  End: ${str(d.end)}  Estimated restoration: ${str(d.estimatedRestoration)}`,
      `Customers affected: ${str(d.customersAffected)}`,
    );
  } else if (n.type === 'case.overdue') {
    lines.push(
      `${t.zh}：${where(d)}，工单 ${str(d.caseId)}，应于 ${str(d.dueDate)} 前完成（状态：${str(d.status)}）`,
      '',
      `${t.en}: ${where(d)}, case ${str(d.caseId)}, due ${str(d.dueDate)} (status: ${str(d.status)})`,
    );
  } else {
    lines.push(
      `${t.zh}：${where(d)}，${str(d.windowStart)} 至 ${str(d.windowEnd)} 计入停电 ${str(d.count)} 次（限值 ${str(d.limit)}，${str(d.ruleSet)} ${str(d.rule)}）`,
      '',
      `${t.en}: ${where(d)}, ${str(d.count)} counted outages from ${str(d.windowStart)} to ${str(d.windowEnd)} (limit ${str(d.limit)}, ${str(d.ruleSet)} ${str(d.rule)})`,
    );
  }
  lines.push('', `id: ${n.noticeId}`);
  return { subject: `${t.zh} / ${t.en}：${where(d)}`, text: `${lines.join('\n')}\n` };
}
