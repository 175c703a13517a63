// The remediation jobs, for every rule set that governs (index.ts says when each runs): case
// opening, the ledger and disclosure freezes, the authority reports, and runDue, all four in
// that order. One set after another: a set's failure stops the job (it is retried at the next
// run, and every step is idempotent), with what the sets before it did already stored.

import {
  type DueOutcome,
  freezeDue,
  type OpeningSummary,
  openCasesFromBreaches,
} from '../../analytics/remediation/index.js';
import { freezeReportsDue, type ReportsDue, reportsOf } from '../../analytics/reports/index.js';
import type { CompiledRuleSet } from '../../analytics/rules/index.js';
import type { AppDeps } from '../app.js';
import type { Logger } from '../log.js';
import type { Serial } from './serial.js';

/** How old the flags of now's full evaluation may be for the case opening to use them. */
const SHARE_FLAGS_MS = 60 * 60_000;

/** What a job did for one rule set. */
export interface SetDue {
  cases: OpeningSummary;
  ledger: string[];
  disclosure: string[];
  /** the authority reports frozen, by report (empty for a set that files none) */
  reports: ReportsDue;
}

/** The default rule set's outcome at the top, every governing set's (the default too) by name. */
export interface DueResult extends SetDue {
  asOf: number;
  ruleSets: Record<string, SetDue>;
}

export type CasesResult = OpeningSummary & { ruleSets: Record<string, OpeningSummary> };
export type FreezeResult = DueOutcome & { ruleSets: Record<string, DueOutcome> };
export type ReportsResult = { ruleSets: Record<string, ReportsDue> };

export interface RemediationJobs {
  cases(now: number): Promise<CasesResult>;
  freeze(now: number, report: 'ledger' | 'disclosure'): Promise<FreezeResult>;
  reports(now: number): Promise<ReportsResult>;
  /** Does everything due as of `now`: cases, then ledger months, then disclosure periods, then reports. */
  runDue(now: number): Promise<DueResult>;
}

/** The rule sets whose cases, ledger and disclosure the jobs keep: the default, then those with count rules. */
function governing(deps: AppDeps): CompiledRuleSet[] {
  const first = deps.ruleSets.get(deps.config.ruleSet);
  if (!first) throw new Error(`no rule set "${deps.config.ruleSet}"`);
  return [first, ...[...deps.ruleSets.values()].filter((s) => s !== first && s.countRules.length > 0)];
}

const byName = <T>(entries: [string, T][]): Record<string, T> => Object.fromEntries(entries);

/**
 * The flags of now when they are tonight's (the full evaluation at 00:05, kept current with
 * every ingest batch since): the nightly case opening shares that evaluation rather than
 * running its own. A run as of another time (a catch-up, a test's clock) evaluates afresh.
 */
function sharedFlags(deps: AppDeps, set: CompiledRuleSet, now: number) {
  const snapshot = deps.currentFlags.get(set.name);
  return snapshot &&
    snapshot.asOf <= now &&
    now - snapshot.asOf <= SHARE_FLAGS_MS &&
    snapshot.updatedAt <= now
    ? { flags: snapshot.flags }
    : {};
}

export function remediationJobs(deps: AppDeps, serial: Serial, log: Logger): RemediationJobs {
  const zone = deps.config.zone;
  const cases = (now: number): Promise<CasesResult> =>
    serial('cases', now, async () => {
      const done: [string, OpeningSummary][] = [];
      for (const set of governing(deps))
        done.push([
          set.name,
          await openCasesFromBreaches(deps.store, {
            ruleSet: set,
            now,
            zone,
            ...sharedFlags(deps, set, now),
          }),
        ]);
      return { ...done[0]![1], ruleSets: byName(done) };
    });
  const freeze = (now: number, report: 'ledger' | 'disclosure'): Promise<FreezeResult> =>
    serial(report, now, async () => {
      const done: [string, DueOutcome][] = [];
      for (const set of governing(deps))
        done.push([set.name, await freezeDue(deps.store, { ruleSet: set, now, zone, reports: [report] })]);
      return { ...done[0]![1], ruleSets: byName(done) };
    });
  const reports = (now: number): Promise<ReportsResult> =>
    serial('reports', now, async () => {
      const done: [string, ReportsDue][] = [];
      for (const set of governing(deps).filter((s) => reportsOf(s).length > 0))
        done.push([set.name, await freezeReportsDue(deps.store, { ruleSet: set, now, zone })]);
      return { ruleSets: byName(done) };
    });

  async function runDue(now: number): Promise<DueResult> {
    const opened = await cases(now);
    const ledger = await freeze(now, 'ledger');
    const disclosure = await freeze(now, 'disclosure');
    const filed = await reports(now);
    const ruleSets = byName(
      Object.keys(opened.ruleSets).map((name): [string, SetDue] => [
        name,
        {
          cases: opened.ruleSets[name]!,
          ledger: ledger.ruleSets[name]?.ledger ?? [],
          disclosure: disclosure.ruleSets[name]?.disclosure ?? [],
          reports: filed.ruleSets[name] ?? {},
        },
      ]),
    );
    log.info(dueSummary(ruleSets), 'remediation jobs done');
    const { ruleSets: _, ...top } = opened;
    return {
      asOf: now,
      cases: top,
      ledger: ledger.ledger,
      disclosure: disclosure.disclosure,
      reports: filed.ruleSets[governing(deps)[0]!.name] ?? {},
      ruleSets,
    };
  }

  return { cases, freeze, reports, runDue };
}

/** The log line of a runDue: per set, how many cases it opened, attached and reopened, and what it froze. */
function dueSummary(ruleSets: Record<string, SetDue>) {
  return Object.fromEntries(
    Object.entries(ruleSets).map(([name, r]) => [
      name,
      {
        opened: r.cases.opened.length,
        attached: r.cases.attached.length,
        reopened: r.cases.reopened.length,
        ledger: r.ledger,
        disclosure: r.disclosure,
        reports: r.reports,
      },
    ]),
  );
}
