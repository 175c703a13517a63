// Case operations over the store: read cases, apply a planner's transition, open cases from
// breaches. Every write happens inside one in-process queue (exclusive), reading the log,
// deciding, appending and waiting until the append is readable, so two requests in this
// process never take the same seq; across processes the fold's first-writer rule decides, and
// a transition that lost its seq is answered as a conflict.

import { evaluateFlags } from '../flags/index.js';
import { readAssetsAsOfById } from '../outages/index.js';
import type { CompiledRuleSet, Flag } from '../rules/index.js';
import { type Asset, assetRegions, type Issue, slices } from '../../core/index.js';
import type { Store } from '../../store/index.js';
import type { AssetSnapshot, CaseEvent } from './case.js';
import { type Folded, foldCase, foldCases } from './fold.js';
import { planCaseEvents } from './opening.js';
import type { TransitionRequest } from './requests.js';
import { appendCaseEvents, readCaseEvents, readRuleSetEvents } from './sql/case-log.js';
import { exclusive } from './sql/write.js';
import { decide } from './workflow.js';

const LOCK = 'case-log';

/** Every case of a rule set as of `asOf` (default: as it stands), in order of opening. */
export async function listCases(
  store: Store,
  ruleSet: string,
  zone: string,
  asOf?: number,
): Promise<Folded[]> {
  return foldCases(await readRuleSetEvents(store, ruleSet), zone, asOf);
}

/** One case with its history, or null. */
export async function readCase(store: Store, caseId: string, zone: string): Promise<Folded | null> {
  return foldCase(await readCaseEvents(store, caseId), zone);
}

export type TransitionOutcome =
  | { ok: true; folded: Folded; event: CaseEvent }
  | { ok: false; refusal: 'not_found' | 'conflict' | 'invalid'; issues: Issue[] };

export interface TransitionInput {
  caseId: string;
  request: TransitionRequest;
  role: string;
  /** how the change came in, recorded with it (e.g. "token:1a2b3c4d5e6f") */
  via: string;
  now: number;
  zone: string;
  ruleSets: ReadonlyMap<string, CompiledRuleSet>;
}

export function applyTransition(store: Store, input: TransitionInput): Promise<TransitionOutcome> {
  return exclusive(LOCK, async () => {
    const before = await readCase(store, input.caseId, input.zone);
    if (!before) {
      return {
        ok: false,
        refusal: 'not_found',
        issues: [{ path: 'caseId', message: `no case "${input.caseId}"` }],
      };
    }
    const state = before.state;
    const ruleSet = input.ruleSets.get(state.ruleSet);
    if (!ruleSet) {
      const message = `the case's rule set "${state.ruleSet}" is not loaded`;
      return { ok: false, refusal: 'conflict', issues: [{ path: 'ruleSet', message }] };
    }
    let liveBreaches: { rule: string; breachDate: string }[] = [];
    if (input.request.action === 'close') {
      const flags = await evaluateFlags(store, {
        ruleSet,
        asOf: input.now,
        zone: input.zone,
        assetIds: [state.assetId],
      });
      liveBreaches = breachesInForce(flags, state.assetId, state.family);
    }
    const decision = decide(state, input.request, {
      now: input.now,
      zone: input.zone,
      observationDays: ruleSet.observationDays,
      caseDueDays: ruleSet.caseDueDays,
      role: input.role,
      liveBreaches,
      separationOfDuties: ruleSet.separationOfDuties,
    });
    if (!decision.ok) return decision;
    await appendCaseEvents(store, [decision.event], input.via);
    const after = await readCase(store, input.caseId, input.zone);
    const lost =
      !after ||
      after.superseded.some(
        (e) =>
          e.seq === decision.event.seq &&
          e.at === decision.event.at &&
          e.actor === decision.event.actor &&
          e.action === decision.event.action,
      );
    if (!after || lost) {
      const message = 'the case was changed by someone else at the same moment: reload it and try again';
      return { ok: false, refusal: 'conflict', issues: [{ path: 'expectedSeq', message }] };
    }
    return { ok: true, folded: after, event: decision.event };
  });
}

export interface OpeningSummary {
  asOf: number;
  breaches: number;
  opened: string[];
  attached: string[];
  reopened: string[];
}

const snapshotOf = (a: Asset): AssetSnapshot => ({
  name: a.name ?? null,
  kind: a.kind,
  ...assetRegions(a),
  areaClass: a.areaClass,
});

/**
 * Evaluates the rule set's flags as of `now` and opens, attaches or reopens cases for the
 * breaches the log has not seen (opening.ts). Idempotent: a second run writes nothing.
 */
/** The breaches of an asset and rule family among `flags`, as the close check weighs them. */
export function breachesInForce(
  flags: readonly Flag[],
  assetId: string,
  family: string,
): { rule: string; breachDate: string }[] {
  return flags.flatMap((f) =>
    f.assetId === assetId && f.family === family && f.status === 'breach' && f.breachDate
      ? [{ rule: f.rule, breachDate: f.breachDate }]
      : [],
  );
}

export async function openCasesFromBreaches(
  store: Store,
  q: {
    ruleSet: CompiledRuleSet;
    now: number;
    zone: string;
    via?: string;
    /** the rule set's flags as of about `now`, when already evaluated (the flags of now) */
    flags?: readonly Flag[];
  },
): Promise<OpeningSummary> {
  const all = q.flags ?? (await evaluateFlags(store, { ruleSet: q.ruleSet, asOf: q.now, zone: q.zone }));
  const flags = all.filter((f) => f.status === 'breach');
  const ids = [...new Set(flags.map((f) => f.assetId))];
  const read = await readAssetsAsOfById(store, q.now, slices(ids, 500));
  const assets = new Map([...read].map(([id, a]) => [id, snapshotOf(a)]));
  return exclusive(LOCK, async () => {
    const cases = (await listCases(store, q.ruleSet.name, q.zone)).map((f) => f.state);
    const plan = planCaseEvents({ ruleSet: q.ruleSet, now: q.now, zone: q.zone, flags, cases, assets });
    await appendCaseEvents(store, plan.events, q.via ?? 'job:cases');
    return {
      asOf: q.now,
      breaches: flags.length,
      opened: plan.opened,
      attached: plan.attached,
      reopened: plan.reopened,
    };
  });
}
