import type { RequestHandler } from 'express';
import { HttpError, type Issue } from '../../../../core/index.js';

/** C0 control characters other than tab and line breaks: never part of an id, a name or a date. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // malformed escapes are the router's to refuse
  }
}

/**
 * Refuses a request whose path or query carries a control character (a NUL above all, which
 * no SQL literal may hold) with 400 and where it was, before any route reads it.
 */
export function refuseControlCharacters(): RequestHandler {
  return (req, _res, next) => {
    const issues: Issue[] = [];
    if (CONTROL.test(decoded(req.path)))
      issues.push({ path: 'path', message: 'must not contain control characters' });
    for (const [name, value] of Object.entries(req.query)) {
      const values = Array.isArray(value) ? value : [value];
      if (CONTROL.test(name) || values.some((v) => typeof v === 'string' && CONTROL.test(v))) {
        issues.push({ path: `query.${name}`, message: 'must not contain control characters' });
      }
    }
    next(issues.length > 0 ? new HttpError(400, 'invalid request', { issues }) : undefined);
  };
}
