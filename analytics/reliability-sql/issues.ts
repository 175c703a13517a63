// Data problems met on the way, worded as the reference words them (its paths index the
// records given to it; here they name the stored event): an event whose asset has no version
// in force at its start, a listed area that is not a transformer area, and at area level a
// feeder event that interrupts no area. A statement of its own over the kept events (no step
// restoration, no windows: it runs beside the census).
//
//   ik   kept events;  ia  with their asset's version kind at the start and leaf
//   ij   a feeder event's listed areas;  il  with the listed asset's version kind
//   ic   per feeder event: areas listed (nl), listed transformer areas (nv)
//   ifc  per feeder event: areas whose version at the start names the feeder (area level only)

import type { Issue } from '../../core/issues.js';
import { join, raw, type Sql, sql, ts } from '../../store/index.js';
import { eventCtes } from './events.js';
import type { Plan } from './plan.js';
import { scopedAssets } from './scope.js';
import { versionCtes } from './versions.js';

export const ISSUE_LIMIT = 1_000;

export interface IssueRow {
  kind: number;
  event_id: string;
  subject: string;
  known: boolean;
}

/** kind 1: no version in force (known: the asset has versions); 2: listed area not an area; 3: no units. */
export function issuesStatement(p: Plan): Sql {
  const a = scopedAssets(p.scope, 'a');
  const since = p.splitAtEdges ? raw('') : sql` AND l.start >= ${ts(p.from)}`;
  const ctes: Sql[] = [
    ...versionCtes(p.scope, p.beforeFirstVersion),
    ...eventCtes(p),
    raw(`ik AS (SELECT event_id, asset_id, start_ts, s FROM ev2 WHERE reason = 0)`),
    raw(`ia AS (
  SELECT k.event_id, k.asset_id, k.start_ts, k.s, v.kind a_kind, (f.feeder IS NULL) leaf
  FROM ik k LEFT JOIN vi v ON v.id = k.asset_id AND v.lo <= k.s AND k.s < v.hi
  LEFT JOIN fed f ON f.feeder = k.asset_id)`),
    sql`ij AS (
  SELECT e.event_id, e.s, l.area_id FROM ia e JOIN outage_areas l ON l.event_id = e.event_id AND l.start = e.start_ts
  WHERE e.a_kind = 'feeder' AND NOT l.deleted AND l.start < ${ts(p.to)} AND l.start <= ${ts(p.asOf)}${since})`,
    raw(`il AS (
  SELECT j.event_id, j.area_id, v.kind l_kind
  FROM ij j LEFT JOIN vi v ON v.id = j.area_id AND v.lo <= j.s AND j.s < v.hi)`),
  ];
  const selects = [
    `SELECT 1 kind, e.event_id::varchar event_id, e.asset_id::varchar subject, (k.asset_id IS NOT NULL) known
FROM ia e LEFT JOIN (SELECT DISTINCT a.asset_id FROM ${a.from.text} WHERE true${a.where.text}) k
  ON k.asset_id = e.asset_id
WHERE e.a_kind IS NULL`,
    `SELECT 2 kind, event_id::varchar, area_id::varchar, (l_kind IS NOT NULL) FROM il
WHERE l_kind IS NULL OR l_kind != 'area'`,
  ];
  if (p.areaLevel) {
    ctes.push(
      raw(`ic AS (
  SELECT event_id, count() nl, sum(CASE WHEN l_kind = 'area' THEN 1L ELSE 0L END) nv FROM il GROUP BY event_id)`),
      raw(`ifc AS (
  SELECT e.event_id, count() nf FROM ia e JOIN vi v ON v.feeder = e.asset_id AND v.lo <= e.s AND e.s < v.hi
  WHERE e.a_kind = 'feeder' AND v.kind = 'area' GROUP BY e.event_id)`),
    );
    const leafUnit = p.convention === 'customers' ? ' AND NOT e.leaf' : '';
    selects.push(`SELECT 3 kind, e.event_id::varchar, e.asset_id::varchar, true
FROM ia e LEFT JOIN ic c ON c.event_id = e.event_id LEFT JOIN ifc x ON x.event_id = e.event_id
WHERE e.a_kind = 'feeder'${leafUnit}
  AND (CASE WHEN coalesce(c.nl, 0L) > 0 THEN coalesce(c.nv, 0L) ELSE coalesce(x.nf, 0L) END) = 0`);
  }
  return sql`WITH ${join(ctes, ',\n')}
SELECT * FROM (
${raw(selects.join('\nUNION ALL\n'))}
) ORDER BY event_id, kind, subject LIMIT ${ISSUE_LIMIT}`;
}

/** The rows of the issues statement in the reference's words. */
export function issuesOf(rows: readonly IssueRow[], p: Plan): Issue[] {
  return rows.map((r) => {
    const path = `events[${JSON.stringify(r.event_id)}]`;
    switch (r.kind) {
      case 1:
        return {
          path: `${path}.assetId`,
          message: r.known
            ? `asset "${r.subject}" has no version in force at the outage start`
            : `unknown asset: "${r.subject}"`,
        };
      case 2:
        return {
          path: `${path}.affectedAreas`,
          message: r.known
            ? `"${r.subject}" is not a transformer area`
            : `unknown transformer area: "${r.subject}"`,
        };
      default:
        return {
          path,
          message: `feeder "${r.subject}" has no transformer areas at the outage start: it interrupts no ${p.convention} in area-level figures`,
        };
    }
  });
}
