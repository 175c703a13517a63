// Bundles the dashboard's browser code (dashboard/web/main.ts) with esbuild into
// dashboard/public/build/app.js, minified, with a linked source map. `npm run build:web`.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

export const buildOptions: BuildOptions = {
  entryPoints: [join(here, 'web', 'main.ts')],
  outfile: join(here, 'public', 'build', 'app.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2022', 'chrome110', 'safari16', 'firefox115'],
  minify: true,
  // Written beside the bundle for whoever debugs a build, never linked nor served (static.ts).
  sourcemap: 'external',
  charset: 'utf8',
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
};

export async function buildDashboard(): Promise<{ bytes: number }> {
  const result = await build(buildOptions);
  const bytes = Object.values(result.metafile?.outputs ?? {}).reduce(
    (n, o) => n + (o.entryPoint ? o.bytes : 0),
    0,
  );
  return { bytes };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { bytes } = await buildDashboard();
  process.stdout.write(`dashboard bundle: dashboard/public/build/app.js (${Math.round(bytes / 1024)} KiB)\n`);
}
