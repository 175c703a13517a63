// A route's query parameters, from the zod schema the route reads them with
// (dashboard/api/query): each one's name, description, JSON Schema and whether it is required.
// zod leaves the default and examples out of what a transform accepts; a parameter's metadata
// gives them back.

import { z } from 'zod';
import type { QuerySchema } from '../query/index.js';
import type { JsonSchema } from './json-schema.js';
import type { QueryParam } from './route.js';

const KEPT = ['default', 'examples'] as const;

/** The parameters of `schema`, in its order. */
export function paramsOf(schema: QuerySchema): QueryParam[] {
  const json = z.toJSONSchema(schema, {
    io: 'input',
    override: (ctx) => {
      const meta = z.globalRegistry.get(ctx.zodSchema);
      for (const key of KEPT) if (meta?.[key] !== undefined) ctx.jsonSchema[key] = meta[key] as never;
    },
  });
  const required = json.required ?? [];
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description = '', ...schema } = property as JsonSchema & { description?: string };
    return {
      name,
      description,
      required: required.includes(name),
      schema,
      ...(schema.type === 'array' ? { list: true } : {}),
    };
  });
}
