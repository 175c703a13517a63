export { deriveReach, type ReachRow, reachKey, sameReach, WarningBook } from './derive.js';
export { diffReach, type KeptEvent, type ReachDiff, ReachKeeper } from './keeper.js';
export { compareReach, disagreeingMonths, nextMonth, storedMonths } from './repair.js';
export { type Placement, type PlacementChange, placementOf, Topology } from './topology.js';
