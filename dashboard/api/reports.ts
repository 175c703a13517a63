// The reports the authorities ask for (analytics/reports), frozen and downloadable like the
// ledger, under /api/v1 (operator):
//   GET /reports?ruleSet                          every frozen report of the set, with each report's
//                                                 next period (when it freezes, when it is due)
//   GET /reports/arrears-notice/upcoming?ruleSet&days   arrears disconnections beginning in the next
//                                                 `days` (default 30) that need an advance report,
//                                                 with their deadlines: not frozen, to file from
//   GET /reports/:report/:period?ruleSet&lang&format=csv|xlsx   one frozen report
// :report is ranking, half-year-summary, annual-summary or arrears-notice; :period is YYYY
// (YYYY-MM for the arrears notice). Lists answer JSON, CSV or Arrow by Accept; `lang=zh|en`
// turns headers and codes into words; `format=xlsx` gives a workbook (zh unless lang says).

import type { Request, Response, Router } from 'express';
import {
  AUTHORITY_REPORTS,
  type AuthorityReport,
  type AuthorityRun,
  assembleArrears,
  configured,
  nextKey,
  nextToFreeze,
  REPORT_COLUMNS,
  REPORT_NAMES,
  reportPeriod,
  readReportRows,
  readReportRuns,
  reportsOf,
} from '../../analytics/reports/index.js';
import type { CompiledRuleSet } from '../../analytics/rules/index.js';
import { fieldNames, type localize } from '../../analytics/remediation/index.js';
import { DAY_MS, formatInZone, HttpError } from '../../core/index.js';
import { Kept, RUN_COLUMNS, runRow, sendFrozen } from './frozen-document.js';
import { operatorRoutes, type RuleSetDeps } from './deps.js';
import { QueryReader, parseQuery, ruleSetQuery, upcomingArrearsQuery } from './query/index.js';
import { localTable, reportXlsx } from './reports/workbook.js';
import { sendRows } from './respond.js';

export type ReportsRouterDeps = RuleSetDeps;

interface Reports extends RuleSetDeps {
  now: () => number;
  iso: (ms: number) => string;
  files: Kept<Buffer>;
  queries: { ruleSet: ReturnType<typeof ruleSetQuery>; upcoming: ReturnType<typeof upcomingArrearsQuery> };
}

const runColumns = ['report', ...RUN_COLUMNS];
const reportRow = (c: Reports, r: AuthorityRun) => ({ report: r.report, ...runRow(c.iso, r) });

const bad = (path: string, message: string): HttpError =>
  new HttpError(400, `invalid ${path}`, { issues: [{ path, message }] });

/** A report the set files, or a 400 (no such report) or 404 (the set does not file it). */
function reportOf(set: CompiledRuleSet, value: unknown): AuthorityReport {
  const report = String(value);
  if (!(AUTHORITY_REPORTS as readonly string[]).includes(report))
    throw bad('report', `expected ${AUTHORITY_REPORTS.join(', ')}, got "${report.slice(0, 40)}"`);
  if (!configured(set, report as AuthorityReport)) {
    const filed = reportsOf(set);
    throw new HttpError(
      404,
      `rule set ${set.name} files no ${report}${filed.length > 0 ? ` (it files: ${filed.join(', ')})` : ' (its rule file asks for no authority report)'}`,
    );
  }
  return report as AuthorityReport;
}

/** The period after the latest frozen one, or the next to freeze when none is frozen. */
function next(c: Reports, at: number, set: CompiledRuleSet, report: AuthorityReport, runs: AuthorityRun[]) {
  const last = runs.at(-1)?.period;
  const p = last ? reportPeriod(set, report, nextKey(last), c.zone) : null;
  const period = p?.ok ? p.value : nextToFreeze(set, report, at, c.zone);
  return { period: period.key, freezesAt: c.iso(period.freezeAt), filingDue: period.due };
}

