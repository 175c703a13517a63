export {
  type ActiveOutage,
  activeOutages,
  listRejects,
  outageHistory,
  type RejectFilter,
} from './queries.js';
export {
  assetOfRow,
  readAssetsAsOf,
  readAssetVersions,
  readOutages,
  readWarnings,
} from '../../store/index.js';
