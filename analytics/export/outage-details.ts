// The 停电明细 sheet: each counted outage behind each row of a ledger or disclosure (the outages
// its 近一年计入停电次数 counts), with the rule or rules that count it, and the equipment codes
// (PMS) the asset register gives beside the names.
//
// A frozen row keeps its counts, not the outages behind them: they are explained again from
// the records, by the rules engine's own explanation (as GET /flags/:id/explain does), as of the
// document's cut-off, over the same 365 local days. Records that reached the product after the
// freeze and concern those days show here, while the row's count stays as frozen.

import { type Cause, dayToDate, formatInZone, localDay, mapLimit, slices } from '../../core/index.js';
import { readAssetsHistory } from '../flags/index.js';
import { readAssetsAsOfById } from '../outages/index.js';
import { CAUSE_LABELS, type Label } from '../remediation/vocabulary.js';
import { type CompiledRuleSet, explain } from '../rules/index.js';
import type { Store } from '../../store/index.js';
import type { Cell } from './cells.js';
import type { FilingSheet, Lang, SheetColumn } from './workbook.js';

const DAY_MS = 86_400_000;
/**
 * Assets whose history is read at once: each explanation prepares the whole chunk's history,
 * so larger chunks mean fewer reads but slower explanations (50 balanced them on the demo).
 */
const CHUNK = 50;
/** Chunks read at once. */
const CONCURRENCY = 3;

/** A row of the document: its asset and the rules it broke. */
export interface DetailSubject {
  assetId: string;
  assetName: string | null;
  rules: readonly string[];
}

export interface OutageDetail {
  /** the 序号 of the document's row, from 1 */
  row: number;
  assetId: string;
  assetName: string | null;
  eventId: string;
  start: number;
  end: number | null;
  cause: Cause;
  /** the feeder it was recorded on, when it reached an area from there */
  viaFeeder: string | null;
  /** the rules that count it, in the row's order */
  rules: string[];
}

/** The equipment code (PMS) of each asset that has one, as the register stood at `asOf`. */
export async function readAssetCodes(
  store: Store,
  assetIds: readonly string[],
  asOf: number,
): Promise<Map<string, string>> {
  const codes = new Map<string, string>();
  const assets = await readAssetsAsOfById(store, asOf, slices([...new Set(assetIds)], 500));
  for (const a of assets.values()) if (a.code) codes.set(a.assetId, a.code);
  return codes;
}

/**
 * The counted outages behind each subject, subject by subject (in the given order), each by its
 * start: those of the 365 local days ending on the day of `asOf` that a rule of the subject
 * counts. Rules the set does not count by (or no longer has) give none.
 */
export async function readCountedOutages(
  store: Store,
  q: { ruleSet: CompiledRuleSet; subjects: readonly DetailSubject[]; asOf: number; zone: string },
): Promise<OutageDetail[]> {
  const today = localDay(q.asOf, q.zone);
  const firstDate = dayToDate(today - 364);
  const lastDate = dayToDate(today);
  const countRules = new Set(q.ruleSet.countRules.map((r) => r.id));
  const chunks: { from: number; subjects: readonly DetailSubject[] }[] = [];
  for (let i = 0; i < q.subjects.length; i += CHUNK)
    chunks.push({ from: i, subjects: q.subjects.slice(i, i + CHUNK) });
  // A chunk's reads wait on QuestDB while another's explanations run here.
  const perChunk = await mapLimit(chunks, CONCURRENCY, async ({ from, subjects }) => {
    const out: OutageDetail[] = [];
    const assetIds = [
      ...new Set(subjects.filter((s) => s.rules.some((r) => countRules.has(r))).map((s) => s.assetId)),
    ];
    if (assetIds.length === 0) return out;
    // two years back, as the explanation reads: windows ending in the year, ongoing outages
    const history = await readAssetsHistory(store, { assetIds, from: q.asOf - 2 * 366 * DAY_MS, to: q.asOf });
    const input = { ...history, asOf: q.asOf, zone: q.zone, ruleSet: q.ruleSet };
    subjects.forEach((s, k) => {
      const byEvent = new Map<string, OutageDetail>();
      for (const rule of s.rules.filter((r) => countRules.has(r))) {
        const explained = explain(input, s.assetId, rule);
        if (!explained.ok) continue;
        for (const o of explained.value.outages) {
          if (!o.counted || o.date < firstDate || o.date > lastDate) continue;
          const seen = byEvent.get(o.eventId);
          if (seen) {
            seen.rules.push(rule);
            continue;
          }
          byEvent.set(o.eventId, {
            row: from + k + 1,
            assetId: s.assetId,
            assetName: s.assetName,
            eventId: o.eventId,
            start: o.start,
            end: o.end,
            cause: o.cause,
            viaFeeder: o.viaFeeder ?? null,
            rules: [rule],
          });
        }
      }
      out.push(
        ...[...byEvent.values()].sort((a, b) => a.start - b.start || (a.eventId < b.eventId ? -1 : 1)),
      );
    });
    return out;
  });
  return perChunk.flat();
}

