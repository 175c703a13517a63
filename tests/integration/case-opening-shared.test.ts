// The nightly case opening shares the flags of now (tonight's full evaluation) rather than
// evaluating again: given flags, it opens cases from those and does not read the outages. The
// asset here has no outage at all, so a case can only come from the flags handed over.

import { describe, expect, it } from 'vitest';
import { listCases, openCasesFromBreaches } from '../../analytics/remediation/index.js';
import { type Flag, loadRuleFile } from '../../analytics/rules/index.js';
import { createLogger } from '../../server/log.js';
import { walApplied, Writer } from '../../store/index.js';
import { testRoot } from '../support/questdb.js';
import { sharedStore } from '../support/store.js';

const P = `SHR${Date.now().toString(36)}-`;

describe('case opening on flags already evaluated', () => {
  it('opens the case of a breach it is given, and none without it', async () => {
    const store = await sharedStore();
    const loaded = await loadRuleFile('rules/national-2025.json');
    if (!loaded.ok) throw new Error('rule set did not load');
    const ruleSet = loaded.value;
    const writer = await Writer.open({
      connection: store.connection,
      store,
      spoolDir: `${testRoot()}/spool-${P}`,
      spoolLimitBytes: 1e8,
      log: createLogger('silent'),
    });
    const now = Date.UTC(2031, 2, 1);
    await writer.write({
      kind: 'assets',
      receivedAt: now,
      records: [
        { assetId: `${P}F`, kind: 'feeder', areaClass: 'town', customers: 10, validFrom: now - 86_400_000 },
      ],
    });
    await writer.close();
    await walApplied(store, 60_000);

    const breach: Flag = {
      assetId: `${P}F`,
      kind: 'feeder',
      rule: 'over-3-in-60d',
      ruleSet: ruleSet.name,
      family: 'frequent_outage',
      status: 'breach',
      count: 4,
      limit: 3,
      windowStart: '2031-01-01',
      windowEnd: '2031-03-01',
      breachDate: '2031-02-28',
      eventIds: [`${P}E1`, `${P}E2`, `${P}E3`, `${P}E4`],
    };
    const evaluated = await openCasesFromBreaches(store, {
      ruleSet,
      now,
      zone: 'Asia/Shanghai',
      via: 'test',
    });
    expect(evaluated.opened.filter((id) => id.includes(P))).toEqual([]);

    const shared = await openCasesFromBreaches(store, {
      ruleSet,
      now,
      zone: 'Asia/Shanghai',
      via: 'test',
      flags: [breach, { ...breach, assetId: `${P}G`, status: 'at_risk', breachDate: null }],
    });
    expect(shared.breaches).toBe(1);
    expect(shared.opened).toHaveLength(1);
    await walApplied(store, 60_000);
    const mine = (await listCases(store, ruleSet.name, 'Asia/Shanghai')).filter(
      (c) => c.state.assetId === `${P}F`,
    );
    expect(mine.map((c) => c.state.status)).toEqual(['open']);
  });
});
