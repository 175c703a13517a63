// A planned outage is announced ahead of its start (供电营业规则: seven days); one that arrives
// later is stored as sent, with a warning to its sender.

import { formatInZone, type Issue } from '../../core/index.js';
import type { RecordOf } from '../schemas/index.js';

/** The notice period of planned outages when none is given (days; 供电营业规则: seven days). */
export const PLANNED_NOTICE_DAYS = 7;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * The warning of a planned outage announced later than `days` days before its start (or after
 * it began), received at `receivedAt`; undefined when it is in time, not planned, or already over
 * when it arrived (a record of the past, not a notice).
 */
export function lateNotice(
  outage: Pick<RecordOf['outages'], 'planned' | 'start' | 'end' | 'cancelled'>,
  receivedAt: number,
  days: number,
  zone: string,
): Issue | undefined {
  // a cancellation is no announcement: it may come at any time
  if (!outage.planned || outage.cancelled) return undefined;
  if (outage.end !== null && outage.end <= receivedAt) return undefined;
  const ahead = outage.start - receivedAt;
  if (ahead >= days * DAY_MS) return undefined;
  const start = formatInZone(outage.start, zone);
  if (ahead <= 0)
    return {
      path: 'start',
      message: `planned outage announced after it began (${start}); planned outages are announced at least ${days} days ahead`,
    };
  const d = Math.floor(ahead / DAY_MS);
  const h = Math.floor((ahead % DAY_MS) / HOUR_MS);
  const left =
    d > 0 ? `${d} day${d === 1 ? '' : 's'} ${h} hour${h === 1 ? '' : 's'}` : `${h} hour${h === 1 ? '' : 's'}`;
  return {
    path: 'start',
    message: `planned outage announced ${left} before it begins (${start}), less than the ${days} days' notice due`,
  };
}
