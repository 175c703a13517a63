// outage_build_info: the running build as labels of a constant 1, Prometheus's way of exposing
// versions (joined onto other series with `* on() group_left(version)`).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Gauge, type Registry } from 'prom-client';
import { QUESTDB_VERSION } from '../../store/index.js';
import { projectRoot } from '../config.js';

/** The product's version, from its package.json (read once). */
export const PRODUCT_VERSION: string = (() => {
  try {
    const pkg = JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as {
      version?: unknown;
    };
    return String(pkg.version);
  } catch {
    return 'unknown';
  }
})();

/** `questdb` is the bundled server's version: an external QuestDB is not asked for its own. */
export function registerBuildInfo(registry: Registry): void {
  const info = new Gauge({
    name: 'outage_build_info',
    help: 'The running build: product version, bundled QuestDB version and Node.js version.',
    labelNames: ['version', 'questdb', 'node'],
    registers: [registry],
  });
  info.set({ version: PRODUCT_VERSION, questdb: QUESTDB_VERSION, node: process.version }, 1);
}
