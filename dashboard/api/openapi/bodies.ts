// The request bodies the API takes, as the zod schemas that check them, and their JSON Schemas.
// The ingest records are the product's own field readers (ingest/schemas). Five routes keep
// their schema private to their module (the planned-outage check, a case transition, what
// remediation buys, a subscription, signing in); until those modules export them, the copies
// below stand in, and tests/unit/project/openapi.test.ts sends bodies to the real routes to show that
// each copy accepts and refuses what its route does.

import { z } from 'zod';
import { MEASURES, VERIFICATION_METHODS } from '../../../analytics/remediation/index.js';
import { FLAG_STATUSES, NOTICE_TYPES } from '../../../analytics/notices/index.js';
import { CAUSES } from '../../../core/index.js';
import { assetFields } from '../../../ingest/schemas/asset.js';
import { outageFields } from '../../../ingest/schemas/outage.js';
import { warningFields } from '../../../ingest/schemas/warning.js';
import { type JsonSchema, jsonSchemaOf, RECORD_READERS } from './json-schema.js';

// The readers' shapes do not depend on the zone (it only says how local times are read).
const ZONE = 'UTC';

/** One record of POST /assets, /outages, /warnings: unknown fields are refused. */
export const RECORDS = {
  Asset: z.strictObject(assetFields(ZONE)),
  Outage: z.strictObject(outageFields(ZONE)),
  Warning: z.strictObject(warningFields(ZONE)),
};

// Copy of dashboard/api/planned-check.ts `requestSchema`.
const checkId = z.string().min(1).max(200);
export const plannedCheckBody = z.strictObject({
  assetId: checkId,
  affectedAreas: z.array(checkId).max(2000).optional(),
  start: z.string().min(1).meta({ description: 'a time as the query parameters take it' }),
  durationMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60),
  customersAffected: z.number().int().min(0).max(10_000_000).optional(),
  cause: z.enum(CAUSES).default('planned_maintenance'),
  ruleSets: z.array(z.string()).min(1).optional(),
});

// Copy of analytics/remediation/requests.ts `bodySchema` (its wording callbacks left out).
const text = (max: number) => z.string().trim().min(1).max(max);
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .meta({ description: 'a local date YYYY-MM-DD' });
const planFields = {
  causeAnalysis: text(2000).nullable().optional(),
  measures: z.array(z.enum(MEASURES)).min(1).nullable().optional(),
  measuresNote: text(2000).nullable().optional(),
  responsibleUnit: text(200).nullable().optional(),
  responsiblePerson: text(100).nullable().optional(),
  plannedStart: date.nullable().optional(),
  plannedEnd: date.nullable().optional(),
  noActionReason: text(2000).nullable().optional(),
};
const common = {
  actor: text(100).optional(),
  expectedSeq: z.number().int().min(1).optional(),
  note: text(2000).optional(),
};
const verification = z.strictObject({
  methods: z.array(z.enum(VERIFICATION_METHODS)).min(1),
  result: text(2000),
  passed: z.boolean(),
  verifiedBy: text(100),
  verifiedOn: date,
});
export const transitionBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('approve_plan'), ...common, ...planFields }),
  z.strictObject({ action: z.literal('update'), ...common, ...planFields }),
  z.strictObject({ action: z.literal('start_work'), ...common, actualStart: date.optional() }),
  z.strictObject({ action: z.literal('complete_work'), ...common, actualEnd: date.optional() }),
  z.strictObject({ action: z.literal('close'), ...common, verification: verification.optional() }),
  z.strictObject({ action: z.literal('reopen'), ...common, reason: text(2000).optional() }),
  z.strictObject({ action: z.literal('comment'), ...common, note: text(2000) }),
]);

// Copy of dashboard/api/priorities.ts `bodySchema`.
export const whatItBuysBody = z.strictObject({
  assetIds: z.array(z.string().trim().min(1).max(200)).min(1).max(1_000),
  ruleSet: z.string().min(1).max(200).optional(),
  asOf: z.string().min(1).max(100).optional(),
});

// Copy of dashboard/api/subscriptions.ts `body`.
const subscriptionId = z.string().trim().min(1).max(200);
const ids = z.array(subscriptionId).max(10_000);
export const subscriptionBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  channel: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('webhook'), url: z.string().trim().min(1).max(2_000) }),
    z.strictObject({ type: z.literal('email'), to: z.array(z.email().max(254)).min(1).max(50) }),
  ]),
  follow: z.strictObject({
    areas: ids.optional(),
    feeders: ids.optional(),
    counties: ids.optional(),
    flags: z
      .strictObject({
        statuses: z
          .array(z.enum(FLAG_STATUSES))
          .min(1)
          .default([...FLAG_STATUSES]),
        ruleSets: z.array(subscriptionId).max(100).optional(),
      })
      .optional(),
  }),
  events: z.array(z.enum(NOTICE_TYPES)).min(1).optional(),
});

// Copy of dashboard/api/session.ts `SignIn`.
export const signInBody = z.strictObject({ token: z.string().min(1).max(512) });

/** The request bodies by the name the document gives them (components.schemas). */
export const BODIES = {
  ...RECORDS,
  PlannedOutageCheck: plannedCheckBody,
  CaseTransition: transitionBody,
  WhatItBuys: whatItBuysBody,
  Subscription: subscriptionBody,
  SignIn: signInBody,
};
export type BodyName = keyof typeof BODIES;

/** Every body's JSON Schema, by name. */
export function bodySchemas(): Record<BodyName, JsonSchema> {
  const out = {} as Record<BodyName, JsonSchema>;
  for (const [name, schema] of Object.entries(BODIES) as [BodyName, z.ZodType][])
    out[name] = jsonSchemaOf(schema, { readers: RECORD_READERS });
  return out;
}