const col = (
  zh: string,
  en: string,
  type?: SheetColumn['type'],
): { label: Label; type?: SheetColumn['type'] } =>
  type ? { label: { zh, en }, type } : { label: { zh, en } };

/** The header of the equipment-code column put beside the asset id. */
export const ASSET_CODE_LABEL: Label = { zh: '设备编码（PMS）', en: 'Equipment code (PMS)' };

const DETAIL_COLUMNS = [
  col('清单序号', 'List row', 'integer'),
  col(ASSET_CODE_LABEL.zh, ASSET_CODE_LABEL.en),
  col('设备编号', 'Asset id'),
  col('线路/台区名称', 'Name'),
  col('停电编号', 'Outage id'),
  col('停电开始时间', 'Start', 'datetime'),
  col('停电结束时间', 'End', 'datetime'),
  col('停电时长（小时）', 'Duration (hours)', 'number'),
  col('停电原因', 'Cause'),
  col('经由线路', 'Via feeder'),
  col('计入规则', 'Counted under'),
];

export const DETAIL_SHEET_NAME: Label = { zh: '停电明细', en: 'Outage details' };
const ONGOING: Label = { zh: '未结束', en: 'ongoing' };
const NONE: Label = { zh: '本期各行没有计入的停电。', en: 'No counted outages behind the rows.' };
const SEP: Record<Lang, string> = { zh: '；', en: '; ' };

/** Hours from start to end, to the hundredth; null while ongoing. */
export const durationHours = (start: number, end: number | null): number | null =>
  end === null ? null : Math.round((end - start) / 36_000) / 100;

/** The detail sheet of a document, in a language. */
export function outageDetailSheet(
  details: readonly OutageDetail[],
  q: {
    lang: Lang;
    title: string;
    zone: string;
    codes: ReadonlyMap<string, string>;
    ruleTitles: Readonly<Record<string, Label>>;
  },
): FilingSheet {
  const { lang } = q;
  const named = (id: string | null): Cell => (id === null ? null : (q.codes.get(id) ?? id));
  return {
    name: DETAIL_SHEET_NAME[lang],
    title: q.title,
    columns: DETAIL_COLUMNS.map((c) => ({ header: c.label[lang], type: c.type })),
    rows: details.map((d) => [
      d.row,
      q.codes.get(d.assetId) ?? null,
      d.assetId,
      d.assetName,
      d.eventId,
      formatInZone(d.start, q.zone),
      d.end === null ? ONGOING[lang] : formatInZone(d.end, q.zone),
      durationHours(d.start, d.end),
      CAUSE_LABELS[d.cause]?.[lang] ?? d.cause,
      named(d.viaFeeder),
      d.rules.map((r) => q.ruleTitles[r]?.[lang] ?? r).join(SEP[lang]),
    ]),
    empty: NONE[lang],
  };
}
