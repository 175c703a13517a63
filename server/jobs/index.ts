// Scheduled jobs of remediation, on node-cron in the operating zone, for every rule set in force
// that counts outages (each governs its region: its own cases, ledger and disclosure, on its own
// calendar; the default set first):
//   cases       opens, attaches and reopens cases from the set's breaches
//   ledger      freezes every ended month's ledger not yet frozen (catching up after downtime)
//   disclosure  freezes every ended disclosure period (quarter) not yet frozen
//   reports     freezes the authority reports a set's rule file asks for (analytics/reports:
//               the annual ranking, the half-year and annual summaries, the arrears notices)
//               whose freeze time has come and that are not frozen
// Nightly at 00:20 local time all four run in that order (the month-end ledger then holds the
// cases of the month's last breaches), the case opening on the flags of now that the 00:05 full
// evaluation made (and ingest kept current) rather than an evaluation of its own; every hour at
// :50 the three freezes (ledger, disclosure, reports) run again, so a month missed while the
// database was down is frozen within the hour once it is back. At start the
// same catch-up runs once. What is due depends only on `now` and on what the database holds,
// so runDue(now) with a fixed clock does exactly what the schedule would have done then.
// Every run is recorded in job_runs and in /metrics (its duration, and as of when it last
// succeeded: server/metrics/jobs.ts).

import cron, { type ScheduledTask } from 'node-cron';
import {
  type DueOutcome,
  freezeDue,
  type OpeningSummary,
  openCasesFromBreaches,
} from '../../analytics/remediation/index.js';
import { freezeReportsDue, type ReportsDue, reportsOf } from '../../analytics/reports/index.js';
import type { CompiledRuleSet } from '../../analytics/rules/index.js';
import type { AppDeps } from '../app.js';
import { productMetrics } from '../metrics/index.js';
import { type JobRun, recordJobRun } from './runs.js';

export { type JobRun, readJobRuns, recordJobRun } from './runs.js';

/** How old the flags of now's full evaluation may be for the case opening to use them. */
const SHARE_FLAGS_MS = 60 * 60_000;

export const JOB_NAMES = ['cases', 'ledger', 'disclosure', 'reports', 'due'] as const;
export type JobName = (typeof JOB_NAMES)[number];

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
export type JobResult = CasesResult | FreezeResult | ReportsResult | DueResult;

export interface JobsOptions {
  /** the time jobs run as of (default Date.now) */
  clock?: () => number;
  /** run the catch-up once at start (default true) */
  runAtStart?: boolean;
  /** the start-up catch-up waits for this (the attribution repair) */
  after?: Promise<unknown>;
  /** schedule with node-cron (default true; tests drive runDue themselves) */
  cron?: boolean;
  /** cron expressions (node-cron, with seconds optional), in the operating zone */
  nightly?: string;
  hourly?: string;
}

export interface Jobs {
  stop(): void;
  /** Runs one job now, as of the clock. */
  runNow(name: JobName): Promise<JobResult>;
  /** Does everything due as of `now`: cases, then ledger months, then disclosure periods. */
  runDue(now: number): Promise<DueResult>;
  /** Settles when the start-up catch-up is over. */
  readonly started: Promise<void>;
}

