// The flags' metrics: outage_flag_evaluation_duration_seconds for every full evaluation (at
// start, nightly at 00:05, and when an ingest touches so many assets that a full one is
// cheaper), and outage_flags, the assets in breach or at risk now, by rule set and status.

import { Histogram, type Registry } from 'prom-client';
import type { CurrentFlags } from '../../analytics/flags/index.js';
import type { JobMetrics } from './jobs.js';
import { gaugeReadAtScrape, type Reading } from './read-at-scrape.js';

/** The job name the full evaluation's last success is kept under, beside the remediation jobs. */
export const FLAGS_JOB = 'flags';

const STATUSES = ['breach', 'at_risk'] as const;

/** Seconds: a demo network takes about one, a province's several minutes. */
const BUCKETS = [0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1200];

export interface FlagSource {
  currentFlags: Pick<CurrentFlags, 'get' | 'onFullEvaluation' | 'lastFullMs'>;
  /** the rule sets in force, by name */
  ruleSets: readonly string[];
}

/** Registers the flag metrics; returns the unsubscribe from the evaluations. */
export function flagMetrics(registry: Registry, source: FlagSource, jobs: JobMetrics): () => void {
  const { currentFlags } = source;
  const duration = new Histogram({
    name: 'outage_flag_evaluation_duration_seconds',
    help: 'Duration of a full flag evaluation of every rule set in force.',
    buckets: BUCKETS,
    registers: [registry],
  });
  gaugeReadAtScrape(registry, {
    name: 'outage_flags',
    help: 'Assets flagged now (breach or at risk), by rule set and status; none before the first full evaluation.',
    labelNames: ['rule_set', 'status'],
    read: () =>
      source.ruleSets.flatMap((ruleSet) => {
        const flags = currentFlags.get(ruleSet)?.flags;
        if (!flags) return [];
        return STATUSES.map(
          (status): Reading<'rule_set' | 'status'> => [
            { rule_set: ruleSet, status },
            flags.filter((f) => f.status === status).length,
          ],
        );
      }),
  });
  // Told only of evaluations that succeeded: a failed one leaves the last success where it was.
  return currentFlags.onFullEvaluation(() => {
    duration.observe(currentFlags.lastFullMs / 1000);
    const asOf = source.ruleSets.map((name) => currentFlags.get(name)?.asOf ?? 0);
    jobs.succeeded(FLAGS_JOB, Math.max(0, ...asOf));
  });
}
