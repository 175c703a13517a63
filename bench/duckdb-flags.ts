// The peer of analytics/flags/sql.ts: the same windowed query for one count rule, written for
// DuckDB (QUALIFY instead of LATEST ON, timezone() instead of to_timezone()), run on the same
// rows. Benchmarks only; values are inlined from the rule files, not from users.

import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { firstRelevantDay } from '../analytics/flags/index.js';
import type { CountRule } from '../analytics/rules/index.js';
import type { Asset, OutageEvent, Warning } from '../core/index.js';
import { localDay, startOfLocalDay } from '../core/index.js';
import type { ReachRow } from '../store/index.js';

const q = (s: string) => `'${s.replaceAll("'", "''")}'`;
const list = (xs: readonly string[]) => xs.map(q).join(', ');
const iso = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? '' : new Date(ms).toISOString();
const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** Writes a CSV a block of lines at a time (the rows may be a generator of millions). */
function writeCsv(file: string, header: string[], rows: Iterable<unknown[]>): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, `${header.join(',')}\n`);
    let block: string[] = [];
    for (const r of rows) {
      block.push(r.map(csvCell).join(','));
      if (block.length >= 10_000) {
        writeSync(fd, `${block.join('\n')}\n`);
        block = [];
      }
    }
    if (block.length > 0) writeSync(fd, `${block.join('\n')}\n`);
  } finally {
    closeSync(fd);
  }
}

export async function duckdbWithData(
  dir: string,
  assets: Asset[],
  events: OutageEvent[],
  warnings: Warning[],
  reach: Iterable<ReachRow> = [],
) {
  writeCsv(
    join(dir, 'reach.csv'),
    ['asset_id', 'event_id', 'start', 'end_at', 'cause', 'planned', 'warned_by'],
    (function* () {
      for (const r of reach)
        yield [r.assetId, r.eventId, iso(r.start), iso(r.end), r.cause, r.planned, r.warnedBy];
    })(),
  );
  writeCsv(
    join(dir, 'assets.csv'),
    ['asset_id', 'kind', 'feeder_id', 'province', 'city', 'county', 'area_class', 'park', 'valid_from'],
    assets.map((a) => [
      a.assetId,
      a.kind,
      a.feederId,
      a.province,
      a.city,
      a.county,
      a.areaClass,
      a.park,
      iso(a.validFrom),
    ]),
  );
  writeCsv(
    join(dir, 'outages.csv'),
    ['event_id', 'asset_id', 'start', 'end_at', 'cause', 'planned', 'warning_id', 'has_areas'],
    events.map((e) => [
      e.eventId,
      e.assetId,
      iso(e.start),
      iso(e.end),
      e.cause,
      e.planned,
      e.warningId,
      e.affectedAreas ? 1 : 0,
    ]),
  );
  writeCsv(
    join(dir, 'outage_areas.csv'),
    ['event_id', 'area_id', 'start'],
    events.flatMap((e) => [...new Set(e.affectedAreas ?? [])].map((a) => [e.eventId, a, iso(e.start)])),
  );
  writeCsv(
    join(dir, 'warnings.csv'),
    ['warning_id', 'province', 'city', 'county', 'start', 'end_at'],
    warnings.map((w) => [w.warningId, w.province, w.city, w.county, iso(w.start), iso(w.end)]),
  );
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const types: Record<string, string> = {
    assets: "{'valid_from': 'TIMESTAMPTZ'}",
    outages:
      "{'start': 'TIMESTAMPTZ', 'end_at': 'TIMESTAMPTZ', 'planned': 'BOOLEAN', 'has_areas': 'INTEGER'}",
    outage_areas: "{'start': 'TIMESTAMPTZ'}",
    warnings: "{'start': 'TIMESTAMPTZ', 'end_at': 'TIMESTAMPTZ'}",
    reach: "{'start': 'TIMESTAMPTZ', 'end_at': 'TIMESTAMPTZ', 'planned': 'BOOLEAN', 'warned_by': 'VARCHAR'}",
  };
  for (const t of Object.keys(types)) {
    await c.run(
      `CREATE TABLE ${t} AS SELECT * FROM read_csv(${q(join(dir, `${t}.csv`))}, header = true, types = ${types[t]}, all_varchar = false)`,
    );
  }
  return c;
}

