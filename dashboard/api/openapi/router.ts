// GET /api/v1/openapi.json: the API's description. No token: it describes the routes and
// reveals no data. Built once, when the router is made.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Router } from 'express';
import { projectRoot } from '../../../core/project-root.js';
import { openApiDocument } from './document.js';
import { API_ROUTES } from './table.js';

/** The product's version, from its package.json. */
export function productVersion(): string {
  const pkg = JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version?: unknown };
  return String(pkg.version ?? '0.0.0');
}

export function openApiRouter(): Router {
  const router = Router();
  const body = JSON.stringify(openApiDocument(API_ROUTES, productVersion()));
  router.get('/openapi.json', (_req, res) => {
    res.type('application/json').send(body);
  });
  return router;
}
