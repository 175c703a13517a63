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
  assetOfRow,
  readAssetsAsOf,
  readAssetVersions,
  readOutages,
  readWarnings,
} from '../../store/index.js';
