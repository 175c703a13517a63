// Repeated planned outages (一停多用, "one outage, many uses": seeds 001, 003, 004): the planned
// outages that reached one feeder or transformer area, each within `windowDays` of the one
// before, are one run; a run of two or more is a candidate for merging into one outage. Read
// from the attribution kept at write, so an area's run holds its own planned outages and those
// of its feeder that reached it.

import { compareText } from '../../core/order.js';
import { formatInZone, localDay } from '../../core/index.js';
import { type Store, sql, ts } from '../../store/index.js';

export interface RepeatedPlannedQuery {
  /** planned outages starting in [from, to) */
  from: number;
  to: number;
  /** longest gap between the starts of two planned outages of one run (default 60) */
  windowDays?: number;
  zone: string;
}

export interface PlannedOutageOfRun {
  eventId: string;
  /** the asset the outage was recorded on (a feeder, for an area reached through it) */
  recordedOn: string;
  start: string;
  end: string | null;
  cause: string;
}

export interface RepeatedPlanned {
  assetId: string;
  kind: string | null;
  feederId: string | null;
  county: string | null;
  /** planned outages in the run */
  count: number;
  /** local days from the first start to the last */
  spanDays: number;
  outages: PlannedOutageOfRun[];
}

interface Row {
  asset_id: string;
  kind: string | null;
  feeder_id: string | null;
  county: string | null;
  event_id: string;
  source_id: string;
  start: number;
  end_at: number | null;
  cause: string;
  gap_before: number | null;
  gap_after: number | null;
}

const DAY_US = 86_400_000_000;

/** Runs of two or more planned outages per asset, the longest first. */
export async function repeatedPlanned(store: Store, q: RepeatedPlannedQuery): Promise<RepeatedPlanned[]> {
  const window = (q.windowDays ?? 60) * DAY_US;
  // Only rows next to a planned outage of the same asset within the window leave QuestDB.
  const rows = await store.rows<Row>(sql`
    SELECT * FROM (
      SELECT asset_id, kind, feeder_id, county, event_id, source_id, start, end_at, cause,
             cast(start as long) - cast(lag(start) OVER (PARTITION BY asset_id ORDER BY start) as long) gap_before,
             cast(lead(start) OVER (PARTITION BY asset_id ORDER BY start) as long) - cast(start as long) gap_after
      FROM (
        SELECT asset_id, kind, feeder_id, county, cast(event_id as varchar) event_id, cast(source_id as varchar) source_id,
               start, end_at, cause
        FROM outage_reach
        WHERE planned AND NOT deleted AND start >= ${ts(q.from)} AND start < ${ts(q.to)}
      )
    ) WHERE gap_before <= ${window} OR gap_after <= ${window}`);
  rows.sort((a, b) => compareText(a.asset_id, b.asset_id) || a.start - b.start);
  const runs: RepeatedPlanned[] = [];
  let run: { rows: Row[] } | undefined;
  const close = () => {
    if (run && run.rows.length >= 2) runs.push(runOf(run.rows, q.zone));
    run = undefined;
  };
  for (const r of rows) {
    const joins =
      run !== undefined &&
      run.rows[0]?.asset_id === r.asset_id &&
      r.gap_before !== null &&
      r.gap_before <= window;
    if (!joins) {
      close();
      run = { rows: [] };
    }
    run?.rows.push(r);
  }
  close();
  return runs.sort(
    (a, b) => b.count - a.count || b.spanDays - a.spanDays || (a.assetId < b.assetId ? -1 : 1),
  );
}

function runOf(rows: readonly Row[], zone: string): RepeatedPlanned {
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  return {
    assetId: first.asset_id,
    kind: first.kind,
    feederId: first.feeder_id,
    county: first.county,
    count: rows.length,
    spanDays: localDay(last.start, zone) - localDay(first.start, zone),
    outages: rows.map((r) => ({
      eventId: r.event_id,
      recordedOn: r.source_id,
      start: formatInZone(r.start, zone),
      end: r.end_at === null ? null : formatInZone(r.end_at, zone),
      cause: r.cause,
    })),
  };
}
