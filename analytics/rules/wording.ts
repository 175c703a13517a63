// Wording of rule-file errors, decided once: zod collects issues as data, this module turns
// them into core Issues ({path, message}) that quote the bad value.

import type { z } from 'zod';
import { type Issue, pathToString } from '../../core/issues.js';

/** A value as it appears in a message: strings quoted, lists and objects named. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
};

const oneOf = (values: readonly unknown[]): string =>
  values.length === 1
    ? JSON.stringify(values[0])
    : `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;

/** Per-parse error map; a schema's own `error` option, where given, takes precedence. */
export const errorMap: z.core.$ZodErrorMap = (iss) => {
  const got = describe(iss.input);
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return 'required';
      return `expected ${EXPECTED[iss.expected] ?? iss.expected}, got ${got}`;
    case 'invalid_value': {
      const values = oneOf(iss.values as readonly unknown[]);
      return iss.input === undefined ? `required: ${values}` : `expected ${values}, got ${got}`;
    }
    case 'too_small':
      if (iss.origin === 'array') return 'expected at least one entry';
      if (iss.origin === 'string') return 'must not be empty';
      return `expected a number ${iss.inclusive ? '≥' : '>'} ${String(iss.minimum)}, got ${got}`;
    case 'too_big':
      return `expected a number ${iss.inclusive ? '≤' : '<'} ${String(iss.maximum)}, got ${got}`;
    case 'unrecognized_keys':
      return 'unknown key';
    case 'invalid_union': {
      if (iss.discriminator === undefined) return undefined;
      const input = iss.input as Record<string, unknown> | undefined;
      const value = typeof input === 'object' && input !== null ? input[iss.discriminator] : undefined;
      const options = oneOf((iss.options ?? []) as readonly unknown[]);
      return value === undefined ? `required: ${options}` : `expected ${options}, got ${describe(value)}`;
    }
    default:
      return undefined;
  }
};

const SHAPE_CODES = new Set(['invalid_type', 'invalid_value', 'invalid_union']);

/** A union branch failed on the value's shape (wrong type at its root, or unknown keys). */
const shapeMismatch = (issues: readonly z.core.$ZodIssue[]): boolean =>
  issues.some((i) => (i.path.length === 0 && SHAPE_CODES.has(i.code)) || i.code === 'unrecognized_keys');

/**
 * Zod issues → Issues with rendered paths: one issue per unknown key; a union whose value
 * matched the shape of exactly one branch reports that branch's issues, else the union's own.
 */
export function toIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): Issue[] {
  const out: Issue[] = [];
  for (const iss of issues) {
    const path = [...prefix, ...iss.path];
    if (iss.code === 'unrecognized_keys') {
      for (const key of iss.keys) out.push({ path: pathToString(path), message: `unknown key "${key}"` });
    } else if (iss.code === 'invalid_union' && iss.errors.length > 0 && iss.discriminator === undefined) {
      const fitting = iss.errors.filter((branch) => !shapeMismatch(branch));
      const only = fitting.length === 1 ? fitting[0] : undefined;
      if (only) out.push(...toIssues(only, path));
      else out.push({ path: pathToString(path), message: iss.message });
    } else {
      out.push({ path: pathToString(path), message: iss.message });
    }
  }
  return out;
}
