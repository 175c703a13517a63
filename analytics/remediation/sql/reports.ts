// Frozen documents in QuestDB: report_runs (one row per freezing run) and the entries of the
// ledger (ledger_entries) and the public disclosure (disclosure_entries). A run's entries are
// written first and made readable, then the run: a run row means its entries are complete.
// The earliest run of a (report, rule set, period) is the frozen one; later runs (a race of
// two processes) are ignored, so a frozen period never changes.

import { ident, insertRows, type Store, sql, ts } from '../../../store/index.js';
import { waitApplied } from './write.js';

export type ReportKind = 'ledger' | 'disclosure';
/** schedule: the latest ended period, frozen on time; catch_up: an older one, after downtime. */
export type RunTrigger = 'schedule' | 'catch_up';

/** The document's header as frozen. */
export interface ReportMeta {
  ruleSetTitle: { zh: string; en: string };
  jurisdiction: { zh: string; en: string };
  ruleTitles: Record<string, { zh: string; en: string }>;
  /** the ledger this disclosure was taken from */
  sourcePeriod?: string;
}

/**
 * A frozen run of a document (a row of report_runs): the ledger's, the disclosure's or an
 * authority report's (analytics/reports), each with its own names and header.
 */
export interface FrozenRun<Report extends string, Meta extends object> {
  report: Report;
  ruleSet: string;
  period: string;
  runId: string;
  periodStart: number;
  periodEnd: number;
  /** the figures (flags, reliability, records received) are as of this instant */
  asOf: number;
  /** the case log is read as of this instant */
  casesAsOf: number;
  rows: number;
  /** local date due with the authority; null when there is none (a disclosure) or each row has its own */
  filingDue: string | null;
  trigger: RunTrigger;
  frozenAt: number;
  meta: Meta;
}

/** A run of the ledger (flags as of the month's last millisecond) or the disclosure. */
export type ReportRun = FrozenRun<ReportKind, ReportMeta>;

export interface EntryKeys {
  assetId: string;
  family: string;
  kind: string;
  province: string | null;
  city: string | null;
  county: string | null;
  status: string;
  overdue?: boolean;
}

const TABLE: Record<ReportKind, string> = { ledger: 'ledger_entries', disclosure: 'disclosure_entries' };

interface RunRow {
  report: string;
  rule_set: string;
  period: string;
  run_id: string;
  period_start: number;
  period_end: number;
  as_of: number;
  cases_as_of: number;
  rows: number;
  filing_due: string | null;
  trigger: string;
  meta: string;
  frozen_at: number;
}

/**
 * The frozen run (the earliest) of each period of a report and rule set, oldest period first:
 * the ledger's and the disclosure's (`readRuns`) and the authority reports' alike.
 */
export async function readFrozenRuns<Run extends RunRowOf>(
  store: Store,
  report: Run['report'],
  ruleSet: string,
): Promise<Run[]> {
  const rows = await store.rows<RunRow>(
    sql`SELECT report, rule_set, period, run_id, period_start, period_end, as_of, cases_as_of, rows, filing_due,
               trigger, meta, frozen_at
        FROM report_runs WHERE report = ${report} AND rule_set = ${ruleSet} ORDER BY frozen_at, run_id`,
  );
  const first = new Map<string, Run>();
  for (const r of rows) {
    if (first.has(r.period)) continue;
    first.set(r.period, {
      report: r.report,
      ruleSet: r.rule_set,
      period: r.period,
      runId: r.run_id,
      periodStart: r.period_start,
      periodEnd: r.period_end,
      asOf: r.as_of,
      casesAsOf: r.cases_as_of,
      rows: r.rows,
      filingDue: r.filing_due,
      trigger: r.trigger,
      frozenAt: r.frozen_at,
      meta: JSON.parse(r.meta) as Run['meta'],
    } as Run);
  }
  return [...first.values()].sort((a, b) => a.periodStart - b.periodStart || (a.period < b.period ? -1 : 1));
}

/** The frozen run of each period of the ledger or the disclosure, oldest period first. */
export const readRuns = (store: Store, report: ReportKind, ruleSet: string): Promise<ReportRun[]> =>
  readFrozenRuns<ReportRun>(store, report, ruleSet);

/** The rows of a frozen run, in the order they were frozen. */
export async function readEntries<T>(store: Store, run: ReportRun): Promise<T[]> {
  const rows = await store.rows<{ row: string }>(
    sql`SELECT row FROM ${ident(TABLE[run.report])} WHERE period_start = ${ts(run.periodStart)}
        AND rule_set = ${run.ruleSet} AND run_id = ${run.runId} ORDER BY asset_id, family`,
  );
  return rows.map((r) => JSON.parse(r.row) as T);
}

/** The fields of a run row, shared by the ledger, the disclosure and the authority reports. */
export type RunRowOf = FrozenRun<string, object>;

/** Writes the run row (after its entries are readable) and waits until it is readable too. */
export async function insertRunRow(store: Store, run: RunRowOf): Promise<void> {
  await insertRows(
    store,
    'report_runs',
    [
      'report',
      'rule_set',
      'period',
      'run_id',
      'period_start',
      'period_end',
      'as_of',
      'cases_as_of',
      'rows',
      'filing_due',
      'trigger',
      'meta',
      'frozen_at',
    ],
    [
      [
        run.report,
        run.ruleSet,
        run.period,
        run.runId,
        ts(run.periodStart),
        ts(run.periodEnd),
        ts(run.asOf),
        ts(run.casesAsOf),
        run.rows,
        run.filingDue,
        run.trigger,
        JSON.stringify(run.meta),
        ts(run.frozenAt),
      ],
    ],
  );
  await waitApplied(store, 'report_runs');
}

/** Writes a run: its entries, then (once they are readable) the run row. */
export async function writeRun(
  store: Store,
  run: ReportRun,
  entries: readonly { keys: EntryKeys; row: object }[],
): Promise<void> {
  const table = TABLE[run.report];
  const columns = [
    'rule_set',
    'period',
    'run_id',
    'asset_id',
    'family',
    'kind',
    'province',
    'city',
    'county',
    'status',
  ];
  if (run.report === 'ledger') columns.push('overdue');
  columns.push('row', 'period_start');
  await insertRows(
    store,
    table,
    columns,
    entries.map(({ keys, row }) => [
      run.ruleSet,
      run.period,
      run.runId,
      keys.assetId,
      keys.family,
      keys.kind,
      keys.province,
      keys.city,
      keys.county,
      keys.status,
      ...(run.report === 'ledger' ? [keys.overdue ?? false] : []),
      JSON.stringify(row),
      ts(run.periodStart),
    ]),
  );
  if (entries.length > 0) await waitApplied(store, table);
  await insertRunRow(store, run);
}

/** Months each asset was on earlier frozen ledgers of the rule set (before `periodStart`). */
export async function monthsOnLedger(
  store: Store,
  ruleSet: string,
  periodStart: number,
  runs: readonly ReportRun[],
): Promise<Map<string, number>> {
  const frozen = new Set(runs.filter((r) => r.periodStart < periodStart).map((r) => r.runId));
  const counts = new Map<string, number>();
  if (frozen.size === 0) return counts;
  const rows = await store.rows<{ asset_id: string; run_id: string }>(
    sql`SELECT DISTINCT asset_id, run_id FROM ledger_entries
        WHERE rule_set = ${ruleSet} AND period_start < ${ts(periodStart)}`,
  );
  for (const r of rows) if (frozen.has(r.run_id)) counts.set(r.asset_id, (counts.get(r.asset_id) ?? 0) + 1);
  return counts;
}
