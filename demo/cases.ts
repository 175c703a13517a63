// A remediation history for the demo, so that a newcomer's board shows a year of work rather
// than a day-old heap of open cases. Cases are opened in waves, from the breaches as they stood
// WAVES days ago, by the product's own opening (a later breach attaches, or reopens a case under
// observation), and are taken through the workflow by the rules the API applies (decide()),
// with back-dated times and in time order, so each wave sees what the earlier ones left: most
// of the oldest cases are closed (when no breach fell in their observation period, as the API
// checks), some are still under observation, a few are stuck and overdue, and the newest are
// open or just planned. The start-up case job then adds what has breached since.

import { evaluateFlags } from '../analytics/flags/index.js';
import {
  appendCaseEvents,
  breachesInForce,
  type CaseEvent,
  decide,
  foldCase,
  listCases,
  type Measure,
  openCasesFromBreaches,
  readRuleSetEvents,
  type TransitionRequest,
} from '../analytics/remediation/index.js';
import type { CompiledRuleSet, Flag } from '../analytics/rules/index.js';
import { dayToDate, localDay } from '../core/index.js';
import type { Store } from '../store/index.js';

const DAY = 86_400_000;
/** Days before now at which cases are opened, oldest first. */
const WAVES = [300, 180, 75] as const;
const PLANNER = '演示计划员';
/** Approves plans and verifies closings: never the one who drafted or did the work (四眼原则). */
const REVIEWER = '演示审核员';
const UNITS = ['运维一班', '运维二班', '配电检修中心', '城区供电所'];
const CAUSES: { analysis: string; measures: Measure[] }[] = [
  {
    analysis: '线路老化，绝缘水平下降，雷雨季故障集中',
    measures: ['line_insulation', 'lightning_protection'],
  },
  { analysis: '树线矛盾突出，大风天气树枝搭线跳闸', measures: ['tree_clearing', 'inspection'] },
  { analysis: '配变重载，低压出线设备老旧', measures: ['equipment_replacement', 'capacity_increase'] },
  { analysis: '施工外破频发，线路保护区防护不足', measures: ['external_damage_prevention', 'inspection'] },
  { analysis: '计划停电安排分散，重复停电', measures: ['outage_plan_merging', 'live_working'] },
];

/**
 * How far a case gets: closed after observation (`close`), work done recently and under
 * observation now (`observe`), or stuck at a step (`progress`, `plan`, `open`).
 */
type Path = 'close' | 'observe' | 'progress' | 'plan' | 'open';
/** Per wave (as WAVES), the paths of its cases in turn. */
const PATHS: Record<(typeof WAVES)[number], readonly Path[]> = {
  300: ['close', 'close', 'close', 'close', 'observe', 'progress'],
  180: ['close', 'close', 'observe', 'progress', 'plan', 'open'],
  75: ['open', 'open', 'plan', 'plan', 'progress', 'progress'],
};

interface Step {
  at: number;
  caseId: string;
  request: TransitionRequest;
}

export interface DemoCaseSummary {
  opened: number;
  byStatus: Record<string, number>;
}

export async function seedDemoCases(
  store: Store,
  q: { ruleSet: CompiledRuleSet; now: number; zone: string },
): Promise<DemoCaseSummary> {
  const date = (t: number) => dayToDate(localDay(t, q.zone));
  let pending: Step[] = [];
  const seen = new Set<string>();

  // Takes the planned steps before `until` through the workflow, in time order.
  const applyUntil = async (until: number) => {
    const due = pending.filter((s) => s.at < until).sort((a, b) => a.at - b.at);
    pending = pending.filter((s) => s.at >= until);
    if (due.length === 0) return;
    const eventsOf = new Map<string, CaseEvent[]>();
    for (const e of await readRuleSetEvents(store, q.ruleSet.name)) {
      eventsOf.set(e.caseId, [...(eventsOf.get(e.caseId) ?? []), e]);
    }
    const flagsAt = await closingFlags(store, q, due);
    const written: CaseEvent[] = [];
    for (const step of due) {
      const own = eventsOf.get(step.caseId) ?? [];
      const folded = foldCase(own, q.zone);
      if (!folded) continue;
      const decision = decide(folded.state, step.request, {
        now: step.at,
        zone: q.zone,
        observationDays: q.ruleSet.observationDays,
        caseDueDays: q.ruleSet.caseDueDays,
        role: 'planner',
        liveBreaches: breachesInForce(flagsAt.get(step.at) ?? [], folded.state.assetId, folded.state.family),
        separationOfDuties: q.ruleSet.separationOfDuties,
      });
      // A step the workflow refuses (a case reopened, a breach in observation) ends its path.
      if (!decision.ok) {
        pending = pending.filter((s) => s.caseId !== step.caseId);
        continue;
      }
      own.push(decision.event);
      eventsOf.set(step.caseId, own);
      written.push(decision.event);
    }
    await appendCaseEvents(store, written, 'demo');
  };

  for (const wave of WAVES) {
    const opened = q.now - wave * DAY;
    await applyUntil(opened);
    await openCasesFromBreaches(store, { ruleSet: q.ruleSet, now: opened, zone: q.zone, via: 'demo' });
    const fresh = (await listCases(store, q.ruleSet.name, q.zone))
      .map((c) => c.state)
      .filter((c) => !seen.has(c.caseId))
      .sort((a, b) => (a.caseId < b.caseId ? -1 : 1));
    fresh.forEach((c, i) => {
      seen.add(c.caseId);
      const paths = PATHS[wave];
      pending.push(...stepsOf(c.caseId, paths[i % paths.length]!, i, opened, q, date));
    });
  }
  await applyUntil(q.now);

  const byStatus: Record<string, number> = {};
  for (const c of await listCases(store, q.ruleSet.name, q.zone)) {
    byStatus[c.state.status] = (byStatus[c.state.status] ?? 0) + 1;
  }
  return { opened: seen.size, byStatus };
}

