export {
  CUSTOMERS_FACTOR,
  type IngestOptions,
  Ingestor,
  type IngestorDeps,
  type IngestSummary,
  lateNotice,
  PLANNED_NOTICE_DAYS,
  type Rejected,
  type Warned,
} from './ingestor.js';
