// A storm's outages as a file to save: CSV, or an XLSX workbook with what it is. Named
// 停电事件清单_五华区_20250701T0800-20250701T1200.xlsx, with an ASCII name beside it.

import type { Request, Response } from 'express';
import {
  STORM_FIELDS,
  type StormLang,
  type StormWindow,
  type stormExportRows,
  stormTable,
} from '../../../analytics/outages/index.js';
import { filingWorkbook, tableSheet } from '../../../analytics/export/index.js';
import { csvEncoding, csvType, encodeCsv, fileNames, type Row, sendFile, toCsv, XLSX } from '../respond.js';
import type { Outages } from './context.js';

const DOCUMENT: Record<StormLang, string> = { zh: '停电事件清单', en: 'Outages of a storm' };

export interface StormFile {
  format: 'csv' | 'xlsx';
  lang: StormLang | undefined;
  region: string | undefined;
  window: StormWindow;
  asOf: number;
  rows: ReturnType<typeof stormExportRows>;
}

/** The workbook: the outages, and what the file is. */
function workbook(c: Outages, f: StormFile, lang: StormLang): Promise<Buffer> {
  const { window: w, region, rows } = f;
  const zh = lang === 'zh';
  const wall = (ms: number) => c.iso(ms).slice(0, 16).replace('T', ' ');
  const title = zh
    ? `${region ?? ''}${DOCUMENT.zh}（${wall(w.from)} 至 ${wall(w.to)}）`
    : `${DOCUMENT.en}${region ? `, ${region}` : ''}, ${wall(w.from)} to ${wall(w.to)}`;
  const about: [string, string | number | null][] = [
    [zh ? '名称' : 'Document', DOCUMENT[lang]],
    [zh ? '时段' : 'Window', `${c.iso(w.from)} / ${c.iso(w.to)}`],
    [zh ? '地区' : 'Region', region ?? (zh ? '全部' : 'all')],
    [zh ? '时区' : 'Time zone', c.zone],
    [zh ? '统计截至' : 'As of', c.iso(f.asOf)],
    [zh ? '行数' : 'Rows', rows.length],
    [
      zh ? '范围' : 'Scope',
      zh
        ? '时段内有用户停电的全部停电事件（计划与非计划），已取消的不计；进行中的停电时长算至统计截至时间'
        : 'every outage with customers out in the window (planned and unplanned), cancelled ones left out; ongoing outages measured up to the as-of time',
    ],
  ];
  const sheet = tableSheet(stormTable(rows, lang, c.zone), {
    name: zh ? '停电事件' : 'Outages',
    title,
    empty: zh ? '（时段内无停电）' : '(no outages in the window)',
  });
  return filingWorkbook({ lang, sheets: [sheet], about: { name: zh ? '说明' : 'About', lines: about } });
}

export async function sendStormFile(c: Outages, req: Request, res: Response, f: StormFile): Promise<void> {
  const { lang, region } = f;
  const stamp = (ms: number) => c.iso(ms).slice(0, 16).replace(/[-:]/g, '');
  const span = `${stamp(f.window.from)}-${stamp(f.window.to)}`;
  const names = fileNames(
    `storm-outages-${region ? `${region}-` : ''}${span}${lang ? `-${lang}` : ''}`,
    lang && [DOCUMENT[lang], region ?? '', span],
  );
  if (f.format === 'csv') {
    const encoding = csvEncoding(req);
    const table = lang ? stormTable(f.rows, lang, c.zone) : null;
    const csv = table ? toCsv(table.rows, table.headers) : toCsv(f.rows as unknown as Row[], STORM_FIELDS);
    sendFile(res, encodeCsv(csv, encoding), { type: csvType(encoding), ...names('csv') });
    return;
  }
  if (lang) sendFile(res, await workbook(c, f, lang), { type: XLSX, ...names('xlsx') });
}
