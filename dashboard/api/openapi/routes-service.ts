// The dashboard's sign-in (dashboard/api/session.ts), the routes outside the API prefix
// (server/app.ts: health checks and metrics; the anonymous public pages of
// dashboard/public-pages) and this description itself.

import type { ApiRoute, Format } from './route.js';
import { json, oneOf, routesOf, text } from './route.js';

const session = routesOf('session', []);
const service = routesOf('service', []);
const pages = routesOf('public', []);

const PUBLIC_RULE_SET = text(
  'ruleSet',
  'the rule set whose disclosures are shown; default: the default rule set',
  100,
);
const LANG = oneOf('lang', 'the page in Chinese or English', ['zh', 'en'], 'zh');
const NO_DATABASE = 'the database cannot be read and no page was built before';
const SIGNED_IN = '`{name, roles, expiresAt, csrfToken}`';
/** an answer in one of the public pages' formats */
const page = (description: string, formats: readonly Format[] = ['html']): ApiRoute['ok'] => ({
  status: 200,
  description,
  formats,
});
/** the public pages' errors are pages too */
const html = (description: string) => ({ description, formats: ['html'] as const });

/** A live public page (HTML) and the same as JSON (`.json`), both built from the database. */
function livePage(
  path: `/public/${string}`,
  says: { page: string; description?: string; json: string; answer: string },
): ApiRoute[] {
  const { page: summary, description, json: jsonSummary, answer } = says;
  return [
    pages(`GET ${path}`, summary, {
      ...(description ? { description } : {}),
      query: [LANG],
      ok: page('the page'),
      also: { 503: NO_DATABASE },
    }),
    pages(`GET ${path}.json`, jsonSummary, { ok: json(answer), also: { 503: NO_DATABASE } }),
  ];
}

export const SERVICE_ROUTES: readonly ApiRoute[] = [
  session('POST /api/v1/session', 'Sign in: a token exchanged for a session cookie', {
    description:
      'Sets the HttpOnly cookie outage_session; a change made with it needs the answer’s csrfToken in the X-CSRF-Token header. Sign-ins are limited per address.',
    body: { json: 'SignIn' },
    ok: json(SIGNED_IN),
    also: { 400: 'the body is invalid', 401: 'a token not known' },
  }),
  session('GET /api/v1/session', 'Who the session cookie is, and its CSRF token again (for a new tab)', {
    ok: json(SIGNED_IN),
    also: { 401: 'not signed in, or the session expired' },
  }),
  session('DELETE /api/v1/session', 'Sign out: the cookie is cleared', {
    ok: { status: 204, description: 'signed out', formats: [] },
  }),
  service('GET /api/v1/openapi.json', 'This description of the API (OpenAPI 3.1)', {
    ok: json('the OpenAPI document'),
  }),
  service('GET /livez', 'The process is alive and serving (what an orchestrator restarts on)', {
    ok: json('`{status: "alive", uptimeSeconds}`'),
  }),
  service('GET /healthz', 'Whether QuestDB answers (what a load balancer routes on)', {
    ok: json('`{status: "ok"}`'),
    also: { 503: 'the database is unreachable' },
  }),
  service(
    'GET /readyz',
    'Database reachability and spool depth; the bundled QuestDB’s state; rule calendar gaps',
    {
      ok: json('`{database, spoolDepth, bundledQuestDB?, calendarGaps?}`'),
      also: { 503: 'the database is unreachable (same body)' },
    },
  ),
  service('GET /metrics', 'Prometheus metrics', {
    description: 'A scraper’s token (role metrics) or any reader’s.',
    roles: ['metrics', 'operator'],
    ok: page('the Prometheus text exposition format', ['metrics']),
  }),
  ...livePage('/public/outages', {
    page: 'Live outages: map, customers out by county, each outage in progress (HTML)',
    description: 'Built at most once a minute and sent with Cache-Control: public, max-age=60.',
    json: 'Live outages as JSON',
    answer: 'the outages, with `stale` when the database could not be read',
  }),
  ...livePage('/public/planned', {
    page: 'Planned outages announced ahead, by county (HTML)',
    json: 'Planned outages announced ahead as JSON',
    answer: 'the planned outages',
  }),
  pages(
    'GET /public/lookup',
    '"Is my area out, and when is it back": a transformer area by name, number or place (HTML)',
    {
      query: [text('q', 'an area’s name, number or equipment code, or a place it serves'), LANG],
      ok: page('the page, with up to 10 areas found'),
    },
  ),
  pages('GET /public/live.js', 'The live pages’ refresh every 60 s (optional script)', {
    ok: page('the script', ['javascript']),
  }),
  pages('GET /public/disclosures', 'The published disclosure periods (HTML)', {
    query: [PUBLIC_RULE_SET, LANG],
    ok: page('the page'),
    also: { 404: html('no such rule set publishes disclosures'), 503: NO_DATABASE },
  }),
  pages(
    'GET /public/disclosures/{file}',
    'A frozen disclosure: the page (50 entries a page), or its list as CSV or JSON',
    {
      params: { file: 'the period, e.g. 2025-Q3 (the page), 2025-Q3.csv or 2025-Q3.json' },
      query: [
        PUBLIC_RULE_SET,
        LANG,
        text('region', 'only this province, city or county', 100),
        text('county', 'the list: only this county', 100),
        text('q', 'the list: names containing this', 60),
        text('page', 'the list: page number (from 1)', 8),
      ],
      ok: page('the disclosure', ['html', 'csv', 'json']),
      also: {
        400: html('the period is malformed'),
        404: html('not published yet, no rule set of that name, or nothing in the region'),
        503: NO_DATABASE,
      },
    },
  ),
];
