// A frozen document (the monthly ledger, a disclosure, an authority report) as asked: its rows
// in the negotiated format, or an XLSX or CSV file with `format`; headers and codes in words
// with `lang` (XLSX in Chinese unless it says). Frozen documents never change: a built file is
// kept by run, format, language and encoding, so that a crowd of anonymous downloads does not
// rebuild it each time.

import type { Request, Response } from 'express';
import type { Table } from '../../analytics/export/index.js';
import type { Lang } from '../../analytics/remediation/index.js';
import { documentQuery, parseQuery } from './query/index.js';
import {
  csvEncoding,
  csvType,
  encodeCsv,
  fileNames,
  type Row,
  sendFile,
  sendRows,
  toCsv,
  XLSX,
} from './respond.js';

/**
 * Results kept by key, the latest few: a document's built file, the outages behind a run.
 * Requests arriving while one is made wait for the same promise; a failed one is not kept.
 */
export class Kept<V> {
  private readonly kept = new Map<string, Promise<V>>();

  constructor(private readonly most: number) {}

  get(key: string, make: () => Promise<V>): Promise<V> {
    let found = this.kept.get(key);
    if (found === undefined) {
      found = make();
      this.kept.set(key, found);
      found.catch(() => this.kept.delete(key));
      if (this.kept.size > this.most) this.kept.delete(this.kept.keys().next().value as string);
    }
    return found;
  }
}

/** What every frozen run says of itself (the ledger's, a disclosure's, an authority report's). */
export interface FrozenRun {
  runId: string;
  ruleSet: string;
  period: string;
  filingDue: string | null;
  rows: number;
  frozenAt: number;
  trigger: string;
  asOf: number;
  casesAsOf: number;
  meta: { jurisdiction: Record<Lang, string> };
}

/** The columns of a list of frozen runs. */
export const RUN_COLUMNS = [
  'period',
  'ruleSet',
  'filingDue',
  'rows',
  'frozenAt',
  'trigger',
  'asOf',
  'casesAsOf',
];

/** A frozen run as a row of such a list, its instants in the operating zone. */
export const runRow = (iso: (ms: number) => string | null, r: FrozenRun) => ({
  period: r.period,
  ruleSet: r.ruleSet,
  filingDue: r.filingDue,
  rows: r.rows,
  frozenAt: iso(r.frozenAt),
  trigger: r.trigger,
  asOf: iso(r.asOf),
  casesAsOf: iso(r.casesAsOf),
});

export interface FrozenDocument {
  /** the first word of its file names: `<kind>-<ruleSet>-<period>[-<lang>].csv` */
  kind: string;
  run: FrozenRun;
  /** its title, the first part of its file names in words */
  name: Record<Lang, string>;
  /** its rows, read when first needed */
  rows: () => Promise<readonly Row[]>;
  /** the rows' fields, in column order */
  columns: readonly string[];
  /** the rows in a language */
  table: (rows: readonly Row[], lang: Lang) => Promise<Table>;
  /** the filed workbook in a language */
  workbook: (rows: readonly Row[], lang: Lang) => Promise<Buffer>;
  /** what the JSON answer says beside the rows */
  extra: Row;
}

/** Sends a frozen document as the request asks; `files` keeps the files built. */
export async function sendFrozen(
  req: Request,
  res: Response,
  files: Kept<Buffer>,
  doc: FrozenDocument,
): Promise<void> {
  const { format, lang: asked } = parseQuery(documentQuery, req.query);
  const lang = asked ?? (format === 'xlsx' ? 'zh' : undefined);
  const { run } = doc;
  const rows = await doc.rows();
  const inWords = (): Promise<Table> | Table =>
    lang ? doc.table(rows, lang) : { headers: [...doc.columns], rows: rows as Table['rows'] };
  const names = fileNames(
    `${doc.kind}-${run.ruleSet}-${run.period}${lang ? `-${lang}` : ''}`,
    lang && [doc.name[lang], run.meta.jurisdiction[lang], run.period],
  );
  if (format === 'xlsx' && lang) {
    const buffer = await files.get(`${run.runId}|${doc.kind}|xlsx|${lang}`, () => doc.workbook(rows, lang));
    sendFile(res, buffer, { type: XLSX, ...names('xlsx') });
    return;
  }
  if (format === 'csv') {
    const encoding = csvEncoding(req);
    const csv = await files.get(`${run.runId}|${doc.kind}|csv|${lang ?? ''}|${encoding}`, async () => {
      const table = await inWords();
      return encodeCsv(toCsv(table.rows, table.headers), encoding);
    });
    sendFile(res, csv, { type: csvType(encoding), ...names('csv') });
    return;
  }
  const table = await inWords();
  sendRows(req, res, table.rows, table.headers, doc.extra);
}
