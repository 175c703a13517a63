// Writes the JSON Schemas of the hand-edited files (rules/schema/rule-set.schema.json,
// mappings/schema/mapping.schema.json) from the zod schemas their loaders check with, so an
// editor validates a rule set or a mapping file as it is typed (each file names its schema in
// "$schema"). Run after changing analytics/rules/schema.ts or ingest/mapping/file.ts;
// tests/unit/project/json-schemas.test.ts fails while a committed file differs.
//
//   npx tsx scripts/json-schemas.ts

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileSchemas, fileText } from '../dashboard/api/openapi/index.js';
import { projectRoot } from '../server/config.js';

const root = projectRoot();
for (const { file, schema } of fileSchemas()) {
  const path = join(root, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, fileText(schema));
  process.stdout.write(`${file}\n`);
}
