// The demo's remediation history: loaded as `npm start` loads it, on a QuestDB of its own (the
// demo's ids are not prefixed), it must show a year of cases in every status of the workflow,
// opened in waves and each step taken by the workflow's own rules with back-dated times.

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateFlags } from '../../analytics/flags/index.js';
import { listCases, waitApplied } from '../../analytics/remediation/index.js';
import { loadRuleFile } from '../../analytics/rules/index.js';
import { generateDemo, loadDemo, seedDemoCases } from '../../demo/index.js';
import { createLogger } from '../../server/log.js';
import { createStore, migrate, parseClientConf, Writer } from '../../store/index.js';
import { startTestQuestDB } from '../support/questdb.js';

const ZONE = 'Asia/Shanghai';
const DAY = 86_400_000;

describe('the demo remediation history', () => {
  it('has cases from three waves in every status, some overdue, closed ones verified with no breach in observation', async () => {
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
      expect(summary.opened).toBe(cases.length);
      const count = (status: string) => cases.filter((c) => c.status === status).length;
      expect(summary.byStatus).toEqual({
        open: count('open'),
        plan_approved: count('plan_approved'),
        in_progress: count('in_progress'),
        work_done: count('work_done'),
        closed: count('closed'),
      });
      for (const status of ['open', 'plan_approved', 'in_progress', 'work_done', 'closed'])
        expect({ status, n: count(status) > 0 }).toEqual({ status, n: true });
      // Opened in three waves, 300, 180 and 75 days ago.
      const waves = [300, 180, 75].map((d) => now - d * DAY);
      expect([...new Set(cases.map((c) => c.openedAt))].sort((a, b) => a - b)).toEqual(waves);
      // Some of the older cases are stuck and overdue; none of the newest wave is overdue yet.
      const today = '2026-11-23';
      const overdue = cases.filter((c) => c.status !== 'closed' && c.dueDate !== null && c.dueDate < today);
      expect(overdue.length).toBeGreaterThan(0);
      expect(overdue.every((c) => c.openedAt < now - 75 * DAY)).toBe(true);
      // Each closed case was verified, after its observation period, and no breach of its asset
      // and family was dated within that period (what the API checks on close).
      const closed = cases.filter((c) => c.status === 'closed');
      expect(closed.length).toBeGreaterThan(count('open') / 4);
      const closingTimes = new Map<number, typeof closed>();
      for (const c of closed) {
        expect(c.fields.verification?.passed).toBe(true);
        expect(c.closedDate! > c.fields.actualEnd!).toBe(true);
        closingTimes.set(c.closedAt!, [...(closingTimes.get(c.closedAt!) ?? []), c]);
      }
      for (const [at, group] of closingTimes) {
        const flags = await evaluateFlags(store, {
          ruleSet: rules.value,
          asOf: at,
          zone: ZONE,
          assetIds: group.map((c) => c.assetId),
        });
        for (const c of group) {
          const inObservation = flags.filter(
            (f) =>
              f.assetId === c.assetId &&
              f.family === c.family &&
              f.status === 'breach' &&
              f.breachDate !== null &&
              f.breachDate >= c.fields.actualEnd!,
          );
          expect({ caseId: c.caseId, inObservation }).toEqual({ caseId: c.caseId, inObservation: [] });
        }
      }
    } finally {
      await qdb.stop();
      rmSync(qdb.dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
