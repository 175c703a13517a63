// Remediation priorities for planners: a score per asset from parts each shown on its own,
// what remediating a chosen set of assets buys, and the planner's work list.

export type { BasisCode, BasisParams, BasisUnit, CodedBasis } from './basis-codes.js';
export { DEFAULT_REMEDIABLE_CAUSES, isRemediable } from './causes.js';
export type {
  AssetFacts,
  OpenCase,
  RegionFigures,
  RuleStanding,
  Standing,
  TargetStanding,
} from './facts.js';
export { STANDINGS } from './facts.js';
// every part and its value type (the score reads the same list)
export * from './parts.js';
export {
  compareScored,
  type Population,
  partValues,
  populationOf,
  rankAssets,
  type Scored,
  type ScoredPart,
  scoreAsset,
} from './score.js';
export {
  allowedOf,
  assetGroup,
  conventionOf,
  groupInScope,
  groupLabel,
  targetDims,
  targetFor,
  targetStanding,
  variantOf,
} from './targets.js';
export {
  DEFAULT_PRIORITY,
  DEFAULT_SCALES,
  DEFAULT_STATUS_VALUES,
  DEFAULT_WEIGHTS,
  loadPriorityWeights,
  PARTS,
  type Part,
  type PriorityWeights,
  parsePriorityWeights,
  priorityFile,
  REGION_LEVELS,
  type RegionLevel,
  type Scales,
  type StatusValues,
} from './weights.js';
export {
  type Cell,
  type Table,
  WORK_LIST_COLUMNS,
  type WorkListFilter,
  workList,
  workListRow,
  workListTable,
} from './work-list.js';
export {
  type FactsQuery,
  type GatheredFacts,
  gatherFacts,
  loweredRuleSet,
  standingsOf,
  trailingYear,
} from './sql/facts.js';
export { type Period, regionDims, regionLabel } from './sql/figures.js';
export { type PriorityList, priorityList } from './sql/list.js';
export { assessTargets, type RuleTargets, type TargetGroup } from './sql/targets.js';
export type { WhatItBuysAnswer } from './answers.js';
export type { ListChange } from './sql/list-change.js';
export {
  type ChosenAsset,
  type RegionChange,
  type TargetChange,
  type WhatItBuys,
  type WhatItBuysQuery,
  whatItBuys,
} from './sql/what-it-buys.js';
