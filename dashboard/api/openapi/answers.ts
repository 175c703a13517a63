// The shapes of the answers every route shares: the error body (dashboard/api/middleware/errors), a
// list in its envelope (dashboard/api/respond.ts sendRows) and the ingest summary
// (ingest/http/router.ts). Written as zod schemas like the bodies, and converted the same way.

import { z } from 'zod';
import { type JsonSchema, jsonSchemaOf } from './json-schema.js';

const issue = z.object({
  path: z.string().meta({ description: 'the parameter or field, e.g. "from" or "rules[1].window"' }),
  message: z.string(),
  code: z
    .string()
    .optional()
    .meta({ description: 'refused case changes: the code to word the issue by (issue-codes.ts)' }),
  params: z.record(z.string(), z.unknown()).optional(),
});

const error = z.object({
  error: z.string(),
  issues: z.array(issue).optional(),
  requestId: z.string().optional(),
});

const rows = z
  .object({ rows: z.array(z.record(z.string(), z.unknown())) })
  .catchall(z.unknown())
  .meta({ description: 'the rows, beside what the route says about them (asOf, zone, units …)' });

const lineIssue = z.object({ path: z.string(), message: z.string() });
const ingestSummary = z.object({
  accepted: z.number().int(),
  rejected: z.array(
    z.object({
      line: z.number().int().meta({ description: '0: the body as a whole' }),
      id: z.string().optional(),
      errors: z.array(lineIssue),
    }),
  ),
  rejectedCount: z.number().int(),
  warnings: z.array(
    z.object({ line: z.number().int(), id: z.string().optional(), issues: z.array(lineIssue) }),
  ),
  warningCount: z.number().int(),
  spooled: z.number().int(),
  batchId: z.string(),
  visible: z
    .boolean()
    .optional()
    .meta({ description: 'with ?wait=visible: whether queries see the records' }),
});

/** components.schemas of the answers. */
export function answerSchemas(): Record<'Error' | 'Rows' | 'IngestSummary', JsonSchema> {
  return {
    Error: jsonSchemaOf(error),
    Rows: jsonSchemaOf(rows),
    IngestSummary: jsonSchemaOf(ingestSummary),
  };
}
