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

import type { AppDeps } from '../app.js';
import { productMetrics } from '../metrics/index.js';
import {
  type CasesResult,
  type DueResult,
  type FreezeResult,
  type ReportsResult,
  remediationJobs,
} from './remediation.js';
import { catchUpAtStart, scheduleJobs } from './schedule.js';
import { serialJobs } from './serial.js';

export type { CasesResult, DueResult, FreezeResult, ReportsResult, SetDue } from './remediation.js';
export { type JobRun, readJobRuns, recordJobRun } from './runs.js';

export const JOB_NAMES = ['cases', 'ledger', 'disclosure', 'reports', 'due'] as const;
export type JobName = (typeof JOB_NAMES)[number];

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
  const log = deps.log.child({ component: 'jobs' });
  const serial = serialJobs(deps.store, log, productMetrics(deps).jobs);
  const jobs = remediationJobs(deps, serial, log);
  let stopped = false;

  async function runNow(name: JobName): Promise<JobResult> {
    const now = clock();
    switch (name) {
      case 'cases':
        return jobs.cases(now);
      case 'ledger':
        return jobs.freeze(now, 'ledger');
      case 'disclosure':
        return jobs.freeze(now, 'disclosure');
      case 'reports':
        return jobs.reports(now);
      case 'due':
        return jobs.runDue(now);
    }
  }

  const tasks =
    options.cron === false
      ? []
      : scheduleJobs(
          jobs,
          {
            zone: deps.config.zone,
            clock,
            running: () => !stopped,
            nightly: options.nightly,
            hourly: options.hourly,
          },
          log,
        );
  const started =
    options.runAtStart === false ? Promise.resolve() : catchUpAtStart(jobs, clock, options.after, log);

  return {
    stop() {
      stopped = true;
      for (const t of tasks) void t.destroy();
    },
    runNow,
    runDue: jobs.runDue,
    started,
  };
}
