// Single values read as query parameters outside a route's schema (path parameters, flags.ts):
// the same fields as the schemas (query/fields.ts), with messages that name the parameter.

import { parseParam } from './query/parse.js';
import { int, text, time, timeOr } from './query/fields.js';

export function timeParam(value: unknown, name: string, zone: string, fallback?: number): number {
  if (fallback === undefined) return parseParam(time(zone, name), value, name);
  return parseParam(timeOr(zone, name), value, name) ?? fallback;
}

export function intParam(value: unknown, name: string, min: number, max: number, fallback: number): number {
  return parseParam(int(name, min, max, fallback), value, name);
}

export function textParam(value: unknown, name: string, maxLength = 200): string | undefined {
  return parseParam(text(name, maxLength), value, name);
}
