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

import { type Request, type RequestHandler, type Response, Router } from 'express';
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
  REPORT_SHEETS,
  readReportRows,
  readReportRuns,
  reportPeriod,
  reportsOf,
} from '../../analytics/reports/index.js';
import {
  ASSET_CODE_LABEL,
  asciiFileName,
  documentFileName,
  documentTitle,
  insertColumn,
  readAssetCodes,
  type Table,
} from '../../analytics/export/index.js';
import { fieldNames, LANGS, type Lang, localize, toXlsx } from '../../analytics/remediation/index.js';
import type { CompiledRuleSet } from '../../analytics/rules/index.js';
import { formatInZone, HttpError, type Role } from '../../core/index.js';
import type { Store } from '../../store/index.js';
import { intParam, textParam } from './query-params.js';
import { csvEncoding, csvType, encodeCsv, sendFile, sendRows, toCsv } from './respond.js';

export interface ReportsRouterDeps {
  store: Store;
  zone: string;
  ruleSets: ReadonlyMap<string, CompiledRuleSet>;
  defaultRuleSet: string;
  requireRole: (role: Role) => RequestHandler;
  now?: () => number;
}

const RUN_COLUMNS = [
  'report',
  'period',
  'ruleSet',
  'filingDue',
  'rows',
  'frozenAt',
  'trigger',
  'asOf',
  'casesAsOf',
];
const DAY_MS = 86_400_000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What localize needs of a report's frozen header (reports name no rules). */
const metaOf = (run: AuthorityRun) => ({
  ruleSetTitle: run.meta.ruleSetTitle,
  jurisdiction: run.meta.jurisdiction,
  ruleTitles: {},
});

const bad = (path: string, message: string): HttpError =>
  new HttpError(400, `invalid ${path}`, { issues: [{ path, message }] });

