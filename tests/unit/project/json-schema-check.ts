// A small JSON Schema (2020-12) checker for the keywords z.toJSONSchema writes, so the tests
// can validate files as an editor would without a validator dependency. A keyword it does not
// know throws: it never passes a document by ignoring part of a schema.

type Schema = Record<string, unknown>;

const ANNOTATIONS = new Set(['$schema', 'title', 'description', 'default', 'examples', 'deprecated']);
const KNOWN = new Set([
  ...ANNOTATIONS,
  'type',
  'enum',
  'const',
  'properties',
  'required',
  'additionalProperties',
  'patternProperties',
  'propertyNames',
  'items',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'anyOf',
  'oneOf',
  'allOf',
]);

function typeOk(type: string, v: unknown): boolean {
  switch (type) {
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    case 'array':
      return Array.isArray(v);
    case 'string':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'integer':
      return Number.isInteger(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'null':
      return v === null;
    default:
      throw new Error(`unknown type ${type}`);
  }
}

const at = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;

/** The problems of `value` against `schema`, each as `path: what`; none when it is valid. */
export function check(schema: Schema | boolean, value: unknown, path = ''): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${path}: not allowed`];
  for (const key of Object.keys(schema)) if (!KNOWN.has(key)) throw new Error(`unsupported keyword ${key}`);
  const out: string[] = [];
  const s = schema;
  const types = s['type'] === undefined ? [] : ([] as string[]).concat(s['type'] as string | string[]);
  if (types.length > 0 && !types.some((t) => typeOk(t, value)))
    return [`${path}: expected ${types.join(' or ')}`];
  if (s['enum'] !== undefined && !(s['enum'] as unknown[]).includes(value)) out.push(`${path}: not in enum`);
  if (s['const'] !== undefined && s['const'] !== value) out.push(`${path}: expected ${String(s['const'])}`);
  if (typeof value === 'string') {
    if (typeof s['minLength'] === 'number' && value.length < s['minLength']) out.push(`${path}: too short`);
    if (typeof s['maxLength'] === 'number' && value.length > s['maxLength']) out.push(`${path}: too long`);
    if (typeof s['pattern'] === 'string' && !new RegExp(s['pattern'], 'u').test(value))
      out.push(`${path}: does not match ${s['pattern']}`);
  }
  if (typeof value === 'number') {
    if (typeof s['minimum'] === 'number' && value < s['minimum']) out.push(`${path}: below minimum`);
    if (typeof s['maximum'] === 'number' && value > s['maximum']) out.push(`${path}: above maximum`);
    if (typeof s['exclusiveMinimum'] === 'number' && value <= s['exclusiveMinimum'])
      out.push(`${path}: not above exclusiveMinimum`);
    if (typeof s['exclusiveMaximum'] === 'number' && value >= s['exclusiveMaximum'])
      out.push(`${path}: not below exclusiveMaximum`);
  }
  if (Array.isArray(value)) {
    if (typeof s['minItems'] === 'number' && value.length < s['minItems']) out.push(`${path}: too few items`);
    if (typeof s['maxItems'] === 'number' && value.length > s['maxItems'])
      out.push(`${path}: too many items`);
    if (s['uniqueItems'] === true && new Set(value.map((v) => JSON.stringify(v))).size !== value.length)
      out.push(`${path}: items repeat`);
    if (s['items'] !== undefined)
      for (const [i, v] of value.entries()) out.push(...check(s['items'] as Schema, v, at(path, i)));
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const properties = (s['properties'] ?? {}) as Record<string, Schema>;
    const patterns = Object.entries((s['patternProperties'] ?? {}) as Record<string, Schema>);
    for (const name of (s['required'] ?? []) as string[])
      if (!Object.hasOwn(record, name)) out.push(`${at(path, name)}: required`);
    for (const [name, v] of Object.entries(record)) {
      if (s['propertyNames'] !== undefined)
        out.push(...check(s['propertyNames'] as Schema, name, at(path, name)));
      const own = properties[name];
      const matching = patterns.filter(([p]) => new RegExp(p, 'u').test(name));
      if (own !== undefined) out.push(...check(own, v, at(path, name)));
      for (const [, p] of matching) out.push(...check(p, v, at(path, name)));
      if (own === undefined && matching.length === 0 && s['additionalProperties'] !== undefined)
        out.push(...check(s['additionalProperties'] as Schema | boolean, v, at(path, name)));
    }
  }
  for (const sub of (s['allOf'] ?? []) as Schema[]) out.push(...check(sub, value, path));
  if (
    s['anyOf'] !== undefined &&
    !(s['anyOf'] as Schema[]).some((sub) => check(sub, value, path).length === 0)
  )
    out.push(`${path}: matches none of anyOf`);
  if (s['oneOf'] !== undefined) {
    const passing = (s['oneOf'] as Schema[]).filter((sub) => check(sub, value, path).length === 0).length;
    if (passing !== 1) out.push(`${path}: matches ${passing} of oneOf, not one`);
  }
  return out;
}
