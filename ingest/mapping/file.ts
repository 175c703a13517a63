// The mapping file's structure, checked with zod. What its names refer to (contract fields,
// zones, encodings, patterns, routes) is checked in check.ts and check-routes.ts, against the
// record kind.

import { z } from 'zod';
import { pathToString } from '../../core/issues.js';
import { quote } from '../schemas/fields.js';
import { RECORD_KINDS } from '../schemas/kinds.js';
import { TIME_FORMATS } from './time-format.js';

const RULE_KEYS = ['column', 'in', 'notIn', 'matches', 'reason'];
// The keys an unknown key's message lists; "$schema" (an editor's hint) is accepted unlisted.
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
  'otherwise',
  'routes',
  'derive',
];
const ROUTES_KEYS = ['column', 'to'];
const ROUTE_KEYS = ['when', 'columns', 'constants', 'import'];
const DERIVE_KEYS = ['kind', 'assetId', 'routes', 'fields', 'constants'];
const PICK_KEYS = ['column', 'pick'];
const TIME_COLUMN_KEYS = ['field', 'format'];

const nonEmpty = z.string().min(1);

/** A time column read in a declared format: `{"field": "start", "format": "yyyy年M月d日"}`. */
const TimeColumn = z.strictObject(
  { field: nonEmpty, format: z.enum(TIME_FORMATS) },
  { error: objectError(TIME_COLUMN_KEYS) },
);
export type TimeColumn = z.infer<typeof TimeColumn>;

/** Source column → contract field, or a time field with the format its cells are written in. */
const Columns = z.record(z.string(), z.union([nonEmpty, TimeColumn], { error: columnError }));
export type Columns = z.infer<typeof Columns>;
export type ColumnEntry = Columns[string];

/** The contract field a column entry maps to. */
export const fieldOf = (entry: ColumnEntry): string => (typeof entry === 'string' ? entry : entry.field);

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

/** Rows whose `column` is one of `when` take this route. */
const Route = z.strictObject(
  {
    when: z.array(z.string()).min(1),
    /** More source columns → contract fields, for this route's rows only. */
    columns: Columns.optional(),
    /** More constants, for this route's rows only. */
    constants: z.record(z.string(), z.unknown()).optional(),
    /** false: the rows are counted under the route's name, not imported. Default true. */
    import: z.boolean().optional(),
  },
  { error: objectError(ROUTE_KEYS) },
);
export type Route = z.infer<typeof Route>;

/** Rows go to a route by the value of one column: route name → route. */
const Routes = z.strictObject(
  { column: nonEmpty, to: z.record(nonEmpty, Route) },
  { error: objectError(ROUTES_KEYS) },
);
export type Routes = z.infer<typeof Routes>;

export const PICKS = ['mode', 'first', 'last', 'min', 'max', 'median'] as const;
export type Pick = (typeof PICKS)[number];

/** An asset field read from a source column over all rows of the asset, reduced by `pick`. */
const Picked = z.strictObject(
  { column: nonEmpty, pick: z.enum(PICKS).optional() },
  { error: objectError(PICK_KEYS) },
);
export type Picked = z.infer<typeof Picked>;

/** Assets derived from the events' rows, for sources without an asset register. */
const Derive = z.strictObject(
  {
    kind: z.enum(['feeder', 'area']),
    /** The source column naming the asset: one asset per distinct value. */
    assetId: nonEmpty,
    /** The routes whose rows make the assets; default every imported row. */
    routes: z.array(nonEmpty).min(1).optional(),
    /** Asset field → how it is read from the asset's rows. */
    fields: z.record(z.string(), Picked).optional(),
    /** Asset field → value set on every derived asset. */
    constants: z.record(z.string(), z.unknown()).optional(),
  },
  { error: objectError(DERIVE_KEYS) },
);
export type Derive = z.infer<typeof Derive>;

export const MappingFile = z.strictObject(
  {
    /** The JSON Schema editors validate the file with; not read here. */
    $schema: z.string().optional(),
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
    /** Source column → contract field (or {field, format} for a time column). */
    columns: Columns.optional(),
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
    /** Contract field → value for a non-blank spelling its `values` map does not list. */
    otherwise: z.record(z.string(), z.unknown()).optional(),
    /** Route rows by a column: to different record shapes, or counted and not imported. */
    routes: Routes.optional(),
    /** Assets derived from the rows (outages only). */
    derive: z.array(Derive).min(1).optional(),
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

/**
 * A column entry that is neither a field name nor a time column. An object is worded by what
 * its own check found (an unknown format, a missing field), anything else by what is expected.
 */
function columnError(iss: z.core.$ZodRawIssue): string | undefined {
  if (iss.code !== 'invalid_union') return undefined;
  const input = iss.input;
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    const inner = iss.errors.flat().find((e) => e.path.length > 0);
    if (inner) return `${pathToString(inner.path)}: ${inner.message}`;
  }
  return `must be a field name, or {"field", "format"} for a time column, got ${quote(input)}`;
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
