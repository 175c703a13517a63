// Kept events turned into what they interrupted, as the reference's units.ts does it, read
// from the attribution kept at write (reach.ts) rather than derived by joins, with each CTE
// read once downstream (QuestDB inlines a CTE wherever it is named, so a CTE named twice is
// planned and run twice) and only the columns later steps read.
//
//   lu    (customers convention) the own rows of leaf feeders (no area names them) that
//         interrupt no area: such a feeder is a unit itself. Few rows, so ru joins them
//         instead of joining every reach row with the feeders.
//   ru    each reach row of a kept event (the event's own asset, own = true, and the areas it
//         interrupted) with the event's figures, unit_ms (the mean customer duration) and
//         is_unit: an interrupted area, an area event's own area, a row of lu. An own row with
//         no version in force at the start counts nowhere (the issues statement names it).
//   pe0   one row per piece (SAIFI, SAIDI, MAIFI: per event keyed by its own asset, or at area
//         level per unit) and/or exposure (CN, CEMI, CELID: per sustained interruption of a
//         unit)
//   pc    the contributions to each group and unit (aggregate.ts sums them with N_T): at area
//         level one per row of pe0, an event counted once per group (its first piece there,
//         rn); otherwise an event has one piece, and the rows are summed first per reached
//         asset and placement, grouped on the symbols as stored (hashing the text keys of
//         every row cost seconds at a province's size), the keys worked out after.
import { raw, type Sql } from '../../store/index.js';
import { keyList } from './keys.js';
import type { Plan } from './plan.js';
import { listedElsewhereCte, placementColumns, reachCtes } from './reach.js';
import { perRowContributionCte } from './aggregate.js';
import { transformerUsers } from './versions.js';

const EVENT = ['event_id', 'n', 'is_freq', 'is_short', 'is_ongoing', 'span_ms', 'cms'];

/** A transformer area's customers (u_cust) are read from its version: area level, customers only. */
const needsCustomers = (p: Plan): boolean => p.areaLevel && p.convention === 'customers';
/** Enterprise customers (u_ec, DL/T 836 users) are read from the version: transformers convention. */
const needsEnterprise = (p: Plan): boolean => p.convention === 'transformers';

/** The reach rows of kept events joined with their figures (r, e), and how a row counts. */
interface Joined {
  /** hl and lu (customers convention) */
  ctes: Sql[];
  /** FROM … JOIN … WHERE: the rows with a version in force */
  from: string;
  isUnit: string;
  /** the mean customer duration of an event whose columns carry `prefix` ('e.' or none) */
  unitMs: (prefix: string) => string;
}

function joined(p: Plan, events = 'evc'): Joined {
  const customers = p.convention === 'customers';
  const joins = [
    `FROM rr r JOIN ${events} e ON e.event_id = r.event_id AND e.start_ts = r.start`,
    ...(customers ? ['LEFT JOIN lu ON lu.leaf_event = r.event_id AND lu.leaf_start = r.start'] : []),
    ...(needsCustomers(p) || needsEnterprise(p)
      ? ['LEFT JOIN vi v ON v.id = r.u_id AND v.lo <= e.s AND e.s < v.hi']
      : []),
    'WHERE r.u_kind IS NOT NULL',
  ];
  const leafUnits = raw(`lu AS (
  SELECT r.event_id leaf_event, r.start leaf_start FROM (SELECT event_id, start, u_id FROM rr WHERE own AND u_kind = 'feeder') r
  LEFT JOIN fed f ON f.feeder = r.u_id LEFT JOIN hl h ON h.event_id = r.event_id AND h.start = r.start
  WHERE f.feeder IS NULL AND h.event_id IS NULL)`);
  return {
    ctes: customers ? [listedElsewhereCte(), leafUnits] : [],
    from: joins.join('\n  '),
    isUnit: `(NOT r.own OR r.u_kind = 'area'${customers ? ' OR lu.leaf_event IS NOT NULL' : ' OR v.ec > 0'})`,
    unitMs: (e) =>
      `CASE WHEN ${e}is_short THEN 0.0 WHEN ${e}n > 0 THEN ${e}cms::double / ${e}n ELSE ${e}span_ms::double END`,
  };
}

/** hl, lu, ru: the kept events' reach rows with the event's figures, unit_ms and is_unit. */
function reachUnitCtes(p: Plan): Sql[] {
  const event = (p.grouping.daily ? [...EVENT, 'lday'] : EVENT).map((c) => `e.${c}`).join(', ');
  const placement = placementColumns(p)
    .map((c) => `r.u_${c}`)
    .join(', ');
  const j = joined(p);
  return [
    ...j.ctes,
    raw(`ru AS (
  SELECT ${event}, ${j.unitMs('e.')} unit_ms,
    r.own, r.u_id, r.u_kind, ${placement}${needsCustomers(p) ? ', v.cust u_cust' : ''}${needsEnterprise(p) ? ', v.ec u_ec' : ''}, ${j.isUnit} is_unit
  ${j.from})`),
  ];
}

