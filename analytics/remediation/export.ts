// The ledger and the disclosure as documents: columns with Chinese and English headers,
// values spelled out in the language (statuses, kinds, measures, causes, rule titles), dates
// marked as dates, and the XLSX workbook (analytics/export's filing workbook). CSV and XLSX of
// one language are built from the same localized table, so their rows are equal cell for cell.
// Without a language, exports keep field names and codes.

import { LANGS, type Lang, labelIn } from '../../core/vocabulary/index.js';
import {
  type Cell,
  type CellType,
  type FilingSheet,
  filingWorkbook,
  sheetName,
  type Table,
  tableSheet,
} from '../export/index.js';
import type { Verification } from './case.js';
import type { CauseCount, DisclosureRow, FiledAsset, LedgerRow } from './ledger.js';
import type { ReportMeta } from './sql/reports.js';
import {
  AREA_CLASS_LABELS,
  CAUSE_LABELS,
  KIND_LABELS,
  type Label,
  MEASURE_LABELS,
  STATUS_LABELS,
  VERIFICATION_LABELS,
} from './vocabulary.js';

export { LANGS, type Lang };
export type { Cell, Table };

export interface Column<R> {
  key: keyof R & string;
  label: Label;
  /** the value in a language; default: the value itself */
  text?: (value: never, lang: Lang, meta: ReportMeta) => Cell;
  /** how a workbook holds it: local dates (YYYY-MM-DD) and times as Excel dates; default text */
  type?: CellType;
}

/** A column's text from a table of labels (a code it does not hold shown as it is). */
export const label =
  <K extends string>(labels: Record<K, Label>) =>
  (v: K | null, lang: Lang): Cell =>
    v === null ? null : labelIn(labels, v, lang);
const SEP: Record<Lang, string> = { zh: '；', en: '; ' };
export const yesNo = (v: boolean, lang: Lang): Cell => (lang === 'zh' ? (v ? '是' : '否') : v ? 'yes' : 'no');
const rules = (ids: string[], lang: Lang, meta: ReportMeta): Cell =>
  ids.map((id) => meta.ruleTitles[id]?.[lang] ?? id).join(SEP[lang]);
const measures = (ms: LedgerRow['measures'], lang: Lang): Cell =>
  ms.map((m) => MEASURE_LABELS[m]?.[lang] ?? m).join(SEP[lang]);
const causes = (cs: CauseCount[], lang: Lang): Cell =>
  cs
    .map((c) =>
      lang === 'zh'
        ? `${CAUSE_LABELS[c.cause]?.zh ?? c.cause} ${c.count}次`
        : `${CAUSE_LABELS[c.cause]?.en ?? c.cause} ×${c.count}`,
    )
    .join(SEP[lang]);
function verification(v: Verification | null, lang: Lang): Cell {
  if (!v) return null;
  const methods = v.methods.map((m) => VERIFICATION_LABELS[m]?.[lang] ?? m).join(lang === 'zh' ? '、' : ', ');
  return lang === 'zh'
    ? `${methods}：${v.passed ? '通过' : '未通过'}。${v.result}（${v.verifiedBy}，${v.verifiedOn}）`
    : `${methods}: ${v.passed ? 'passed' : 'not passed'}. ${v.result} (${v.verifiedBy}, ${v.verifiedOn})`;
}

export const col = <R>(key: keyof R & string, zh: string, en: string, text?: Column<R>['text']): Column<R> =>
  text ? { key, label: { zh, en }, text } : { key, label: { zh, en } };
/** A column of local dates (YYYY-MM-DD), written to workbooks as dates. */
export const dated = <R>(c: Column<R>): Column<R> => ({ ...c, type: 'date' });

/** The columns naming the asset, as the ledger and the disclosure file them. */
function assetColumns<R extends FiledAsset>(): Column<R>[] {
  return [
    col<R>('assetId', '设备编号', 'Asset id'),
    col<R>('assetName', '线路/台区名称', 'Name'),
    col<R>('kind', '类型', 'Kind', label(KIND_LABELS)),
    col<R>('province', '省', 'Province'),
    col<R>('city', '市（州）', 'City'),
    col<R>('county', '县（区）', 'County'),
  ];
}