/** GET /reports: every frozen report of the set, and each report's next period. */
async function listReports(c: Reports, req: Request, res: Response): Promise<void> {
  const set = parseQuery(c.queries.ruleSet, req.query).ruleSet;
  const at = c.now();
  const runs: AuthorityRun[] = [];
  const reports: Record<string, unknown> = {};
  for (const report of reportsOf(set)) {
    const own = await readReportRuns(c.store, report, set.name);
    runs.push(...own);
    reports[report] = { name: REPORT_NAMES[report], next: next(c, at, set, report, own) };
  }
  sendRows(
    req,
    res,
    runs.map((r) => reportRow(c, r)),
    runColumns,
    { ruleSet: set.name, reports },
  );
}

/** GET /reports/arrears-notice/upcoming: disconnections ahead that need an advance report. */
async function listUpcomingArrears(c: Reports, req: Request, res: Response): Promise<void> {
  const q = new QueryReader(c.queries.upcoming, req.query);
  const set = q.get('ruleSet');
  reportOf(set, 'arrears-notice');
  const days = q.get('days');
  const at = c.now();
  const end = at + days * DAY_MS;
  const rows = await assembleArrears(c.store, {
    ruleSet: set,
    zone: c.zone,
    period: {
      report: 'arrears-notice',
      key: 'upcoming',
      start: at,
      end,
      firstDate: '',
      lastDate: '',
      freezeAt: at,
      due: null,
    },
  });
  const columns = fieldNames(REPORT_COLUMNS['arrears-notice']).filter((col) => col !== 'period');
  const settings = set.reporting.arrearsNotice;
  const unfrozen = rows.map(({ period: _p, ...rest }) => rest);
  sendRows(req, res, unfrozen, columns, { ruleSet: set.name, from: c.iso(at), to: c.iso(end), settings });
}

/** GET /reports/:report/:period: one frozen report. */
async function showReport(c: Reports, req: Request, res: Response): Promise<void> {
  const set = parseQuery(c.queries.ruleSet, req.query).ruleSet;
  const report = reportOf(set, req.params['report']);
  const parsed = reportPeriod(set, report, String(req.params['period']), c.zone);
  if (!parsed.ok) throw new HttpError(400, 'invalid period', { issues: parsed.issues });
  const period = parsed.value;
  const run = (await readReportRuns(c.store, report, set.name)).find((r) => r.period === period.key);
  if (!run)
    throw new HttpError(
      404,
      `the ${report} of ${period.key} is not frozen: it is frozen at the first run after ${c.iso(period.freezeAt)}`,
    );
  const columns = REPORT_COLUMNS[report] as unknown as Parameters<
    typeof localize<Record<string, unknown>>
  >[1];
  await sendFrozen(req, res, c.files, {
    kind: report,
    run,
    name: REPORT_NAMES[report],
    rows: () => readReportRows<Record<string, unknown>>(c.store, run),
    columns: fieldNames(columns),
    table: (rows, lang) => localTable(c.store, rows, columns, lang, run),
    workbook: async (rows, lang) =>
      reportXlsx(report, run, await localTable(c.store, rows, columns, lang, run), lang, c.zone),
    extra: { ...reportRow(c, run), name: REPORT_NAMES[report], meta: run.meta },
  });
}

/** The routes' context: the deps, the clock, the frozen files kept, the query schemas. */
const reportsContext = (deps: ReportsRouterDeps): Reports => ({
  ...deps,
  now: deps.now ?? Date.now,
  iso: (ms) => formatInZone(ms, deps.zone),
  files: new Kept(32),
  queries: { ruleSet: ruleSetQuery(deps), upcoming: upcomingArrearsQuery(deps) },
});

export function reportsRouter(deps: ReportsRouterDeps): Router {
  const { router, read, on } = operatorRoutes(deps, reportsContext(deps));
  router.get('/reports', read, on(listReports));
  router.get('/reports/arrears-notice/upcoming', read, on(listUpcomingArrears));
  router.get('/reports/:report/:period', read, on(showReport));
  return router;
}