export function reportsRouter(deps: ReportsRouterDeps): Router {
  const router = Router();
  const now = deps.now ?? Date.now;
  const read = deps.requireRole('operator');
  const zone = deps.zone;
  const iso = (ms: number): string => formatInZone(ms, zone);

  const ruleSetOf = (value: unknown): CompiledRuleSet => {
    const name = textParam(value, 'ruleSet') ?? deps.defaultRuleSet;
    const set = deps.ruleSets.get(name);
    if (!set) throw bad('ruleSet', `no rule set "${name}" (known: ${[...deps.ruleSets.keys()].join(', ')})`);
    return set;
  };
  const reportOf = (set: CompiledRuleSet, value: unknown): AuthorityReport => {
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
  };
  const langOf = (value: unknown): Lang | undefined => {
    const lang = textParam(value, 'lang');
    if (lang === undefined) return undefined;
    if (!(LANGS as readonly string[]).includes(lang)) throw bad('lang', `expected zh or en, got "${lang}"`);
    return lang as Lang;
  };

  const runRow = (r: AuthorityRun) => ({
    report: r.report,
    period: r.period,
    ruleSet: r.ruleSet,
    filingDue: r.filingDue,
    rows: r.rows,
    frozenAt: iso(r.frozenAt),
    trigger: r.trigger,
    asOf: iso(r.asOf),
    casesAsOf: iso(r.casesAsOf),
  });

  /** The period after the latest frozen one, or the next to freeze when none is frozen. */
  function next(set: CompiledRuleSet, report: AuthorityReport, runs: readonly AuthorityRun[], at: number) {
    const last = runs.at(-1)?.period;
    const p = last ? reportPeriod(set, report, nextKey(last), zone) : null;
    const period = p?.ok ? p.value : nextToFreeze(set, report, at, zone);
    return { period: period.key, freezesAt: iso(period.freezeAt), filingDue: period.due };
  }

  router.get('/reports', read, async (req, res) => {
    const set = ruleSetOf(req.query['ruleSet']);
    const at = now();
    const runs: AuthorityRun[] = [];
    const reports: Record<string, unknown> = {};
    for (const report of reportsOf(set)) {
      const own = await readReportRuns(deps.store, report, set.name);
      runs.push(...own);
      reports[report] = { name: REPORT_NAMES[report], next: next(set, report, own, at) };
    }
    sendRows(req, res, runs.map(runRow), RUN_COLUMNS, { ruleSet: set.name, reports });
  });

  router.get('/reports/arrears-notice/upcoming', read, async (req, res) => {
    const set = ruleSetOf(req.query['ruleSet']);
    reportOf(set, 'arrears-notice');
    const days = intParam(req.query['days'], 'days', 1, 366, 30);
    const at = now();
    const rows = await assembleArrears(deps.store, {
      ruleSet: set,
      zone,
      period: {
        report: 'arrears-notice',
        key: 'upcoming',
        start: at,
        end: at + days * DAY_MS,
        firstDate: '',
        lastDate: '',
        freezeAt: at,
        due: null,
      },
    });
    const columns = fieldNames(REPORT_COLUMNS['arrears-notice']).filter((c) => c !== 'period');
    sendRows(
      req,
      res,
      rows.map(({ period: _p, ...rest }) => rest),
      columns,
      {
        ruleSet: set.name,
        from: iso(at),
        to: iso(at + days * DAY_MS),
        settings: set.reporting.arrearsNotice,
      },
    );
  });

  // Frozen documents never change: a built file is kept by run, format, language and encoding;
  // requests arriving while it is built wait for the same build.
  const files = new Map<string, Promise<Buffer>>();
  function kept(key: string, make: () => Promise<Buffer>): Promise<Buffer> {
    let file = files.get(key);
    if (file === undefined) {
      file = make();
      files.set(key, file);
      file.catch(() => files.delete(key));
      if (files.size > 32) files.delete(files.keys().next().value as string);
    }
    return file;
  }

  router.get('/reports/:report/:period', read, async (req, res) => {
    const set = ruleSetOf(req.query['ruleSet']);
    const report = reportOf(set, req.params['report']);
    const parsed = reportPeriod(set, report, String(req.params['period']), zone);
    if (!parsed.ok) throw new HttpError(400, 'invalid period', { issues: parsed.issues });
    const period = parsed.value;
    const run = (await readReportRuns(deps.store, report, set.name)).find((r) => r.period === period.key);
    if (!run)
      throw new HttpError(
        404,
        `the ${report} of ${period.key} is not frozen: it is frozen at the first run after ${iso(period.freezeAt)}`,
      );
    await sendDocument(req, res, report, run);
  });

  async function sendDocument(req: Request, res: Response, report: AuthorityReport, run: AuthorityRun) {
    const format = textParam(req.query['format'], 'format');
    if (format !== undefined && !['json', 'csv', 'xlsx'].includes(format))
      throw bad('format', `expected json, csv or xlsx, got "${format}"`);
    const lang = langOf(req.query['lang']) ?? (format === 'xlsx' ? 'zh' : undefined);
    const columns = REPORT_COLUMNS[report] as unknown as Parameters<
      typeof localize<Record<string, unknown>>
    >[1];
    const rows = await readReportRows<Record<string, unknown>>(deps.store, run);
    const stem = `${report}-${run.ruleSet}-${run.period}${lang ? `-${lang}` : ''}`;
    const names = (ext: string) => ({
      name: lang
        ? documentFileName([REPORT_NAMES[report][lang], run.meta.jurisdiction[lang], run.period], ext)
        : asciiFileName(stem, ext),
      asciiName: asciiFileName(stem, ext),
    });
    if (format === 'xlsx' && lang) {
      const buffer = await kept(`${run.runId}|xlsx|${lang}`, async () =>
        reportXlsx(report, run, await localTable(rows, columns, lang, run), lang),
      );
      sendFile(res, buffer, { type: XLSX, ...names('xlsx') });
      return;
    }
    if (format === 'csv') {
      const encoding = csvEncoding(req);
      const csv = await kept(`${run.runId}|csv|${lang ?? ''}|${encoding}`, async () => {
        if (!lang) return encodeCsv(toCsv(rows, fieldNames(columns)), encoding);
        const table = await localTable(rows, columns, lang, run);
        return encodeCsv(toCsv(table.rows, table.headers), encoding);
      });
      sendFile(res, csv, { type: csvType(encoding), ...names('csv') });
      return;
    }
    const table = lang ? await localTable(rows, columns, lang, run) : null;
    const headers = table ? table.headers : fieldNames(columns);
    const out = table ? table.rows : rows;
    sendRows(req, res, out, headers, { ...runRow(run), name: REPORT_NAMES[report], meta: run.meta });
  }

  /** The rows in a language; rows about assets with each one's equipment code (PMS) beside its id. */
  async function localTable(
    rows: readonly Record<string, unknown>[],
    columns: Parameters<typeof localize<Record<string, unknown>>>[1],
    lang: Lang,
    run: AuthorityRun,
  ): Promise<Table> {
    const table = localize(rows, columns, lang, metaOf(run));
    const at = columns.findIndex((c) => c.key === 'assetId');
    if (at < 0) return table;
    const ids = rows.map((r) => String(r['assetId']));
    const codes = await readAssetCodes(deps.store, ids, run.asOf);
    return insertColumn(
      table,
      at + 1,
      { header: ASSET_CODE_LABEL[lang] },
      ids.map((id) => codes.get(id) ?? null),
    );
  }

  function reportXlsx(report: AuthorityReport, run: AuthorityRun, table: Table, lang: Lang): Promise<Buffer> {
    const zh = lang === 'zh';
    const name = REPORT_NAMES[report][lang];
    const period =
      report === 'half-year-summary'
        ? zh
          ? `${run.period}年上半年`
          : `first half of ${run.period}`
        : run.period;
    const lines: [string, string | number | null][] = [
      [zh ? '名称' : 'Document', `${name} ${run.period}`],
      [zh ? '规则' : 'Rule set', `${run.meta.ruleSetTitle[lang]} (${run.ruleSet})`],
      [zh ? '适用范围' : 'Jurisdiction', run.meta.jurisdiction[lang]],
      [zh ? '报送期限' : 'Filing deadline', run.filingDue ?? (zh ? '见各行报告期限' : 'see each row')],
      [zh ? '统计期间' : 'Period', `${run.meta.firstDate} – ${run.meta.lastDate}`],
      [zh ? '冻结时间' : 'Frozen at', iso(run.frozenAt)],
      [zh ? '数据截至' : 'Figures as of', iso(run.asOf)],
      [zh ? '行数' : 'Rows', run.rows],
      [zh ? '口径' : 'Settings', JSON.stringify(run.meta.settings)],
    ];
    return toXlsx(table, {
      lang,
      sheet: `${REPORT_SHEETS[report][lang]} ${run.period}`,
      title: documentTitle(run.meta.jurisdiction[lang], name, period, lang),
      about: { name: zh ? '说明' : 'About', lines },
      created: new Date(run.frozenAt),
    });
  }

  return router;
}
