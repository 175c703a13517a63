// Every route the product serves, in one table: the API under /api/v1, the health checks and
// metrics, and the public pages. tests/unit/project/openapi.test.ts holds it against the routes
// the app really serves, both ways.

import { z } from 'zod';
import { encoding } from '../query/index.js';
import { paramsOf } from './query.js';
import type { ApiRoute } from './route.js';
import { INGEST_ROUTES } from './routes-ingest.js';
import { NETWORK_ROUTES } from './routes-network.js';
import { NOTICES_ROUTES } from './routes-notices.js';
import { PLANNING_ROUTES } from './routes-planning.js';
import { RELIABILITY_ROUTES } from './routes-reliability.js';
import { REMEDIATION_ROUTES } from './routes-remediation.js';
import { RULES_ROUTES } from './routes-rules.js';
import { SERVICE_ROUTES } from './routes-service.js';

/** respond.ts csvEncoding: taken by every API route that answers CSV. */
const ENCODING = paramsOf(z.object({ encoding }));

/** Every other API route that answers CSV takes `encoding` (dashboard/api/respond.ts csvEncoding). */
const withEncoding = (r: ApiRoute): ApiRoute =>
  r.path.startsWith('/api/') && r.ok.formats.includes('csv')
    ? { ...r, query: [...(r.query ?? []), ...ENCODING] }
    : r;

export const API_ROUTES: readonly ApiRoute[] = [
  ...INGEST_ROUTES,
  ...NETWORK_ROUTES,
  ...RULES_ROUTES,
  ...RELIABILITY_ROUTES,
  ...REMEDIATION_ROUTES,
  ...PLANNING_ROUTES,
  ...NOTICES_ROUTES,
  ...SERVICE_ROUTES,
].map(withEncoding);
