// The frozen month-end ledger (台账) and the periodic public disclosure: the periods frozen, and
// one frozen document as rows or as the filed file (frozen-document.ts).

import type { Request, Response } from 'express';
import {
  ASSET_CODE_LABEL,
  DETAIL_SHEET_NAME,
  documentTitle,
  insertColumn,
  outageDetailSheet,
  readAssetCodes,
  readCountedOutages,
} from '../../../analytics/export/index.js';
import {
  DISCLOSURE_COLUMNS,
  disclosurePeriodKind,
  fieldNames,
  formatPeriod,
  LEDGER_COLUMNS,
  type Lang,
  ledgerFilingDue,
  localize,
  type PeriodKind,
  parsePeriod,
  periodBounds,
  periodContaining,
  type ReportKind,
  type ReportRun,
  readEntries,
  readRuns,
  toXlsx,
} from '../../../analytics/remediation/index.js';
import type { CompiledRuleSet } from '../../../analytics/rules/index.js';
import { HttpError, localDate } from '../../../core/index.js';
import { type FrozenDocument, RUN_COLUMNS, runRow, sendFrozen } from '../frozen-document.js';
import { parseQuery } from '../query/index.js';
import { type Row, sendRows } from '../respond.js';
import type { Remediation } from './context.js';

/** What a ledger or disclosure row has that its files need. */
type DocumentRow = { assetId: string; assetName: string | null; rules: string[] };
type Columns<R> = Parameters<typeof localize<R>>[1];

const ruleSetOf = (c: Remediation, req: Request): CompiledRuleSet =>
  parseQuery(c.queries.ruleSet, req.query).ruleSet;

/** The frozen run of the period a request names, or why there is none. */
async function frozenRun(c: Remediation, report: ReportKind, ruleSet: CompiledRuleSet, req: Request) {
  const kinds: PeriodKind[] =
    report === 'ledger' ? ['month'] : [disclosurePeriodKind(ruleSet.reporting.disclosure)];
  const period = parsePeriod(String(req.params['period']), kinds);
  if (!period.ok) throw new HttpError(400, 'invalid period', { issues: period.issues });
  const key = formatPeriod(period.value);
  const run = (await readRuns(c.store, report, ruleSet.name)).find((r) => r.period === key);
  if (!run) {
    const ends = localDate(periodBounds(period.value, c.zone).end, c.zone);
    throw new HttpError(
      404,
      `the ${report} of ${key} is not frozen: a period is frozen in the night after it ends (${ends})`,
    );
  }
  return run;
}

/** The rows in a language with each asset's equipment code (PMS) beside its id. */
async function namedTable<R extends DocumentRow>(
  c: Remediation,
  doc: { rows: readonly R[]; columns: Columns<R>; run: ReportRun },
  lang: Lang,
  more: readonly string[] = [],
) {
  const { rows, columns, run } = doc;
  const codes = await readAssetCodes(c.store, [...rows.map((r) => r.assetId), ...more], run.asOf);
  const at = columns.findIndex((col) => col.key === 'assetId') + 1;
  const table = insertColumn(
    localize(rows, columns, lang, run.meta),
    at,
    { header: ASSET_CODE_LABEL[lang] },
    rows.map((r) => codes.get(r.assetId) ?? null),
  );
  return { table, codes };
}

interface Filed<R extends DocumentRow> {
  run: ReportRun;
  rows: R[];
  columns: Columns<R>;
  /** the document's title, and its short name for the sheet (at most 31 characters with the period) */
  name: { zh: string; en: string };
  sheet: { zh: string; en: string };
}

/** The filed workbook: the rows, the counted outages behind them (停电明细), what it is. */
async function documentXlsx<R extends DocumentRow>(
  c: Remediation,
  doc: Filed<R>,
  lang: Lang,
): Promise<Buffer> {
  const { run } = doc;
  const zh = lang === 'zh';
  const unit = run.meta.jurisdiction[lang];
  const ruleSet = c.ruleSets.get(run.ruleSet);
  const details = ruleSet
    ? await c.details.get(run.runId, () =>
        readCountedOutages(c.store, { ruleSet, subjects: doc.rows, asOf: run.asOf, zone: c.zone }),
      )
    : [];
  const feeders = details.flatMap((d) => (d.viaFeeder ? [d.viaFeeder] : []));
  const { table, codes } = await namedTable(c, doc, lang, feeders);
  const detailSheet = outageDetailSheet(details, {
    lang,
    title: documentTitle(
      unit,
      zh ? `${doc.name.zh}停电明细` : `${doc.name.en}: outage details`,
      run.period,
      lang,
    ),
    zone: c.zone,
    codes,
    ruleTitles: run.meta.ruleTitles,
  });
  const asOf = c.iso(run.asOf);
  const lines: [string, string | number | null][] = [
    [zh ? '名称' : 'Document', `${doc.name[lang]} ${run.period}`],
    [zh ? '规则' : 'Rule set', `${run.meta.ruleSetTitle[lang]} (${run.ruleSet})`],
    [zh ? '适用范围' : 'Jurisdiction', unit],
    [zh ? '报送期限' : 'Filing deadline', run.filingDue],
    [zh ? '冻结时间' : 'Frozen at', c.iso(run.frozenAt)],
    [zh ? '统计截至' : 'Flags as of', asOf],
    [zh ? '整治状态截至' : 'Cases as of', c.iso(run.casesAsOf)],
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
    sheet: `${doc.sheet[lang]} ${run.period}`,
    title: documentTitle(unit, doc.name[lang], run.period, lang),
    about: { name: zh ? '说明' : 'About', lines },
    more: [detailSheet],
    created: new Date(run.frozenAt),
  });
}

