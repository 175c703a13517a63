export {
  type ActiveOutage,
  activeOutages,
  listRejects,
  outageHistory,
  type RejectFilter,
} from './queries.js';
export {
  type PlannedOutageOfRun,
  type RepeatedPlanned,
  type RepeatedPlannedQuery,
  repeatedPlanned,
} from './repeated-planned.js';
export {
  type CurveOptions,
  type CurveOutage,
  type CurvePoint,
  inRegion,
  MAX_SAMPLES,
  overlaps,
  type RestorationCurve,
  restorationCurve,
  sampleInstants,
} from './restoration-curve.js';
export {
  STORM_COLUMNS,
  STORM_FIELDS,
  type StormExportRow,
  type StormLang,
  stormExportRows,
  stormTable,
} from './storm-export.js';
export {
  type CurveAnswer,
  type CurvePointAnswer,
  currentEventWindow,
  MAX_STORM_DAYS,
  ongoingStarts,
  type StormOutage,
  type StormWindow,
  stormOutages,
} from './storm-outages.js';
export {
  assetOfRow,
  readAssetsAsOf,
  readAssetVersions,
  readOutages,
  readWarnings,
} from '../../store/index.js';
export { type AssetScope, inScope } from './asset-scope.js';
export { readAssetsAsOfById } from './assets-by-id.js';
export { DAILY_COLUMNS, type DailyOutageCount, dailyOutageCounts } from './daily-counts.js';
export { HOTSPOT_COLUMNS, type Hotspot, hotspots } from './hotspots.js';
export { type AssetPlaceColumns, customersRestoredBy, type OutageColumns, restorationSteps } from './row.js';
