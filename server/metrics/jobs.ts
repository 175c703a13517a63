// The scheduled jobs' metrics: outage_job_duration_seconds{job,outcome} for every run and
// outage_job_last_success_timestamp_seconds{job}, the time the last successful run was as of,
// so an alert can say a job missed its run (`time() - … > 26 * 3600` for the nightly ones).

import { Gauge, Histogram, type Registry } from 'prom-client';

/** A finished run, as job_runs records it (epoch milliseconds). */
export interface FinishedRun {
  job: string;
  outcome: 'ok' | 'failed';
  /** the time the run was as of: the schedule's, or a test's clock */
  asOf: number;
  startedAt: number;
  finishedAt: number;
}

export interface JobMetrics {
  ran(run: FinishedRun): void;
  /** A success of a job timed elsewhere (the full flag evaluation has its own histogram). */
  succeeded(job: string, asOf: number): void;
}

/** Seconds: a freeze takes a moment, a first catch-up over years of data minutes. */
const BUCKETS = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800];

export function jobMetrics(registry: Registry): JobMetrics {
  const duration = new Histogram({
    name: 'outage_job_duration_seconds',
    help: 'Duration of a scheduled job run, by job and outcome (ok, failed).',
    labelNames: ['job', 'outcome'],
    buckets: BUCKETS,
    registers: [registry],
  });
  const lastSuccess = new Gauge({
    name: 'outage_job_last_success_timestamp_seconds',
    help: 'The time (Unix seconds) the last successful run of a scheduled job was as of.',
    labelNames: ['job'],
    registers: [registry],
  });
  const succeeded = (job: string, asOf: number) => lastSuccess.set({ job }, asOf / 1000);
  return {
    ran(run) {
      duration.observe(
        { job: run.job, outcome: run.outcome },
        Math.max(0, run.finishedAt - run.startedAt) / 1000,
      );
      if (run.outcome === 'ok') succeeded(run.job, run.asOf);
    },
    succeeded,
  };
}