export const LEDGER_COLUMNS: readonly Column<LedgerRow>[] = [
  col('period', '统计月份', 'Period'),
  ...assetColumns(),
  col('areaClass', '供电区域类别', 'Area class', label(AREA_CLASS_LABELS)),
  col('customers', '用户数', 'Customers'),
  col('rules', '频繁停电判定条件', 'Rule broken', rules),
  dated(col('breachDate', '越限日期', 'Breach date')),
  col('outagesCounted', '近一年计入停电次数', 'Outages counted (trailing year)'),
  col('outagesExcluded', '近一年不计入停电次数', 'Outages excluded (trailing year)'),
  col('saifi', '近一年户均停电次数', 'SAIFI (trailing year)'),
  col('saidi', '近一年户均停电时间（小时）', 'SAIDI hours (trailing year)'),
  col('mainCauses', '主要停电原因', 'Main causes', causes),
  col('monthsOnLedger', '累计上榜月数', 'Months on the ledger'),
  col('caseId', '整治编号', 'Case id'),
  col('causeAnalysis', '原因分析', 'Cause analysis'),
  col('measures', '整治措施', 'Measures', measures),
  col('measuresNote', '措施说明', 'Measures note'),
  col('responsibleUnit', '责任单位', 'Responsible unit'),
  col('responsiblePerson', '责任人', 'Responsible person'),
  dated(col('plannedEnd', '计划完成日期', 'Planned completion')),
  dated(col('dueDate', '整治期限', 'Due date')),
  col('status', '整治状态', 'Status', label(STATUS_LABELS)),
  col('overdue', '是否超期', 'Overdue', yesNo),
  dated(col('completionDate', '完成日期', 'Completion date')),
  dated(col('closedDate', '销号日期', 'Closing date')),
  col('verification', '核查结果', 'Verification', verification),
  col('noActionReason', '未整治原因', 'Reason for no action'),
];

export const DISCLOSURE_COLUMNS: readonly Column<DisclosureRow>[] = [
  col('period', '公示期', 'Period'),
  ...assetColumns(),
  col('rules', '频繁停电判定条件', 'Rule broken', rules),
  dated(col('breachDate', '越限日期', 'Breach date')),
  col('outagesCounted', '近一年计入停电次数', 'Outages counted (trailing year)'),
  col('measures', '整治措施', 'Measures', measures),
  col('status', '整治状态', 'Status', label(STATUS_LABELS)),
  dated(col('dueDate', '整治期限', 'Due date')),
  dated(col('closedDate', '销号日期', 'Closing date')),
];

/** Field names: the columns of JSON, machine CSV and Arrow. */
export const fieldNames = <R>(columns: readonly Column<R>[]): string[] => columns.map((c) => c.key);

/** The rows with headers and values in `lang`, and each column's type. */
export function localize<R>(
  rows: readonly R[],
  columns: readonly Column<R>[],
  lang: Lang,
  meta: ReportMeta,
): Table {
  const headers = columns.map((c) => c.label[lang]);
  return {
    headers,
    rows: rows.map((r) => {
      const out: Record<string, Cell> = {};
      columns.forEach((c, i) => {
        const v = r[c.key] as unknown;
        const cell = c.text ? c.text(v as never, lang, meta) : (v as Cell);
        out[headers[i] as string] = cell === undefined || cell === '' ? null : cell;
      });
      return out;
    }),
    types: columns.map((c) => c.type),
  };
}

export interface XlsxDocument {
  lang: Lang;
  /** the table's sheet name (shortened to Excel's 31 characters) */
  sheet: string;
  /** the title row: unit, document, period */
  title: string;
  /** the sheet saying what the document is */
  about: { name: string; lines: readonly (readonly [string, Cell])[] };
  /** sheets after the table's (the 停电明细 of a ledger) */
  more?: readonly FilingSheet[];
  /** the table is signed: 填报人, 审核人, 日期 under it */
  signOff?: boolean;
  created?: Date;
}

const EMPTY: Record<Lang, string> = { zh: '（本期无记录）', en: '(no rows this period)' };

/**
 * A workbook: the table as a filed sheet (title row, 序号, frozen header with an autofilter,
 * dates as dates, print set-up, the sign-off block), any further sheets, and what the document
 * is on the last.
 */
export function toXlsx(table: Table, doc: XlsxDocument): Promise<Buffer> {
  const main = tableSheet(table, {
    name: sheetName(doc.sheet),
    title: doc.title,
    signOff: doc.signOff ?? true,
    empty: EMPTY[doc.lang],
  });
  return filingWorkbook({
    lang: doc.lang,
    sheets: [main, ...(doc.more ?? []).map((s) => ({ ...s, name: sheetName(s.name) }))],
    about: { name: sheetName(doc.about.name), lines: doc.about.lines },
    ...(doc.created ? { created: doc.created } : {}),
  });
}
