// Routes of dashboard/api/subscriptions.ts: notice subscriptions for webhooks and e-mail.

import { deliveriesQuery } from '../query/index.js';
import { paramsOf } from './query.js';
import { type ApiRoute, json, routesOf } from './route.js';

const route = routesOf('notices');
const roles = ['notices'] as const;
const params = { id: 'the subscription id (sub-…)' };
const GONE = { 404: 'no subscription in force with that id' };
const INVALID =
  'the body is invalid: each issue names the field (an http URL without OUTAGE_NOTICES_ALLOW_HTTP, e-mail without SMTP, a rule set not loaded, nothing followed)';
const body = { json: 'Subscription' } as const;
const LIST = '`{count, rows}`';

export const NOTICES_ROUTES: readonly ApiRoute[] = [
  route('POST /api/v1/subscriptions', 'Subscribe a webhook or e-mail addresses to notices', {
    description:
      'Answers the subscription with its signing `secret`, shown only here, and its address in Location.',
    roles,
    body,
    ok: json('the subscription and its secret', 201),
    also: { 400: INVALID },
  }),
  route('GET /api/v1/subscriptions', 'The subscriptions in force (never a secret)', {
    roles,
    ok: { ...json(LIST), schema: 'Rows' },
  }),
  route('GET /api/v1/subscriptions/{id}', 'One subscription', {
    roles,
    params,
    ok: json('the subscription'),
    also: GONE,
  }),
  route(
    'PUT /api/v1/subscriptions/{id}',
    'Replace a subscription’s name, channel, follow and events (same secret)',
    {
      roles,
      params,
      body,
      ok: json('the subscription'),
      also: { 400: INVALID, ...GONE },
    },
  ),
  route('DELETE /api/v1/subscriptions/{id}', 'End a subscription; its delivery log stays', {
    roles,
    params,
    ok: { status: 204, description: 'ended', formats: [] },
    also: GONE,
  }),
  route(
    'POST /api/v1/subscriptions/{id}/secret',
    'A new signing secret (the old one stops signing at once)',
    {
      roles,
      params,
      ok: json('the subscription and its new secret'),
      also: GONE,
    },
  ),
  route('GET /api/v1/subscriptions/{id}/deliveries', 'The delivery log, newest first', {
    roles,
    params,
    query: paramsOf(deliveriesQuery),
    ok: { ...json(LIST), schema: 'Rows' },
    also: { 400: 'a parameter is invalid', ...GONE },
  }),
];
