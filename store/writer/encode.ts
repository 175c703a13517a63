// Turns validated records into ILP rows. Each function writes into a SenderBuffer and never
// sends: sending (and keeping the bytes until it succeeded) is the writer's job.

import type { SenderBuffer } from '@questdb/nodejs-client';
import type { Asset, OutageEvent, Warning } from '../../core/index.js';
import type { ReachRow } from '../reach/derive.js';
import { symbolSegment, writeSymbolSegment } from './fast-escape.js';

type Buf = SenderBuffer;

function optSymbol(b: Buf, name: string, v: string | undefined): void {
  if (v !== undefined && v !== '') b.symbol(name, v);
}

/** One asset version, marked with the writer that stored it (the others' attribution keepers read it). */
export function encodeAsset(b: Buf, a: Asset, receivedAt: number, writer?: string): void {
  b.table('assets').symbol('asset_id', a.assetId).symbol('kind', a.kind);
  optSymbol(b, 'writer', writer);
  optSymbol(b, 'feeder_id', a.feederId);
  optSymbol(b, 'substation', a.substation);
  optSymbol(b, 'province', a.province);
  optSymbol(b, 'city', a.city);
  optSymbol(b, 'county', a.county);
  optSymbol(b, 'park', a.park);
  b.symbol('area_class', a.areaClass);
  // Symbols above, columns below: the line protocol takes them in that order.
  if (a.name !== undefined) b.stringColumn('name', a.name);
  if (a.code !== undefined) b.stringColumn('code', a.code);
  b.intColumn('customers', a.customers);
  if (a.transformers !== undefined) b.intColumn('transformers', a.transformers);
  if (a.enterpriseCustomers !== undefined) b.intColumn('enterprise_customers', a.enterpriseCustomers);
  if (a.places !== undefined) b.stringColumn('places', JSON.stringify(a.places));
  if (a.importantUser) b.booleanColumn('important_user', true);
  if (a.lat !== undefined) b.floatColumn('lat', a.lat);
  if (a.lon !== undefined) b.floatColumn('lon', a.lon);
  b.timestampColumn('received_at', receivedAt, 'ms');
  b.at(a.validFrom, 'ms');
}

function outageColumns(b: Buf, e: OutageEvent, receivedAt: number): void {
  if (e.end !== null) b.timestampColumn('end_at', e.end, 'ms');
  b.intColumn('customers_affected', e.customersAffected);
  if (e.affectedAreas !== undefined) b.stringColumn('affected_areas', JSON.stringify(e.affectedAreas));
  if (e.restorations.length > 0) b.stringColumn('restorations', JSON.stringify(e.restorations));
  b.booleanColumn('planned', e.planned);
  if (e.forceMajeure) b.booleanColumn('force_majeure', true);
  if (e.cancelled) b.booleanColumn('cancelled', true);
  if (e.estimatedRestoration !== undefined)
    b.timestampColumn('estimated_restoration', e.estimatedRestoration, 'ms');
  if (e.notes !== undefined) b.stringColumn('notes', e.notes);
  b.timestampColumn('received_at', receivedAt, 'ms');
}

/**
 * One row of the append-only history (every version as received), marked with the writer that
 * stored it so that each writer can ask for the others' rows only.
 */
export function encodeOutageHistory(b: Buf, e: OutageEvent, receivedAt: number, writer?: string): void {
  b.table('outage_history').symbol('asset_id', e.assetId).symbol('cause', e.cause);
  optSymbol(b, 'warning_id', e.warningId);
  optSymbol(b, 'writer', writer);
  b.stringColumn('event_id', e.eventId).timestampColumn('start', e.start, 'ms');
  outageColumns(b, e, receivedAt);
  b.at(receivedAt, 'ms');
}

/** The current version, keyed by (start, event_id). */
export function encodeOutageCurrent(b: Buf, e: OutageEvent, receivedAt: number): void {
  b.table('outages').symbol('event_id', e.eventId).symbol('asset_id', e.assetId).symbol('cause', e.cause);
  optSymbol(b, 'warning_id', e.warningId);
  outageColumns(b, e, receivedAt);
  b.booleanColumn('deleted', false);
  b.at(e.start, 'ms');
}

/** Replaces the row of an event at a start it no longer has. */
export function encodeOutageTombstone(
  b: Buf,
  eventId: string,
  assetId: string,
  oldStart: number,
  receivedAt: number,
): void {
  b.table('outages')
    .symbol('event_id', eventId)
    .symbol('asset_id', assetId)
    .symbol('cause', 'unknown')
    .intColumn('customers_affected', 0)
    .booleanColumn('planned', false)
    .timestampColumn('received_at', receivedAt, 'ms')
    .booleanColumn('deleted', true);
  b.at(oldStart, 'ms');
}

