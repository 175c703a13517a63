// Reads for the anonymous public pages: outages in progress, planned outages ahead, the share
// of each county's customers out, and the lookup of one transformer area (queries.ts).

export {
  type AreaAnswer,
  type AreaMatch,
  type AreaOutage,
  areaAnswers,
  type CountyCustomers,
  countyCustomers,
  findAreas,
  LOOKUP_AHEAD_DAYS,
  LOOKUP_MATCHES,
  LOOKUP_MAX_CHARS,
  lookupText,
  matchStrength,
  type PublicOutage,
  type PublicOutages,
  publicOutages,
  SCHEDULED_AHEAD_MS,
  type YearSummary,
  yearSummary,
} from './queries.js';