/** What both DuckDB statements derive from a rule: filters, scope, the window parts. */
function parts(rule: CountRule, asOf: number, zone: string, shortMinutes: number) {
  const today = localDay(asOf, zone);
  const low = new Date(startOfLocalDay(firstRelevantDay(rule, today), zone)).toISOString();
  const t = `TIMESTAMPTZ ${q(new Date(asOf).toISOString())}`;
  const lowTs = `TIMESTAMPTZ ${q(low)}`;
  const day = (col: string) => `(epoch_us(timezone(${q(zone)}, ${col})) // 86400000000)`;
  const c = rule.counts;
  const filters: string[] = ['true'];
  if (c.causes !== 'all') filters.push(`ar.cause IN (${list(c.causes)})`);
  if (c.planned !== 'any') filters.push(`ar.planned = ${c.planned}`);
  if (c.exclusions.includes('external_damage')) filters.push(`ar.cause <> 'external_damage'`);
  const dur = '(epoch_us(ar.end_at) - epoch_us(ar.start))';
  if (c.exclusions.includes('short_switching')) {
    filters.push(
      `NOT (ar.end_at IS NOT NULL AND ar.cause IN ('protective_supply_switching', 'mode_adjustment') AND ${dur} <= ${shortMinutes * 60_000_000})`,
    );
  }
  if (c.minDurationMinutes !== undefined)
    filters.push(`NOT (ar.end_at IS NOT NULL AND ${dur} < ${c.minDurationMinutes * 60_000_000})`);
  const warned = c.exclusions.includes('warned_weather');
  const s = rule.scope;
  const scope = [`cur.kind IN (${list(s.kind)})`];
  if (s.province) scope.push(`cur.province IN (${list(s.province)})`);
  if (s.areaClass) scope.push(`cur.area_class IN (${list(s.areaClass)})`);
  if (s.park === true) scope.push('cur.park IS NOT NULL');
  const rolling = rule.window.kind === 'rolling';
  const period = (col: string) => {
    if (rule.window.kind === 'rolling') return '0';
    const local = `timezone(${q(zone)}, ${col})`;
    if (rule.window.unit === 'year') return `year(${local})`;
    if (rule.window.unit === 'quarter') return `year(${local}) * 4 + (month(${local}) - 1) // 3`;
    return `year(${local}) * 12 + month(${local}) - 1`;
  };
  const n = rolling ? (rule.window as { days: number }).days : 0;
  /** CTEs m … framed over `c` (tgt, event_id, start, end_at and the `carried` columns). */
  const current = rolling ? `day >= ${today - n + 1} AND day <= ${today}` : `period = ${period(t)}`;
  const windows = (carried: string) => `
m AS (SELECT *, max(coalesce(end_at, TIMESTAMPTZ '2200-01-01 00:00:00+00')) OVER (PARTITION BY tgt ORDER BY start, event_id
        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) prev_end FROM c),
leaders AS (SELECT tgt, ${carried} event_id, start, ${day('start')} AS day, ${period('start')} AS period
            FROM m WHERE prev_end IS NULL OR start >= prev_end),
numbered AS (SELECT *, row_number() OVER (PARTITION BY tgt ORDER BY start, event_id) seq,
        ${rolling ? '0' : 'row_number() OVER (PARTITION BY tgt, period ORDER BY start, event_id)'} period_seq,
        lag(day, ${rule.limit}) OVER (PARTITION BY tgt ORDER BY start, event_id) lag_day FROM leaders),
marked AS (SELECT *, coalesce(${rolling ? `(lag_day IS NOT NULL AND day - lag_day <= ${n - 1})` : `period_seq > ${rule.limit}`}
        AND day >= ${today - 364} AND day <= ${today}, false) recent FROM numbered),
framed AS (SELECT *, max(CASE WHEN recent THEN seq END) OVER (PARTITION BY tgt) lb_seq,
        sum(CASE WHEN ${current} THEN 1 ELSE 0 END) OVER (PARTITION BY tgt) n_current,
        max(CASE WHEN recent THEN day END) OVER (PARTITION BY tgt) lb_day,
        max(CASE WHEN recent THEN period END) OVER (PARTITION BY tgt) lb_period FROM marked)`;
  const breachRows = `(lb_seq IS NOT NULL AND seq <= lb_seq AND ${rolling ? `day >= lb_day - ${n - 1}` : 'period = lb_period'})`;
  // The statement before returned every current window; today's only those that hold the limit.
  const flaggedWhere = `${breachRows} OR (lb_seq IS NULL AND ${current})`;
  const flaggedAtRisk = `${breachRows} OR (lb_seq IS NULL AND ${current} AND n_current >= ${rule.limit})`;
  return { t, lowTs, filters, warned, scope, windows, flaggedWhere, flaggedAtRisk };
}

