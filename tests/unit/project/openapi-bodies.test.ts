// The request bodies in the API description (dashboard/api/openapi/bodies.ts) against the zod
// schemas their routes check them with: the JSON Schema a route's body refers to accepts what
// the route's schema accepts and refuses what it refuses, but for what a JSON Schema cannot say
// (text trimmed before it is checked, a date the calendar lacks), which is listed as such.

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { transitionBodySchema } from '../../../analytics/remediation/index.js';
import {
  API_ROUTES,
  type JsonSchema,
  jsonSchemaOf,
  openApiDocument,
} from '../../../dashboard/api/openapi/index.js';
import { plannedCheckRequest } from '../../../dashboard/api/planned-check.js';
import { whatItBuysRequest } from '../../../dashboard/api/priorities.js';
import { signInRequest } from '../../../dashboard/api/session.js';
import { subscriptionRequest } from '../../../dashboard/api/subscriptions.js';
import { check } from './json-schema-check.js';

const doc = openApiDocument(API_ROUTES, '0.0.0');

// `format` is an annotation in draft 2020-12 (the email addresses carry a pattern as well).
const annotationsOnly = (schema: unknown): Record<string, unknown> =>
  JSON.parse(
    JSON.stringify(schema, (k, v: unknown) => (k === 'format' && typeof v === 'string' ? undefined : v)),
  );

/** The JSON Schema the document gives the JSON body of `method path`. */
function documented(path: string, method: string): Record<string, unknown> {
  const body = doc.paths[path]?.[method]?.['requestBody'] as
    | { content: { 'application/json': { schema: { $ref: string } } } }
    | undefined;
  const ref = body?.content['application/json'].schema.$ref ?? '';
  const name = /^#\/components\/schemas\/(\w+)$/.exec(ref)?.[1] ?? '';
  const schema = doc.components.schemas[name];
  if (schema === undefined) throw new Error(`${method} ${path}: no JSON body in the document (${ref})`);
  return annotationsOnly(schema);
}

const ok = { action: 'start_work' };
const checkOf = { assetId: 'F1', start: '2025-06-03', durationMinutes: 60 };
const webhook = { type: 'webhook', url: 'https://127.0.0.1/hook' };

const BODIES: {
  route: string;
  schema: z.ZodType;
  valid: object[];
  invalid: object[];
  /** refused by the route's schema, accepted by the JSON Schema: what it cannot say */
  beyond: object[];
}[] = [
  {
    route: 'post /api/v1/planned-outages/check',
    schema: plannedCheckRequest,
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
      { ...checkOf, durationMinutes: 10_081 },
      { ...checkOf, durationMinutes: 1.5 },
      { ...checkOf, assetId: '' },
      { ...checkOf, start: '' },
      { ...checkOf, cause: 'storm' },
      { ...checkOf, ruleSets: [] },
      { ...checkOf, customersAffected: -1 },
      { ...checkOf, note: 'x' },
    ],
    beyond: [],
  },
  {
    route: 'post /api/v1/cases/{id}/transitions',
    schema: transitionBodySchema,
    valid: [
      { action: 'comment', note: 'called the county' },
      {
        action: 'approve_plan',
        measures: ['tree_clearing'],
        plannedEnd: '2025-07-01',
        responsibleUnit: null,
      },
      { action: 'update', plannedStart: null, plannedEnd: null },
      { ...ok, actualStart: '2024-02-29' },
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
      { ...ok, actualStart: '2025-7-1' },
      { action: 'update', plannedEnd: '2025-07-01T00:00' },
      {
        action: 'close',
        verification: {
          methods: ['user_visit'],
          result: 'r',
          passed: true,
          verifiedBy: 'W',
          verifiedOn: '1/7/2025',
        },
      },
      { action: 'update', measures: [] },
      { action: 'complete_work', extra: 1 },
      { action: 'comment', note: 'x', expectedSeq: 0 },
      { action: 'approve_plan', responsiblePerson: 'x'.repeat(101) },
    ],
    beyond: [
      { ...ok, actualStart: '2025-02-30' },
      { action: 'comment', note: '   ' },
    ],
  },
  {
    route: 'post /api/v1/priorities/what-it-buys',
    schema: whatItBuysRequest,
    valid: [{ assetIds: ['F1'] }, { assetIds: ['F1', 'A1'], ruleSet: 'national-2025', asOf: '2025-06-03' }],
    invalid: [{}, { assetIds: [] }, { assetIds: ['F1'], top: 3 }, { assetIds: ['F1'], asOf: '' }],
    beyond: [{ assetIds: ['  '] }],
  },
  ...['post /api/v1/subscriptions', 'put /api/v1/subscriptions/{id}'].map((route) => ({
    route,
    schema: subscriptionRequest,
    valid: [
      { name: 'gateway', channel: webhook, follow: { areas: ['A1'] } },
      {
        name: 'ops',
        channel: { type: 'email', to: ['ops@example.cn'] },
        follow: { counties: ['五华区'], flags: { statuses: ['breach'] } },
        events: ['flag.breach', 'outage.began'],
      },
    ],
    invalid: [
      { channel: webhook, follow: { areas: ['A1'] } },
      { name: 'x', channel: { type: 'sms', to: '95598' }, follow: { areas: ['A1'] } },
      { name: 'x', channel: webhook, follow: { towns: ['A1'] } },
      { name: 'x', channel: webhook, follow: { areas: ['A1'] }, events: [] },
      { name: 'x', channel: { type: 'email', to: ['not an address'] }, follow: { areas: ['A1'] } },
      { name: 'x', channel: webhook, follow: { flags: { statuses: [] } } },
    ],
    beyond: [{ name: '  ', channel: webhook, follow: { areas: ['A1'] } }],
  })),
  {
    route: 'post /api/v1/session',
    schema: signInRequest,
    valid: [{ token: 'not-a-token-anyone-has' }],
    invalid: [{}, { token: '' }, { token: 'x'.repeat(513) }, { token: 'x', remember: true }],
    beyond: [],
  },
];

