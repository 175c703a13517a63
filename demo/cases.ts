// A remediation history for the demo, so that a newcomer's board shows cases in every status
// rather than a day-old heap of open ones. Cases are opened from the breaches as they stood
// OPENED_DAYS ago, then taken through the workflow by the same rules the API applies
// (decide()), with back-dated times: a sixth stay open (and are overdue by now), a sixth get
// their plan approved, a sixth are in progress, a sixth finished their work a month ago and
// are under observation, and the rest finished early and are closed when their observation
// period ended without a new breach (else they stay in observation). The start-up case job then
// adds what has breached since, as it would in production.

import { evaluateFlags } from '../analytics/flags/index.js';
import {
  appendCaseEvents,
  type CaseEvent,
  decide,
  foldCase,
  listCases,
  openCasesFromBreaches,
  readRuleSetEvents,
  type TransitionRequest,
} from '../analytics/remediation/index.js';
import type { CompiledRuleSet } from '../analytics/rules/index.js';
import { dayToDate, localDay } from '../core/index.js';
import type { Store } from '../store/index.js';

const DAY = 86_400_000;
const OPENED_DAYS = 200;
const PLANNER = 'demo planner 演示计划员';
const UNITS = ['运维一班 O&M team 1', '运维二班 O&M team 2', '配电检修中心 Distribution repair centre'];

export interface DemoCaseSummary {
  opened: number;
  byStatus: Record<string, number>;
}

/** The steps a case takes, by its place in id order. */
type Path = 'open' | 'plan' | 'work' | 'observe' | 'close';
const PATHS: readonly Path[] = ['open', 'plan', 'work', 'observe', 'close', 'close'];

export async function seedDemoCases(
  store: Store,
  q: { ruleSet: CompiledRuleSet; now: number; zone: string },
): Promise<DemoCaseSummary> {
  const t0 = q.now - OPENED_DAYS * DAY;
  await openCasesFromBreaches(store, { ruleSet: q.ruleSet, now: t0, zone: q.zone, via: 'demo' });
  const logged = await readRuleSetEvents(store, q.ruleSet.name);
  const eventsOf = new Map<string, CaseEvent[]>();
  for (const e of logged) {
    const list = eventsOf.get(e.caseId);
    if (list) list.push(e);
    else eventsOf.set(e.caseId, [e]);
  }
  const cases = (await listCases(store, q.ruleSet.name, q.zone)).sort((a, b) =>
    a.state.caseId < b.state.caseId ? -1 : 1,
  );
  const date = (t: number) => dayToDate(localDay(t, q.zone));
  const at = {
    plan: t0 + 7 * DAY,
    start: t0 + 14 * DAY,
    doneEarly: t0 + 40 * DAY,
    doneLate: q.now - 30 * DAY,
  };
  const closeAt = at.doneEarly + (q.ruleSet.observationDays + 5) * DAY;
  // Assets in breach when the early cases would close: those stay under observation.
  const closing = cases.filter((_, i) => PATHS[i % PATHS.length] === 'close').map((c) => c.state.assetId);
  const breachingAtClose = new Set<string>();
  for (let i = 0; i < closing.length; i += 500) {
    const flags = await evaluateFlags(store, {
      ruleSet: q.ruleSet,
      asOf: closeAt,
      zone: q.zone,
      assetIds: closing.slice(i, i + 500),
    });
    for (const f of flags) if (f.status === 'breach') breachingAtClose.add(f.assetId);
  }

  const events: CaseEvent[] = [];
  cases.forEach((c, i) => {
    const path = PATHS[i % PATHS.length]!;
    if (path === 'open') return;
    const unit = UNITS[i % UNITS.length]!;
    const steps: [number, TransitionRequest][] = [
      [
        at.plan,
        {
          action: 'approve_plan',
          actor: PLANNER,
          fields: {
            causeAnalysis:
              '线路老化、树线矛盾，雷雨季故障集中 (ageing line, tree contact, storm-season faults)',
            measures: i % 2 === 0 ? ['tree_clearing', 'line_insulation'] : ['equipment_replacement'],
            responsibleUnit: unit,
            responsiblePerson: `负责人 ${1 + (i % 9)}`,
            plannedStart: date(at.start),
            plannedEnd: date(at.start + 60 * DAY),
          },
        },
      ],
    ];
    if (path !== 'plan') {
      steps.push([
        at.start,
        { action: 'start_work', actor: PLANNER, fields: { actualStart: date(at.start) } },
      ]);
    }
    const done = path === 'observe' ? at.doneLate : at.doneEarly;
    if (path === 'observe' || path === 'close') {
      steps.push([done, { action: 'complete_work', actor: PLANNER, fields: { actualEnd: date(done) } }]);
    }
    if (path === 'close' && !breachingAtClose.has(c.state.assetId)) {
      steps.push([
        closeAt,
        {
          action: 'close',
          actor: PLANNER,
          fields: {
            verification: {
              methods: ['field_check', 'data_review'],
              result: '观察期内未再发生频繁停电 (no frequent outages during observation)',
              passed: true,
              verifiedBy: '验收组 acceptance team',
              verifiedOn: date(closeAt),
            },
          },
        },
      ]);
    }
    const own = [...(eventsOf.get(c.state.caseId) ?? [])];
    for (const [time, request] of steps) {
      const folded = foldCase(own, q.zone);
      if (!folded) return;
      const decision = decide(folded.state, request, {
        now: time,
        zone: q.zone,
        observationDays: q.ruleSet.observationDays,
        caseDueDays: q.ruleSet.caseDueDays,
        role: 'planner',
        liveBreaches: [],
      });
      // A step the workflow refuses (e.g. a case reopened meanwhile) ends the case's path.
      if (!decision.ok) return;
      own.push(decision.event);
      events.push(decision.event);
    }
  });
  await appendCaseEvents(store, events, 'demo');
  const byStatus: Record<string, number> = {};
  for (const c of await listCases(store, q.ruleSet.name, q.zone)) {
    byStatus[c.state.status] = (byStatus[c.state.status] ?? 0) + 1;
  }
  return { opened: cases.length, byStatus };
}
