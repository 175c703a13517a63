// Query-string parameters, checked once with messages that name the parameter and quote it.

import { HttpError, parseTime } from '../../core/index.js';

export function timeParam(value: unknown, name: string, zone: string, fallback?: number): number {
  if (value === undefined || value === '') {
    if (fallback !== undefined) return fallback;
    throw new HttpError(400, `${name} is required`, { issues: [{ path: name, message: 'is required' }] });
  }
  const r = parseTime(String(value), zone);
  if (!r.ok) {
    throw new HttpError(400, `invalid ${name}`, {
      issues: r.issues.map((i) => ({ path: name, message: i.message })),
    });
  }
  return r.value;
}

export function intParam(value: unknown, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new HttpError(400, `invalid ${name}`, {
      issues: [
        { path: name, message: `must be a whole number from ${min} to ${max} (got "${String(value)}")` },
      ],
    });
  }
  return n;
}

export function textParam(value: unknown, name: string, maxLength = 200): string | undefined {
  if (value === undefined || value === '') return undefined;
  const s = String(value);
  if (s.length > maxLength) {
    throw new HttpError(400, `invalid ${name}`, {
      issues: [{ path: name, message: `longer than ${maxLength} characters` }],
    });
  }
  return s;
}