/** The product's statement before outage_reach: attribution by joins, then the windows. */
export function duckdbFlagQuery(rule: CountRule, asOf: number, zone: string, shortMinutes: number): string {
  const { t, lowTs, filters, warned, scope, windows, flaggedWhere } = parts(rule, asOf, zone, shortMinutes);
  return `
WITH v AS (
  SELECT *, row_number() OVER (PARTITION BY asset_id ORDER BY valid_from) rn,
         lead(valid_from) OVER (PARTITION BY asset_id ORDER BY valid_from) valid_to FROM assets),
vi AS (SELECT asset_id, kind, feeder_id, province, city, county, area_class, park,
         CASE WHEN rn = 1 THEN TIMESTAMPTZ '1970-01-01 00:00:00+00' ELSE valid_from END vfrom,
         coalesce(valid_to, TIMESTAMPTZ '2200-01-01 00:00:00+00') vto FROM v),
cur AS (SELECT * FROM vi WHERE vfrom <= ${t} AND ${t} < vto),
e AS (SELECT * FROM outages WHERE start <= ${t} AND (start >= ${lowTs} OR end_at IS NULL OR end_at > ${lowTs})),
ef AS (SELECT e.* FROM e JOIN vi ON vi.asset_id = e.asset_id WHERE vi.kind = 'feeder' AND vi.vfrom <= e.start AND e.start < vi.vto),
att AS (
  SELECT asset_id tgt, event_id, start, end_at, cause, planned, warning_id FROM e
  UNION ALL
  SELECT vi.asset_id, ef.event_id, ef.start, ef.end_at, ef.cause, ef.planned, ef.warning_id
  FROM ef JOIN vi ON vi.feeder_id = ef.asset_id
  WHERE ef.has_areas = 0 AND vi.kind = 'area' AND vi.vfrom <= ef.start AND ef.start < vi.vto AND vi.asset_id <> ef.asset_id
  UNION ALL
  SELECT l.area_id, ef.event_id, ef.start, ef.end_at, ef.cause, ef.planned, ef.warning_id
  FROM ef JOIN outage_areas l ON l.event_id = ef.event_id AND l.start = ef.start
  JOIN vi ON vi.asset_id = l.area_id
  WHERE vi.kind = 'area' AND vi.vfrom <= ef.start AND ef.start < vi.vto AND l.area_id <> ef.asset_id),
ar AS (SELECT att.*, vi.province, vi.city, vi.county FROM att JOIN vi ON vi.asset_id = att.tgt
       WHERE vi.vfrom <= att.start AND att.start < vi.vto),
${
  warned
    ? `warned AS (
  SELECT DISTINCT ar.tgt, ar.event_id FROM ar JOIN warnings w ON
    w.start <= ar.start AND ar.start <= w.end_at
    AND (w.province IS NULL OR w.province = ar.province) AND (w.city IS NULL OR w.city = ar.city)
    AND (w.county IS NULL OR w.county = ar.county) AND (ar.warning_id IS NULL OR w.warning_id = ar.warning_id)
  WHERE ar.cause IN ('weather_fault', 'natural_disaster')),
counted AS (SELECT ar.* FROM ar ANTI JOIN warned ON warned.tgt = ar.tgt AND warned.event_id = ar.event_id
  WHERE ${filters.join(' AND ')}),`
    : `counted AS (SELECT ar.* FROM ar WHERE ${filters.join(' AND ')}),`
}
c AS (SELECT counted.tgt, cur.kind, counted.event_id, counted.start, counted.end_at
      FROM counted JOIN cur ON cur.asset_id = counted.tgt WHERE ${scope.join(' AND ')}),
${windows('kind,')}
SELECT tgt, kind, event_id, day, seq, lb_seq, lb_day FROM framed
WHERE ${flaggedWhere}
ORDER BY tgt, seq`;
}

/**
 * The product's one-table statement (analytics/flags/sql.ts) on a copy of outage_reach: counted
 * outages per reached asset, the windows, then the scope on the flagged assets as they stand.
 */
export function duckdbReachFlagQuery(
  rule: CountRule,
  asOf: number,
  zone: string,
  shortMinutes: number,
): string {
  const { t, lowTs, filters, warned, scope, windows, flaggedAtRisk } = parts(rule, asOf, zone, shortMinutes);
  const notWarned = warned
    ? `(ar.warned_by IS NULL OR ar.cause NOT IN ('weather_fault', 'natural_disaster'))`
    : 'true';
  return `
WITH ar AS (SELECT asset_id tgt, event_id, start, end_at, cause, planned, warned_by FROM reach
            WHERE start <= ${t} AND (start >= ${lowTs} OR end_at IS NULL OR end_at > ${lowTs})),
c AS (SELECT tgt, event_id, start, end_at FROM ar WHERE ${notWarned} AND ${filters.join(' AND ')}),
${windows('')},
flagged AS (SELECT tgt, event_id, day, seq, lb_seq, lb_day FROM framed WHERE ${flaggedAtRisk}),
cur AS (SELECT a.* FROM assets a JOIN (SELECT DISTINCT tgt FROM flagged) f ON f.tgt = a.asset_id
        QUALIFY row_number() OVER (PARTITION BY a.asset_id ORDER BY CASE WHEN a.valid_from <= ${t} THEN 0 ELSE 1 END,
          CASE WHEN a.valid_from <= ${t} THEN -epoch_us(a.valid_from) ELSE epoch_us(a.valid_from) END) = 1)
SELECT flagged.tgt, cur.kind, flagged.event_id, flagged.day, flagged.seq, flagged.lb_seq, flagged.lb_day
FROM flagged JOIN cur ON cur.asset_id = flagged.tgt
WHERE ${scope.join(' AND ')}`;
}

