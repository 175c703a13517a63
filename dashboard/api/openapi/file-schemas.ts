// JSON Schemas of the files people edit by hand, for their editors: rule sets (rules/*.json)
// and column-mapping files (mappings/*.json), from the zod schemas their loaders check them
// with. scripts/json-schemas.ts writes them; tests/unit/project/json-schemas.test.ts shows the
// committed files are what it writes. The loaders check more than a JSON Schema can say (a
// rule's id unique in its set, a mapping's field names against the record kind); their
// messages stay the last word.

import { ruleSetSchema } from '../../../analytics/rules/index.js';
import { MappingFile } from '../../../ingest/mapping/file.js';
import { type JsonSchema, jsonSchemaOf, WINDOW } from './json-schema.js';

export interface FileSchema {
  /** where the schema is kept, from the project root */
  file: string;
  schema: JsonSchema;
}

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';

/** The schemas and where each is kept. */
export function fileSchemas(): FileSchema[] {
  return [
    {
      file: 'rules/schema/rule-set.schema.json',
      schema: {
        $schema: DRAFT,
        title: 'Rule set',
        description:
          'A rule set of rules/ (rules/README.md), checked by analytics/rules/schema.ts. Keys starting with "$" are notes, allowed at any depth.',
        ...jsonSchemaOf(ruleSetSchema, { readers: { window: WINDOW }, dollarKeys: true }),
      },
    },
    {
      file: 'mappings/schema/mapping.schema.json',
      schema: {
        $schema: DRAFT,
        title: 'Column-mapping file',
        description:
          'How another system’s export is read as records (mappings/*.json), checked by ingest/mapping/file.ts; field names are checked against the record kind when the file is loaded.',
        ...jsonSchemaOf(MappingFile),
      },
    },
  ];
}

/** A schema as its file holds it. */
export const fileText = (schema: JsonSchema): string => `${JSON.stringify(schema, null, 2)}\n`;
