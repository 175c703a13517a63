// Freezing the month-end ledger and the periodic disclosure. A period is frozen once: the run
// is looked up first (under an in-process queue per report and rule set), and the earliest
// run in the table is the frozen one whatever happens later (sql/reports.ts).
//
// A month's ledger takes the flags as of the month's last millisecond and the case log as of
// the cut-off: the freeze itself, at the latest the end of the first day of the next month.
// The nightly job opens the cases of the month's last breaches early on that day, before it
// freezes; a catch-up after downtime shows the cases as they stood on that day, not later.

import { randomUUID } from 'node:crypto';
import { localDay, mapLimit, slices, startOfLocalDay } from '../../core/index.js';
import { evaluateFlags } from '../flags/index.js';
import { readAssetsAsOfById } from '../outages/index.js';
import type { CompiledRuleSet } from '../rules/index.js';
import type { Store } from '../../store/index.js';
import {
  disclosurePeriodKind,
  formatPeriod,
  ledgerFilingDue,
  type Period,
  parsePeriod,
  periodBounds,
  periodContaining,
  periodsDue,
} from './calendar.js';
import { listCases } from './cases.js';
import {
  type AssetFacts,
  type DisclosureRow,
  disclosureRow,
  factsRule,
  type LedgerRow,
  ledgerRow,
  ledgerSubjects,
} from './ledger.js';
import {
  type EntryKeys,
  monthsOnLedger,
  type ReportKind,
  type ReportMeta,
  type ReportRun,
  type RunTrigger,
  readEntries,
  readRuns,
  writeRun,
} from './sql/reports.js';
import { assetFacts } from './sql/sources.js';
import { exclusive } from './sql/write.js';

/** How many ledger rows read their facts at once. */
const CONCURRENCY = 4;

function metaOf(ruleSet: CompiledRuleSet, sourcePeriod?: string): ReportMeta {
  const meta: ReportMeta = {
    ruleSetTitle: ruleSet.title,
    jurisdiction: ruleSet.jurisdiction,
    ruleTitles: Object.fromEntries(ruleSet.rules.map((r) => [r.id, r.title])),
  };
  if (sourcePeriod !== undefined) meta.sourcePeriod = sourcePeriod;
  return meta;
}

/** The cut-off of the case log for a period ending at `end`, frozen at `now`. */
export function casesCutOff(end: number, now: number, zone: string): number {
  return Math.min(now, startOfLocalDay(localDay(end, zone) + 1, zone));
}

/** The ledger rows of month `period` (not stored). */
export async function assembleLedger(
  store: Store,
  q: {
    ruleSet: CompiledRuleSet;
    period: Period;
    casesAsOf: number;
    zone: string;
    runs: readonly ReportRun[];
  },
): Promise<LedgerRow[]> {
  const bounds = periodBounds(q.period, q.zone);
  const asOf = bounds.end - 1;
  const flags = await evaluateFlags(store, { ruleSet: q.ruleSet, asOf, zone: q.zone });
  const cases = (await listCases(store, q.ruleSet.name, q.zone, q.casesAsOf)).map((f) => f.state);
  const subjects = ledgerSubjects(flags, cases, bounds.start);
  const ids = [...new Set(subjects.map((s) => s.assetId))];
  const assets = await readAssetsAsOfById(store, asOf, slices(ids, 500));
  const before = await monthsOnLedger(store, q.ruleSet.name, bounds.start, q.runs);
  const facts = await mapLimit(subjects, CONCURRENCY, async (s): Promise<AssetFacts | null> => {
    const ruleId = factsRule(s);
    if (!ruleId || !q.ruleSet.countRules.some((r) => r.id === ruleId)) return null;
    return assetFacts(store, {
      ruleSet: q.ruleSet,
      ruleId,
      assetId: s.assetId,
      asOf,
      end: bounds.end,
      zone: q.zone,
    });
  });
  const period = formatPeriod(q.period);
  return subjects.map((s, i) =>
    ledgerRow(s, {
      period,
      ruleSet: q.ruleSet.name,
      lastDate: bounds.lastDate,
      asset: assets.get(s.assetId),
      facts: facts[i] ?? null,
      monthsBefore: before.get(s.assetId) ?? 0,
    }),
  );
}

const keysOf = (r: LedgerRow | DisclosureRow): EntryKeys => ({
  assetId: r.assetId,
  family: r.family,
  kind: r.kind,
  province: r.province,
  city: r.city,
  county: r.county,
  status: r.status,
  ...('overdue' in r ? { overdue: r.overdue } : {}),
});

export interface FreezeOutcome {
  run: ReportRun;
  /** false: the period was frozen before, nothing was written */
  written: boolean;
}

export interface FreezeInput {
  ruleSet: CompiledRuleSet;
  period: Period;
  now: number;
  zone: string;
}