/** The ledger and the disclosure: their columns, title and sheet name. */
const FILED = {
  ledger: {
    columns: LEDGER_COLUMNS as Columns<DocumentRow>,
    name: { zh: '频繁停电台账', en: 'Frequent-outage ledger' },
    sheet: { zh: '台账', en: 'Ledger' },
  },
  disclosure: {
    columns: DISCLOSURE_COLUMNS as Columns<DocumentRow>,
    name: { zh: '频繁停电整治公示', en: 'Frequent-outage remediation disclosure' },
    sheet: { zh: '公示', en: 'Disclosure' },
  },
};

/** The frozen ledger or disclosure a request names, with its rows. */
async function filedOf(c: Remediation, report: ReportKind, req: Request): Promise<Filed<DocumentRow>> {
  const run = await frozenRun(c, report, ruleSetOf(c, req), req);
  return { run, rows: await readEntries<DocumentRow>(c.store, run), ...FILED[report] };
}

/** A ledger or disclosure as the frozen document frozen-document.ts sends. */
function frozen<R extends DocumentRow>(c: Remediation, doc: Filed<R>, extra: Row): FrozenDocument {
  const filed = (rows: readonly Row[]) => ({ ...doc, rows: rows as unknown as R[] });
  return {
    kind: doc.run.report,
    run: doc.run,
    name: doc.name,
    rows: async () => doc.rows as unknown as Row[],
    columns: fieldNames(doc.columns),
    table: async (rows, lang) => (await namedTable(c, filed(rows), lang)).table,
    workbook: (rows, lang) => documentXlsx(c, filed(rows), lang),
    extra,
  };
}

/** GET /ledger: the frozen months with their filing deadlines, and the month to come. */
export async function listLedgers(c: Remediation, req: Request, res: Response): Promise<void> {
  const ruleSet = ruleSetOf(c, req);
  const runs = await readRuns(c.store, 'ledger', ruleSet.name);
  const current = periodContaining('month', c.now(), c.zone);
  sendRows(
    req,
    res,
    runs.map((r) => runRow(c.iso, r)),
    RUN_COLUMNS,
    {
      ruleSet: ruleSet.name,
      ledgerDue: ruleSet.reporting.ledgerDue,
      next: {
        period: formatPeriod(current),
        freezesAfter: c.iso(periodBounds(current, c.zone).end),
        filingDue: ledgerFilingDue(current, ruleSet.reporting.ledgerDue),
      },
    },
  );
}

/** GET /ledger/:period: a frozen month. */
export async function showLedger(c: Remediation, req: Request, res: Response): Promise<void> {
  const doc = await filedOf(c, 'ledger', req);
  await sendFrozen(req, res, c.files, frozen(c, doc, { ...runRow(c.iso, doc.run), meta: doc.run.meta }));
}

/** GET /disclosures (public: no personal data): the frozen disclosure periods. */
export async function listDisclosures(c: Remediation, req: Request, res: Response): Promise<void> {
  const ruleSet = ruleSetOf(c, req);
  const rows = (await readRuns(c.store, 'disclosure', ruleSet.name)).map((r) => runRow(c.iso, r));
  const columns = RUN_COLUMNS.filter((col) => col !== 'filingDue');
  sendRows(req, res, rows, columns, { ruleSet: ruleSet.name, disclosure: ruleSet.reporting.disclosure });
}

/** GET /disclosures/:period (public): a frozen disclosure. */
export async function showDisclosure(c: Remediation, req: Request, res: Response): Promise<void> {
  const doc = await filedOf(c, 'disclosure', req);
  const { run } = doc;
  const { filingDue: _unused, ...summary } = runRow(c.iso, run);
  const extra = {
    ...summary,
    title: run.meta.ruleSetTitle,
    jurisdiction: run.meta.jurisdiction,
    ruleTitles: run.meta.ruleTitles,
  };
  await sendFrozen(req, res, c.files, frozen(c, doc, extra));
}
