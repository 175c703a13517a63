// GET /metrics in the Prometheus text format, with prom-client: one registry per product (its app
// and its scheduled jobs), so tests that start several in one process keep theirs apart; the
// process_ and nodejs_ metrics, which describe the process, are kept once and added to each.
// Metric names and meanings: the README's Operations section.

import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Registry } from 'prom-client';
import type { AppDeps } from '../app.js';
import { registerBuildInfo } from './build-info.js';
import { flagMetrics } from './flags.js';
import { httpDurations } from './http.js';
import { type JobMetrics, jobMetrics } from './jobs.js';
import { gaugeReadAtScrape } from './read-at-scrape.js';
import { storeMetrics } from './store.js';

export { FLAGS_JOB } from './flags.js';
export { routePattern, UNMATCHED } from './http.js';
export type { FinishedRun, JobMetrics } from './jobs.js';

export interface ProductMetrics {
  /** the product's own metrics (the process's are added at scrape) */
  readonly registry: Registry;
  /** Observes every HTTP answer; mount before the routes. */
  readonly http: RequestHandler;
  readonly jobs: JobMetrics;
  /** The exposition text: the process's metrics, then the product's. */
  scrape(): Promise<string>;
  readonly contentType: string;
}

let processRegistry: Registry | undefined;

/** process_* and nodejs_* (CPU, memory, event-loop lag, GC, handles), collected once. */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

function createProductMetrics(deps: AppDeps): ProductMetrics {
  const registry = new Registry();
  const jobs = jobMetrics(registry);
  const http = httpDurations(registry);
  storeMetrics(registry, {
    store: deps.store,
    writer: deps.writer,
    spoolDir: deps.config.spoolDir,
    ...(deps.questdb ? { questdb: deps.questdb } : {}),
  });
  flagMetrics(registry, { currentFlags: deps.currentFlags, ruleSets: [...deps.ruleSets.keys()] }, jobs);
  gaugeReadAtScrape(registry, {
    name: 'outage_live_clients',
    help: 'Open server-sent event streams (GET /api/v1/live).',
    read: () => [[{}, deps.live.size]],
  });
  registerBuildInfo(registry);
  return {
    registry,
    http,
    jobs,
    scrape: () => Registry.merge([processMetrics(), registry]).metrics(),
    contentType: registry.contentType,
  };
}

const byProduct = new WeakMap<AppDeps, ProductMetrics>();

/**
 * The metrics of the product these deps make up: created on first use, then the same for its
 * app and its jobs (runtime.ts hands both the one deps object).
 */
export function productMetrics(deps: AppDeps): ProductMetrics {
  let metrics = byProduct.get(deps);
  if (!metrics) {
    metrics = createProductMetrics(deps);
    byProduct.set(deps, metrics);
  }
  return metrics;
}
