export { ASSET_FIELDS, assetFields, validateAsset } from './asset.js';
export { quote } from './fields.js';
export {
  checkField,
  ID_FIELD,
  RECORD_FIELDS,
  RECORD_KINDS,
  RECORD_NOUN,
  type RecordKind,
  type RecordOf,
  validateRecord,
} from './kinds.js';
export { OUTAGE_FIELDS, outageFields, validateOutage } from './outage.js';
export type { ValidateContext } from './read.js';
export { validateWarning, WARNING_FIELDS, warningFields } from './warning.js';
