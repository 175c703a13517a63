export {
  CUSTOMERS_FACTOR,
  type IngestOptions,
  Ingestor,
  type IngestorDeps,
  type IngestSummary,
  type Rejected,
} from './ingestor.js';
