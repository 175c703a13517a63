// The one loader of the rule sets in force, for the product (runtime.ts) and the commands that
// need a rule set (cli/export-disclosure.ts): the rules folder read and checked once, narrowed
// to OUTAGE_RULE_SETS, with the set asked for among them. Every problem is a ConfigError.

import { type CompiledRuleSet, formatFileIssues, loadRuleDir } from '../analytics/rules/index.js';
import { type Config, ConfigError } from './config.js';

/** The rule set the caller needs, and the setting or option its name came from (a miss names it). */
export interface WantedRuleSet {
  name: string;
  from: string;
}

/**
 * The rule sets in force: every file in the rules folder, checked once, or those OUTAGE_RULE_SETS
 * names (each evaluated in full at start and every night, so a deployment lists its own); the
 * configured default (or the set `wanted`) must be among them.
 */
export async function loadRuleSets(
  config: Config,
  wanted: WantedRuleSet = { name: config.ruleSet, from: 'OUTAGE_RULE_SET' },
): Promise<Map<string, CompiledRuleSet>> {
  const loaded = await loadRuleDir(config.rulesDir);
  if (!loaded.ok) throw new ConfigError(`rule files are invalid:\n${formatFileIssues(loaded.issues)}`);
  let sets = new Map(loaded.value.map((s) => [s.name, s]));
  if (config.ruleSets !== undefined) {
    const missing = config.ruleSets.filter((n) => !sets.has(n));
    if (missing.length > 0) {
      const found = [...sets.keys()].join(', ');
      throw new ConfigError(
        `OUTAGE_RULE_SETS: no rule set ${missing.map((n) => `"${n}"`).join(', ')} in ${config.rulesDir} (found: ${found})`,
      );
    }
    sets = new Map(config.ruleSets.map((n) => [n, sets.get(n)!]));
  }
  if (!sets.has(wanted.name)) {
    const found = [...sets.keys()].join(', ');
    throw new ConfigError(
      `${wanted.from}: no rule set "${wanted.name}" in ${config.rulesDir} (found: ${found})`,
    );
  }
  return sets;
}