describe.each(BODIES)('the body of $route', ({ route, schema, valid, invalid, beyond }) => {
  const [method = '', path = ''] = route.split(' ');
  const json = documented(path, method);

  it('is accepted by the document where the route accepts it', () => {
    for (const body of valid) {
      expect(schema.safeParse(body).success, JSON.stringify(body)).toBe(true);
      expect(check(json, body), JSON.stringify(body)).toEqual([]);
    }
  });

  it('is refused by the document where the route refuses it', () => {
    for (const body of invalid) {
      expect(schema.safeParse(body).success, JSON.stringify(body)).toBe(false);
      expect(check(json, body), JSON.stringify(body)).not.toEqual([]);
    }
  });

  if (beyond.length > 0)
    it('leaves to the route only what a JSON Schema cannot say', () => {
      for (const body of beyond) {
        expect(schema.safeParse(body).success, JSON.stringify(body)).toBe(false);
        expect(check(json, body), JSON.stringify(body)).toEqual([]);
      }
    });
});

describe('what the JSON Schemas add to zod’s', () => {
  it('says how the planned-outage check reads its start, and what a case’s dates look like', () => {
    const plannedCheck = documented('/api/v1/planned-outages/check', 'post') as {
      properties: Record<string, JsonSchema>;
    };
    expect(plannedCheck.properties['start']).toMatchObject({
      type: 'string',
      minLength: 1,
      description: expect.stringContaining('without an offset, local time in the operating zone'),
    });
    const update = (documented('/api/v1/cases/{id}/transitions', 'post')['oneOf'] as JsonSchema[])[1] as {
      properties: Record<string, JsonSchema>;
    };
    expect(update.properties['plannedEnd']).toEqual({
      anyOf: [
        {
          type: 'string',
          pattern: '^\\d{4}-\\d{2}-\\d{2}$',
          description: 'a local date YYYY-MM-DD, one the calendar has (not 2025-02-30)',
        },
        { type: 'null' },
      ],
    });
  });

  it('refuses to describe a value read by a transform, or a refined one in a body, as anything', () => {
    const read = z.object({ at: z.unknown().transform(String) });
    expect(() => jsonSchemaOf(read)).toThrow('properties.at: a value read by a transform has no description');
    expect(jsonSchemaOf(read, { readers: { at: { type: 'integer' } } })).toMatchObject({
      properties: { at: { type: 'integer' } },
    });
    const even = z.object({ n: z.number().refine((n) => n % 2 === 0) });
    expect(jsonSchemaOf(even)).toMatchObject({ properties: { n: { type: 'number' } } });
    expect(() => jsonSchemaOf(even, { describeRefinements: true })).toThrow(
      'properties.n: a value a refinement checks has no description',
    );
    expect(
      jsonSchemaOf(even, { describeRefinements: true, readers: { n: { multipleOf: 2 } } }),
    ).toMatchObject({ properties: { n: { type: 'number', multipleOf: 2 } } });
  });
});
