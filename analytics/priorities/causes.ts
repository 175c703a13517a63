// Which outages remediation of an asset can remove: unplanned outages whose cause is in the
// asset itself or its exposure to weather, the faults that tree clearing, insulation,
// lightning protection, equipment replacement or automation address. Not planned work
// (maintenance, construction), not external damage (third parties), not switching and mode
// adjustment (operations), not supply shortage, customer-side faults or arrears (outside the
// asset), and not natural disasters (earthquakes, floods, landslides: hardening a line does
// not prevent them; a rule set's priority file can add them). `unknown` stays in: an outage
// nobody explained is most often an equipment fault found too late.

import type { Cause, OutageEvent } from '../../core/domain.js';

export const DEFAULT_REMEDIABLE_CAUSES: readonly Cause[] = ['equipment_fault', 'weather_fault', 'unknown'];

/** Can remediation of its asset remove this outage? */
export const isRemediable = (
  event: Pick<OutageEvent, 'cause' | 'planned'>,
  causes: readonly Cause[] = DEFAULT_REMEDIABLE_CAUSES,
): boolean => !event.planned && causes.includes(event.cause);
