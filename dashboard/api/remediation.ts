// Remediation cases, the month-end ledger (台账), the periodic public disclosure and "dynamic
// clearing to zero", under /api/v1:
//   GET  /cases?ruleSet&status&region&overdue&assetId&family&unit   cases as they stand (operator)
//   GET  /cases/:id                     one case with its full history (operator)
//   GET  /cases/:id/history             the history as a list (operator)
//   POST /cases/:id/transitions         a planner's change: 200, or 404/409/422 with issues
//                                       [{path, message, code, params}]
//   GET  /ledger?ruleSet                frozen months with their filing deadlines (operator)
//   GET  /ledger/:period?ruleSet&lang&format=csv|xlsx   a frozen month (operator)
//   GET  /disclosures?ruleSet           frozen disclosure periods (public)
//   GET  /disclosures/:period?ruleSet&lang&format       a frozen disclosure (public, no personal data)
//   GET  /remediation/clearing?ruleSet&from&to&step&groupBy   open/overdue/closed over time (operator)
//   GET  /remediation/vocabulary        statuses, actions, required fields, measures, labels (operator)
// Lists answer JSON, CSV or Arrow by Accept; `lang=zh|en` turns headers and codes into words.

import { createHash } from 'node:crypto';
import { type Request, type RequestHandler, type Response, Router } from 'express';
import {
  ACTION_LABELS,
  ALLOWED_FROM,
  applyTransition,
  CASE_STATUSES,
  type CaseState,
  CLEARING_KEYS,
  CLEARING_STEPS,
  type ClearingKey,
  type CodedIssue,
  coded,
  type ClearingStep,
  clearingPointCount,
  clearingSeries,
  DISCLOSURE_COLUMNS,
  type DisclosureRow,
  disclosurePeriodKind,
  dutyConflicts,
  type Folded,
  fieldNames,
  formatPeriod,
  isOverdue,
  LANGS,
  type Lang,
  LEDGER_COLUMNS,
  type LedgerRow,
  ledgerFilingDue,
  listCases,
  localize,
  MEASURE_LABELS,
  MEASURES,
  observation,
  type PeriodKind,
  parsePeriod,
  parseTransition,
  periodBounds,
  periodContaining,
  REQUIRED,
  type ReportKind,
  type ReportRun,
  readCase,
  readEntries,
  readRuleSetEvents,
  readRuns,
  STATUS_LABELS,
  toXlsx,
  USER_ACTIONS,
  VERIFICATION_LABELS,
  VERIFICATION_METHODS,
} from '../../analytics/remediation/index.js';
import {
  ASSET_CODE_LABEL,
  asciiFileName,
  DETAIL_SHEET_NAME,
  documentFileName,
  documentTitle,
  insertColumn,
  type OutageDetail,
  outageDetailSheet,
  readAssetCodes,
  readCountedOutages,
} from '../../analytics/export/index.js';
import type { CompiledRuleSet } from '../../analytics/rules/index.js';
import { formatInZone, HttpError, type Issue, localDate, type Role } from '../../core/index.js';
import type { Store, Writer } from '../../store/index.js';
import { textParam, timeParam } from './query-params.js';
import { jsonBody } from './json-body.js';
import { csvEncoding, csvType, encodeCsv, type Row, sendFile, sendRows, toCsv } from './respond.js';

export interface RemediationRouterDeps {
  store: Store;
  /** accepted for symmetry with the other routers; case changes are SQL inserts (see sql/write.ts) */
  writer?: Writer;
  zone: string;
  ruleSets: ReadonlyMap<string, CompiledRuleSet>;
  defaultRuleSet: string;
  requireRole: (role: Role) => RequestHandler;
  now?: () => number;
}

const CASE_COLUMNS = [
  'caseId',
  'ruleSet',
  'assetId',
  'assetName',
  'kind',
  'province',
  'city',
  'county',
  'areaClass',
  'family',
  'status',
  'overdue',
  'openedDate',
  'dueDate',
  'rules',
  'lastBreachDate',
  'breaches',
  'reopenCount',
  'responsibleUnit',
  'responsiblePerson',
  'measures',
  'plannedEnd',
  'actualStart',
  'actualEnd',
  'closedDate',
  'seq',
  'updatedAt',
  'updatedBy',
];
const HISTORY_COLUMNS = [
  'seq',
  'at',
  'action',
  'from',
  'to',
  'actor',
  'signedAs',
  'role',
  'changes',
  'breaches',
  'note',
  'reason',
];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** What a ledger or disclosure row has that its files need. */
type DocumentRow = { assetId: string; assetName: string | null; rules: string[] };

