// Routes of dashboard/api/subscriptions.ts: notice subscriptions for webhooks and e-mail.

import type { ApiRoute } from './route.js';
import { int } from './route.js';

const ID = { id: 'the subscription id (sub-…)' };
const GONE = 'no subscription in force with that id';
const INVALID =
  'the body is invalid: each issue names the field (an http URL without OUTAGE_NOTICES_ALLOW_HTTP, e-mail without SMTP, a rule set not loaded, nothing followed)';

export const NOTICES_ROUTES: readonly ApiRoute[] = [
  {
    method: 'post',
    path: '/api/v1/subscriptions',
    tag: 'notices',
    summary: 'Subscribe a webhook or e-mail addresses to notices',
    description:
      'Answers the subscription with its signing `secret`, shown only here, and its address in Location.',
    roles: ['notices'],
    body: { json: 'Subscription' },
    ok: { status: 201, description: 'the subscription and its secret', formats: ['json'] },
    also: { 400: INVALID },
  },
  {
    method: 'get',
    path: '/api/v1/subscriptions',
    tag: 'notices',
    summary: 'The subscriptions in force (never a secret)',
    roles: ['notices'],
    ok: { status: 200, description: '`{count, rows}`', formats: ['json'], schema: 'Rows' },
  },
  {
    method: 'get',
    path: '/api/v1/subscriptions/{id}',
    tag: 'notices',
    summary: 'One subscription',
    roles: ['notices'],
    params: ID,
    ok: { status: 200, description: 'the subscription', formats: ['json'] },
    also: { 404: GONE },
  },
  {
    method: 'put',
    path: '/api/v1/subscriptions/{id}',
    tag: 'notices',
    summary: 'Replace a subscription’s name, channel, follow and events (same secret)',
    roles: ['notices'],
    params: ID,
    body: { json: 'Subscription' },
    ok: { status: 200, description: 'the subscription', formats: ['json'] },
    also: { 400: INVALID, 404: GONE },
  },
  {
    method: 'delete',
    path: '/api/v1/subscriptions/{id}',
    tag: 'notices',
    summary: 'End a subscription; its delivery log stays',
    roles: ['notices'],
    params: ID,
    ok: { status: 204, description: 'ended', formats: [] },
    also: { 404: GONE },
  },
  {
    method: 'post',
    path: '/api/v1/subscriptions/{id}/secret',
    tag: 'notices',
    summary: 'A new signing secret (the old one stops signing at once)',
    roles: ['notices'],
    params: ID,
    ok: { status: 200, description: 'the subscription and its new secret', formats: ['json'] },
    also: { 404: GONE },
  },
  {
    method: 'get',
    path: '/api/v1/subscriptions/{id}/deliveries',
    tag: 'notices',
    summary: 'The delivery log, newest first',
    roles: ['notices'],
    params: ID,
    query: [int('limit', 'attempts at most', 1, 10_000, 500)],
    ok: { status: 200, description: '`{count, rows}`', formats: ['json'], schema: 'Rows' },
    also: { 400: 'a parameter is invalid', 404: GONE },
  },
];
