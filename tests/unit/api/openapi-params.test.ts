// The API description's query parameters come from the schemas the routes read them with.

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API_ROUTES } from '../../../dashboard/api/openapi/index.js';
import { paramsOf } from '../../../dashboard/api/openapi/query.js';
import { int, list, text, time, timeOr } from '../../../dashboard/api/query/fields.js';
import { casesQuery, DOC_CONTEXT } from '../../../dashboard/api/query/index.js';

const TIME =
  'ISO-8601; without an offset, local time in the operating zone (OUTAGE_TZ); a date alone is local midnight';
const EXAMPLES = ['2025-06-03T14:05:00+08:00', '2025-06-03'];

describe('paramsOf', () => {
  it('gives each parameter its name, description, schema and whether it is required', () => {
    const schema = z.object({
      from: time('UTC', 'start of the period'),
      to: timeOr('UTC', 'end; default: now'),
      limit: int('rows at most', 1, 10_000, 1_000),
      status: list(['open', 'closed'], 'these statuses'),
      q: text('the text searched for', 60),
    });
    expect(paramsOf(schema)).toEqual([
      {
        name: 'from',
        description: `start of the period (${TIME})`,
        required: true,
        schema: { type: 'string', examples: EXAMPLES },
      },
      {
        name: 'to',
        description: `end; default: now (${TIME})`,
        required: false,
        schema: { type: 'string', examples: EXAMPLES },
      },
      {
        name: 'limit',
        description: 'rows at most',
        required: false,
        schema: { type: 'integer', minimum: 1, maximum: 10_000, default: 1_000 },
      },
      {
        name: 'status',
        description: 'these statuses',
        required: false,
        list: true,
        schema: { type: 'array', items: { type: 'string', enum: ['open', 'closed'] } },
      },
      {
        name: 'q',
        description: 'the text searched for',
        required: false,
        schema: { type: 'string', maxLength: 60 },
      },
    ]);
  });

  it('describes a route with the parameters its schema reads, and encoding for its CSV', () => {
    const cases = API_ROUTES.find((r) => r.path === '/api/v1/cases' && r.method === 'get');
    expect(cases?.query?.map((p) => p.name)).toEqual([
      ...Object.keys(casesQuery(DOC_CONTEXT).shape),
      'encoding',
    ]);
    expect(cases?.query?.map((p) => p.name)).toEqual([
      'ruleSet',
      'status',
      'overdue',
      'region',
      'assetId',
      'family',
      'unit',
      'encoding',
    ]);
    expect(cases?.query?.at(-1)?.schema).toEqual({
      type: 'string',
      enum: ['utf-8', 'gb18030'],
      default: 'utf-8',
    });
  });
});
