// The work list as a file to save: CSV, or an XLSX workbook with what it is (the rule set, the
// period, the filters, the weights); in words with `lang`, each asset's equipment code (PMS)
// beside its id.

import type { Request, Response } from 'express';
import {
  ASSET_CODE_LABEL,
  documentTitle,
  insertColumn,
  readAssetCodes,
} from '../../../analytics/export/index.js';
import {
  PARTS,
  type PriorityWeights,
  type Scored,
  WORK_LIST_COLUMNS,
  type workListRow,
  workListTable,
} from '../../../analytics/priorities/index.js';
import { type Lang, toXlsx } from '../../../analytics/remediation/index.js';
import type { CompiledRuleSet } from '../../../analytics/rules/index.js';
import { csvEncoding, csvType, encodeCsv, fileNames, sendFile, toCsv, XLSX } from '../respond.js';
import { FORMULA, type Priorities, type Ranking } from './context.js';

const WORK_LIST_NAME = { zh: '整治优先级清单', en: 'Remediation priorities' } as const;

export interface WorkListFile {
  format: 'csv' | 'xlsx';
  lang: Lang | undefined;
  ruleSet: CompiledRuleSet;
  asOf: number;
  ranking: Ranking;
  w: PriorityWeights;
  chosen: readonly Scored[];
  rows: readonly ReturnType<typeof workListRow>[];
  filter: Readonly<Record<string, string | number | undefined>>;
}

/** The rows in a language, with the assets' equipment codes; as they are without one. */
async function table(c: Priorities, f: WorkListFile) {
  const { lang, chosen } = f;
  const plain = workListTable(f.rows, lang);
  if (!lang) return plain;
  const codes = await readAssetCodes(
    c.store,
    chosen.map((s) => s.facts.assetId),
    f.asOf,
  );
  const at = WORK_LIST_COLUMNS.findIndex((col) => col.key === 'assetId') + 1;
  const cells = chosen.map((s) => codes.get(s.facts.assetId) ?? null);
  return insertColumn(plain, at, { header: ASSET_CODE_LABEL[lang] }, cells);
}

export async function sendWorkListFile(
  c: Priorities,
  req: Request,
  res: Response,
  f: WorkListFile,
): Promise<void> {
  const { lang, ruleSet, ranking, w } = f;
  const t = await table(c, f);
  const unit = lang ? ruleSet.jurisdiction[lang] : '';
  const name = lang ? WORK_LIST_NAME[lang] : '';
  const names = fileNames(
    `priorities-${ruleSet.name}-${ranking.today}${lang ? `-${lang}` : ''}`,
    lang && [name, unit, ranking.today],
  );
  if (f.format === 'csv') {
    const encoding = csvEncoding(req);
    sendFile(res, encodeCsv(toCsv(t.rows, t.headers), encoding), {
      type: csvType(encoding),
      ...names('csv'),
    });
    return;
  }
  const zh = lang === 'zh';
  const filters = Object.entries(f.filter)
    .filter(([k, v]) => v !== undefined && k !== 'top')
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');
  const lines: [string, string | number | null][] = [
    [zh ? '名称' : 'Document', name],
    [zh ? '规则' : 'Rule set', `${ruleSet.title[zh ? 'zh' : 'en']} (${ruleSet.name})`],
    [zh ? '统计截至' : 'As of', c.iso(f.asOf)],
    [zh ? '统计期' : 'Trailing year', `${c.iso(ranking.period.from)} / ${c.iso(ranking.period.to)}`],
    [zh ? '筛选' : 'Filters', filters || null],
    [zh ? '行数' : 'Rows', f.rows.length],
    [zh ? '权重来源' : 'Weights from', w.source],
    [zh ? '公式' : 'Formula', FORMULA],
    ...PARTS.map((p): [string, number] => [`weight ${p}`, w.weights[p]]),
  ];
  const buffer = await toXlsx(t, {
    lang: zh ? 'zh' : 'en',
    sheet: zh ? '优先级' : 'Priorities',
    title: documentTitle(unit, name, ranking.today, zh ? 'zh' : 'en'),
    about: { name: zh ? '说明' : 'About', lines },
  });
  sendFile(res, buffer, { type: XLSX, ...names('xlsx') });
}
