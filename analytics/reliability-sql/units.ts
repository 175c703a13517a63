// Kept events turned into what they interrupted, as the reference's units.ts does it, with
// each CTE read once downstream (QuestDB inlines a CTE wherever it is named, so a CTE named
// twice is planned and run twice) and only the columns later steps read (the window steps
// keep whole rows in memory).
//
//   ea0   each event with its asset's version at the start (a_*), unit_ms (the mean customer
//         duration) and whether its feeder is a leaf (no area version ever names it)
//   lj    a feeder event's listed areas (outage_areas, joined on event_id and start)
//   cand  candidate rows, one per (event, asset), src 0: the event's own asset; 1: a listed
//         area with its version at the start (u_kind null = unknown); 2: an area whose version
//         at the start names the event's feeder
//   cf    with nl / nv: per event, areas listed / listed areas that are transformer areas
//   cu0   with is_unit: an area event's own area; a feeder event's valid listed areas, or,
//         none listed, the areas on the feeder; in the customers convention a leaf feeder
//         that interrupts no area, itself
//   pe    one row per piece (SAIFI, SAIDI, MAIFI: per event keyed by its own asset, or at area
//         level per unit) and/or exposure (CN, CEMI, CELID: per sustained interruption of a
//         unit), with rn numbering an event's pieces within a group (for the event counts)

import { raw, type Sql, sql, ts } from '../../store/index.js';
import { keyList } from './keys.js';
import type { Plan } from './plan.js';

const JOINED = ['event_id', 's', 'start_ts'];
const LATER = ['event_id', 'n', 'is_freq', 'is_short', 'is_ongoing', 'span_ms', 'cms', 'unit_ms'];

/** Event columns after the joins, and version columns (besides id) the later steps read. */
function columns(p: Plan) {
  const event = p.grouping.daily ? [...LATER, 'lday'] : LATER;
  const version = ['kind', 'cust', ...p.grouping.columns];
  return {
    event: event.join(', '),
    eventOf: (alias: string) => event.map((c) => `${alias}.${c}`).join(', '),
    joined: (alias: string) => [...new Set([...JOINED, ...event])].map((c) => `${alias}.${c}`).join(', '),
    version: (from: string, to: string) => version.map((c) => `${from}${c} ${to}${c}`).join(', '),
    u: version.map((c) => `u_${c}`).join(', '),
  };
}

/** ea0: the kept events with their asset's version at the start. */
function eventAssetCte(p: Plan): Sql {
  const c = columns(p);
  return raw(`ea0 AS (
  SELECT e.event_id, e.asset_id, e.start_ts, e.s, e.n, e.is_freq, e.is_short, e.is_ongoing, e.span_ms, e.cms,
    e.lday, CASE WHEN e.is_short THEN 0.0 WHEN e.n > 0 THEN e.cms::double / e.n ELSE e.span_ms::double END unit_ms,
    v.id a_id, ${c.version('v.', 'a_')}, (f.feeder IS NULL) leaf
  FROM evc e JOIN vi v ON v.id = e.asset_id AND v.lo <= e.s AND e.s < v.hi
  LEFT JOIN fed f ON f.feeder = e.asset_id)`);
}

