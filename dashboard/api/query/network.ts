// The queries of the network and its outages: outages.ts (with a storm's restoration curve and
// export, and the kept rejects), assets.ts, search.ts and dashboard-data.ts.

import { z } from 'zod';
import { MAX_QUERY_CHARS } from '../../../analytics/search/index.js';
import { AREA_CLASSES, ASSET_KINDS, CAUSES } from '../../../core/index.js';
import { asOf, format, lang } from './common.js';
import { int, intOr, MUST_BE_ONE_OF, oneOf, text, time, timeOr } from './fields.js';

export const rejectsQuery = (zone: string) =>
  z.object({
    kind: text('assets, outages or warnings'),
    batchId: text('one batch (the batchId of an ingest answer)'),
    since: time(zone, 'rejected at or after').optional(),
    limit: int('rows at most', 1, 10_000, 1_000),
  });

export const asOfQuery = (zone: string) => z.object({ asOf: asOf(zone) });

/** outages.ts stormWindow: the window of the curve and the export. */
const stormWindow = (zone: string) => ({
  from: timeOr(zone, 'start of the window; default: the current event’s'),
  to: timeOr(zone, 'end of the window, not later than now; default: now'),
  region: text('outages in this province, city or county'),
});

export const curveQuery = (zone: string) =>
  z.object({
    ...stormWindow(zone),
    step: intOr(
      'minutes between samples; default: the first of 5, 10, 15, 30 … 1440 giving at most 96',
      1,
      1440,
    ),
  });

export const stormExportQuery = (zone: string) =>
  z.object({ ...stormWindow(zone), format: format(), lang: lang() });

export const repeatedQuery = (zone: string) =>
  z.object({
    from: timeOr(zone, 'start of the period; default: 365 days before to'),
    to: timeOr(zone, 'end of the period; default: now'),
    windowDays: int('days between two outages of a run, both ends included', 1, 366, 60),
  });

export const assetsQuery = (zone: string) =>
  z.object({
    asOf: asOf(zone),
    kind: oneOf(
      ASSET_KINDS,
      'feeders or transformer areas',
      (values, got) => `expected ${values.join(' or ')} (got "${got}")`,
    ),
  });

export const searchQuery = z.object({
  q: text('the text searched for', MAX_QUERY_CHARS),
  limit: int('answers at most', 1, 100, 20),
});

/** dashboard-data.ts: the asset and cause filters of the daily counts and hotspots. */
export const assetScopeQuery = z.object({
  kind: oneOf(ASSET_KINDS, 'feeders or transformer areas', MUST_BE_ONE_OF),
  cause: oneOf(CAUSES, 'one cause', MUST_BE_ONE_OF),
  city: text('assets of one city'),
  county: text('assets of one county'),
  areaClass: oneOf(AREA_CLASSES, 'assets of one area class', MUST_BE_ONE_OF),
  feederId: text('one feeder and its areas'),
  assetId: text('one asset (an area’s outages include its feeder’s that reached it)'),
});

export const dailyQuery = (zone: string) =>
  z.object({
    from: timeOr(zone, 'first day; default: 364 days before to'),
    to: timeOr(zone, 'last day; default: today'),
    ...assetScopeQuery.shape,
  });

export const hotspotsQuery = (zone: string) => z.object({ asOf: asOf(zone), ...assetScopeQuery.shape });

export const targetsQuery = z.object({ ruleSet: text('one rule set; default: every loaded one') });