function runOf(
  report: ReportKind,
  q: FreezeInput,
  meta: ReportMeta,
  rows: number,
  filingDue: string | null,
): ReportRun {
  const bounds = periodBounds(q.period, q.zone);
  const casesAsOf = casesCutOff(bounds.end, q.now, q.zone);
  // on time: frozen by the end of the period's next day; else caught up after downtime
  const trigger: RunTrigger =
    q.now <= startOfLocalDay(localDay(bounds.end, q.zone) + 1, q.zone) ? 'schedule' : 'catch_up';
  return {
    report,
    ruleSet: q.ruleSet.name,
    period: formatPeriod(q.period),
    runId: randomUUID(),
    periodStart: bounds.start,
    periodEnd: bounds.end,
    asOf: bounds.end - 1,
    casesAsOf,
    rows,
    filingDue,
    trigger,
    frozenAt: q.now,
    meta,
  };
}

function assertEnded(q: FreezeInput): void {
  const { end } = periodBounds(q.period, q.zone);
  if (q.now < end) throw new RangeError(`${formatPeriod(q.period)} has not ended yet: it cannot be frozen`);
}

/**
 * Freezes the period's report with what `assemble` makes of it (given the report's runs so far),
 * in the rule set's queue for the report, unless a run of the period is there already.
 */
function freezeOnce(
  store: Store,
  report: ReportKind,
  q: FreezeInput,
  assemble: (runs: ReportRun[]) => Promise<{ run: ReportRun; rows: readonly (LedgerRow | DisclosureRow)[] }>,
): Promise<FreezeOutcome> {
  assertEnded(q);
  return exclusive(`${report}:${q.ruleSet.name}`, async () => {
    const runs = await readRuns(store, report, q.ruleSet.name);
    const key = formatPeriod(q.period);
    const frozen = runs.find((r) => r.period === key);
    if (frozen) return { run: frozen, written: false };
    const { run, rows } = await assemble(runs);
    await writeRun(
      store,
      run,
      rows.map((row) => ({ keys: keysOf(row), row })),
    );
    return { run, written: true };
  });
}

/** Freezes the ledger of a month unless it is frozen already. */
export function freezeLedger(store: Store, q: FreezeInput): Promise<FreezeOutcome> {
  return freezeOnce(store, 'ledger', q, async (runs) => {
    const casesAsOf = casesCutOff(periodBounds(q.period, q.zone).end, q.now, q.zone);
    const rows = await assembleLedger(store, {
      ruleSet: q.ruleSet,
      period: q.period,
      casesAsOf,
      zone: q.zone,
      runs,
    });
    const run = runOf(
      'ledger',
      q,
      metaOf(q.ruleSet),
      rows.length,
      ledgerFilingDue(q.period, q.ruleSet.reporting.ledgerDue),
    );
    return { run, rows };
  });
}

/**
 * Freezes the disclosure of a period (a quarter by default): the public rows of the frozen
 * ledger of its last month, or of that month's ledger assembled now when it was never frozen.
 */
export function freezeDisclosure(store: Store, q: FreezeInput): Promise<FreezeOutcome> {
  return freezeOnce(store, 'disclosure', q, async () => {
    const bounds = periodBounds(q.period, q.zone);
    const month = periodContaining('month', bounds.end - 1, q.zone);
    const ledgerRuns = await readRuns(store, 'ledger', q.ruleSet.name);
    const ledger = ledgerRuns.find((r) => r.period === formatPeriod(month));
    const source = ledger
      ? await readEntries<LedgerRow>(store, ledger)
      : await assembleLedger(store, {
          ruleSet: q.ruleSet,
          period: month,
          casesAsOf: casesCutOff(bounds.end, q.now, q.zone),
          zone: q.zone,
          runs: ledgerRuns,
        });
    const key = formatPeriod(q.period);
    const rows = source.map((r) => disclosureRow(r, key));
    const run = runOf('disclosure', q, metaOf(q.ruleSet, formatPeriod(month)), rows.length, null);
    return { run, rows };
  });
}

export interface DueOutcome {
  ledger: string[];
  disclosure: string[];
}

/**
 * Freezes every ledger month and disclosure period that has ended by `now` and is not frozen,
 * oldest first: after the latest frozen one, or only the latest ended one when none is.
 */
export async function freezeDue(
  store: Store,
  q: { ruleSet: CompiledRuleSet; now: number; zone: string; reports?: readonly ReportKind[] },
): Promise<DueOutcome> {
  const out: DueOutcome = { ledger: [], disclosure: [] };
  const reports = q.reports ?? ['ledger', 'disclosure'];
  for (const report of reports) {
    const kind = report === 'ledger' ? 'month' : disclosurePeriodKind(q.ruleSet.reporting.disclosure);
    const runs = await readRuns(store, report, q.ruleSet.name);
    const latest = runs.at(-1);
    const parsed = latest ? parsePeriod(latest.period, [kind]) : null;
    const last = parsed?.ok ? parsed.value : null;
    const due = periodsDue(kind, last, q.now, q.zone);
    for (const period of due) {
      const input = { ruleSet: q.ruleSet, period, now: q.now, zone: q.zone };
      const done =
        report === 'ledger' ? await freezeLedger(store, input) : await freezeDisclosure(store, input);
      if (done.written) out[report].push(done.run.period);
    }
  }
  return out;
}
