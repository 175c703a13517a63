// The JSON Schemas of rule sets and mapping files (scripts/json-schemas.ts): the committed files
// are what the script writes, every shipped file names its schema and is valid against it as
// an editor would check it, and the schema refuses what the loader refuses.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleDir, parseRuleSet, ruleSetSchema } from '../../../analytics/rules/index.js';
import { fileSchemas, fileText } from '../../../dashboard/api/openapi/index.js';
import { loadMapping, parseMapping } from '../../../ingest/mapping/index.js';
import { check } from './json-schema-check.js';

const RULE_SCHEMA = 'rules/schema/rule-set.schema.json';
const MAPPING_SCHEMA = 'mappings/schema/mapping.schema.json';
const committed = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

const ruleFiles = readdirSync('rules')
  .filter((n) => n.endsWith('.json') && !n.endsWith('.priority.json'))
  .map((n) => join('rules', n));
const mappingFiles = readdirSync('mappings')
  .filter((n) => n.endsWith('.json'))
  .map((n) => join('mappings', n));

const national = () => committed('rules/national-2025.json') as Record<string, unknown> & { rules: object[] };
const mapping = () => committed('mappings/cn-oms-assets.json');

describe('scripts/json-schemas.ts', () => {
  it('wrote the committed schemas from the zod schemas as they are now', () => {
    const files = fileSchemas();
    expect(files.map((f) => f.file)).toEqual([RULE_SCHEMA, MAPPING_SCHEMA]);
    for (const { file, schema } of files)
      expect(readFileSync(file, 'utf8'), `${file} differs: run npx tsx scripts/json-schemas.ts`).toBe(
        fileText(schema),
      );
  });
});

describe.each([
  { files: ruleFiles, ref: './schema/rule-set.schema.json', schema: RULE_SCHEMA, count: 4 },
  { files: mappingFiles, ref: './schema/mapping.schema.json', schema: MAPPING_SCHEMA, count: 3 },
])('$schema', ({ files, ref, schema, count }) => {
  it(`every shipped file names ${schema} first, by a path its editor resolves`, () => {
    expect(files).toHaveLength(count);
    for (const file of files) {
      expect(readFileSync(file, 'utf8').split('\n')[1], file).toBe(`  "$schema": "${ref}",`);
      expect(resolve(dirname(file), ref)).toBe(resolve(schema));
      expect(existsSync(resolve(dirname(file), ref))).toBe(true);
    }
  });

  it('every shipped file is valid against it', () => {
    for (const file of files) expect(check(committed(schema), committed(file)), file).toEqual([]);
  });
});

describe('rule sets with $schema', () => {
  it('load, and the rule-set schema itself takes the key', async () => {
    const loaded = await loadRuleDir('rules');
    expect(loaded.ok && loaded.value.map((s) => s.name)).toEqual([
      'baoshan-2021',
      'guizhou-2025',
      'kunming-parks-2023',
      'national-2025',
    ]);
    // The schema itself (the loader drops notes before checking): "$schema" is a field of it.
    const notes = JSON.stringify(national(), (k, v: unknown) => (k === '$comment' ? undefined : v));
    const plain = JSON.parse(notes) as Record<string, unknown>;
    expect(plain['$schema']).toBe('./schema/rule-set.schema.json');
    expect(ruleSetSchema.safeParse(plain).success).toBe(true);
    expect(ruleSetSchema.safeParse({ ...plain, $schema: 7 }).success).toBe(false);
  });

  it('are refused by the schema where the loader refuses them', () => {
    const schema = committed(RULE_SCHEMA);
    const [first, second] = national().rules;
    const cases: [string, Record<string, unknown>, string[], string][] = [
      ['an unknown key', { ...national(), comment: 'x' }, ['comment: not allowed'], ''],
      ['no caseDueDays', { ...national(), caseDueDays: undefined }, ['caseDueDays: required'], 'caseDueDays'],
      [
        'a window said as months',
        { ...national(), rules: [{ ...first, window: '6 months' }, second] },
        ['rules[0]: matches 0 of oneOf, not one'],
        'rules[0].window',
      ],
      [
        'a limit of 0',
        { ...national(), rules: [first, { ...second, limit: 0 }] },
        ['rules[1]: matches 0 of oneOf, not one'],
        'rules[1].limit',
      ],
    ];
    for (const [what, data, problems, path] of cases) {
      const plain = JSON.parse(JSON.stringify(data)) as unknown;
      expect(check(schema, plain), what).toEqual(problems);
      const loaded = parseRuleSet(plain);
      expect(loaded.ok ? [] : loaded.issues.map((i) => i.path), what).toContain(path);
    }
  });

  it('may hold notes as "$comment" at any depth, and windows in any letter case', () => {
    const [first, second] = national().rules;
    const data = {
      ...national(),
      rules: [
        { ...first, window: ' 365 Days ', scope: { ...(first as { scope: object }).scope, $comment: 'n' } },
        second,
      ],
    };
    expect(check(committed(RULE_SCHEMA), data)).toEqual([]);
    expect(parseRuleSet(data).ok).toBe(true);
  });
});

describe('mapping files with $schema', () => {
  it('load', () => {
    for (const file of mappingFiles) expect(loadMapping(file).ok, file).toBe(true);
  });

  it('are refused by the schema where the loader refuses them', () => {
    const schema = committed(MAPPING_SCHEMA);
    const cases: [string, Record<string, unknown>, string[]][] = [
      ['an unknown key', { ...mapping(), comment: 'x' }, ['comment: not allowed']],
      ['a record kind not known', { ...mapping(), record: 'events' }, ['record: not in enum']],
      ['an empty column name', { ...mapping(), ignore: [''] }, ['ignore[0]: too short']],
    ];
    for (const [what, data, problems] of cases) {
      expect(check(schema, data), what).toEqual(problems);
      expect(parseMapping(JSON.stringify(data)).ok, what).toBe(false);
    }
  });
});
