// Where the disclosure pages read from: the frozen runs and their rows (analytics/remediation),
// never the live cases or outages. The list of runs is read at most once per `runsTtlSeconds`;
// a run's rows never change once frozen, so they are kept by run id (the latest few runs).

import {
  CASE_STATUSES,
  type CaseStatus,
  type DisclosureRow,
  disclosurePeriodKind,
  formatPeriod,
  type PeriodKind,
  parsePeriod,
  periodBounds,
  type ReportRun,
  readEntries,
  readRuns,
} from '../../analytics/remediation/index.js';
import type { CompiledRuleSet } from '../../analytics/rules/index.js';
import { localDate } from '../../core/index.js';
import type { Store } from '../../store/index.js';

export interface Disclosure {
  run: ReportRun;
  /** the frozen rows, in their frozen order */
  rows: DisclosureRow[];
}

export type Lookup =
  | { ok: true; disclosure: Disclosure }
  | { ok: false; reason: 'invalid'; example: string }
  | { ok: false; reason: 'unpublished'; period: string; publishesOn: string };

export interface SourceOptions {
  store: Store;
  ruleSet: CompiledRuleSet;
  zone: string;
  /** how long the list of published periods is kept (default 60 s) */
  runsTtlSeconds?: number;
  now?: () => number;
}

const EXAMPLE: Record<PeriodKind, string> = { month: '2025-09', quarter: '2025-Q3', year: '2025' };
const KEEP_RUNS = 16;

export interface DisclosureSource {
  readonly kind: PeriodKind;
  /** published periods, oldest first */
  runs(): Promise<ReportRun[]>;
  find(period: string): Promise<Lookup>;
}

export function disclosureSource(o: SourceOptions): DisclosureSource {
  const ttl = (o.runsTtlSeconds ?? 60) * 1000;
  const now = o.now ?? Date.now;
  const kind = disclosurePeriodKind(o.ruleSet.reporting.disclosure);
  let listed: { at: number; runs: ReportRun[] } | undefined;
  let listing: Promise<ReportRun[]> | undefined;
  const rows = new Map<string, Promise<DisclosureRow[]>>();

  async function runs(): Promise<ReportRun[]> {
    if (listed && now() - listed.at < ttl) return listed.runs;
    // one read at a time, however many readers arrive together
    listing ??= readRuns(o.store, 'disclosure', o.ruleSet.name)
      .then((r) => {
        listed = { at: now(), runs: r };
        return r;
      })
      .finally(() => {
        listing = undefined;
      });
    return listing;
  }

  function rowsOf(run: ReportRun): Promise<DisclosureRow[]> {
    let p = rows.get(run.runId);
    if (!p) {
      p = readEntries<DisclosureRow>(o.store, run);
      p.catch(() => rows.delete(run.runId));
      rows.set(run.runId, p);
      if (rows.size > KEEP_RUNS) rows.delete(rows.keys().next().value as string);
    }
    return p;
  }

  return {
    kind,
    runs,
    async find(text) {
      const parsed = parsePeriod(text, [kind]);
      if (!parsed.ok) return { ok: false, reason: 'invalid', example: EXAMPLE[kind] };
      const key = formatPeriod(parsed.value);
      const run = (await runs()).find((r) => r.period === key);
      if (!run) {
        const publishesOn = localDate(periodBounds(parsed.value, o.zone).end, o.zone);
        return { ok: false, reason: 'unpublished', period: key, publishesOn };
      }
      return { ok: true, disclosure: { run, rows: await rowsOf(run) } };
    },
  };
}

// Pure summaries of the frozen rows ----------------------------------------------------------

export type Status = CaseStatus | 'no_case';
export const STATUS_ORDER: readonly Status[] = [...CASE_STATUSES, 'no_case'];

export interface Summary {
  /** distinct lines (feeders) and transformer areas on the list */
  lines: number;
  areas: number;
  /** distinct assets all of whose entries are closed */
  closed: number;
  entries: number;
  assets: number;
  /** entries by status and asset kind; every case status, `no_case` only when present */
  byStatus: { status: Status; feeder: number; area: number }[];
  /** entries by the group (city, or county within a city) and how many are closed */
  byGroup: { group: string; total: number; closed: number }[];
}

/** The rows of a region: a province, city or county named exactly; all rows without one. */
export function inRegion(rows: readonly DisclosureRow[], region: string | null): DisclosureRow[] {
  if (region === null) return [...rows];
  return rows.filter((r) => r.city === region || r.county === region || r.province === region);
}

/** Cities on the list, in the order they first appear. */
export function citiesOf(rows: readonly DisclosureRow[]): string[] {
  return [...new Set(rows.flatMap((r) => (r.city ? [r.city] : [])))];
}

export function summarize(rows: readonly DisclosureRow[], groupBy: 'city' | 'county', none: string): Summary {
  const kinds = new Map<string, string>();
  const open = new Set<string>();
  for (const r of rows) {
    kinds.set(r.assetId, r.kind);
    if (r.status !== 'closed') open.add(r.assetId);
  }
  const ids = [...kinds.keys()];
  const byStatus = STATUS_ORDER.map((status) => ({
    status,
    feeder: rows.filter((r) => r.status === status && r.kind === 'feeder').length,
    area: rows.filter((r) => r.status === status && r.kind === 'area').length,
  })).filter((s) => s.status !== 'no_case' || s.feeder + s.area > 0);
  const groups = new Map<string, { group: string; total: number; closed: number }>();
  for (const r of rows) {
    const group = r[groupBy] ?? none;
    const g = groups.get(group) ?? { group, total: 0, closed: 0 };
    g.total += 1;
    if (r.status === 'closed') g.closed += 1;
    groups.set(group, g);
  }
  return {
    lines: ids.filter((id) => kinds.get(id) === 'feeder').length,
    areas: ids.filter((id) => kinds.get(id) === 'area').length,
    closed: ids.filter((id) => !open.has(id)).length,
    entries: rows.length,
    assets: ids.length,
    byStatus,
    byGroup: [...groups.values()].sort((a, b) => b.total - a.total || (a.group < b.group ? -1 : 1)),
  };
}
