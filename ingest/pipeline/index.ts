export { CUSTOMERS_FACTOR } from './asset-check.js';
export { type IngestOptions, Ingestor, type IngestorDeps } from './ingestor.js';
export { lateNotice, PLANNED_NOTICE_DAYS } from './late-notice.js';
export type { IngestSummary, Rejected, Warned } from './summary.js';
