export { type IngestRouterDeps, ingestRouter } from './router.js';
export { type SpoolRouterDeps, spoolRouter } from './spool.js';
