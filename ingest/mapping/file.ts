// The mapping file's structure, checked with zod. What its names refer to (contract fields,
// zones, encodings, patterns) is checked in compile.ts, against the record kind.

import { z } from 'zod';
import { RECORD_KINDS } from '../schemas/kinds.js';
import { quote } from '../schemas/fields.js';

const RULE_KEYS = ['column', 'in', 'notIn', 'matches', 'reason'];
const FILE_KEYS = [
  'name',
  'description',
  'record',
  'zone',
  'encoding',
  'delimiter',
  'columns',
  'unmapped',
  'ignore',
  'values',
  'constants',
  'defaults',
  'skip',
];

const nonEmpty = z.string().min(1);

/** Drop rows whose `column` is one of `in`, is none of `notIn`, or matches the `matches` pattern. */
const SkipRule = z.strictObject(
  {
    column: nonEmpty,
    in: z.array(z.string()).min(1).optional(),
    notIn: z.array(z.string()).min(1).optional(),
    matches: nonEmpty.optional(),
    reason: nonEmpty.optional(),
  },
  { error: objectError(RULE_KEYS) },
);
export type SkipRule = z.infer<typeof SkipRule>;

export const MappingFile = z.strictObject(
  {
    name: nonEmpty.optional(),
    description: z.string().optional(),
    /** Which records the source holds: assets, outages or warnings. */
    record: z.enum(RECORD_KINDS),
    /** IANA zone of the source's local (offset-less) times; default: the operating zone. */
    zone: nonEmpty.optional(),
    /** CSV text encoding, e.g. gb18030; default utf-8. */
    encoding: nonEmpty.optional(),
    /** CSV field separator; default ",". */
    delimiter: nonEmpty.optional(),
    /** Source column → contract field. */
    columns: z.record(z.string(), nonEmpty).optional(),
    /** Columns neither mapped nor ignored: keep them as they are (default) or drop them. */
    unmapped: z.enum(['keep', 'drop']).optional(),
    /** Source columns to drop. */
    ignore: z.array(nonEmpty).optional(),
    /** Contract field → (source spelling → contract value). */
    values: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
    /** Contract field → value set on every record. */
    constants: z.record(z.string(), z.unknown()).optional(),
    /** Contract field → value for records where it is absent or blank. */
    defaults: z.record(z.string(), z.unknown()).optional(),
    skip: z.array(SkipRule).optional(),
  },
  { error: objectError(FILE_KEYS) },
);
export type MappingFile = z.infer<typeof MappingFile>;

const EXPECTED: Record<string, string> = {
  string: 'text',
  object: 'an object',
  record: 'an object',
  array: 'a list',
  number: 'a number',
  boolean: 'true or false',
};

function objectError(keys: readonly string[]) {
  return (iss: z.core.$ZodRawIssue): string | undefined => {
    if (iss.code === 'unrecognized_keys') {
      const names = iss.keys.map((k) => JSON.stringify(k)).join(', ');
      return `unknown key${iss.keys.length > 1 ? 's' : ''} ${names}; expected ${keys.join(', ')}`;
    }
    return undefined;
  };
}

/** Wording for the structural checks, passed to safeParse. */
export function fileError(iss: z.core.$ZodRawIssue): string | undefined {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return 'is required';
      return `must be ${EXPECTED[iss.expected] ?? iss.expected}, got ${quote(iss.input)}`;
    case 'invalid_value':
      if (iss.input === undefined) return `is required: one of ${iss.values.map(String).join(', ')}`;
      return `must be one of ${iss.values.map(String).join(', ')}, got ${quote(iss.input)}`;
    case 'too_small':
      return 'must not be empty';
    default:
      return undefined;
  }
}