/** The workflow steps of a case opened at `opened` that follows `path` (varied by `i`). */
function stepsOf(
  caseId: string,
  path: Path,
  i: number,
  opened: number,
  q: { ruleSet: CompiledRuleSet; now: number },
  date: (t: number) => string,
): Step[] {
  if (path === 'open') return [];
  // Three timetables per wave (each closing time costs a flag evaluation for the check on close).
  const variant = i % 3;
  const cause = CAUSES[i % CAUSES.length]!;
  const plan = opened + (5 + 3 * variant) * DAY;
  const start = plan + (7 + variant) * DAY;
  // The planner drafts the plan two days before the reviewer approves it as drafted.
  const steps: Step[] = [
    {
      at: plan - 2 * DAY,
      caseId,
      request: {
        action: 'update',
        actor: PLANNER,
        fields: {
          causeAnalysis: cause.analysis,
          measures: cause.measures,
          responsibleUnit: UNITS[i % UNITS.length]!,
          responsiblePerson: `负责人${'甲乙丙丁戊己庚辛壬'[i % 9]}`,
          plannedStart: date(start),
          plannedEnd: date(start + 45 * DAY),
        },
      },
    },
    { at: plan, caseId, request: { action: 'approve_plan', actor: REVIEWER, fields: {} } },
  ];
  if (path === 'plan') return steps;
  steps.push({
    at: start,
    caseId,
    request: { action: 'start_work', actor: PLANNER, fields: { actualStart: date(start) } },
  });
  if (path === 'progress') return steps;
  // Closing paths finish within about six weeks; the ones under observation now finished lately.
  const done = path === 'close' ? start + (28 + 7 * variant) * DAY : q.now - (20 + 15 * variant) * DAY;
  steps.push({
    at: done,
    caseId,
    request: { action: 'complete_work', actor: PLANNER, fields: { actualEnd: date(done) } },
  });
  if (path === 'observe') return steps;
  const close = done + (q.ruleSet.observationDays + 5) * DAY;
  if (close >= q.now) return steps;
  steps.push({
    at: close,
    caseId,
    request: {
      action: 'close',
      actor: REVIEWER,
      fields: {
        verification: {
          methods: i % 3 === 0 ? ['user_visit', 'field_check'] : ['field_check', 'data_review'],
          result: '观察期内未再发生频繁停电，用户回访满意',
          passed: true,
          verifiedBy: '验收组',
          verifiedOn: date(close),
        },
      },
    },
  });
  return steps;
}

/**
 * The flags at each closing step's time of the assets closing then, for the check the API makes
 * on close (one evaluation per closing time).
 */
async function closingFlags(
  store: Store,
  q: { ruleSet: CompiledRuleSet; zone: string },
  steps: readonly Step[],
): Promise<Map<number, Flag[]>> {
  const out = new Map<number, Flag[]>();
  const closing = new Map<number, Set<string>>();
  const cases = new Map(
    (await listCases(store, q.ruleSet.name, q.zone)).map((c) => [c.state.caseId, c.state]),
  );
  for (const s of steps) {
    const c = cases.get(s.caseId);
    if (s.request.action !== 'close' || !c) continue;
    closing.set(s.at, (closing.get(s.at) ?? new Set()).add(c.assetId));
  }
  for (const [at, assets] of closing) {
    const ids = [...assets];
    const flags: Flag[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      flags.push(
        ...(await evaluateFlags(store, {
          ruleSet: q.ruleSet,
          asOf: at,
          zone: q.zone,
          assetIds: ids.slice(i, i + 500),
        })),
      );
    }
    out.set(at, flags);
  }
  return out;
}
