// Asset versions as intervals [lo, hi) in epoch ms, from the assets table: a version is in
// force from its valid_from until the next version's. Before an asset's first version that
// version applies (lo = −∞) unless beforeFirstVersion is 'absent' (the reference's register).
//
//   vi:  id, kind, feeder, province, city, county, park, cls, cust, ec (enterprise customers,
//        0 when not given), lo, hi
//   fed: the feeders some area version names (the others are "leaf" feeders: their own
//        customers are the customers they serve)

import { raw, type Sql, sql } from '../../store/index.js';
import type { BeforeFirstVersion, UserConvention } from '../reliability/index.js';
import { scopeCtes, scopedAssets } from './scope.js';
import type { SqlScope } from './types.js';

/** ±∞ for interval ends: far beyond any real instant in ms, far inside a LONG. */
export const NEG_INF = -9_000_000_000_000_000n;
export const POS_INF = 9_000_000_000_000_000n;

const COLUMNS = ['id', 'kind', 'feeder', 'province', 'city', 'county', 'park', 'cls', 'cust', 'ec'] as const;

export function versionCtes(scope: SqlScope, beforeFirstVersion: BeforeFirstVersion): Sql[] {
  const lo =
    beforeFirstVersion === 'first_version' ? sql`CASE WHEN rn = 1 THEN ${NEG_INF} ELSE vf END` : raw('vf');
  const a = scopedAssets(scope, 'a');
  return [
    ...scopeCtes(scope),
    sql`av0 AS (
  SELECT a.asset_id id, a.kind, a.feeder_id feeder, a.province, a.city, a.county, a.park, a.area_class cls,
    a.customers cust, coalesce(a.enterprise_customers, 0) ec, a.valid_from::long / 1000 vf,
    lead(a.valid_from::long / 1000) OVER (PARTITION BY a.asset_id ORDER BY a.valid_from) nx,
    row_number() OVER (PARTITION BY a.asset_id ORDER BY a.valid_from) rn
  FROM ${a.from} WHERE true${a.where})`,
    sql`vi AS (
  SELECT id, kind, feeder, province, city, county, park, cls, cust, ec, ${lo} lo, coalesce(nx, ${POS_INF}) hi FROM av0)`,
    sql`fed AS (
  SELECT DISTINCT a.feeder_id feeder FROM ${a.from}
  WHERE a.kind = 'area' AND a.feeder_id IS NOT NULL${a.where})`,
  ];
}

/** The version columns of `alias`, renamed with `prefix`. */
export const carry = (alias: string, prefix: string): string =>
  COLUMNS.map((c) => `${alias}.${c} ${prefix}${c}`).join(', ');

/** The prefixed version columns, as carried. */
export const carried = (prefix: string): string => COLUMNS.map((c) => `${prefix}${c}`).join(', ');

/** `alias` is the version in force at instant expression `t`. */
export const inForce = (alias: string, t: string): string => `${alias}.lo <= ${t} AND ${t} < ${alias}.hi`;

/** The version `alias` (with `fed` joined as `f`) is a unit of N_T in `convention`. */
export const isUnit = (alias: string, convention: UserConvention): string =>
  convention === 'customers'
    ? `(${alias}.kind = 'area' OR (${alias}.kind = 'feeder' AND f.feeder IS NULL))`
    : `(${alias}.kind = 'area' OR ${alias}.ec > 0)`;

/** The users a unit version counts for. */
export const weightOf = (alias: string, convention: UserConvention): string =>
  convention === 'customers' ? `${alias}.cust::long` : transformerUsers(`${alias}.kind`, `${alias}.ec`);

/** DL/T 836 medium-voltage users of a unit: an area is one, plus its enterprise customers. */
export const transformerUsers = (kind: string, ec: string): string =>
  `(CASE WHEN ${kind} = 'area' THEN 1L ELSE 0L END + coalesce(${ec}, 0)::long)`;