/** One area named by a feeder event (deleted: the link no longer holds after a correction). */
export function encodeOutageArea(
  b: Buf,
  eventId: string,
  areaId: string,
  start: number,
  deleted: boolean,
  receivedAt: number,
): void {
  b.table('outage_areas').symbol('event_id', eventId).symbol('area_id', areaId);
  b.booleanColumn('deleted', deleted).timestampColumn('received_at', receivedAt, 'ms');
  b.at(start, 'ms');
}

/** Placement symbols of reach rows, escaped once per placement (an asset's, mostly). */
const placements = new Map<string, string>();

function placementSymbols(r: ReachRow): Record<string, string | undefined> {
  return {
    kind: r.kind,
    feeder_id: r.feederId,
    province: r.province,
    city: r.city,
    county: r.county,
    park: r.park,
    area_class: r.areaClass,
  };
}

function placementSegment(r: ReachRow): string {
  const key = `${r.kind}\u0001${r.feederId}\u0001${r.province}\u0001${r.city}\u0001${r.county}\u0001${r.park}\u0001${r.areaClass}`;
  let segment = placements.get(key);
  if (segment === undefined) {
    if (placements.size >= 100_000) placements.clear();
    segment = symbolSegment(placementSymbols(r));
    placements.set(key, segment);
  }
  return segment;
}

/** One asset an outage reaches, with what it stood as at the outage's start. */
export function encodeReach(b: Buf, r: ReachRow): void {
  b.table('outage_reach')
    .symbol('asset_id', r.assetId)
    .symbol('event_id', r.eventId)
    .symbol('source_id', r.sourceId);
  writeSymbolSegment(b, placementSegment(r), () => {
    for (const [name, value] of Object.entries(placementSymbols(r))) optSymbol(b, name, value);
  });
  b.symbol('cause', r.cause);
  optSymbol(b, 'warning_id', r.warningId);
  optSymbol(b, 'warned_by', r.warnedBy);
  b.booleanColumn('planned', r.planned).intColumn('customers_affected', r.customersAffected);
  if (r.forceMajeure) b.booleanColumn('force_majeure', true);
  if (r.end !== null) b.timestampColumn('end_at', r.end, 'ms');
  b.timestampColumn('received_at', r.receivedAt, 'ms').booleanColumn('deleted', false);
  b.at(r.start, 'ms');
}

/** Replaces the row of an asset an outage no longer reaches (at that start). */
export function encodeReachTombstone(
  b: Buf,
  r: Pick<ReachRow, 'assetId' | 'eventId' | 'sourceId' | 'start'>,
  receivedAt: number,
): void {
  b.table('outage_reach')
    .symbol('asset_id', r.assetId)
    .symbol('event_id', r.eventId)
    .symbol('source_id', r.sourceId);
  b.symbol('cause', 'unknown').booleanColumn('planned', false).intColumn('customers_affected', 0);
  b.timestampColumn('received_at', receivedAt, 'ms').booleanColumn('deleted', true);
  b.at(r.start, 'ms');
}

export function encodeWarning(b: Buf, w: Warning, receivedAt: number): void {
  b.table('warnings')
    .symbol('warning_id', w.warningId)
    .symbol('issuer_level', w.issuerLevel)
    .symbol('hazard', w.hazard);
  optSymbol(b, 'level', w.level);
  optSymbol(b, 'province', w.province);
  optSymbol(b, 'city', w.city);
  optSymbol(b, 'county', w.county);
  b.timestampColumn('start', w.start, 'ms').timestampColumn('end_at', w.end, 'ms');
  b.at(receivedAt, 'ms');
}

export interface RejectRow {
  kind: string;
  source: string;
  batchId: string;
  line: number;
  recordId?: string;
  errors: string;
  record: string;
}

/** Longest record and error list kept of one reject, in characters. */
const REJECT_TEXT_MAX = 65_536;

export function encodeReject(b: Buf, r: RejectRow, receivedAt: number): void {
  b.table('rejects').symbol('kind', r.kind).symbol('source', r.source);
  b.stringColumn('batch_id', r.batchId).intColumn('line', r.line);
  if (r.recordId !== undefined) b.stringColumn('record_id', r.recordId);
  b.stringColumn('errors', capIssues(r.errors)).stringColumn('record', r.record.slice(0, REJECT_TEXT_MAX));
  b.at(receivedAt, 'ms');
}

/**
 * The errors (a JSON array of issues) cut to the first issues that fit, still valid JSON, with a
 * last issue counting the rest: a record of 50,000 unknown fields has 50,000 issues.
 */
function capIssues(errors: string): string {
  if (errors.length <= REJECT_TEXT_MAX) return errors;
  const issues = JSON.parse(errors) as unknown[];
  const kept: unknown[] = [];
  let size = 0;
  for (const issue of issues) {
    size += JSON.stringify(issue).length + 1;
    if (size > REJECT_TEXT_MAX - 200) break;
    kept.push(issue);
  }
  kept.push({ path: '', message: `and ${issues.length - kept.length} more problems` });
  return JSON.stringify(kept);
}
