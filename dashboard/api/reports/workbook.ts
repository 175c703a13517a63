// An authority report in words, and its filed workbook.

import {
  ASSET_CODE_LABEL,
  documentTitle,
  insertColumn,
  readAssetCodes,
  type Table,
} from '../../../analytics/export/index.js';
import { type Lang, localize, toXlsx } from '../../../analytics/remediation/index.js';
import {
  type AuthorityReport,
  type AuthorityRun,
  REPORT_NAMES,
  REPORT_SHEETS,
} from '../../../analytics/reports/index.js';
import { formatInZone } from '../../../core/index.js';
import type { Store } from '../../../store/index.js';

type Columns = Parameters<typeof localize<Record<string, unknown>>>[1];

/** What localize needs of a report's frozen header (reports name no rules). */
const metaOf = (run: AuthorityRun) => ({
  ruleSetTitle: run.meta.ruleSetTitle,
  jurisdiction: run.meta.jurisdiction,
  ruleTitles: {},
});

/** The rows in a language; rows about assets with each one's equipment code (PMS) beside its id. */
export async function localTable(
  store: Store,
  rows: readonly Record<string, unknown>[],
  columns: Columns,
  lang: Lang,
  run: AuthorityRun,
): Promise<Table> {
  const table = localize(rows, columns, lang, metaOf(run));
  const at = columns.findIndex((c) => c.key === 'assetId');
  if (at < 0) return table;
  const ids = rows.map((r) => String(r['assetId']));
  const codes = await readAssetCodes(store, ids, run.asOf);
  return insertColumn(
    table,
    at + 1,
    { header: ASSET_CODE_LABEL[lang] },
    ids.map((id) => codes.get(id) ?? null),
  );
}

/** The filed workbook: the report and what it is. */
export function reportXlsx(
  report: AuthorityReport,
  run: AuthorityRun,
  table: Table,
  lang: Lang,
  zone: string,
): Promise<Buffer> {
  const zh = lang === 'zh';
  const iso = (ms: number) => formatInZone(ms, zone);
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
