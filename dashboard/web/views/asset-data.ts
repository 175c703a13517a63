// What an asset's page shows, from what the API answers, as pure functions: its facts (the
// GET /assets row, in the page's words), the panels of its timeline (each count rule's counted
// outages, now and a year ago together, against its limit), why an outage was not counted, and
// a rule's short name for a column. No DOM, no requests.

import type { Row } from '../api.js';
import type { TimelinePanel } from '../charts/index.js';
import { type RuleInfo, windowDays } from '../context.js';
import type { Format } from '../format.js';
import { areaClassLabel, kindLabel, lang, reasonLabel, t } from '../i18n.js';
import type { ExplainedOutage, Explanation } from './asset-rules.js';
import { num, str } from './common.js';

/** A count rule's explanation for the asset now and a year ago. */
export interface RuleExplanations {
  rule: RuleInfo;
  now: Explanation;
  before: Explanation;
}

/** A fact of the asset: its label, and its value as text or an asset to link to. */
export type AssetFact = readonly [string, string | { assetId: string }];

/** The asset's facts in reading order; those it does not have are left out. */
export function assetFacts(asset: Row, fmt: Format): AssetFact[] {
  const text = (label: string, value: string | null): AssetFact[] => (value ? [[label, value]] : []);
  const feederId = str(asset['feederId']);
  const transformers = num(asset['transformers']);
  return [
    [t('assetId'), String(asset['assetId'])],
    [t('kind'), kindLabel(String(asset['kind']))],
    ...(feederId ? [[t('feeder'), { assetId: feederId }] as const] : []),
    ...text(t('figCode'), str(asset['code'])),
    ...text(t('substation'), str(asset['substation'])),
    [t('region'), [asset['province'], asset['city'], asset['county']].filter(Boolean).join(' ')],
    [t('areaClass'), areaClassLabel(str(asset['areaClass']))],
    [t('figCustomersServed'), fmt.int(num(asset['customers']))],
    ...(Number.isFinite(transformers) ? [[t('transformers'), fmt.int(transformers)] as const] : []),
    ...text(t('park'), str(asset['park'])),
  ];
}

/**
 * A panel per rolling count rule: its counted outages now and a year ago (together they hold
 * every counted outage that reaches into the last year's windows), each outage once.
 */
export function timelinePanels(inScope: readonly RuleExplanations[]): TimelinePanel[] {
  return inScope.flatMap(({ rule, now, before }): TimelinePanel[] => {
    const days = windowDays(rule.window);
    if (days === undefined || rule.limit === undefined) return [];
    const counted = new Map<string, string>();
    for (const o of [...before.outages, ...now.outages]) if (o.counted) counted.set(o.eventId, o.date);
    return [
      {
        label: `${rule.title[lang()]} · ${t('windowCount', { days })}`,
        limit: rule.limit,
        windowDays: days,
        counted: [...counted.values()],
      },
    ];
  });
}

/** Why the rules in scope did not count an outage, in the order of the rules. */
export function notCountedReasons(inScope: readonly RuleExplanations[], o: ExplainedOutage): string[] {
  return inScope
    .map(({ now }) => now.outages.find((x) => x.eventId === o.eventId))
    .filter((x): x is ExplainedOutage => !!x && !x.counted)
    .map((x) => reasonLabel(x.reason));
}

/** "不计入：…" unless the reason's own words already say it is not counted. */
export function notCountedText(reason: string | undefined): string {
  const text = reasonLabel(reason);
  return text.toLowerCase().includes(t('excluded').toLowerCase())
    ? text
    : t('figNotCounted', { reason: text });
}

/** A rule's short name for a column: "60天>3次" / ">3 in 60 d" (else its title). */
export function shortRule(rule: RuleInfo): string {
  const days = windowDays(rule.window);
  if (days === undefined || rule.limit === undefined) return rule.title[lang()];
  return lang() === 'zh' ? `${days}天>${rule.limit}次` : `>${rule.limit} in ${days} d`;
}
