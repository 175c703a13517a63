// `export-disclosure PERIOD --out DIR [--rule-set NAME]`: writes a frozen disclosure's pages
// and downloads to DIR (export.ts), read from the configured QuestDB, the local one a running
// product uses, or the bundled one started for the purpose. Ends with a summary (JSON on
// stdout). Exit codes: 0 written, 1 not published (or invalid period), 2 usage, invalid rule
// files, or no such rule set.

import { parseArgs } from 'node:util';
import { parseOrUsage } from './usage.js';
import type { CompiledRuleSet } from '../analytics/rules/index.js';
import { type Config, ConfigError, commandStoreOptions } from '../server/config.js';
import type { Logger } from '../server/log.js';
import { loadRuleSets } from '../server/rule-sets.js';
import { connectForCommand } from '../store/index.js';
import { ExportError, exportDisclosure } from '../dashboard/public-pages/export.js';

const USAGE = 'usage: export-disclosure PERIOD --out DIR [--rule-set NAME]   (PERIOD e.g. 2025-Q3)';

export async function runExportDisclosure(argv: string[], config: Config, log: Logger): Promise<number> {
  const parsed = parseOrUsage(() => parseOptions(argv), USAGE);
  if (!parsed) return 2;
  const { values, positionals } = parsed;
  const [period, extra] = positionals;
  if (!period || extra !== undefined || !values.out) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const ruleSet = await ruleSetNamed(values['rule-set'], config);
  if (!ruleSet) return 2;

  const db = await connectForCommand(commandStoreOptions(config));
  try {
    const store = db.store;
    const outcome = await exportDisclosure({ store, zone: config.zone, ruleSet }, period, values.out);
    log.info(
      { period: outcome.period, outDir: outcome.outDir, files: outcome.files.length },
      'disclosure exported',
    );
    process.stdout.write(`${JSON.stringify(outcome)}\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof ExportError)) throw err;
    process.stderr.write(`error: ${err.message}\n`);
    return 1;
  } finally {
    await db.close();
  }
}

/**
 * The rule set `--rule-set` names (else the configured default), loaded and checked as the product
 * loads them; undefined once the problem (files invalid, no such set) is written. Any set of the
 * rules folder, not only those OUTAGE_RULE_SETS puts in force: a disclosure frozen under a set
 * since retired stays exportable.
 */
async function ruleSetNamed(name: string | undefined, config: Config): Promise<CompiledRuleSet | undefined> {
  try {
    const everySet = { ...config, ruleSets: undefined };
    const sets = await loadRuleSets(everySet, name === undefined ? undefined : { name, from: '--rule-set' });
    return sets.get(name ?? config.ruleSet);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`error: ${err.message}\n`);
    return undefined;
  }
}

function parseOptions(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      'rule-set': { type: 'string' },
    },
  });
}
