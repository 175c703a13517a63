// Routes of the network and its outages: dashboard/api/outages.ts (with a storm's restoration
// curve and export), assets.ts, search.ts, dashboard-data.ts (daily counts, hotspots) and the
// live stream and identity of server/routes.ts.

import {
  asOfQuery,
  assetsQuery,
  curveQuery,
  DOC_CONTEXT,
  dailyQuery,
  hotspotsQuery,
  repeatedQuery,
  searchQuery,
  stormExportQuery,
} from '../query/index.js';
import { paramsOf } from './query.js';
import { type ApiRoute, frozen, json, routesOf, rows } from './route.js';

const outages = routesOf('outages');
const network = routesOf('network');
const { zone } = DOC_CONTEXT;
const INVALID = { 400: 'a parameter is invalid' };
const BAD_WINDOW = {
  400: 'a parameter is unknown or invalid, the window is reversed or too long, or to is later than now',
};

export const NETWORK_ROUTES: readonly ApiRoute[] = [
  outages('GET /api/v1/outages/active', 'Ongoing outages with customers still out', {
    description:
      'Step restorations subtracted; duration so far and estimated restoration; `customersOut` in total.',
    query: paramsOf(asOfQuery(zone)),
    ok: rows('the ongoing outages'),
    also: INVALID,
  }),
  outages('GET /api/v1/outages/{eventId}/history', 'Every version of an outage as received', {
    params: { eventId: 'the outage’s event id' },
    ok: rows('the versions, oldest first'),
  }),
  outages('GET /api/v1/outages/curve', 'The restoration curve of a storm: customers out over time', {
    description:
      'Exact at every change, with samples every `step` minutes, the peak and the share of the customers affected whose supply is back by `to`. Without `from`: the current event (from the start of the earliest outage still ongoing, or the last 24 hours), at most 31 days. Parameters not listed are refused.',
    query: paramsOf(curveQuery(zone)),
    ok: rows('the curve’s points'),
    also: BAD_WINDOW,
  }),
  outages('GET /api/v1/outages/export', 'Every outage of a storm window, one row each', {
    description: 'The window as for the restoration curve. Parameters not listed are refused.',
    query: paramsOf(stormExportQuery(zone)),
    ok: frozen('the outages'),
    also: BAD_WINDOW,
  }),
  outages(
    'GET /api/v1/planned-outages/repeated',
    'Planned outages repeated on one feeder or area (一停多用 candidates)',
    {
      description:
        'Runs of planned outages each within `windowDays` of the one before, the longest runs first. The period defaults to the 365 days before `to` and is at most 3 years.',
      query: paramsOf(repeatedQuery(zone)),
      ok: rows('the runs'),
      also: { 400: 'a parameter is invalid, from is not before to, or the period is over 3 years' },
    },
  ),
  outages('GET /api/v1/outages/daily', 'Outages per local day of the operating zone', {
    description: 'Every day of the range, zeros included; at most 3,660 days.',
    query: paramsOf(dailyQuery(zone)),
    ok: rows('one row per local day'),
    also: { 400: 'a parameter is invalid, or the range is reversed or too long' },
  }),
  outages('GET /api/v1/hotspots', 'Every asset with its outages in the trailing 365 and 60 local days', {
    description:
      'All attributed outages, before rule exclusions. Without asOf: as of a shared computation at most a minute old (up to 15 while a newer one runs), whose time the answer’s asOf gives.',
    query: paramsOf(hotspotsQuery(zone)),
    ok: rows('one row per asset'),
    also: INVALID,
  }),
  network('GET /api/v1/assets', 'Each asset as it stood at a time', {
    query: paramsOf(assetsQuery(zone)),
    ok: rows('the asset versions in force'),
    also: INVALID,
  }),
  network('GET /api/v1/boundaries', 'Region boundaries (GeoJSON)', {
    ok: { status: 200, description: 'the boundaries file as supplied', formats: ['geojson'] },
    also: { 404: 'no boundaries file is supplied' },
  }),
  network('GET /api/v1/search', 'The header search: assets and cases', {
    description:
      'By id, name, equipment code, a place served or substation, and cases by number, case-insensitive; exact, then prefix, then substring matches.',
    query: paramsOf(searchQuery),
    ok: { ...json('`{q, rows}`, strongest first'), schema: 'Rows' },
    also: INVALID,
  }),
  network('GET /api/v1/live', 'Server-sent events: `ingest` after every accepted batch', {
    ok: { status: 200, description: 'an event stream that stays open', formats: ['events'] },
    also: { 429: 'more than 16 open streams for the token, or 1,000 in all (Retry-After)' },
  }),
  network('GET /api/v1/me', 'The token’s name and roles, the operating zone and the default rule set', {
    ok: json('`{name, roles, zone, ruleSet}`'),
  }),
];
