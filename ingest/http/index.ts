export { type IngestRouterDeps, ingestRouter } from './router.js';
