// Routes of the network and its outages: dashboard/api/outages.ts (with a storm's restoration
// curve and export), assets.ts, search.ts, dashboard-data.ts (daily counts, hotspots) and the
// live stream and identity of server/routes.ts.

import { MAX_QUERY_CHARS } from '../../../analytics/search/index.js';
import { AREA_CLASSES, ASSET_KINDS, CAUSES } from '../../../core/index.js';
import type { ApiRoute, QueryParam } from './route.js';
import { AS_OF, DOCUMENT, FORMAT, int, LANG, oneOf, ROWS, text, time } from './route.js';

/** dashboard-data.ts scopeOf: the asset and cause filters of the daily counts and hotspots. */
const FILTERS: readonly QueryParam[] = [
  text('assetId', 'one asset (an area’s outages include its feeder’s that reached it)'),
  oneOf('kind', 'feeders or transformer areas', ASSET_KINDS),
  oneOf('cause', 'one cause', CAUSES),
  text('city', 'assets of one city'),
  text('county', 'assets of one county'),
  oneOf('areaClass', 'assets of one area class', AREA_CLASSES),
  text('feederId', 'one feeder and its areas'),
];

/** outages.ts stormWindow: the window of the curve and the export. */
const STORM_FROM = time('from', 'start of the window; default: the current event’s');
const STORM_TO = time('to', 'end of the window, not later than now; default: now');
const STORM_REGION = text('region', 'outages in this province, city or county');

export const NETWORK_ROUTES: readonly ApiRoute[] = [
  {
    method: 'get',
    path: '/api/v1/outages/active',
    tag: 'outages',
    summary: 'Ongoing outages with customers still out',
    description:
      'Step restorations subtracted; duration so far and estimated restoration; `customersOut` in total.',
    roles: ['operator'],
    query: [AS_OF],
    ok: { status: 200, description: 'the ongoing outages', formats: ROWS, schema: 'Rows' },
    also: { 400: 'a parameter is invalid' },
  },
  {
    method: 'get',
    path: '/api/v1/outages/{eventId}/history',
    tag: 'outages',
    summary: 'Every version of an outage as received',
    roles: ['operator'],
    params: { eventId: 'the outage’s event id' },
    ok: { status: 200, description: 'the versions, oldest first', formats: ROWS, schema: 'Rows' },
  },
  {
    method: 'get',
    path: '/api/v1/outages/curve',
    tag: 'outages',
    summary: 'The restoration curve of a storm: customers out over time',
    description:
      'Exact at every change, with samples every `step` minutes, the peak and the share of the customers affected whose supply is back by `to`. Without `from`: the current event (from the start of the earliest outage still ongoing, or the last 24 hours), at most 31 days. Parameters not listed are refused.',
    roles: ['operator'],
    query: [
      STORM_FROM,
      STORM_TO,
      STORM_REGION,
      int(
        'step',
        'minutes between samples; default: the first of 5, 10, 15, 30 … 1440 giving at most 96',
        1,
        1440,
      ),
    ],
    ok: { status: 200, description: 'the curve’s points', formats: ROWS, schema: 'Rows' },
    also: {
      400: 'a parameter is unknown or invalid, the window is reversed or too long, or to is later than now',
    },
  },
  {
    method: 'get',
    path: '/api/v1/outages/export',
    tag: 'outages',
    summary: 'Every outage of a storm window, one row each',
    description: 'The window as for the restoration curve. Parameters not listed are refused.',
    roles: ['operator'],
    query: [STORM_FROM, STORM_TO, STORM_REGION, FORMAT, LANG],
    ok: { status: 200, description: 'the outages', formats: DOCUMENT, schema: 'Rows' },
    also: {
      400: 'a parameter is unknown or invalid, the window is reversed or too long, or to is later than now',
    },
  },
  {
    method: 'get',
    path: '/api/v1/planned-outages/repeated',
    tag: 'outages',
    summary: 'Planned outages repeated on one feeder or area (一停多用 candidates)',
    description:
      'Runs of planned outages each within `windowDays` of the one before, the longest runs first. The period defaults to the 365 days before `to` and is at most 3 years.',
    roles: ['operator'],
    query: [
      time('from', 'start of the period; default: 365 days before to'),
      time('to', 'end of the period; default: now'),
      int('windowDays', 'days between two outages of a run, both ends included', 1, 366, 60),
    ],
    ok: { status: 200, description: 'the runs', formats: ROWS, schema: 'Rows' },
    also: { 400: 'a parameter is invalid, from is not before to, or the period is over 3 years' },
  },
  {
    method: 'get',
    path: '/api/v1/outages/daily',
    tag: 'outages',
    summary: 'Outages per local day of the operating zone',
    description: 'Every day of the range, zeros included; at most 3,660 days.',
    roles: ['operator'],
    query: [
      time('from', 'first day; default: 364 days before to'),
      time('to', 'last day; default: today'),
      ...FILTERS,
    ],
    ok: { status: 200, description: 'one row per local day', formats: ROWS, schema: 'Rows' },
    also: { 400: 'a parameter is invalid, or the range is reversed or too long' },
  },
  {
    method: 'get',
    path: '/api/v1/hotspots',
    tag: 'outages',
    summary: 'Every asset with its outages in the trailing 365 and 60 local days',
    description:
      'All attributed outages, before rule exclusions. Without asOf: as of a shared computation at most a minute old (up to 15 while a newer one runs), whose time the answer’s asOf gives.',
    roles: ['operator'],
    query: [AS_OF, ...FILTERS],
    ok: { status: 200, description: 'one row per asset', formats: ROWS, schema: 'Rows' },
    also: { 400: 'a parameter is invalid' },
  },
  {
    method: 'get',
    path: '/api/v1/assets',
    tag: 'network',
    summary: 'Each asset as it stood at a time',
    roles: ['operator'],
    query: [AS_OF, oneOf('kind', 'feeders or transformer areas', ASSET_KINDS)],
    ok: { status: 200, description: 'the asset versions in force', formats: ROWS, schema: 'Rows' },
    also: { 400: 'a parameter is invalid' },
  },
  {
    method: 'get',
    path: '/api/v1/boundaries',
    tag: 'network',
    summary: 'Region boundaries (GeoJSON)',
    roles: ['operator'],
    ok: { status: 200, description: 'the boundaries file as supplied', formats: ['geojson'] },
    also: { 404: 'no boundaries file is supplied' },
  },
  {
    method: 'get',
    path: '/api/v1/search',
    tag: 'network',
    summary: 'The header search: assets and cases',
    description:
      'By id, name, equipment code, a place served or substation, and cases by number, case-insensitive; exact, then prefix, then substring matches.',
    roles: ['operator'],
    query: [text('q', 'the text searched for', MAX_QUERY_CHARS), int('limit', 'answers at most', 1, 100, 20)],
    ok: { status: 200, description: '`{q, rows}`, strongest first', formats: ['json'], schema: 'Rows' },
    also: { 400: 'a parameter is invalid' },
  },
  {
    method: 'get',
    path: '/api/v1/live',
    tag: 'network',
    summary: 'Server-sent events: `ingest` after every accepted batch',
    roles: ['operator'],
    ok: { status: 200, description: 'an event stream that stays open', formats: ['events'] },
    also: { 429: 'more than 16 open streams for the token, or 1,000 in all (Retry-After)' },
  },
  {
    method: 'get',
    path: '/api/v1/me',
    tag: 'network',
    summary: 'The token’s name and roles, the operating zone and the default rule set',
    roles: ['operator'],
    ok: { status: 200, description: '`{name, roles, zone, ruleSet}`', formats: ['json'] },
  },
];
