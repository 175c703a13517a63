// The layering of the source tree, as data: which folder may import which. Data flows
// ingest → store → analytics → dashboard, and nothing flows back; `server` wires the parts into
// a process and `cli` is the only place a command line is read.
//
//   core ← store ← ingest, analytics ← demo
//                        ↑                ↑
//   dashboard/web (browser) · dashboard/api, dashboard/public-pages (HTTP) ← server ← cli

/** A layer: a top folder, or a folder of `dashboard/` (three programs, three runtimes). */
export type Layer =
  | 'core'
  | 'store'
  | 'ingest'
  | 'analytics'
  | 'demo'
  | 'dashboard/web'
  | 'dashboard/build'
  | 'dashboard/api'
  | 'dashboard/public-pages'
  | 'server'
  | 'cli';

export interface LayerRule {
  /** layers this one may import at run time */
  imports: readonly Layer[];
  /** further layers it may import types from (erased at build: no run-time edge) */
  types?: readonly Layer[];
  /** runs in a browser: no `node:` module, no package but these, anywhere it reaches */
  browser?: { packages: readonly string[] };
}

export const LAYERS: Record<Layer, LayerRule> = {
  core: { imports: [] },
  store: { imports: ['core'] },
  ingest: { imports: ['core', 'store'] },
  analytics: { imports: ['core', 'store'] },
  demo: { imports: ['core', 'store', 'analytics'] },
  // The browser app shares the evaluator's pure arithmetic (rule windows, target verdicts): what
  // it reaches is checked to be browser-safe below, not listed by hand.
  'dashboard/web': {
    imports: ['core', 'analytics'],
    types: ['store'],
    browser: { packages: ['d3', 'apache-arrow'] },
  },
  'dashboard/build': { imports: ['core'] },
  'dashboard/api': { imports: ['core', 'store', 'ingest', 'analytics'] },
  'dashboard/public-pages': { imports: ['core', 'store', 'analytics', 'dashboard/api'] },
  server: {
    imports: ['core', 'store', 'ingest', 'analytics', 'demo', 'dashboard/api', 'dashboard/public-pages'],
  },
  cli: {
    imports: [
      'core',
      'store',
      'ingest',
      'analytics',
      'demo',
      'dashboard/api',
      'dashboard/public-pages',
      'server',
    ],
  },
};

/** The source folders the check reads (tests, bench and scripts may import anything). */
export const SOURCE_ROOTS = ['core', 'store', 'ingest', 'analytics', 'demo', 'dashboard', 'server', 'cli'];

/** The layer of a path relative to the project root, or undefined outside the source. */
export function layerOf(path: string): Layer | undefined {
  const [top, sub] = path.split('/');
  if (top === 'dashboard') {
    if (sub === 'web' || sub === 'api' || sub === 'public-pages') return `dashboard/${sub}`;
    return sub === 'build.ts' ? 'dashboard/build' : undefined;
  }
  return top !== undefined && top in LAYERS ? (top as Layer) : undefined;
}
