// The jobs run one at a time (cron, start-up and runNow alike): each run waits for the one before
// it, and is recorded in job_runs and in the metrics (its duration, and as of when it last
// succeeded), failed or not.

import type { Store } from '../../store/index.js';
import type { Logger } from '../log.js';
import type { JobMetrics } from '../metrics/index.js';
import { type JobRun, recordJobRun } from './runs.js';

/** Runs `fn` as the job named, as of `now`, after every run queued before it. */
export type Serial = <T>(job: string, now: number, fn: () => Promise<T>) => Promise<T>;

export function serialJobs(store: Store, log: Logger, metrics: JobMetrics): Serial {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(job: string, now: number, fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(() => recorded(job, now, fn, { store, log, metrics }));
    queue = run.catch(() => undefined);
    return run;
  };
}

async function recorded<T>(
  job: string,
  now: number,
  fn: () => Promise<T>,
  { store, log, metrics }: { store: Store; log: Logger; metrics: JobMetrics },
): Promise<T> {
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
    await recordJobRun(store, failed).catch(() => undefined);
    throw err;
  }
  const done = finished('ok', detail);
  metrics.ran(done);
  // The job's work is done (and idempotent); failing to note it must not fail the job.
  await recordJobRun(store, done).catch((err: unknown) =>
    log.warn({ job, err: String(err) }, 'job run not recorded'),
  );
  return detail;
}
