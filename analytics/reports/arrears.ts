// The advance report of arrears disconnections (Guizhou item 56: "影响同一住宅小区终端居民用户超过
// 50户的停电以及重要用户的停电，提前3天报告属地能源部门"; Yunnan annex 2 §2: the list of residential
// compounds disconnected for arrears, filed in advance). Every outage with cause `arrears`
// (announced as planned or not: the duty is the disconnection's) that interrupts more than
// `householdsMoreThan` households (its customers interrupted) or an important user's asset is
// listed with its deadline: the local date `daysBefore` calendar days before its start date.
// It is late when the record first reached the product after that date.

import type { ArrearsSubjectCode } from '../../core/vocabulary/index.js';
import type { Asset, OutageEvent } from '../../core/index.js';
import { assetRegions, dateToDay, dayToDate, formatInZone, localDate } from '../../core/index.js';
import type { FiledAsset } from '../remediation/index.js';
import type { ArrearsNotice } from '../rules/types.js';

export type ArrearsSubject = ArrearsSubjectCode;

export interface ArrearsRow extends FiledAsset {
  period: string;
  eventId: string;
  subject: ArrearsSubject;
  /** customers (households) interrupted */
  households: number;
  importantUser: boolean;
  planned: boolean;
  /** local ISO times */
  start: string;
  end: string | null;
  /** local date the advance report is due: daysBefore calendar days before the start date */
  reportDue: string;
  /** when the record first reached the product (local ISO time) */
  firstReceived: string | null;
  /** first received after the reportDue date (or never received: cannot be) */
  late: boolean;
}

/** The row of an arrears outage, or null when it needs no advance report. */
export function arrearsRow(
  q: {
    period: string;
    event: Pick<OutageEvent, 'eventId' | 'assetId' | 'start' | 'end' | 'customersAffected' | 'planned'>;
    asset: Asset | undefined;
    firstReceived: number | null;
    zone: string;
  },
  config: ArrearsNotice,
): ArrearsRow | null {
  const { event: e, asset: a } = q;
  const compound = e.customersAffected > config.householdsMoreThan;
  const important = config.importantUsers && a?.importantUser === true;
  if (!compound && !important) return null;
  const reportDue = dayToDate(dateToDay(localDate(e.start, q.zone)) - config.daysBefore);
  return {
    period: q.period,
    eventId: e.eventId,
    assetId: e.assetId,
    assetName: a?.name ?? null,
    kind: a?.kind ?? 'area',
    ...assetRegions(a),
    subject: compound && important ? 'compound_important_user' : compound ? 'compound' : 'important_user',
    households: e.customersAffected,
    importantUser: a?.importantUser === true,
    planned: e.planned,
    start: formatInZone(e.start, q.zone),
    end: e.end === null ? null : formatInZone(e.end, q.zone),
    reportDue,
    firstReceived: q.firstReceived === null ? null : formatInZone(q.firstReceived, q.zone),
    late: q.firstReceived === null || localDate(q.firstReceived, q.zone) > reportDue,
  };
}

/** The asset version in force at `at`: the latest with validFrom ≤ at, else the first. */
export function versionAt(versions: readonly Asset[], at: number): Asset | undefined {
  let found: Asset | undefined;
  for (const v of versions) if (v.validFrom <= at && (!found || v.validFrom >= found.validFrom)) found = v;
  return found ?? [...versions].sort((a, b) => a.validFrom - b.validFrom)[0];
}