const RUN_COLUMNS = ['period', 'ruleSet', 'filingDue', 'rows', 'frozenAt', 'trigger', 'asOf', 'casesAsOf'];

const bad = (path: string, message: string): HttpError =>
  new HttpError(400, `invalid ${path}`, { issues: [{ path, message }] });

function listParam<T extends string>(value: unknown, name: string, allowed: readonly T[]): T[] | undefined {
  const text = textParam(value, name);
  if (text === undefined) return undefined;
  const items = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const item of items) {
    if (!(allowed as readonly string[]).includes(item))
      throw bad(name, `expected ${allowed.join(', ')} (comma-separated), got "${item}"`);
  }
  return items as T[];
}

function langParam(value: unknown): Lang | undefined {
  const lang = textParam(value, 'lang');
  if (lang === undefined) return undefined;
  if (!(LANGS as readonly string[]).includes(lang)) throw bad('lang', `expected zh or en, got "${lang}"`);
  return lang as Lang;
}

/** The role a change is recorded with: the strongest the token holds. */
const roleOf = (req: Request): string => (req.roles?.has('admin') ? 'admin' : 'planner');

/** A token's fingerprint (never the token): which credential made a change. */
function viaOf(req: Request): string {
  const token = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1] ?? '';
  return `token:${createHash('sha256').update(token).digest('hex').slice(0, 12)}`;
}

