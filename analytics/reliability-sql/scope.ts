// The assets a query may read. Both lists narrow the system (an asset must pass each given
// list); a province list takes every version of an asset that ever had a version there.
//
// A province scope is the CTE `sc` of asset ids, JOINed where the assets table is read: an
// `asset_id IN (SELECT …)` on assets would use its symbol index, which QuestDB answers with a
// row cursor per key, kept in memory with every cached plan (it exhausts the heap for a
// province of ten thousand areas). On outages (no index there) the IN is a plain set filter.

import { raw, type Sql, sql } from '../../store/index.js';
import type { SqlScope } from './types.js';

const ids = (scope: SqlScope, column: string): Sql =>
  scope.assetIds !== undefined ? sql` AND ${raw(column)} IN (${scope.assetIds})` : raw('');

/** `sc`, the asset ids of a province scope (none without one). */
export function scopeCtes(scope: SqlScope): Sql[] {
  if (scope.provinces === undefined) return [];
  return [
    sql`sc AS (SELECT DISTINCT asset_id FROM assets WHERE province IN (${scope.provinces})${ids(scope, 'asset_id')})`,
  ];
}

/** FROM clause for the assets table aliased `alias`, and a condition to AND into its WHERE. */
export function scopedAssets(scope: SqlScope, alias: string): { from: Sql; where: Sql } {
  const from =
    scope.provinces === undefined
      ? raw(`assets ${alias}`)
      : raw(`assets ${alias} JOIN sc ON sc.asset_id = ${alias}.asset_id`);
  const where = scope.provinces === undefined ? ids(scope, `${alias}.asset_id`) : raw('');
  return { from, where };
}

/** A condition on `column` (an asset id column of a table other than assets). */
export function scopeCondition(scope: SqlScope, column: string): Sql {
  if (scope.provinces !== undefined) return raw(`${column} IN (SELECT asset_id FROM sc)`);
  if (scope.assetIds !== undefined) return sql`${raw(column)} IN (${scope.assetIds})`;
  return raw('true');
}