/**
 * pc when each event has one piece (not at area level). What an event adds is worked out once
 * per event (ef); the reach rows then only sum those figures per reached asset, placement,
 * own and is_unit, and what each sum means is read from the keys afterwards on the few summed
 * rows. QuestDB evaluates a derived column again wherever a later step names it, and the
 * expressions per reach row, not the sums, were what a report cost at a province's size.
 */
function summedCtes(p: Plan): Sql[] {
  const j = joined(p, 'ef');
  const columns = ['r.u_id', 'r.u_kind', ...placementColumns(p).map((c) => `r.u_${c}`), 'r.own'];
  return [
    raw(`ef AS (
  SELECT event_id, start_ts, s,
    CASE WHEN is_freq AND NOT is_short THEN n::long ELSE 0L END p_users,
    CASE WHEN is_freq AND is_short THEN n::long ELSE 0L END p_susers,
    CASE WHEN is_short THEN 0.0 ELSE cms::double END p_ums,
    CASE WHEN is_freq AND NOT is_short THEN 1L ELSE 0L END p_ev,
    CASE WHEN is_freq AND is_short THEN 1L ELSE 0L END p_sev,
    ${j.unitMs('')} x_ms,
    CASE WHEN is_ongoing THEN 1 ELSE 0 END ongo
  FROM evc)`),
    ...j.ctes,
    raw(`pu AS (
  SELECT ${columns.join(', ')}, ${j.isUnit} is_unit,
    sum(e.p_users) users, sum(e.p_susers) s_users, sum(e.p_ums) user_ms, sum(e.p_ev) events,
    sum(e.p_sev) s_events, max(e.x_ms) max_ms, sum(e.x_ms) sum_ms, max(e.ongo) ongo
  ${j.from}
  GROUP BY ${columns.join(', ')}, is_unit)`),
    // An exposure is a sustained interruption of a unit (x_ms is 0 for a short one, and a
    // short one is never ongoing): its count is the events' count (p_ev) on unit rows.
    raw(`pc AS (
  SELECT ${keyList(p.grouping, 'u_')}, CASE WHEN is_unit THEN u_id::varchar ELSE null::varchar END unit_id,
    CASE WHEN is_unit THEN events ELSE 0L END cnt,
    CASE WHEN is_unit THEN max_ms ELSE 0.0 END max_ms,
    CASE WHEN is_unit THEN sum_ms ELSE 0.0 END sum_ms,
    CASE WHEN own THEN users ELSE 0L END users,
    CASE WHEN own THEN s_users ELSE 0L END s_users,
    CASE WHEN own THEN user_ms ELSE 0.0 END user_ms,
    CASE WHEN own THEN events ELSE 0L END events,
    CASE WHEN own THEN s_events ELSE 0L END s_events,
    ongo
  FROM pu)`),
  ];
}

/** Without exposures or area-level pieces (the daily series in the customers convention) no unit is needed. */
export const needsUnits = (p: Plan): boolean => p.areaLevel || !p.grouping.daily;

/** The CTEs up to pe0 (pieces and exposures) and, `ranked`, pc (the contributions, aggregate.ts). */
export function pieceCtes(p: Plan, ranked = true): Sql[] {
  if (ranked && !p.areaLevel) return [...reachCtes(p), ...summedCtes(p)];
  const isPiece = p.areaLevel ? 'is_unit' : 'own';
  const users = !p.areaLevel
    ? 'n::long'
    : p.convention === 'transformers'
      ? transformerUsers('u_kind', 'u_ec')
      : 'CASE WHEN own THEN n::long ELSE u_cust::long END';
  const userMs = !p.areaLevel
    ? 'cms::double'
    : p.convention === 'transformers'
      ? `${transformerUsers('u_kind', 'u_ec')}::double * unit_ms`
      : `CASE WHEN own THEN cms::double WHEN is_short THEN 0.0
      WHEN n > 0 THEN (u_cust::long * cms)::double / n ELSE (u_cust::long * span_ms)::double END`;
  const unitId = p.grouping.daily
    ? 'null::varchar'
    : 'CASE WHEN is_unit THEN u_id::varchar ELSE null::varchar END';
  const rows = needsUnits(p) ? `(${isPiece}) OR (is_unit AND NOT is_short)` : isPiece;
  const keys = `${keyList(p.grouping, 'u_')}, ${unitId} unit_id`;
  const pe0 = raw(`pe0 AS (
  SELECT ${keys}, event_id, is_freq, is_short, is_ongoing,
    ${isPiece} is_piece, (is_unit AND NOT is_short) is_exp, unit_ms, ${users} users, ${userMs} user_ms,
    CASE WHEN (${isPiece}) AND is_freq THEN (CASE WHEN is_short THEN 2 ELSE 1 END) ELSE 0 END pk
  FROM ru WHERE ${rows})`);
  const contributions = !ranked
    ? []
    : [
        raw(
          `pe AS (SELECT *, row_number() OVER (PARTITION BY ${p.grouping.names.join(', ')}, event_id, pk) rn FROM pe0)`,
        ),
        perRowContributionCte(p),
      ];
  return [...reachCtes(p), ...reachUnitCtes(p), pe0, ...contributions];
}