export function remediationRouter(deps: RemediationRouterDeps): Router {
  const router = Router();
  const now = deps.now ?? Date.now;
  const read = deps.requireRole('operator');
  const plan = deps.requireRole('planner');
  const zone = deps.zone;
  const iso = (ms: number | null): string | null => (ms === null ? null : formatInZone(ms, zone));

  const ruleSetOf = (value: unknown): CompiledRuleSet => {
    const name = textParam(value, 'ruleSet') ?? deps.defaultRuleSet;
    const set = deps.ruleSets.get(name);
    if (!set) throw bad('ruleSet', `no rule set "${name}" (known: ${[...deps.ruleSets.keys()].join(', ')})`);
    return set;
  };

  const caseRow = (c: CaseState, today: string): Record<string, unknown> => {
    const last = [...c.breaches].sort((a, b) => (a.breachDate < b.breachDate ? 1 : -1))[0];
    return {
      caseId: c.caseId,
      ruleSet: c.ruleSet,
      assetId: c.assetId,
      assetName: c.asset.name,
      kind: c.asset.kind,
      province: c.asset.province,
      city: c.asset.city,
      county: c.asset.county,
      areaClass: c.asset.areaClass,
      family: c.family,
      status: c.status,
      overdue: isOverdue(c, today),
      openedDate: c.openedDate,
      dueDate: c.dueDate,
      rules: [...new Set(c.breaches.map((b) => b.rule))].sort(),
      lastBreachDate: last?.breachDate ?? null,
      breaches: c.breaches.length,
      reopenCount: c.reopenCount,
      responsibleUnit: c.fields.responsibleUnit ?? null,
      responsiblePerson: c.fields.responsiblePerson ?? null,
      measures: c.fields.measures ?? [],
      plannedEnd: c.fields.plannedEnd ?? null,
      actualStart: c.fields.actualStart ?? null,
      actualEnd: c.fields.actualEnd ?? null,
      closedDate: c.closedDate,
      seq: c.seq,
      updatedAt: iso(c.updatedAt),
      updatedBy: c.updatedBy,
    };
  };

  const historyRows = (f: Folded): Record<string, unknown>[] =>
    f.history.map((h) => ({ ...h, at: iso(h.at) }));

  /**
   * Separation of duties as it stands for the one asking: the steps refused to them (approving
   * a plan they drafted, closing a case whose work they recorded), so the form does not offer them.
   */
  const dutiesOf = (s: CaseState, who: string | undefined) => {
    const on = deps.ruleSets.get(s.ruleSet)?.separationOfDuties ?? true;
    const refused = (action: 'approve_plan' | 'close') =>
      (on && who !== undefined ? dutyConflicts(s, { action, actor: who, fields: {} })[0] : undefined) ?? null;
    return {
      separationOfDuties: on,
      refusedToYou: { approve_plan: refused('approve_plan'), close: refused('close') },
    };
  };

  const caseDetail = (f: Folded, at: number, who: string | undefined): Record<string, unknown> => {
    const s = f.state;
    const ruleSet = deps.ruleSets.get(s.ruleSet);
    const done = s.fields.actualEnd;
    return {
      ...s,
      ...dutiesOf(s, who),
      openedAt: iso(s.openedAt),
      closedAt: iso(s.closedAt),
      updatedAt: iso(s.updatedAt),
      overdue: isOverdue(s, localDate(at, zone)),
      observation:
        done && ruleSet && s.status === 'work_done' ? observation(done, ruleSet.observationDays) : null,
      history: historyRows(f),
      superseded: f.superseded.map((e) => ({ seq: e.seq, at: iso(e.at), action: e.action, actor: e.actor })),
    };
  };

  router.get('/cases', read, async (req, res) => {
    const ruleSet = ruleSetOf(req.query['ruleSet']);
    const statuses = listParam(req.query['status'], 'status', [...CASE_STATUSES, 'active'] as const);
    const overdue = textParam(req.query['overdue'], 'overdue');
    if (overdue !== undefined && overdue !== 'true' && overdue !== 'false')
      throw bad('overdue', `expected true or false, got "${overdue}"`);
    const region = textParam(req.query['region'], 'region');
    const assetId = textParam(req.query['assetId'], 'assetId');
    const family = textParam(req.query['family'], 'family');
    const unit = textParam(req.query['unit'], 'unit');
    const at = now();
    const today = localDate(at, zone);
    const rows = (await listCases(deps.store, ruleSet.name, zone))
      .map((f) => f.state)
      .filter(
        (c) =>
          (!statuses ||
            statuses.includes(c.status) ||
            (statuses.includes('active') && c.status !== 'closed')) &&
          (!region || [c.asset.province, c.asset.city, c.asset.county].includes(region)) &&
          (!assetId || c.assetId === assetId) &&
          (!family || c.family === family) &&
          (!unit || c.fields.responsibleUnit === unit),
      )
      .map((c) => caseRow(c, today))
      .filter((r) => overdue === undefined || r['overdue'] === (overdue === 'true'));
    sendRows(req, res, rows, CASE_COLUMNS, { ruleSet: ruleSet.name, asOf: iso(at), zone });
  });

  const caseOr404 = async (req: Request): Promise<Folded> => {
    const id = textParam(req.params['id'], 'id') ?? '';
    const found = await readCase(deps.store, id, zone);
    if (!found) throw new HttpError(404, `no case "${id}"`);
    return found;
  };

  router.get('/cases/:id', read, async (req, res) => {
    res.json(caseDetail(await caseOr404(req), now(), req.identity));
  });

  router.get('/cases/:id/history', read, async (req, res) => {
    const f = await caseOr404(req);
    sendRows(req, res, historyRows(f), HISTORY_COLUMNS, { caseId: f.state.caseId });
  });

  router.post('/cases/:id/transitions', plan, ...jsonBody('64kb'), async (req, res) => {
    const parsed = parseTransition(req.body, req.identity);
    if (!parsed.ok) throw refusal(422, parsed.issues);
    const at = now();
    const caseId = textParam(req.params['id'], 'id') ?? '';
    const outcome = await applyTransition(deps.store, {
      caseId,
      request: parsed.value,
      role: roleOf(req),
      via: viaOf(req),
      now: at,
      zone,
      ruleSets: deps.ruleSets,
    });
    if (!outcome.ok) {
      const status = outcome.refusal === 'not_found' ? 404 : outcome.refusal === 'conflict' ? 409 : 422;
      throw refusal(
        status,
        outcome.issues.map((i) => codedCaseIssue(i, outcome.refusal, caseId)),
      );
    }
    res.json(caseDetail(outcome.folded, at, req.identity));
  });

  // Frozen documents ---------------------------------------------------------------------

  const runRows = (runs: readonly ReportRun[]) =>
    runs.map((r) => ({
      period: r.period,
      ruleSet: r.ruleSet,
      filingDue: r.filingDue,
      rows: r.rows,
      frozenAt: iso(r.frozenAt),
      trigger: r.trigger,
      asOf: iso(r.asOf),
      casesAsOf: iso(r.casesAsOf),
    }));

  const frozenRun = async (
    report: ReportKind,
    ruleSet: CompiledRuleSet,
    text: string,
    kinds: PeriodKind[],
  ) => {
    const period = parsePeriod(text, kinds);
    if (!period.ok) throw new HttpError(400, 'invalid period', { issues: period.issues });
    const key = formatPeriod(period.value);
    const run = (await readRuns(deps.store, report, ruleSet.name)).find((r) => r.period === key);
    if (!run) {
      const ends = localDate(periodBounds(period.value, zone).end, zone);
      const what = report === 'ledger' ? 'ledger' : 'disclosure';
      throw new HttpError(
        404,
        `the ${what} of ${key} is not frozen: a period is frozen in the night after it ends (${ends})`,
      );
    }
    return run;
  };

  // Frozen documents never change: a built XLSX or CSV file is kept (by run, format, language
  // and encoding) so that a crowd of anonymous downloads does not rebuild it each time.
  // Requests arriving while it is built wait for the same build.
  const files = new Map<string, Promise<Buffer>>();
  const FILES_KEPT = 32;
  function keptFile(key: string, make: () => Promise<Buffer>): Promise<Buffer> {
    let file = files.get(key);
    if (file === undefined) {
      file = make();
      files.set(key, file);
      file.catch(() => files.delete(key));
      if (files.size > FILES_KEPT) files.delete(files.keys().next().value as string);
    }
    return file;
  }

  /** A frozen document in the negotiated format, or as XLSX / CSV when `format` says so. */
  async function sendDocument<R extends DocumentRow>(
    req: Request,
    res: Response,
    q: {
      run: ReportRun;
      rows: R[];
      columns: Parameters<typeof localize<R>>[1];
      extra: Record<string, unknown>;
      /** the document's title, and its short name for the sheet (at most 31 characters with the period) */
      name: { zh: string; en: string };
      sheet: { zh: string; en: string };
    },
  ): Promise<void> {
    const format = textParam(req.query['format'], 'format');
    if (format !== undefined && !['json', 'csv', 'xlsx'].includes(format))
      throw bad('format', `expected json, csv or xlsx, got "${format}"`);
    const lang = langParam(req.query['lang']) ?? (format === 'xlsx' ? 'zh' : undefined);
    const { run } = q;
    const stem = `${run.report}-${run.ruleSet}-${run.period}${lang ? `-${lang}` : ''}`;
    const names = (ext: string) => ({
      name: lang
        ? documentFileName([q.name[lang], run.meta.jurisdiction[lang], run.period], ext)
        : asciiFileName(stem, ext),
      asciiName: asciiFileName(stem, ext),
    });
    if (format === 'xlsx' && lang) {
      const buffer = await keptFile(`${run.runId}|${run.report}|xlsx|${lang}`, () => documentXlsx(q, lang));
      sendFile(res, buffer, { type: XLSX, ...names('xlsx') });
      return;
    }
    if (format === 'csv') {
      const encoding = csvEncoding(req);
      const csv = await keptFile(`${run.runId}|${run.report}|csv|${lang ?? ''}|${encoding}`, async () => {
        if (!lang) return encodeCsv(toCsv(q.rows as unknown as Row[], fieldNames(q.columns)), encoding);
        const { table } = await namedTable(q.rows, q.columns, lang, run);
        return encodeCsv(toCsv(table.rows, table.headers), encoding);
      });
      sendFile(res, csv, { type: csvType(encoding), ...names('csv') });
      return;
    }
    const table = lang ? (await namedTable(q.rows, q.columns, lang, run)).table : null;
    const headers = table ? table.headers : fieldNames(q.columns);
    const rows = table ? table.rows : (q.rows as unknown as Record<string, unknown>[]);
    sendRows(req, res, rows, headers, q.extra);
  }

  // The outages behind a frozen run's rows take seconds on a province's ledger (every row
  // explained): read once per run for both languages, the latest few kept.
  const details = new Map<string, Promise<OutageDetail[]>>();
  function detailsOf(run: ReportRun, ruleSet: CompiledRuleSet, rows: readonly DocumentRow[]) {
    let found = details.get(run.runId);
    if (!found) {
      found = readCountedOutages(deps.store, { ruleSet, subjects: rows, asOf: run.asOf, zone });
      details.set(run.runId, found);
      found.catch(() => details.delete(run.runId));
      if (details.size > 4) details.delete(details.keys().next().value as string);
    }
    return found;
  }

  /** The rows in a language with each asset's equipment code (PMS) beside its id. */
  async function namedTable<R extends DocumentRow>(
    rows: readonly R[],
    columns: Parameters<typeof localize<R>>[1],
    lang: Lang,
    run: ReportRun,
    more: readonly string[] = [],
  ) {
    const codes = await readAssetCodes(deps.store, [...rows.map((r) => r.assetId), ...more], run.asOf);
    const at = columns.findIndex((c) => c.key === 'assetId') + 1;
    const table = insertColumn(
      localize(rows, columns, lang, run.meta),
      at,
      { header: ASSET_CODE_LABEL[lang] },
      rows.map((r) => codes.get(r.assetId) ?? null),
    );
    return { table, codes };
  }

  /** The filed workbook: the rows, the counted outages behind them (停电明细), what it is. */
  async function documentXlsx<R extends DocumentRow>(
    q: {
      run: ReportRun;
      rows: R[];
      columns: Parameters<typeof localize<R>>[1];
      name: { zh: string; en: string };
      sheet: { zh: string; en: string };
    },
    lang: Lang,
  ): Promise<Buffer> {
    const { run } = q;
    const zh = lang === 'zh';
    const unit = run.meta.jurisdiction[lang];
    const ruleSet = deps.ruleSets.get(run.ruleSet);
    const details = ruleSet ? await detailsOf(run, ruleSet, q.rows) : [];
    const feeders = details.flatMap((d) => (d.viaFeeder ? [d.viaFeeder] : []));
    const { table, codes } = await namedTable(q.rows, q.columns, lang, run, feeders);
    const detailSheet = outageDetailSheet(details, {
      lang,
      title: documentTitle(
        unit,
        zh ? `${q.name.zh}停电明细` : `${q.name.en}: outage details`,
        run.period,
        lang,
      ),
      zone,
      codes,
      ruleTitles: run.meta.ruleTitles,
    });
    const asOf = iso(run.asOf);
    const lines: [string, string | number | null][] = [
      [zh ? '名称' : 'Document', `${q.name[lang]} ${run.period}`],
      [zh ? '规则' : 'Rule set', `${run.meta.ruleSetTitle[lang]} (${run.ruleSet})`],
      [zh ? '适用范围' : 'Jurisdiction', unit],
      [zh ? '报送期限' : 'Filing deadline', run.filingDue],
      [zh ? '冻结时间' : 'Frozen at', iso(run.frozenAt)],
      [zh ? '统计截至' : 'Flags as of', asOf],
      [zh ? '整治状态截至' : 'Cases as of', iso(run.casesAsOf)],
      [zh ? '行数' : 'Rows', run.rows],
      [
        DETAIL_SHEET_NAME[lang],
        ruleSet
          ? zh
            ? `各行“近一年计入停电次数”所计的停电：导出时按规则集 ${run.ruleSet} 与当时的记录，计至 ${asOf} 的近365天`
            : `the outages each row's "outages counted (trailing year)" counts: explained at export by rule set ${run.ruleSet} from the records then, over the 365 days to ${asOf}`
          : zh
            ? `规则集 ${run.ruleSet} 未加载，无法列出`
            : `rule set ${run.ruleSet} is not loaded: not listed`,
      ],
    ];
    return toXlsx(table, {
      lang,
      sheet: `${q.sheet[lang]} ${run.period}`,
      title: documentTitle(unit, q.name[lang], run.period, lang),
      about: { name: zh ? '说明' : 'About', lines },
      more: [detailSheet],
      created: new Date(run.frozenAt),
    });
  }

  router.get('/ledger', read, async (req, res) => {
    const ruleSet = ruleSetOf(req.query['ruleSet']);
    const runs = await readRuns(deps.store, 'ledger', ruleSet.name);
    const current = periodContaining('month', now(), zone);
    sendRows(req, res, runRows(runs), RUN_COLUMNS, {
      ruleSet: ruleSet.name,
      ledgerDue: ruleSet.reporting.ledgerDue,
      next: {
        period: formatPeriod(current),
        freezesAfter: iso(periodBounds(current, zone).end),
        filingDue: ledgerFilingDue(current, ruleSet.reporting.ledgerDue),
      },
    });
  });

  router.get('/ledger/:period', read, async (req, res) => {
    const ruleSet = ruleSetOf(req.query['ruleSet']);
    const run = await frozenRun('ledger', ruleSet, String(req.params['period']), ['month']);
    await sendDocument(req, res, {
      run,
      rows: await readEntries<LedgerRow>(deps.store, run),
      columns: LEDGER_COLUMNS,
      name: { zh: '频繁停电台账', en: 'Frequent-outage ledger' },
      sheet: { zh: '台账', en: 'Ledger' },
      extra: { ...runRows([run])[0], meta: run.meta },
    });
  });

  // Public: the disclosure holds no personal data and needs no token.
  router.get('/disclosures', async (req, res) => {
    const ruleSet = ruleSetOf(req.query['ruleSet']);
    const runs = await readRuns(deps.store, 'disclosure', ruleSet.name);
    sendRows(
      req,
      res,
      runRows(runs),
      RUN_COLUMNS.filter((c) => c !== 'filingDue'),
      {
        ruleSet: ruleSet.name,
        disclosure: ruleSet.reporting.disclosure,
      },
    );
  });

  router.get('/disclosures/:period', async (req, res) => {
    const ruleSet = ruleSetOf(req.query['ruleSet']);
    const kind = disclosurePeriodKind(ruleSet.reporting.disclosure);
    const run = await frozenRun('disclosure', ruleSet, String(req.params['period']), [kind]);
    const { filingDue: _unused, ...summary } = runRows([run])[0] ?? {};
    await sendDocument(req, res, {
      run,
      rows: await readEntries<DisclosureRow>(deps.store, run),
      columns: DISCLOSURE_COLUMNS,
      name: { zh: '频繁停电整治公示', en: 'Frequent-outage remediation disclosure' },
      sheet: { zh: '公示', en: 'Disclosure' },
      extra: {
        ...summary,
        title: run.meta.ruleSetTitle,
        jurisdiction: run.meta.jurisdiction,
        ruleTitles: run.meta.ruleTitles,
      },
    });
  });

  // Clearing to zero ----------------------------------------------------------------------

  router.get('/remediation/clearing', read, async (req, res) => {
    const ruleSet = ruleSetOf(req.query['ruleSet']);
    const at = now();
    const to = timeParam(req.query['to'], 'to', zone, at);
    const yearAgo = periodBounds(periodContaining('month', to - 335 * 86_400_000, zone), zone).start;
    const from = timeParam(req.query['from'], 'from', zone, yearAgo);
    if (from > to) throw bad('from', 'must not be after to');
    const step = (listParam(req.query['step'], 'step', CLEARING_STEPS)?.[0] ?? 'month') as ClearingStep;
    const groupBy =
      listParam(req.query['groupBy'], 'groupBy', CLEARING_KEYS) ?? (['city', 'unit'] as ClearingKey[]);
    if (clearingPointCount(from, to, step, zone) > 1000)
      throw bad('step', `more than 1000 points from ${iso(from)} to ${iso(to)}: use a longer step`);
    const events = await readRuleSetEvents(deps.store, ruleSet.name);
    const rows = clearingSeries(events, { from, to, step, groupBy, zone });
    const columns = [
      'date',
      ...groupBy,
      'open',
      'overdue',
      'observation',
      'closed',
      'opened',
      'closedInStep',
    ];
    sendRows(req, res, rows, columns, { ruleSet: ruleSet.name, from: iso(from), to: iso(to), step, groupBy });
  });

  router.get('/remediation/vocabulary', read, (_req, res) => {
    res.json({
      statuses: CASE_STATUSES.map((s) => ({ status: s, label: STATUS_LABELS[s] })),
      actions: USER_ACTIONS.map((a) => ({
        action: a,
        label: ACTION_LABELS[a],
        from: ALLOWED_FROM[a],
        requires: REQUIRED[a] ?? [],
      })),
      measures: MEASURES.map((m) => ({ measure: m, label: MEASURE_LABELS[m] })),
      verificationMethods: VERIFICATION_METHODS.map((m) => ({ method: m, label: VERIFICATION_LABELS[m] })),
    });
  });

  return router;
}

/** A refused change: each issue has its English words, and a code and params to word it by. */
function refusal(status: number, issues: readonly CodedIssue[]): HttpError {
  const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return new HttpError(status, message || 'refused', { issues });
}

/** The case log's own refusals (cases.ts words them without a code) get theirs here. */
function codedCaseIssue(i: Issue, refusal: string, caseId: string): CodedIssue {
  if ('code' in i) return i as CodedIssue;
  if (refusal === 'not_found') return coded(i.path, i.message, 'case_not_found', { caseId });
  if (i.path === 'ruleSet') {
    const ruleSet = /"(.*)"/.exec(i.message)?.[1] ?? '';
    return coded(i.path, i.message, 'rule_set_not_loaded', { ruleSet });
  }
  if (i.path === 'expectedSeq') return coded(i.path, i.message, 'changed_concurrently', {});
  return coded(i.path, i.message, 'invalid', {});
}
