// The request bodies the API takes, as the zod schemas their routes check them with, and their
// JSON Schemas. The ingest records are the product's own field readers (ingest/schemas); the
// other bodies are the schemas their route modules export. What zod's JSON Schema cannot say
// about a field (a time read by a transform, a date a refinement checks) json-schema.ts adds.

import { z } from 'zod';
import { transitionBodySchema } from '../../../analytics/remediation/index.js';
import { assetFields, outageFields, warningFields } from '../../../ingest/schemas/index.js';
import { plannedCheckRequest } from '../planned-check.js';
import { whatItBuysRequest } from '../priorities.js';
import { signInRequest } from '../session.js';
import { subscriptionRequest } from '../subscriptions.js';
import { BODY_READERS, type JsonSchema, jsonSchemaOf, RECORD_READERS } from './json-schema.js';

// The readers' shapes do not depend on the zone (it only says how local times are read).
const ZONE = 'UTC';

/** One record of POST /assets, /outages, /warnings: unknown fields are refused. */
export const RECORDS = {
  Asset: z.strictObject(assetFields(ZONE)),
  Outage: z.strictObject(outageFields(ZONE)),
  Warning: z.strictObject(warningFields(ZONE)),
};

/** The request bodies by the name the document gives them (components.schemas). */
export const BODIES = {
  ...RECORDS,
  PlannedOutageCheck: plannedCheckRequest,
  CaseTransition: transitionBodySchema,
  WhatItBuys: whatItBuysRequest,
  Subscription: subscriptionRequest,
  SignIn: signInRequest,
};
export type BodyName = keyof typeof BODIES;

/** Every body's JSON Schema, by name. */
export function bodySchemas(): Record<BodyName, JsonSchema> {
  const out = {} as Record<BodyName, JsonSchema>;
  for (const [name, schema] of Object.entries(BODIES) as [BodyName, z.ZodType][])
    out[name] = Object.hasOwn(RECORDS, name)
      ? jsonSchemaOf(schema, { readers: RECORD_READERS })
      : jsonSchemaOf(schema, { readers: BODY_READERS, describeRefinements: true });
  return out;
}
