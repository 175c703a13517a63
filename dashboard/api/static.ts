// The dashboard's pages: dashboard/public (index.html, CSS and the esbuild bundle in build/)
// served at /. The bundle's name does not change between builds, so every file is revalidated
// (ETag, Cache-Control: no-cache) rather than cached blindly; a 304 costs one round trip.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';

/** dashboard/public, found from this module whether it runs from source or from dist/. */
export function publicDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const here = join(dir, 'public');
    if (existsSync(join(here, 'index.html'))) return here;
    const nested = join(dir, 'dashboard', 'public');
    if (existsSync(join(nested, 'index.html'))) return nested;
    const up = dirname(dir);
    if (up === dir) return join(dirname(fileURLToPath(import.meta.url)), 'public');
    dir = up;
  }
}

export interface PagesOptions {
  /** The folder to serve (default: dashboard/public). */
  dir?: string;
}

export function dashboardPages(options: PagesOptions = {}): Router {
  const router = express.Router();
  const root = options.dir ?? publicDir();
  // The bundle's source map is the whole source: not for anonymous readers.
  router.use((req, _res, next) => next(req.path.endsWith('.map') ? 'router' : undefined));
  router.use(
    express.static(root, {
      index: 'index.html',
      etag: true,
      lastModified: true,
      fallthrough: true,
      setHeaders(res, path) {
        // Source maps and the bundle change with every build; the HTML names them.
        res.setHeader('Cache-Control', path.endsWith('.html') ? 'no-cache, must-revalidate' : 'no-cache');
      },
    }),
  );
  return router;
}
