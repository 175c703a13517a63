// The words of the frequent-outage rules' answers: an asset's standing under a rule, and why
// an outage does not count for it (GET /flags/:assetId/explain, the planned-outage check).

import type { ReasonCode, Standing } from './codes.js';
import { fillIn, type Labels, type Lang, labelIn } from './label.js';

export const STANDING_LABELS: Labels<Standing> = {
  breach: { zh: '越限', en: 'Breach' },
  at_risk: { zh: '预警', en: 'At risk' },
  fine: { zh: '正常', en: 'Fine' },
};

/** `warning` and `merged_with` fill `{id}` with the id that follows the code. */
export const REASON_LABELS: Labels<ReasonCode> = {
  external_damage: { zh: '外力破坏（不计入）', en: 'External damage (not counted)' },
  natural_disaster: { zh: '自然灾害停电（不计入）', en: 'Natural disaster (not counted)' },
  force_majeure: {
    zh: '记录为不可抗力的恶劣天气停电（不计入）',
    en: 'Severe weather recorded as force majeure (not counted)',
  },
  short_switching: {
    zh: '保供电/方式调整短时停电（不计入）',
    en: 'Short switching / mode-adjustment outage (not counted)',
  },
  warning: {
    zh: '预警期间的天气或自然灾害停电：{id}',
    en: 'Weather or disaster outage under official warning {id}',
  },
  merged_with: { zh: '与 {id} 重叠，合并计一次', en: 'Overlaps {id}; counted once' },
  below_min_duration: { zh: '短于规则最短时长', en: 'Shorter than the rule’s minimum duration' },
  cause_not_counted: { zh: '原因不在规则计数范围内', en: 'Cause not counted by this rule' },
  planned_not_counted: { zh: '计划属性不在规则计数范围内', en: 'Planned status not counted by this rule' },
};

/** The reasons that travel with an id after a colon. */
const WITH_ID: ReadonlySet<string> = new Set<ReasonCode>(['warning', 'merged_with']);

/** A reason as the API sends it ("warning:W1", "merged_with:E7", "external_damage") in words. */
export function reasonText(reason: string, lang: Lang): string {
  const colon = reason.indexOf(':');
  if (colon < 0) return labelIn(REASON_LABELS, reason, lang);
  const code = reason.slice(0, colon);
  if (!WITH_ID.has(code)) return reason;
  return fillIn(REASON_LABELS[code as ReasonCode][lang], { id: reason.slice(colon + 1) });
}
