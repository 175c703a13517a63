export {
  type ActiveOutage,
  activeOutages,
  listRejects,
  outageHistory,
  type RejectFilter,
} from './queries.js';
