// computeReliability: the reference evaluator the SQL queries are checked against.
// Options are checked once (errors as data); data problems (unknown assets or areas,
// re-sent events) are reported in `issues` and the figures leave those records out.

import type { Issue, Result } from '../../core/issues.js';
import { ok } from '../../core/issues.js';
import { attribute } from './durations.js';
import { denominators } from './denominator.js';
import { aggregate } from './measures.js';
import { checkOptions, type Settings } from './options.js';
import { type AssetRegister, buildRegister } from './register.js';
import type { DroppedEvents, ReliabilityOptions, ReliabilityReport } from './types.js';
import { type Exposure, expandEvent, type Piece } from './units.js';
import { dropReason, type IndexedEvent, latestEvents } from './variants.js';
import { MS_PER_MINUTE, periodHours } from './formulas.js';
import { servedUntil } from './periods.js';
import { reportOf } from './report.js';

export function computeReliability(options: ReliabilityOptions): Result<ReliabilityReport> {
  const checked = checkOptions(options);
  if (!checked.ok) return checked;
  const settings = checked.value;
  const register = buildRegister(options.assets, settings.beforeFirstVersion);
  const { events, duplicates } = latestEvents(options.events);
  const issues: Issue[] = duplicates.map(({ event, index }) => ({
    path: `events[${index}]`,
    message: `eventId "${event.eventId}" is sent again later: the later version is used`,
  }));
  const report = computeWith(register, events, settings);
  return ok({ ...report, issues: [...issues, ...report.issues] });
}

/** The evaluator on a built register and de-duplicated events (shared with the daily series). */
export function computeWith(
  register: AssetRegister,
  events: readonly IndexedEvent[],
  s: Settings,
): ReliabilityReport {
  const window = {
    from: s.from,
    to: s.to,
    asOf: s.asOf,
    splitAtEdges: s.splitAtEdges,
    shortMs: s.shortOutageMinutes * MS_PER_MINUTE,
  };
  const ctx = { register, dims: s.dims, convention: s.convention };
  const filter = { variant: s.variant, excluded: s.excluded, majorEventDays: s.majorEventDays, zone: s.zone };
  const dropped: DroppedEvents = { variant: 0, excluded: 0, majorEventDays: 0 };
  const pieces: Piece[] = [];
  const exposures: Exposure[] = [];
  const issues: Issue[] = [];
  let includesOngoing = false;

  for (const { event, index } of events) {
    const a = attribute(event, window);
    if (!a) continue;
    const reason = dropReason(event, filter);
    if (reason) {
      dropped[reason] += 1;
      continue;
    }
    const x = expandEvent(event, index, a, ctx);
    pieces.push(...x.pieces);
    exposures.push(...x.exposures);
    issues.push(...x.issues);
    if (a.ongoing && x.pieces.length > 0) includesOngoing = true;
  }

  // Users served so far: the window stops at asOf for a period still in progress.
  const end = servedUntil(s);
  const den = denominators({
    register,
    dims: s.dims,
    convention: s.convention,
    rule: s.denominator,
    from: s.from,
    end,
  });
  const hours = periodHours(s.from, end);
  const rows = aggregate({
    dims: s.dims,
    pieces,
    exposures,
    denominators: den,
    periodHours: hours,
    cemiN: s.cemiN,
    celidHours: s.celidHours,
  });
  return reportOf(s, {
    rows,
    periodHours: hours,
    includesOngoing,
    exclusionsApplied: s.excluded !== undefined,
    dropped,
    issues,
  });
}
