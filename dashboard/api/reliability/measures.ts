// GET /reliability: SAIFI, SAIDI (hours), CAIDI, ASAI, MAIFI, CEMI and CELID per group of a
// period, optionally without the IEEE 1366 major event days.

import type { Request, Response } from 'express';
import {
  checkSqlOptions,
  queryReliability,
  type SqlReliabilityOptions,
} from '../../../analytics/reliability-sql/index.js';
import {
  DEFAULT_CELID_HOURS,
  DEFAULT_CEMI_N,
  type GroupDimension,
  type ReliabilityReport,
  type ReliabilityRow,
} from '../../../analytics/reliability/index.js';
import { dayToDate, localDay } from '../../../core/index.js';
import { QueryProblems, reliabilityQuery } from '../query/index.js';
import { type Row, sendRows } from '../respond.js';
import { commonOptions, flatKeys, ONGOING_NOTE, orBadRequest, type Reliability } from './context.js';
import { dailyWithThresholds, describeThreshold } from './daily.js';

const MEASURES = [
  'customers',
  'events',
  'saifi',
  'saidi',
  'caidi',
  'asai',
  'maifi',
  'customerInterruptions',
  'customerMinutes',
  'shortEvents',
  'shortInterruptions',
  'customersInterrupted',
  'includesOngoing',
] as const;

function flatRow(r: ReliabilityRow, dims: readonly GroupDimension[]): Row {
  const row: Row = { ...flatKeys(r.keys, dims) };
  for (const m of MEASURES) row[m] = r[m];
  for (const c of r.cemi) row[`cemi${c.n}`] = c.value;
  for (const c of r.celid) {
    row[`celidSingle${c.hours}h`] = c.single;
    row[`celidCumulative${c.hours}h`] = c.cumulative;
  }
  return row;
}

/** Keys, measures, then CEMI_n and CELID at the default n and hours (the endpoint's own). */
function columnsOf(report: ReliabilityReport): string[] {
  return [
    ...report.groupBy,
    ...MEASURES,
    ...DEFAULT_CEMI_N.map((n) => `cemi${n}`),
    ...DEFAULT_CELID_HOURS.flatMap((h) => [`celidSingle${h}h`, `celidCumulative${h}h`]),
  ];
}

/** What the answer says beside the rows: how the figures were taken. */
function envelope(c: Reliability, report: ReliabilityReport, med: Row | null): Row {
  return {
    period: { from: c.iso(report.from), to: c.iso(report.to) },
    asOf: c.iso(report.asOf),
    zone: report.zone,
    groupBy: report.groupBy,
    variant: report.variant,
    convention: report.convention,
    denominator: {
      rule: report.denominator,
      window: { from: c.iso(report.from), to: c.iso(report.from + report.periodHours * 3_600_000) },
    },
    splitAtEdges: report.splitAtEdges,
    shortOutageMinutes: report.shortOutageMinutes,
    periodHours: report.periodHours,
    units: { saidi: 'hours', caidi: 'hours', customerMinutes: 'minutes' },
    includesOngoing: report.includesOngoing,
    ...(report.includesOngoing ? { ongoing: ONGOING_NOTE } : {}),
    majorEventDays: med,
    dropped: report.dropped,
    issues: report.issues,
  };
}

export async function showReliability(c: Reliability, req: Request, res: Response): Promise<void> {
  const p = new QueryProblems(reliabilityQuery(c.zone), req.query);
  const from = p.read('from');
  const to = p.read('to');
  const shortOutageMinutes = p.read('shortOutageMinutes');
  const base = commonOptions(p, c.now());
  const options: SqlReliabilityOptions = {
    ...base,
    from,
    to,
    zone: c.zone,
    groupBy: p.read('groupBy'),
    splitAtEdges: p.read('split'),
    ...(shortOutageMinutes !== undefined ? { shortOutageMinutes } : {}),
  };
  const excludeMed = p.read('excludeMajorEventDays');
  p.done();
  orBadRequest(checkSqlOptions(options));

  let med: Row | null = null;
  if (excludeMed) {
    // IEEE 1366: major event days are found on the whole system's daily SAIDI (all outages).
    const fromDay = localDay(from, c.zone);
    const toDay = localDay(to - 1, c.zone) + 1;
    const d = await dailyWithThresholds(c, { ...base, variant: 'all' }, fromDay, toDay);
    options.majorEventDays = d.major;
    med = {
      variant: 'all',
      thresholds: d.thresholds.map(describeThreshold),
      days: [...d.major].sort((a, b) => a - b).map(dayToDate),
    };
  }
  const report = orBadRequest(await queryReliability(c.store, options));
  const rows = report.rows.map((r) => flatRow(r, report.groupBy));
  sendRows(req, res, rows, columnsOf(report), envelope(c, report, med));
}
