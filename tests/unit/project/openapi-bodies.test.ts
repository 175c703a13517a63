// The request bodies the API description copies (dashboard/api/openapi/bodies.ts, until the
// routes export their own schemas) against the routes that check them: each copy accepts what
// its route accepts and refuses what it refuses. The app runs over a QuestDB that is not there
// (offline-app.ts): a body that passes its check then fails on the database (503), or on the
// token (401 for signing in), never with the route's refusal.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { BODIES } from '../../../dashboard/api/openapi/index.js';
import { ADMIN, type OfflineApp, startOfflineApp } from './offline-app.js';

let offline: OfflineApp;
beforeAll(async () => {
  offline = await startOfflineApp();
});
afterAll(() => offline?.close());

/** A copy in bodies.ts, the route that checks that body, and how the route says "refused". */
const COPIES: {
  name: keyof typeof BODIES;
  path: string;
  refused: (status: number, error: string) => boolean;
  valid: object[];
  invalid: object[];
}[] = [
  {
    name: 'PlannedOutageCheck',
    path: '/api/v1/planned-outages/check',
    refused: (status) => status === 400,
    valid: [
      { assetId: 'F1', start: '2025-06-03 08:00', durationMinutes: 60 },
      {
        assetId: 'F1',
        start: '2025-06-03T08:00:00+08:00',
        durationMinutes: 10_080,
        affectedAreas: ['A1', 'A2'],
        customersAffected: 0,
        cause: 'planned_construction',
        ruleSets: ['national-2025'],
      },
    ],
    invalid: [
      {},
      { assetId: 'F1', start: '2025-06-03', durationMinutes: 10_081 },
      { assetId: 'F1', start: '2025-06-03', durationMinutes: 1.5 },
      { assetId: '', start: '2025-06-03', durationMinutes: 60 },
      { assetId: 'F1', start: '2025-06-03', durationMinutes: 60, cause: 'storm' },
      { assetId: 'F1', start: '2025-06-03', durationMinutes: 60, ruleSets: [] },
      { assetId: 'F1', start: '2025-06-03', durationMinutes: 60, customersAffected: -1 },
      { assetId: 'F1', start: '2025-06-03', durationMinutes: 60, note: 'x' },
    ],
  },
  {
    name: 'CaseTransition',
    path: '/api/v1/cases/C-1/transitions',
    refused: (status) => status === 422,
    valid: [
      { action: 'comment', note: 'called the county' },
      {
        action: 'approve_plan',
        measures: ['tree_clearing'],
        plannedEnd: '2025-07-01',
        responsibleUnit: null,
      },
      { action: 'reopen', reason: 'again', expectedSeq: 3, actor: 'Li' },
      {
        action: 'close',
        verification: {
          methods: ['user_visit'],
          result: 'no outage since',
          passed: true,
          verifiedBy: 'Wang',
          verifiedOn: '2025-07-01',
        },
      },
    ],
    invalid: [
      { action: 'comment' },
      { action: 'fly' },
      { action: 'start_work', actualStart: '2025-7-1' },
      { action: 'update', measures: [] },
      { action: 'complete_work', extra: 1 },
      { action: 'comment', note: 'x', expectedSeq: 0 },
      { action: 'approve_plan', responsiblePerson: 'x'.repeat(101) },
    ],
  },
  {
    name: 'WhatItBuys',
    path: '/api/v1/priorities/what-it-buys',
    refused: (status, error) => status === 400 && error === 'invalid body',
    valid: [{ assetIds: ['F1'] }, { assetIds: ['F1', 'A1'], ruleSet: 'national-2025', asOf: '2025-06-03' }],
    invalid: [
      {},
      { assetIds: [] },
      { assetIds: ['  '] },
      { assetIds: ['F1'], top: 3 },
      { assetIds: ['F1'], asOf: '' },
    ],
  },
  {
    name: 'Subscription',
    path: '/api/v1/subscriptions',
    refused: (status, error) => status === 400 && error === 'invalid subscription',
    valid: [
      {
        name: 'gateway',
        channel: { type: 'webhook', url: 'https://127.0.0.1/hook' },
        follow: { areas: ['A1'] },
      },
      {
        name: 'ops',
        channel: { type: 'webhook', url: 'https://127.0.0.1/ops' },
        follow: { counties: ['五华区'], flags: { statuses: ['breach'] } },
        events: ['flag.breach', 'outage.began'],
      },
    ],
    invalid: [
      { channel: { type: 'webhook', url: 'https://127.0.0.1/hook' }, follow: { areas: ['A1'] } },
      { name: 'x', channel: { type: 'sms', to: '95598' }, follow: { areas: ['A1'] } },
      { name: 'x', channel: { type: 'webhook', url: 'https://127.0.0.1/h' }, follow: { towns: ['A1'] } },
      {
        name: 'x',
        channel: { type: 'webhook', url: 'https://127.0.0.1/h' },
        follow: { areas: ['A1'] },
        events: [],
      },
      { name: 'x', channel: { type: 'email', to: ['not an address'] }, follow: { areas: ['A1'] } },
      {
        name: 'x',
        channel: { type: 'webhook', url: 'https://127.0.0.1/h' },
        follow: { flags: { statuses: [] } },
      },
    ],
  },
  {
    name: 'SignIn',
    path: '/api/v1/session',
    refused: (status) => status === 400,
    valid: [{ token: 'not-a-token-anyone-has' }],
    invalid: [{}, { token: '' }, { token: 'x'.repeat(513) }, { token: 'x', remember: true }],
  },
];

describe.each(COPIES)('the body copy $name', ({ name, path, refused, valid, invalid }) => {
  const schema = BODIES[name] as z.ZodType;
  const send = async (body: object) => {
    const res = await fetch(`${offline.base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return refused(res.status, ((await res.json()) as { error?: string }).error ?? '');
  };

  it(`accepts what ${path} accepts`, async () => {
    for (const body of valid) {
      expect(schema.safeParse(body).success, JSON.stringify(body)).toBe(true);
      expect(await send(body), JSON.stringify(body)).toBe(false);
    }
  });

  it(`refuses what ${path} refuses`, async () => {
    for (const body of invalid) {
      expect(schema.safeParse(body).success, JSON.stringify(body)).toBe(false);
      expect(await send(body), JSON.stringify(body)).toBe(true);
    }
  });
});
