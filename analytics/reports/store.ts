// Frozen authority reports in QuestDB: a run is a row of report_runs (as the ledger's runs,
// with the report's name in `report`), its rows are report_entries in order (seq). The rows
// are written and made readable first, then the run: a run row means its rows are complete.
// The earliest run of a (report, rule set, period) is the frozen one; a later one (a race of two
// processes) is ignored, so a filed report never changes.

import {
  type FrozenRun,
  insertRunRow,
  readFrozenRuns,
  type RunTrigger,
  waitApplied,
} from '../remediation/index.js';
import { insertRows, type Store, sql, ts } from '../../store/index.js';
import type { AuthorityReport } from './periods.js';

/** schedule: frozen within a day of its freeze time; catch_up: later, after downtime. */
export type ReportTrigger = RunTrigger;

/** What the document's header says, as frozen. */
export interface AuthorityMeta {
  ruleSetTitle: { zh: string; en: string };
  jurisdiction: { zh: string; en: string };
  /** first and last local date the report covers */
  firstDate: string;
  lastDate: string;
  /** how the figures were taken (basis, measure, tiers, thresholds), from the rule file */
  settings: Record<string, unknown>;
}

export type AuthorityRun = FrozenRun<AuthorityReport, AuthorityMeta>;

/** The frozen run of each period of a report and rule set, oldest period first. */
export const readReportRuns = (
  store: Store,
  report: AuthorityReport,
  ruleSet: string,
): Promise<AuthorityRun[]> => readFrozenRuns<AuthorityRun>(store, report, ruleSet);

/** The rows of a frozen run, in the order they were frozen. */
export async function readReportRows<T>(store: Store, run: AuthorityRun): Promise<T[]> {
  const rows = await store.rows<{ row: string }>(
    sql`SELECT row FROM report_entries WHERE period_start = ${ts(run.periodStart)} AND report = ${run.report}
        AND rule_set = ${run.ruleSet} AND run_id = ${run.runId} ORDER BY seq`,
  );
  return rows.map((r) => JSON.parse(r.row) as T);
}

/** Writes a run: its rows, then (once they are readable) the run row. */
export async function writeReportRun(
  store: Store,
  run: AuthorityRun,
  rows: readonly object[],
): Promise<void> {
  await insertRows(
    store,
    'report_entries',
    ['report', 'rule_set', 'period', 'run_id', 'seq', 'row', 'period_start'],
    rows.map((row, seq) => [
      run.report,
      run.ruleSet,
      run.period,
      run.runId,
      seq,
      JSON.stringify(row),
      ts(run.periodStart),
    ]),
  );
  if (rows.length > 0) await waitApplied(store, 'report_entries');
  await insertRunRow(store, run);
}
