// The export-disclosure command's rule set: loaded as the product loads them (server/rule-sets.ts),
// its problems written as one error line with exit code 2, before any database is reached.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runExportDisclosure } from '../../../cli/export-disclosure.js';
import { loadConfig } from '../../../server/config.js';
import { createLogger } from '../../../server/log.js';

const scratch = mkdtempSync(join(tmpdir(), 'export-disclosure-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** The command's exit code and what it wrote to stderr. */
async function run(argv: string[], env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const config = loadConfig({ OUTAGE_DATA_DIR: join(scratch, 'data'), ...env });
  const code = await runExportDisclosure(argv, config, createLogger('silent'));
  return { code, stderr };
}

const out = ['2025-Q3', '--out', join(scratch, 'out')];
const rules = resolve('rules');

describe('export-disclosure: the rule set', () => {
  it('names a --rule-set not in force, and what is', async () => {
    expect(await run([...out, '--rule-set', 'nope'], { OUTAGE_RULES_DIR: rules })).toEqual({
      code: 2,
      stderr: `error: --rule-set: no rule set "nope" in ${rules} (found: baoshan-2021, guizhou-2025, kunming-parks-2023, national-2025)\n`,
    });
  });

  it('names the configured default when no --rule-set is given and it is not in force', async () => {
    expect(await run(out, { OUTAGE_RULES_DIR: rules, OUTAGE_RULE_SET: 'yunnan-2099' })).toEqual({
      code: 2,
      stderr: `error: OUTAGE_RULE_SET: no rule set "yunnan-2099" in ${rules} (found: baoshan-2021, guizhou-2025, kunming-parks-2023, national-2025)\n`,
    });
  });

  it('says the rule files are invalid, and where', async () => {
    const dir = mkdtempSync(join(scratch, 'rules-'));
    writeFileSync(join(dir, 'broken.json'), '{ "name": ');
    const { code, stderr } = await run(out, { OUTAGE_RULES_DIR: dir });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: rule files are invalid:\n.*broken\.json/);
  });
});
