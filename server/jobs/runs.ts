// job_runs: one row per run of a scheduled job (what, as of when, outcome, summary), so that
// what the jobs did, and when they failed, can be read back from the database.

import { insertRows, type Store, sql, ts } from '../../store/index.js';

export interface JobRun {
  job: string;
  outcome: 'ok' | 'failed';
  /** the time the job ran as of (the clock's) */
  asOf: number;
  startedAt: number;
  finishedAt: number;
  detail: unknown;
}

export async function recordJobRun(store: Store, run: JobRun): Promise<void> {
  await insertRows(
    store,
    'job_runs',
    ['job', 'outcome', 'as_of', 'finished_at', 'detail', 'started_at'],
    [[run.job, run.outcome, ts(run.asOf), ts(run.finishedAt), detailText(run.detail), ts(run.startedAt)]],
  );
}

/** Longest list kept whole in a run's detail; longer ones keep their count and first items. */
const LIST_ITEMS = 20;
/** Longest detail text: statements travel in a URL, and a run's summary needs no more. */
const DETAIL_CHARS = 8_000;

/**
 * A run's detail as stored: lists (e.g. every case a job opened, thousands on a first run) cut to
 * their count and first items, and the whole cut to a few kilobytes.
 */
export function detailText(detail: unknown): string {
  const text = JSON.stringify(compact(detail)) ?? 'null';
  if (text.length <= DETAIL_CHARS) return text;
  // Half: escaping (every quote of the cut JSON gets a backslash) can at most double it.
  return JSON.stringify({ truncated: text.slice(0, DETAIL_CHARS / 2 - 50) });
}

function compact(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.slice(0, LIST_ITEMS).map(compact);
    return value.length <= LIST_ITEMS ? items : { count: value.length, first: items };
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compact(v)]));
  }
  return value;
}

/** The latest runs, newest first. */
export async function readJobRuns(store: Store, limit = 100): Promise<JobRun[]> {
  const rows = await store.rows<{
    job: string;
    outcome: 'ok' | 'failed';
    as_of: number;
    started_at: number;
    finished_at: number;
    detail: string | null;
  }>(
    sql`SELECT job, outcome, as_of, started_at, finished_at, detail FROM job_runs ORDER BY started_at DESC LIMIT ${limit}`,
  );
  return rows.map((r) => ({
    job: r.job,
    outcome: r.outcome,
    asOf: r.as_of,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    detail: r.detail ? JSON.parse(r.detail) : null,
  }));
}
