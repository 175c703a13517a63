// The three record kinds behind one name each, as the import endpoints and mapping files
// name them: assets, outages, warnings.

import type { Asset, OutageEvent, Warning } from '../../core/domain.js';
import type { Result } from '../../core/issues.js';
import { ASSET_FIELDS, assetFields, validateAsset } from './asset.js';
import { OUTAGE_FIELDS, outageFields, validateOutage } from './outage.js';
import type { Shape, ValidateContext } from './read.js';
import { zodIssues } from './read.js';
import { WARNING_FIELDS, validateWarning, warningFields } from './warning.js';

export const RECORD_KINDS = ['assets', 'outages', 'warnings'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface RecordOf {
  assets: Asset;
  outages: OutageEvent;
  warnings: Warning;
}

/** The field that identifies a record of each kind (the `id` of a rejected line). */
export const ID_FIELD = { assets: 'assetId', outages: 'eventId', warnings: 'warningId' } as const;

/** The contract's fields of each kind, in contract order. */
export const RECORD_FIELDS: { readonly [K in RecordKind]: readonly string[] } = {
  assets: ASSET_FIELDS,
  outages: OUTAGE_FIELDS,
  warnings: WARNING_FIELDS,
};

/** "an asset", "an outage event", "a warning": for messages. */
export const RECORD_NOUN = { assets: 'asset', outages: 'outage', warnings: 'warning' } as const;

type Validator<T> = (raw: Record<string, unknown>, ctx: ValidateContext) => Result<T>;
const VALIDATORS: { [K in RecordKind]: Validator<RecordOf[K]> } = {
  assets: validateAsset,
  outages: validateOutage,
  warnings: validateWarning,
};

export function validateRecord<K extends RecordKind>(
  kind: K,
  raw: Record<string, unknown>,
  ctx: ValidateContext,
): Result<RecordOf[K]> {
  return VALIDATORS[kind](raw, ctx);
}

const SHAPES: { [K in RecordKind]: (zone: string) => Shape } = {
  assets: assetFields,
  outages: outageFields,
  warnings: warningFields,
};

/**
 * Check one field's value on its own (mapping files: constants, defaults, value maps).
 * Returns the messages, empty when the value reads. Cross-field rules are not applied.
 */
export function checkField(kind: RecordKind, field: string, value: unknown, zone: string): string[] {
  const shape = SHAPES[kind](zone);
  const schema = Object.hasOwn(shape, field) ? shape[field] : undefined;
  if (!schema) return [`is not a field of ${RECORD_NOUN[kind]} records`];
  const r = schema.safeParse(value);
  return r.success ? [] : zodIssues(r.error, []).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
}
