export { evaluateFlags, type FlagQuery } from './evaluate.js';
export { type CountQuery, firstRelevantDay, flagRowsQuery } from './sql.js';
export { explainAsset } from './explain.js';
export { CurrentFlags, type CurrentFlagsSnapshot } from './current.js';
export { type BreachRecord, breachHistory, recordBreaches } from './breach-log.js';
export { allowedUnder, type FleetReport, type FleetYear, fleetReport } from './fleet.js';
export { type AssetsHistory, readAssetsHistory } from './history-of.js';
export {
  checkPlannedOutage,
  type PlannedCheck,
  type PlannedCheckAnswer,
  type PlannedCheckInput,
  type TargetImpact,
} from './planned-check.js';
