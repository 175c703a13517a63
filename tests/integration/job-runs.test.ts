// job_runs keeps a summary of each run, however much the run did: a first run of the case job
// opens thousands of cases, and its list of case ids once made the row too large to insert
// (the start-up catch-up then stopped before freezing the ledger).

import { describe, expect, it } from 'vitest';
import { detailText, readJobRuns, recordJobRun } from '../../server/jobs/runs.js';
import { eventually } from '../support/questdb.js';
import { sharedStore } from '../support/store.js';

describe('job_runs', () => {
  it('records a run that opened 5,000 cases, with the count and the first ids', async () => {
    const store = await sharedStore();
    const opened = Array.from(
      { length: 5_000 },
      (_, i) => `case-${String(i).padStart(5, '0')}-national-2025`,
    );
    const job = `cases-${Date.now().toString(36)}`;
    const t = Date.now();
    await recordJobRun(store, {
      job,
      outcome: 'ok',
      asOf: t,
      startedAt: t,
      finishedAt: t + 1,
      detail: { opened, attached: [], ledger: ['2025-06'] },
    });
    await eventually(async () => (await readJobRuns(store, 1_000)).some((r) => r.job === job));
    const run = (await readJobRuns(store, 1_000)).find((r) => r.job === job);
    expect(run?.detail).toEqual({
      opened: { count: 5_000, first: opened.slice(0, 20) },
      attached: [],
      ledger: ['2025-06'],
    });
  });

  it('keeps short lists whole and cuts an oversized detail to a few kilobytes', () => {
    expect(JSON.parse(detailText({ a: [1, 2, 3], b: { c: 'x' } }))).toEqual({ a: [1, 2, 3], b: { c: 'x' } });
    const huge = detailText({ error: 'x'.repeat(50_000) });
    expect(huge.length).toBeLessThanOrEqual(8_000);
    expect(JSON.parse(huge)).toEqual({ truncated: `{"error":"${'x'.repeat(4_000 - 50 - 10)}` });
  });
});
