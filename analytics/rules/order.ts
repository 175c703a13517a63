// Event order for the evaluators (ordinal, see core/order.ts).
import { compareText } from '../../core/order.js';

/** Events in start order, ties by eventId. */
export const byStartThenId = (
  a: { start: number; eventId: string },
  b: { start: number; eventId: string },
): number => a.start - b.start || compareText(a.eventId, b.eventId);
