// When the remediation jobs run on their own (index.ts says why): node-cron tasks in the
// operating zone, nightly (everything due) and hourly (the three freezes again), and the
// start-up catch-up. A run that fails is logged and left to the next one.

import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../log.js';
import type { RemediationJobs } from './remediation.js';

export interface Schedule {
  zone: string;
  clock: () => number;
  /** false once the jobs are stopped: a task that fires then does nothing */
  running: () => boolean;
  /** cron expressions (node-cron, with seconds optional), in the operating zone */
  nightly?: string | undefined;
  hourly?: string | undefined;
}

const quietly = (log: Logger, what: string, p: Promise<unknown>) => {
  p.catch((err: unknown) => log.warn({ err: String(err) }, `${what}: will retry at the next run`));
};

/** node-cron's own messages, in the product's log. */
const cronLogger = (log: Logger) => ({
  info: (m: string) => log.debug(m),
  warn: (m: string) => log.warn(m),
  error: (m: string | Error) => log.error({ err: String(m) }, 'node-cron'),
  debug: (m: string | Error) => log.debug(String(m)),
});

/** The nightly run (at 00:20, everything due) and the hourly freezes (at :50). */
export function scheduleJobs(jobs: RemediationJobs, schedule: Schedule, log: Logger): ScheduledTask[] {
  const { clock, running } = schedule;
  const logger = cronLogger(log);
  const taskOptions = (name: string) => ({ timezone: schedule.zone, name, noOverlap: true, logger });
  const nightly = () => {
    if (running()) quietly(log, 'nightly run', jobs.runDue(clock()));
  };
  const hourly = () => {
    if (!running()) return;
    const now = clock();
    quietly(
      log,
      'hourly freeze',
      jobs
        .freeze(now, 'ledger')
        .then(() => jobs.freeze(now, 'disclosure'))
        .then(() => jobs.reports(now)),
    );
  };
  return [
    cron.schedule(schedule.nightly ?? '20 0 * * *', nightly, taskOptions('remediation-nightly')),
    cron.schedule(schedule.hourly ?? '50 * * * *', hourly, taskOptions('remediation-hourly')),
  ];
}

/** The catch-up at start, once `after` has settled; settles when it is over, failed or not. */
export function catchUpAtStart(
  jobs: RemediationJobs,
  clock: () => number,
  after: Promise<unknown> | undefined,
  log: Logger,
): Promise<void> {
  return (after ?? Promise.resolve())
    .then(() => jobs.runDue(clock()))
    .then(
      () => undefined,
      (err: unknown) =>
        log.warn({ err: String(err) }, 'start-up catch-up failed: will retry at the next run'),
    );
}
