// Outage event: a loss of supply on one asset, with its cross-field rules (end after start,
// step restorations inside the outage, in order, restoring no more customers than were out).

import { CAUSES, isPlannedCause, type OutageEvent, type Restoration } from '../../core/domain.js';
import { fail, type Issue, ok, type Result } from '../../core/issues.js';
import { formatInZone } from '../../core/time.js';
import { z } from 'zod';
import {
  count,
  flag,
  id,
  oneOf,
  optional,
  parseJson,
  quote,
  required,
  text,
  textList,
  time,
} from './fields.js';
import { perZone, readFields, type ValidateContext } from './read.js';

const EXAMPLE = '[{"at": "2025-06-03 15:00", "customersRestored": 120}]';

/** Step restorations: a JSON array (in a CSV cell: its JSON text) of {at, customersRestored}. */
function restorations(zone: string) {
  const entry = { at: required(time(zone)), customersRestored: required(count) };
  return z.unknown().transform((v, ctx): Restoration[] => {
    const list = typeof v === 'string' ? parseJson(v) : v;
    if (!Array.isArray(list)) {
      ctx.issues.push({
        code: 'custom',
        message: `must be a list like ${EXAMPLE}, got ${quote(v)}`,
        input: v,
      });
      return z.NEVER;
    }
    const out: Restoration[] = [];
    list.forEach((item: unknown, i) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        const message = `must be an object with at and customersRestored, got ${quote(item)}`;
        ctx.issues.push({ code: 'custom', message, input: item, path: [i] });
        return;
      }
      const r = readFields(item as Record<string, unknown>, entry);
      for (const issue of r.issues)
        ctx.issues.push({ code: 'custom', message: issue.message, input: item, path: [i, issue.path] });
      if (r.issues.length === 0)
        out.push({ at: r.values.at!, customersRestored: r.values.customersRestored! });
    });
    return out;
  });
}

function outageShape(zone: string) {
  return {
    eventId: required(id),
    assetId: required(id),
    start: required(time(zone)),
    end: optional(time(zone)),
    customersAffected: required(count),
    affectedAreas: optional(
      textList('must name at least one transformer area; leave it out to mean all areas on the feeder', id),
    ),
    restorations: optional(restorations(zone)),
    cause: required(oneOf(CAUSES, 'cause')),
    planned: optional(flag),
    warningId: optional(id),
    forceMajeure: optional(flag),
    cancelled: optional(flag),
    estimatedRestoration: optional(time(zone)),
    notes: optional(text),
  };
}

/** The outage event's field readers for local times in `zone`. */
export const outageFields = perZone(outageShape);

export const OUTAGE_FIELDS = Object.keys(outageShape('UTC')) as (keyof OutageEvent)[];

/**
 * No outage record begins before this: an earlier start is a missing or zero time read as a
 * date (1970-01-01 is epoch zero), not an outage.
 */
export const EARLIEST_START = Date.UTC(1990, 0, 1);
/** An outage still open this long after its start is a record never closed (three years). */
export const MAX_OPEN_MS = 3 * 366 * 86_400_000;

export function validateOutage(raw: Record<string, unknown>, ctx: ValidateContext): Result<OutageEvent> {
  const { values: v, issues } = readFields(raw, outageFields(ctx.sourceZone ?? ctx.zone));
  const shown = (ms: number): string => formatInZone(ms, ctx.zone);
  const { start, end } = v;
  if (start !== undefined && start < EARLIEST_START) {
    issues.push({
      path: 'start',
      message: `${shown(start)} is before 1990: a missing or zero time read as a date? Give the outage's real start`,
    });
  } else if (start !== undefined && end === undefined && ctx.now - start > MAX_OPEN_MS) {
    issues.push({
      path: 'end',
      message: `required: an outage begun ${shown(start)} cannot still be in progress years later; give its end`,
    });
  }
  if (start !== undefined && end !== undefined && end < start) {
    issues.push({ path: 'end', message: `must not be before start (${shown(start)})` });
  }
  if (start !== undefined && v.estimatedRestoration !== undefined && v.estimatedRestoration < start) {
    issues.push({ path: 'estimatedRestoration', message: `must not be before start (${shown(start)})` });
  }
  issues.push(...restorationIssues(v.restorations ?? [], start, end, v.customersAffected, shown));
  if (issues.length > 0) return fail(issues);
  const cause = v.cause!;
  const { forceMajeure, cancelled, ...rest } = v;
  return ok({
    ...rest,
    ...(forceMajeure ? { forceMajeure: true as const } : {}),
    ...(cancelled ? { cancelled: true as const } : {}),
    eventId: v.eventId!,
    assetId: v.assetId!,
    start: start!,
    end: end ?? null,
    customersAffected: v.customersAffected!,
    restorations: v.restorations ?? [],
    cause,
    planned: v.planned ?? isPlannedCause(cause),
  });
}

function restorationIssues(
  steps: readonly Restoration[],
  start: number | undefined,
  end: number | undefined,
  affected: number | undefined,
  shown: (ms: number) => string,
): Issue[] {
  const issues: Issue[] = [];
  steps.forEach((step, i) => {
    const path = `restorations[${i}].at`;
    const previous = steps[i - 1];
    if (start !== undefined && step.at < start)
      issues.push({ path, message: `must not be before start (${shown(start)})` });
    else if (end !== undefined && step.at > end)
      issues.push({ path, message: `must not be after end (${shown(end)})` });
    else if (previous !== undefined && step.at < previous.at) {
      issues.push({ path, message: `must not be before restorations[${i - 1}].at (${shown(previous.at)})` });
    }
  });
  const restored = steps.reduce((sum, s) => sum + s.customersRestored, 0);
  if (affected !== undefined && restored > affected) {
    const message = `restore ${restored} customers in total, more than customersAffected (${affected})`;
    issues.push({ path: 'restorations', message });
  }
  return issues;
}