/**
 * The product's shared statement (analytics/flags/shared-sql.ts) for rolling rules that count
 * alike, on a copy of outage_reach: one pass of counting, merging and numbering, then each rule's
 * lag, marks and rows. Returns, per row, the flags of each rule it belongs to (in_0, in_1, …).
 */
export function duckdbSharedReachFlagQuery(
  rules: readonly CountRule[],
  asOf: number,
  zone: string,
  shortMinutes: number,
): string {
  const today = localDay(asOf, zone);
  const widest = rules.reduce((a, b) => (firstRelevantDay(b, today) < firstRelevantDay(a, today) ? b : a));
  const { t, lowTs, filters, warned, scope } = parts(widest, asOf, zone, shortMinutes);
  const day = `(epoch_us(timezone(${q(zone)}, start)) // 86400000000)`;
  const days = rules.map((r) => (r.window as { days: number }).days);
  const notWarned = warned
    ? `(ar.warned_by IS NULL OR ar.cause NOT IN ('weather_fault', 'natural_disaster'))`
    : 'true';
  const inFlag = (i: number) =>
    `((lb_seq_${i} IS NOT NULL AND seq <= lb_seq_${i} AND day >= lb_day_${i} - ${days[i]! - 1})
      OR (lb_seq_${i} IS NULL AND cur_${i} AND n_${i} >= ${rules[i]!.limit}))`;
  const each = (f: (i: number) => string) => rules.map((_r, i) => f(i)).join(',\n  ');
  return `
WITH ar AS (SELECT asset_id tgt, event_id, start, end_at, cause, planned, warned_by FROM reach
            WHERE start <= ${t} AND (start >= ${lowTs} OR end_at IS NULL OR end_at > ${lowTs})),
c AS (SELECT tgt, event_id, start, end_at FROM ar WHERE ${notWarned} AND ${filters.join(' AND ')}),
m AS (SELECT *, max(coalesce(end_at, TIMESTAMPTZ '2200-01-01 00:00:00+00')) OVER (PARTITION BY tgt ORDER BY start, event_id
        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) prev_end FROM c),
leaders AS (SELECT tgt, event_id, start, ${day} AS day FROM m WHERE prev_end IS NULL OR start >= prev_end),
numbered AS (SELECT *, row_number() OVER (PARTITION BY tgt ORDER BY start, event_id) seq,
  ${each((i) => `lag(day, ${rules[i]!.limit}) OVER (PARTITION BY tgt ORDER BY start, event_id) lag_${i}`)} FROM leaders),
marked AS (SELECT *,
  ${each(
    (
      i,
    ) => `coalesce(lag_${i} IS NOT NULL AND day - lag_${i} <= ${days[i]! - 1} AND day >= ${today - 364} AND day <= ${today}, false) recent_${i},
  day >= ${today - days[i]! + 1} AND day <= ${today} cur_${i}`,
  )} FROM numbered),
framed AS (SELECT *,
  ${each(
    (i) => `sum(CASE WHEN cur_${i} THEN 1 ELSE 0 END) OVER (PARTITION BY tgt) n_${i},
  max(CASE WHEN recent_${i} THEN seq END) OVER (PARTITION BY tgt) lb_seq_${i},
  max(CASE WHEN recent_${i} THEN day END) OVER (PARTITION BY tgt) lb_day_${i}`,
  )} FROM marked),
flagged AS (SELECT tgt, event_id, seq, ${each((i) => `lb_seq_${i}, lb_day_${i}, ${inFlag(i)} in_${i}`)}
  FROM framed WHERE ${rules.map((_r, i) => inFlag(i)).join(' OR ')}),
cur AS (SELECT a.* FROM assets a JOIN (SELECT DISTINCT tgt FROM flagged) f ON f.tgt = a.asset_id
        QUALIFY row_number() OVER (PARTITION BY a.asset_id ORDER BY CASE WHEN a.valid_from <= ${t} THEN 0 ELSE 1 END,
          CASE WHEN a.valid_from <= ${t} THEN -epoch_us(a.valid_from) ELSE epoch_us(a.valid_from) END) = 1)
SELECT flagged.*, cur.kind FROM flagged JOIN cur ON cur.asset_id = flagged.tgt
WHERE ${scope.join(' AND ')}`;
}
