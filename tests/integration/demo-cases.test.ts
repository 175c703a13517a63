// The demo's remediation history: loaded as `npm start` loads it, on a QuestDB of its own (the
// demo's ids are not prefixed), it must show cases in every status of the workflow, each
// reached by the workflow's own rules with back-dated times.

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listCases, waitApplied } from '../../analytics/remediation/index.js';
import { loadRuleFile } from '../../analytics/rules/index.js';
import { generateDemo, loadDemo, seedDemoCases } from '../../demo/index.js';
import { createLogger } from '../../server/log.js';
import { createStore, migrate, parseClientConf, Writer } from '../../store/index.js';
import { startTestQuestDB } from '../support/questdb.js';

const ZONE = 'Asia/Shanghai';
const DAY = 86_400_000;

describe('the demo remediation history', () => {
  it('has cases in every status, open ones overdue, closed ones verified', async () => {
    const qdb = await startTestQuestDB('demo-cases');
    try {
      const store = createStore(parseClientConf(qdb.clientConf));
      await migrate(store);
      const writer = await Writer.open({
        connection: store.connection,
        store,
        spoolDir: join(qdb.dataDir, 'spool'),
        spoolLimitBytes: 1e9,
        log: createLogger('silent'),
      });
      const now = Date.UTC(2026, 10, 23, 4);
      await loadDemo(generateDemo({ seed: 20_250_601, size: 'small', now, zone: ZONE }), writer, now);
      await writer.close();
      for (const table of ['assets', 'outages', 'outage_areas', 'warnings'])
        await waitApplied(store, table, 60_000);
      const rules = await loadRuleFile('rules/national-2025.json');
      if (!rules.ok) throw new Error('rule set');
      const summary = await seedDemoCases(store, { ruleSet: rules.value, now, zone: ZONE });

      const cases = (await listCases(store, 'national-2025', ZONE)).map((c) => c.state);
      expect(summary.opened).toBeGreaterThan(60);
      const count = (status: string) => cases.filter((c) => c.status === status).length;
      expect(summary.byStatus).toEqual({
        open: count('open'),
        plan_approved: count('plan_approved'),
        in_progress: count('in_progress'),
        work_done: count('work_done'),
        closed: count('closed'),
      });
      // A sixth each stay open, plan approved, in progress; a sixth are observed after late work;
      // the last third close unless they breached again (then they stay under observation).
      const sixth = Math.floor(summary.opened / 6);
      expect(count('open')).toBeGreaterThanOrEqual(sixth);
      expect(count('plan_approved')).toBeGreaterThanOrEqual(sixth);
      expect(count('in_progress')).toBeGreaterThanOrEqual(sixth);
      expect(count('work_done')).toBeGreaterThanOrEqual(sixth);
      expect(count('closed')).toBeGreaterThan(0);
      // Opened 200 days ago with 90 days to fix: the ones still open are overdue now.
      const open = cases.filter((c) => c.status === 'open');
      expect(open.every((c) => c.openedAt === now - 200 * DAY)).toBe(true);
      const closed = cases.filter((c) => c.status === 'closed');
      expect(closed.every((c) => c.fields.verification?.passed === true)).toBe(true);
    } finally {
      await qdb.stop();
      rmSync(qdb.dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
