// Outages by cause and by whose responsibility the cause is, per region, in Pareto order:
// reliability figures (events, customer interruptions, customer-hours) and the outages a
// frequent-outage rule counts.

export {
  byCauseOrder,
  byResponsibilityOrder,
  type CauseFigures,
  type Figures,
  PARETO_MEASURES,
  type ParetoMeasure,
  type ParetoPlace,
  paretoOrder,
  type ResponsibilityFigures,
  regionTotals,
  rollUp,
} from './pareto.js';
export { causesOf, RESPONSIBILITIES, type Responsibility, responsibilityOf } from './responsibility.js';
export { type CausesQuery, type CausesReport, queryCauses, REGION_LEVELS, type RegionLevel } from './sql.js';
