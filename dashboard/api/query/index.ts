// Query strings read with zod schemas, one per route, that the API description lists too
// (openapi/query.ts): the fields (fields.ts), how a query is read and refused (parse.ts), the
// rule set a request names (rule-set.ts) and each route's schema.

export { DOC_CONTEXT, type QueryContext } from './common.js';
export { encoding } from './fields.js';
export {
  assetScopeQuery,
  assetsQuery,
  asOfQuery,
  curveQuery,
  dailyQuery,
  hotspotsQuery,
  rejectsQuery,
  repeatedQuery,
  searchQuery,
  stormExportQuery,
  targetsQuery,
} from './network.js';
export {
  parseParam,
  parseQuery,
  QueryProblems,
  QueryReader,
  type QuerySchema,
  queryValues,
  refuseUnknown,
} from './parse.js';
export {
  type CommonReliabilityQuery,
  causesQuery,
  dailySaidiQuery,
  rankingQuery,
  reliabilityQuery,
} from './reliability.js';
export {
  casesQuery,
  clearingQuery,
  deliveriesQuery,
  documentQuery,
  frozenQuery,
  prioritiesQuery,
  ruleSetQuery,
  upcomingArrearsQuery,
} from './remediation.js';
export {
  findRuleSet,
  RULE_SET_TEXT,
  type RuleSets,
  ruleSetParam,
  ruleSetReader,
  unknownRuleSet,
} from './rule-set.js';
