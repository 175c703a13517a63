// Official warning (severe weather, flood control, geological hazard) covering a region.

import { HAZARDS, ISSUER_LEVELS, WARNING_LEVELS, type Warning } from '../../core/domain.js';
import { fail, ok, type Result } from '../../core/issues.js';
import { formatInZone } from '../../core/time.js';
import { id, oneOf, optional, required, text, time } from './fields.js';
import { perZone, readFields, type ValidateContext } from './read.js';
import { regionIssues } from './region.js';

function warningShape(zone: string) {
  return {
    warningId: required(id),
    issuerLevel: required(oneOf(ISSUER_LEVELS, 'issuerLevel')),
    hazard: required(oneOf(HAZARDS, 'hazard')),
    level: optional(oneOf(WARNING_LEVELS, 'level')),
    province: optional(text),
    city: optional(text),
    county: optional(text),
    start: required(time(zone)),
    end: required(time(zone)),
  };
}

/** The warning's field readers for local times in `zone`. */
export const warningFields = perZone(warningShape);

export const WARNING_FIELDS = Object.keys(warningShape('UTC')) as (keyof Warning)[];

export function validateWarning(raw: Record<string, unknown>, ctx: ValidateContext): Result<Warning> {
  const { values: v, issues } = readFields(raw, warningFields(ctx.sourceZone ?? ctx.zone));
  if (v.start !== undefined && v.end !== undefined && v.end < v.start) {
    issues.push({ path: 'end', message: `must not be before start (${formatInZone(v.start, ctx.zone)})` });
  }
  issues.push(...regionIssues(v));
  if (issues.length > 0) return fail(issues);
  return ok({
    ...v,
    warningId: v.warningId!,
    issuerLevel: v.issuerLevel!,
    hazard: v.hazard!,
    start: v.start!,
    end: v.end!,
  });
}
