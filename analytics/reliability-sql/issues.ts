// Data problems met on the way, worded as the reference words them (its paths index the
// records given to it; here they name the stored event): an event whose asset has no version
// in force at its start, a listed area that is not a transformer area, and at area level a
// feeder event that interrupts no area. A statement of its own over the kept events and their
// reach rows (reach.ts; no step restoration, no windows: it runs beside the census). Each
// probe narrows to the few rows at fault before it joins anything large.
//
//   ik   kept events
//   nv   kept events whose own reach row has no version in force (kind 1)
//   lm   listed areas of kept feeder events that reach no area row of theirs (kind 2), with
//        their version at the start (none: unknown; another kind: not a transformer area)
//   nu   (area level) kept feeder events that reach no area (kind 3)

import type { Issue } from '../../core/issues.js';
import { join, raw, type Sql, sql, ts } from '../../store/index.js';
import { eventCtes } from './events.js';
import type { Plan } from './plan.js';
import { reachCtes } from './reach.js';
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
    ...reachCtes(p),
    raw('ik AS (SELECT event_id, start_ts, s FROM ev2 WHERE reason = 0)'),
    raw(`nv AS (
  SELECT e.event_id, x.u_id asset_id FROM ik e
  JOIN (SELECT event_id, start, u_id FROM rr WHERE own AND u_kind IS NULL) x ON x.event_id = e.event_id AND x.start = e.start_ts)`),
    sql`lx AS (
  SELECT l.event_id, l.start, l.area_id FROM outage_areas l
  LEFT JOIN (SELECT event_id, start, u_id FROM rr WHERE NOT own) r
    ON r.event_id = l.event_id AND r.start = l.start AND r.u_id = l.area_id
  WHERE NOT l.deleted AND l.start < ${ts(p.to)} AND l.start <= ${ts(p.asOf)}${since} AND r.u_id IS NULL)`,
    raw(`lf AS (
  SELECT x.event_id, x.start, x.area_id FROM (SELECT event_id, start FROM rr WHERE own AND u_kind = 'feeder') f
  JOIN lx x ON x.event_id = f.event_id AND x.start = f.start)`),
    raw(`lm AS (
  SELECT e.event_id, x.area_id, v.kind l_kind FROM ik e
  JOIN lf x ON x.event_id = e.event_id AND x.start = e.start_ts
  LEFT JOIN vi v ON v.id = x.area_id AND v.lo <= e.s AND e.s < v.hi)`),
  ];
  const selects = [
    `SELECT 1 kind, n.event_id::varchar event_id, n.asset_id::varchar subject, (k.asset_id IS NOT NULL) known
FROM nv n LEFT JOIN (SELECT DISTINCT a.asset_id FROM ${a.from.text} WHERE true${a.where.text}) k
  ON k.asset_id = n.asset_id`,
    `SELECT 2 kind, event_id::varchar, area_id::varchar, (l_kind IS NOT NULL) FROM lm
WHERE l_kind IS NULL OR l_kind != 'area'`,
  ];
  if (p.areaLevel) {
    const leaf = p.convention === 'customers' ? ' LEFT JOIN fed d ON d.feeder = f.u_id' : '';
    const notLeaf = p.convention === 'customers' ? ' AND d.feeder IS NOT NULL' : '';
    ctes.push(
      raw(`nf AS (
  SELECT f.event_id, f.start, f.u_id FROM (SELECT event_id, start, u_id FROM rr WHERE own AND u_kind = 'feeder') f
  LEFT JOIN (SELECT DISTINCT event_id, start FROM rr WHERE NOT own) h ON h.event_id = f.event_id AND h.start = f.start${leaf}
  WHERE h.event_id IS NULL${notLeaf})`),
      // transformers: a feeder with enterprise customers of its own interrupts them
      raw(`nu AS (
  SELECT e.event_id, f.u_id asset_id FROM ik e JOIN nf f ON f.event_id = e.event_id AND f.start = e.start_ts${
    p.convention === 'transformers'
      ? `
  LEFT JOIN vi v ON v.id = f.u_id AND v.lo <= e.s AND e.s < v.hi WHERE coalesce(v.ec, 0) = 0`
      : ''
  })`),
    );
    selects.push('SELECT 3 kind, event_id::varchar, asset_id::varchar, true FROM nu');
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
