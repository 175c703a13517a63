// GET /metrics in the Prometheus text format: ingest and rejects, spool, flag evaluation,
// QuestDB reachability and HTTP answers by status class. Counters live in this process.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestHandler } from 'express';
import { QUESTDB_VERSION } from '../store/index.js';
import type { AppDeps } from './app.js';
import { projectRoot } from './config.js';

/** The product's version, from its package.json (read once). */
const VERSION: string = (() => {
  try {
    return String(
      (JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version?: unknown })
        .version,
    );
  } catch {
    return 'unknown';
  }
})();

export class HttpCounters {
  readonly byClass = new Map<string, number>();
  count(status: number): void {
    const key = `${Math.floor(status / 100)}xx`;
    this.byClass.set(key, (this.byClass.get(key) ?? 0) + 1);
  }
  /** Middleware counting every answer once it is sent. */
  middleware(): RequestHandler {
    return (_req, res, next) => {
      res.on('finish', () => this.count(res.statusCode));
      next();
    };
  }
}

type Sample = [labels: Record<string, string>, value: number];

function family(name: string, type: 'counter' | 'gauge', help: string, samples: Sample[]): string {
  const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`];
  for (const [labels, value] of samples) {
    const l = Object.entries(labels)
      .map(([k, v]) => `${k}="${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`)
      .join(',');
    lines.push(`${name}${l ? `{${l}}` : ''} ${Number.isFinite(value) ? value : 0}`);
  }
  return lines.join('\n');
}

export async function renderMetrics(deps: AppDeps, http: HttpCounters): Promise<string> {
  const s = deps.writer.stats;
  const up = await deps.store.ping();
  const flags = [...deps.ruleSets.keys()].map(
    (name): Sample => [{ rule_set: name }, deps.currentFlags.get(name)?.flags.length ?? 0],
  );
  return `${[
    family('outage_records_written_total', 'counter', 'Records written to QuestDB, by kind.', [
      [{ kind: 'assets' }, s.written.assets],
      [{ kind: 'outages' }, s.written.outages],
      [{ kind: 'warnings' }, s.written.warnings],
      [{ kind: 'rejects' }, s.written.rejects],
    ]),
    family(
      'outage_records_spooled_total',
      'counter',
      'Records spooled to disk while QuestDB was unreachable.',
      [[{}, s.spooled]],
    ),
    family('outage_records_replayed_total', 'counter', 'Spooled records written after QuestDB returned.', [
      [{}, s.replayed],
    ]),
    family('outage_write_failures_total', 'counter', 'Failed sends to QuestDB (retried or spooled).', [
      [{}, s.failures],
    ]),
    family('outage_spool_units', 'gauge', 'Write units waiting in the spool.', [
      [{}, deps.writer.spoolDepth],
    ]),
    family('outage_spool_bytes', 'gauge', 'Bytes waiting in the spool.', [[{}, deps.writer.spoolBytes]]),
    ...(deps.questdb
      ? [
          family(
            'outage_questdb_restarts_total',
            'counter',
            'Restarts of the bundled QuestDB after it exited unasked (crash, OOM kill).',
            [[{}, deps.questdb.restarts]],
          ),
        ]
      : []),
    family(
      'outage_spool_refused_units',
      'gauge',
      'Write units QuestDB refused as a whole on replay, kept in spool/refused (GET /api/v1/spool/refused).',
      [[{}, deps.writer.refusedCount]],
    ),
    family('outage_questdb_up', 'gauge', '1 when QuestDB answers a query.', [[{}, up ? 1 : 0]]),
    family('outage_flag_evaluation_seconds', 'gauge', 'Duration of the last full flag evaluation.', [
      [{}, deps.currentFlags.lastFullMs / 1000],
    ]),
    family('outage_flags', 'gauge', 'Assets flagged (breach or at risk) now, by rule set.', flags),
    family(
      'outage_http_responses_total',
      'counter',
      'HTTP answers by status class.',
      [...http.byClass].map(([k, v]): Sample => [{ code: k }, v]),
    ),
    family('outage_live_clients', 'gauge', 'Open server-sent event streams.', [[{}, deps.live.size]]),
    family(
      'outage_build_info',
      'gauge',
      'The running build: product version, Node.js and QuestDB versions.',
      [[{ version: VERSION, node: process.version, questdb: QUESTDB_VERSION }, 1]],
    ),
  ].join('\n')}\n`;
}