export function startJobs(deps: AppDeps, options: JobsOptions = {}): Jobs {
  const clock = options.clock ?? Date.now;
  const zone = deps.config.zone;
  const log = deps.log.child({ component: 'jobs' });
  const metrics = productMetrics(deps).jobs;
  let queue: Promise<unknown> = Promise.resolve();
  let stopped = false;

  /** The rule sets whose cases, ledger and disclosure the jobs keep: those with count rules. */
  const governing = (): CompiledRuleSet[] => {
    const first = deps.ruleSets.get(deps.config.ruleSet);
    if (!first) throw new Error(`no rule set "${deps.config.ruleSet}"`);
    return [first, ...[...deps.ruleSets.values()].filter((s) => s !== first && s.countRules.length > 0)];
  };
  const byName = <T>(entries: [string, T][]): Record<string, T> => Object.fromEntries(entries);

  /**
   * Runs jobs one at a time (cron, start-up and runNow alike), recording each in job_runs and in
   * the metrics (its duration, and as of when it last succeeded).
   */
  function serial<T>(job: string, now: number, fn: () => Promise<T>): Promise<T> {
    const run = queue.then(async () => {
      const startedAt = Date.now();
      const finished = (outcome: JobRun['outcome'], detail: unknown): JobRun => ({
        job,
        outcome,
        asOf: now,
        startedAt,
        finishedAt: Date.now(),
        detail,
      });
      let detail: T;
      try {
        detail = await fn();
      } catch (err) {
        log.error({ job, err: String(err) }, 'job failed');
        const failed = finished('failed', { error: String(err) });
        metrics.ran(failed);
        await recordJobRun(deps.store, failed).catch(() => undefined);
        throw err;
      }
      const done = finished('ok', detail);
      metrics.ran(done);
      // The job's work is done (and idempotent); failing to note it must not fail the job.
      await recordJobRun(deps.store, done).catch((err: unknown) =>
        log.warn({ job, err: String(err) }, 'job run not recorded'),
      );
      return detail;
    });
    queue = run.catch(() => undefined);
    return run;
  }

  /**
   * The flags of now when they are tonight's (the full evaluation at 00:05, kept current with
   * every ingest batch since): the nightly case opening shares that evaluation rather than
   * running its own. A run as of another time (a catch-up, a test's clock) evaluates afresh.
   */
  const sharedFlags = (set: CompiledRuleSet, now: number) => {
    const snapshot = deps.currentFlags.get(set.name);
    return snapshot &&
      snapshot.asOf <= now &&
      now - snapshot.asOf <= SHARE_FLAGS_MS &&
      snapshot.updatedAt <= now
      ? { flags: snapshot.flags }
      : {};
  };
  // One set after another: a set's failure stops the job (it is retried at the next run, and
  // every step is idempotent), with what the sets before it did already stored.
  const cases = (now: number): Promise<CasesResult> =>
    serial('cases', now, async () => {
      const done: [string, OpeningSummary][] = [];
      for (const set of governing())
        done.push([
          set.name,
          await openCasesFromBreaches(deps.store, { ruleSet: set, now, zone, ...sharedFlags(set, now) }),
        ]);
      return { ...done[0]![1], ruleSets: byName(done) };
    });
  const freeze = (now: number, report: 'ledger' | 'disclosure'): Promise<FreezeResult> =>
    serial(report, now, async () => {
      const done: [string, DueOutcome][] = [];
      for (const set of governing())
        done.push([set.name, await freezeDue(deps.store, { ruleSet: set, now, zone, reports: [report] })]);
      return { ...done[0]![1], ruleSets: byName(done) };
    });

  const reports = (now: number): Promise<ReportsResult> =>
    serial('reports', now, async () => {
      const done: [string, ReportsDue][] = [];
      for (const set of governing().filter((s) => reportsOf(s).length > 0))
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
    log.info(
      Object.fromEntries(
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
      ),
      'remediation jobs done',
    );
    const { ruleSets: _, ...top } = opened;
    return {
      asOf: now,
      cases: top,
      ledger: ledger.ledger,
      disclosure: disclosure.disclosure,
      reports: filed.ruleSets[governing()[0]!.name] ?? {},
      ruleSets,
    };
  }

  async function runNow(name: JobName): Promise<JobResult> {
    const now = clock();
    switch (name) {
      case 'cases':
        return cases(now);
      case 'ledger':
        return freeze(now, 'ledger');
      case 'disclosure':
        return freeze(now, 'disclosure');
      case 'reports':
        return reports(now);
      case 'due':
        return runDue(now);
    }
  }

  const quietly = (what: string, p: Promise<unknown>) => {
    p.catch((err: unknown) => log.warn({ err: String(err) }, `${what}: will retry at the next run`));
  };
  const cronLog = {
    info: (m: string) => log.debug(m),
    warn: (m: string) => log.warn(m),
    error: (m: string | Error) => log.error({ err: String(m) }, 'node-cron'),
    debug: (m: string | Error) => log.debug(String(m)),
  };
  const taskOptions = (name: string) => ({ timezone: zone, name, noOverlap: true, logger: cronLog });
  const tasks: ScheduledTask[] = [];
  if (options.cron !== false) {
    tasks.push(
      cron.schedule(
        options.nightly ?? '20 0 * * *',
        () => {
          if (!stopped) quietly('nightly run', runDue(clock()));
        },
        taskOptions('remediation-nightly'),
      ),
      cron.schedule(
        options.hourly ?? '50 * * * *',
        () => {
          if (stopped) return;
          const now = clock();
          quietly(
            'hourly freeze',
            freeze(now, 'ledger')
              .then(() => freeze(now, 'disclosure'))
              .then(() => reports(now)),
          );
        },
        taskOptions('remediation-hourly'),
      ),
    );
  }

  const started =
    options.runAtStart === false
      ? Promise.resolve()
      : (options.after ?? Promise.resolve())
          .then(() => runDue(clock()))
          .then(
            () => undefined,
            (err: unknown) =>
              log.warn({ err: String(err) }, 'start-up catch-up failed: will retry at the next run'),
          );

  return {
    stop() {
      stopped = true;
      for (const t of tasks) void t.destroy();
    },
    runNow,
    runDue,
    started,
  };
}
