// The statements, assembled from the CTE builders: versions → events → candidates and units
// → pieces and exposures → N_T → per group and unit → per group. Each CTE is named once
// downstream (QuestDB plans a CTE wherever it is named).

import { join, raw, type Sql, sql } from '../../store/index.js';
import type { DenominatorRule } from '../reliability/index.js';
import { aggregateCtes, groupSelect } from './aggregate.js';
import { changesSelect, denominatorCte } from './denominator.js';
import { keptEventCtes } from './events.js';
import type { Plan } from './plan.js';
import { pieceCtes } from './units.js';
import { versionCtes } from './versions.js';

const pipelineCtes = (p: Plan): Sql[] => [
  ...versionCtes(p.scope, p.beforeFirstVersion),
  ...keptEventCtes(p),
  ...pieceCtes(p),
];

const withCtes = (ctes: readonly Sql[], select: Sql): Sql => sql`WITH ${join(ctes, ',\n')}
${select}`;

/** One row per group: k*, num, users, s_users, user_ms, events, s_events, ongo, cn, cemi*, celid_*. */
export function reportStatement(p: Plan, rule: DenominatorRule): Sql {
  return withCtes([...pipelineCtes(p), denominatorCte(p, rule), ...aggregateCtes(p)], raw(groupSelect(p)));
}

/** One row per local day with pieces: lday, user_ms (sustained customer-ms), ongo. */
export function dailyStatement(p: Plan): Sql {
  return withCtes(
    [...versionCtes(p.scope, p.beforeFirstVersion), ...keptEventCtes(p), ...pieceCtes(p, false)],
    raw(`SELECT k0 lday, sum(CASE WHEN is_short THEN 0.0 ELSE user_ms END) user_ms,
  max(CASE WHEN is_ongoing THEN 1 ELSE 0 END) ongo
FROM pe0 WHERE is_piece GROUP BY k0`),
  );
}

/** The changes of the users served inside [from, to), one row per instant (t, dw), in time order. */
export function changesStatement(p: Plan, from: number, to: number): Sql {
  return withCtes(versionCtes(p.scope, p.beforeFirstVersion), changesSelect(p, from, to));
}
