// Cases from breaches (the nightly job's pure part). Per asset and rule family, a breach the
// case log has not seen yet:
// - opens a case when the asset has none that is not closed;
// - attaches to the case that is not closed; when that case is in observation (work done) and
//   the breach is dated on or after the day the work was done, it reopens the case instead;
// - is ignored when dated on or before the closing date of the asset's latest closed case of
//   the family (a late-arriving record of what that case already dealt with and verified).
// Breaches already recorded on any case of the asset and family are skipped, so running it
// again on the same flags writes nothing.

import { groupBy } from '../../core/collections.js';
import { compareText } from '../../core/order.js';
import { createHash } from 'node:crypto';
import { dayToDate, localDay } from '../../core/index.js';
import type { Flag } from '../rules/index.js';
import type { AssetSnapshot, BreachRecord, CaseEvent, CaseState } from './case.js';
import { dueDateFrom } from './deadlines.js';
import { breachKey } from './fold.js';

export interface OpeningInput {
  ruleSet: { name: string; caseDueDays: number };
  now: number;
  zone: string;
  /** flags of the rule set as of now; only breaches are used */
  flags: readonly Flag[];
  /** every case of the rule set as it stands */
  cases: readonly CaseState[];
  /** the flagged assets as of now */
  assets: ReadonlyMap<string, AssetSnapshot>;
}

export interface PlannedEvents {
  events: CaseEvent[];
  opened: string[];
  attached: string[];
  reopened: string[];
}

export const SYSTEM_ACTOR = 'system';

/** A case's id: stable for the asset, family and the date of the breach that opened it. */
export function caseIdOf(ruleSet: string, family: string, assetId: string, breachDate: string): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([ruleSet, family, assetId, breachDate]))
    .digest('hex');
  return `RC-${breachDate.replaceAll('-', '')}-${hash.slice(0, 10)}`;
}

const toBreach = (f: Flag): BreachRecord => ({
  rule: f.rule,
  breachDate: f.breachDate ?? f.windowEnd,
  count: f.count,
  limit: f.limit,
  windowStart: f.windowStart,
  windowEnd: f.windowEnd,
  eventIds: [...f.eventIds],
});

const byDate = (a: BreachRecord, b: BreachRecord): number =>
  compareText(a.breachDate, b.breachDate) || compareText(a.rule, b.rule);

/** A case's history is per asset and rule family. */
const familyKey = (x: { assetId: string; family: string }): string => JSON.stringify([x.assetId, x.family]);

/**
 * The breaches among `flags` that the asset's cases of the family have not seen, dated after the
 * latest of them closed; earliest first.
 */
function freshBreaches(flags: readonly Flag[], cases: readonly CaseState[]): BreachRecord[] {
  const known = new Set(cases.flatMap((c) => c.breaches.map(breachKey)));
  const lastClosed = cases.reduce<string | null>(
    (d, c) => (c.closedDate !== null && (d === null || c.closedDate > d) ? c.closedDate : d),
    null,
  );
  return flags
    .map(toBreach)
    .filter((b) => !known.has(breachKey(b)) && (lastClosed === null || b.breachDate > lastClosed))
    .sort(byDate);
}

/** The latest opened of the cases that are not closed. */
const activeCase = (cases: readonly CaseState[]): CaseState | undefined =>
  cases.filter((c) => c.status !== 'closed').sort((a, b) => b.openedAt - a.openedAt)[0];

/** Who and what every event of the plan names. */
type EventBase = Pick<CaseEvent, 'ruleSet' | 'assetId' | 'family' | 'actor' | 'role'>;

/** Fresh breaches on a case not closed: attached, or reopening it when they came after the work was done. */
function followUpEvent(
  input: OpeningInput,
  today: string,
  base: EventBase,
  active: CaseState,
  fresh: BreachRecord[],
): CaseEvent {
  const doneOn = active.fields.actualEnd;
  const reopen =
    active.status === 'work_done' && doneOn !== undefined && fresh.some((b) => b.breachDate >= doneOn);
  return {
    ...base,
    caseId: active.caseId,
    seq: active.seq + 1,
    action: reopen ? 'reopen' : 'attach',
    status: reopen ? 'open' : active.status,
    at: Math.max(input.now, active.updatedAt),
    data: reopen
      ? {
          breaches: fresh,
          reason: `breach during observation (work done on ${doneOn})`,
          dueDate: dueDateFrom(today, input.ruleSet.caseDueDays),
        }
      : { breaches: fresh },
  };
}

/** The id of a new case, numbered on (-2, -3, …) past the ids already taken; taken from then on. */
function takeCaseId(ruleSet: string, first: Flag, breachDate: string, takenIds: Set<string>): string {
  let caseId = caseIdOf(ruleSet, first.family, first.assetId, breachDate);
  for (let n = 2; takenIds.has(caseId); n++)
    caseId = `${caseIdOf(ruleSet, first.family, first.assetId, breachDate)}-${n}`;
  takenIds.add(caseId);
  return caseId;
}

/** A new case for fresh breaches, with the asset as it stands now. */
function openingEvent(
  input: OpeningInput,
  today: string,
  base: EventBase,
  caseId: string,
  first: Flag,
  fresh: BreachRecord[],
): CaseEvent {
  const asset = input.assets.get(first.assetId) ?? {
    name: null,
    kind: first.kind,
    province: null,
    city: null,
    county: null,
    areaClass: null,
  };
  return {
    ...base,
    caseId,
    seq: 1,
    action: 'open',
    status: 'open',
    at: input.now,
    data: { asset, breaches: fresh, dueDate: dueDateFrom(today, input.ruleSet.caseDueDays) },
  };
}

export function planCaseEvents(input: OpeningInput): PlannedEvents {
  const today = dayToDate(localDay(input.now, input.zone));
  const breaches = groupBy(
    input.flags.filter((f) => f.status === 'breach' && f.breachDate !== null),
    familyKey,
  );
  const casesOf = groupBy(input.cases, familyKey);
  const takenIds = new Set(input.cases.map((c) => c.caseId));
  const out: PlannedEvents = { events: [], opened: [], attached: [], reopened: [] };

  for (const key of [...breaches.keys()].sort()) {
    const flags = breaches.get(key) ?? [];
    const first = flags[0];
    if (!first) continue;
    const cases = casesOf.get(key) ?? [];
    const fresh = freshBreaches(flags, cases);
    const earliest = fresh[0];
    if (!earliest) continue;
    const base = {
      ruleSet: input.ruleSet.name,
      assetId: first.assetId,
      family: first.family,
      actor: SYSTEM_ACTOR,
      role: 'system',
    };
    const active = activeCase(cases);
    if (active) {
      const event = followUpEvent(input, today, base, active, fresh);
      out.events.push(event);
      (event.action === 'reopen' ? out.reopened : out.attached).push(active.caseId);
      continue;
    }
    const caseId = takeCaseId(input.ruleSet.name, first, earliest.breachDate, takenIds);
    out.events.push(openingEvent(input, today, base, caseId, first, fresh));
    out.opened.push(caseId);
  }
  return out;
}