/** ea0 … cu0: the events, the assets they interrupted, and which of those are units. */
export function candidateCtes(p: Plan): Sql[] {
  const c = columns(p);
  const since = p.splitAtEdges ? raw('') : sql` AND l.start >= ${ts(p.from)}`;
  const leafUnit =
    p.convention === 'customers'
      ? `
      OR (src = 0 AND u_kind = 'feeder' AND leaf AND nv = 0)`
      : '';
  return [
    eventAssetCte(p),
    sql`lj AS (
  SELECT ${raw(c.joined('e'))}, l.area_id
  FROM ea0 e JOIN outage_areas l ON l.event_id = e.event_id AND l.start = e.start_ts
  WHERE e.a_kind = 'feeder' AND NOT l.deleted AND l.start < ${ts(p.to)} AND l.start <= ${ts(p.asOf)}${since})`,
    raw(`cand AS (
  SELECT ${c.event}, 0 src, a_id::varchar u_id, ${c.version('a_', 'u_')}, leaf FROM ea0
  UNION ALL
  SELECT ${c.eventOf('j')}, 1 src, j.area_id::varchar u_id, ${c.version('v.', 'u_')}, false leaf
  FROM lj j LEFT JOIN vi v ON v.id = j.area_id AND v.lo <= j.s AND j.s < v.hi
  UNION ALL
  SELECT ${c.eventOf('e')}, 2 src, v.id::varchar u_id, ${c.version('v.', 'u_')}, false leaf
  FROM ea0 e JOIN vi v ON v.feeder = e.asset_id AND v.lo <= e.s AND e.s < v.hi
  WHERE e.a_kind = 'feeder' AND v.kind = 'area')`),
    raw(`cf AS (
  SELECT ${c.event}, src, u_id, ${c.u}, leaf,
    sum(CASE WHEN src = 1 THEN 1 ELSE 0 END) OVER (PARTITION BY event_id) nl,
    sum(CASE WHEN src = 1 AND u_kind = 'area' THEN 1 ELSE 0 END) OVER (PARTITION BY event_id) nv
  FROM cand)`),
    raw(`cu0 AS (
  SELECT ${c.event}, src, u_id, ${c.u},
    ((src IN (0, 1) AND u_kind = 'area') OR (src = 2 AND nl = 0)${leafUnit}) is_unit
  FROM cf)`),
  ];
}

/** Without exposures or area-level pieces (the daily series in the customers convention) no unit is needed. */
export const needsUnits = (p: Plan): boolean => p.areaLevel || !p.grouping.daily;

/** The CTEs up to pe0 (pieces and exposures) and, `ranked`, pe (with rn). */
export function pieceCtes(p: Plan, ranked = true): Sql[] {
  const k = p.grouping.names.join(', ');
  const rank = ranked
    ? [
        raw(`pe AS (
  SELECT *, row_number() OVER (PARTITION BY ${k}, event_id, pk) rn FROM pe0)`),
      ]
    : [];
  if (!needsUnits(p)) {
    return [
      eventAssetCte(p),
      raw(`pe0 AS (
  SELECT ${keyList(p.grouping, 'a_')}, event_id, null::varchar unit_id, is_freq, is_short, is_ongoing,
    true is_piece, false is_exp, unit_ms, n::long users, cms::double user_ms,
    CASE WHEN is_freq THEN (CASE WHEN is_short THEN 2 ELSE 1 END) ELSE 0 END pk
  FROM ea0)`),
      ...rank,
    ];
  }
  const isPiece = p.areaLevel ? 'is_unit' : 'src = 0';
  const users = !p.areaLevel
    ? 'n::long'
    : p.convention === 'transformers'
      ? '1L'
      : 'CASE WHEN src = 0 THEN n::long ELSE u_cust::long END';
  const userMs = !p.areaLevel
    ? 'cms::double'
    : p.convention === 'transformers'
      ? 'unit_ms'
      : `CASE WHEN src = 0 THEN cms::double WHEN is_short THEN 0.0
      WHEN n > 0 THEN (u_cust::long * cms)::double / n ELSE (u_cust::long * span_ms)::double END`;
  const unitId = p.grouping.daily ? 'null::varchar' : 'CASE WHEN is_unit THEN u_id ELSE null::varchar END';
  return [
    ...candidateCtes(p),
    raw(`pe0 AS (
  SELECT ${keyList(p.grouping, 'u_')}, event_id, ${unitId} unit_id, is_freq, is_short, is_ongoing,
    ${isPiece} is_piece, (is_unit AND NOT is_short) is_exp, unit_ms, ${users} users, ${userMs} user_ms,
    CASE WHEN (${isPiece}) AND is_freq THEN (CASE WHEN is_short THEN 2 ELSE 1 END) ELSE 0 END pk
  FROM cu0 WHERE (${isPiece}) OR (is_unit AND NOT is_short))`),
    ...rank,
  ];
}
