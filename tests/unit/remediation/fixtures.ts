import type { BreachRecord, CaseEvent, CaseState, Folded } from '../../../analytics/remediation/index.js';
import { foldCase } from '../../../analytics/remediation/index.js';
import type { Flag } from '../../../analytics/rules/index.js';

export const SH = 'Asia/Shanghai';
/** An instant from a local Shanghai wall-clock time. */
export const local = (text: string): number => Date.parse(`${text.replace(' ', 'T')}+08:00`);

export const breach = (rule: string, breachDate: string, over: Partial<BreachRecord> = {}): BreachRecord => ({
  rule,
  breachDate,
  count: 4,
  limit: 3,
  windowStart: '2025-05-01',
  windowEnd: breachDate,
  eventIds: ['e1', 'e2', 'e3', 'e4'],
  ...over,
});

export const flag = (
  assetId: string,
  rule: string,
  breachDate: string | null,
  family = 'frequent_outage',
): Flag => ({
  assetId,
  kind: 'feeder',
  rule,
  ruleSet: 'national-2025',
  family,
  status: breachDate ? 'breach' : 'at_risk',
  count: 4,
  limit: 3,
  windowStart: '2025-05-01',
  windowEnd: breachDate ?? '2025-06-30',
  breachDate,
  eventIds: ['e1', 'e2', 'e3', 'e4'],
});

export function openEvent(
  caseId = 'RC-1',
  at = local('2025-07-01 00:20'),
  over: Partial<CaseEvent> = {},
): CaseEvent {
  return {
    caseId,
    ruleSet: 'national-2025',
    assetId: 'F1',
    family: 'frequent_outage',
    seq: 1,
    action: 'open',
    status: 'open',
    actor: 'system',
    role: 'system',
    at,
    data: {
      asset: {
        name: '10kV 龙泉线',
        kind: 'feeder',
        province: '云南省',
        city: '保山市',
        county: '隆阳区',
        areaClass: 'rural',
      },
      breaches: [breach('over-3-in-60d', '2025-06-29')],
      dueDate: '2025-09-29',
    },
    ...over,
  };
}

export function folded(events: readonly CaseEvent[], asOf?: number): Folded {
  const f = foldCase(events, SH, asOf);
  if (!f) throw new Error('no case');
  return f;
}

export const stateOf = (events: readonly CaseEvent[]): CaseState => folded(events).state;

export const PLAN = {
  causeAnalysis: '线路通道树障较多，雨季树枝碰线跳闸',
  measures: ['tree_clearing', 'line_insulation'] as const,
  responsibleUnit: '隆阳供电局',
  responsiblePerson: '张伟',
  plannedStart: '2025-07-10',
  plannedEnd: '2025-08-10',
};
