import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitApplied } from '../analytics/remediation/index.js';
import { generateDemo, loadDemo, seedDemoCases } from '../demo/index.js';
import { sql } from '../store/index.js';
import type { AppDeps } from './app.js';

export const DEMO_SEED = 20_250_601;

/**
 * OUTAGE_DEMO=1: when the database holds no asset yet, load the `small` demo set (seeded, so
 * every newcomer sees the same grid) ending now, and write its county boundaries.
 */
export async function loadDemoIfEmpty(deps: AppDeps): Promise<void> {
  const [row] = await deps.store.rows<{ n: number }>(sql`SELECT count() n FROM assets`);
  if ((row?.n ?? 0) > 0) return;
  const now = Date.now();
  const demo = generateDemo({ seed: DEMO_SEED, size: 'small', now, zone: deps.config.zone });
  deps.log.info({ size: 'small' }, 'empty database: loading the demo data set');
  const summary = await loadDemo(demo, deps.writer, now);
  writeFileSync(join(deps.config.dataDir, 'boundaries.geojson'), JSON.stringify(demo.boundaries()));
  deps.log.info(summary, 'demo data loaded');
  const ruleSet = deps.ruleSets.get(deps.config.ruleSet);
  if (ruleSet) {
    for (const table of ['assets', 'outages', 'outage_areas', 'warnings'])
      await waitApplied(deps.store, table);
    const cases = await seedDemoCases(deps.store, { ruleSet, now, zone: deps.config.zone });
    deps.log.info(cases, 'demo remediation history written');
  }
}
