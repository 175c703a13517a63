// The rule set a request names (`ruleSet`), or the default one: one lookup, one message, for
// every router that takes a rule set.

import type { CompiledRuleSet } from '../../../analytics/rules/index.js';
import { HttpError, type Issue, type Result } from '../../../core/index.js';
import { refuse, text } from './fields.js';
import { parseParam } from './parse.js';

/** The loaded rule sets and the one a request gets when it names none. */
export interface RuleSets {
  ruleSets: ReadonlyMap<string, CompiledRuleSet>;
  defaultRuleSet: string;
}

/** `no rule set "x" (known: a, b)`: the words every refusal of a rule set's name uses. */
export const unknownRuleSet = (name: string, known: Iterable<string>): string =>
  `no rule set "${name}" (known: ${[...known].join(', ')})`;

/** The set called `name` (the default one when undefined). */
export function findRuleSet(sets: RuleSets, name: string | undefined): Result<CompiledRuleSet> {
  const wanted = name ?? sets.defaultRuleSet;
  const set = sets.ruleSets.get(wanted);
  if (set) return { ok: true, value: set };
  const issue: Issue = { path: 'ruleSet', message: unknownRuleSet(wanted, sets.ruleSets.keys()) };
  return { ok: false, issues: [issue] };
}

export const RULE_SET_TEXT = 'a loaded rule set, by name; default: the default rule set (OUTAGE_RULE_SET)';

/** The `ruleSet` parameter: a loaded set, or its issue in the place of the parameter. */
export const ruleSetParam = (sets: RuleSets, description = RULE_SET_TEXT) =>
  text(description).transform((name, ctx) => {
    const found = findRuleSet(sets, name);
    return found.ok ? found.value : refuse(ctx, found.issues[0]?.message ?? '');
  });

/**
 * Reads a value as `ruleSet`: the set, or a 400 (`invalid ruleSet` unless `unknownTitle` words
 * an unknown name otherwise).
 */
export function ruleSetReader(sets: RuleSets, unknownTitle = 'invalid ruleSet') {
  const name = text(RULE_SET_TEXT);
  return (value: unknown): CompiledRuleSet => {
    const found = findRuleSet(sets, parseParam(name, value, 'ruleSet'));
    if (!found.ok) throw new HttpError(400, unknownTitle, { issues: found.issues });
    return found.value;
  };
}
