import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.js';
import { loadRuleSets } from '../../../server/runtime.js';

describe('OUTAGE_RULE_SETS', () => {
  it('loads every shipped rule set when unset', async () => {
    const sets = await loadRuleSets(loadConfig({}));
    expect([...sets.keys()]).toEqual(['baoshan-2021', 'guizhou-2025', 'kunming-parks-2023', 'national-2025']);
  });

  it('keeps only the rule sets a deployment names, in its order', async () => {
    const config = loadConfig({ OUTAGE_RULE_SETS: ' national-2025, baoshan-2021 ' });
    expect(config.ruleSets).toEqual(['national-2025', 'baoshan-2021']);
    expect([...(await loadRuleSets(config)).keys()]).toEqual(['national-2025', 'baoshan-2021']);
  });

  it('names what is missing, and requires the default among those in force', async () => {
    await expect(loadRuleSets(loadConfig({ OUTAGE_RULE_SETS: 'national-2025,yunnan-2099' }))).rejects.toThrow(
      'OUTAGE_RULE_SETS: no rule set "yunnan-2099"',
    );
    await expect(loadRuleSets(loadConfig({ OUTAGE_RULE_SETS: 'guizhou-2025' }))).rejects.toThrow(
      'OUTAGE_RULE_SET: no rule set "national-2025"',
    );
    const guizhou = loadConfig({ OUTAGE_RULE_SETS: 'guizhou-2025', OUTAGE_RULE_SET: 'guizhou-2025' });
    expect([...(await loadRuleSets(guizhou)).keys()]).toEqual(['guizhou-2025']);
  });
});
