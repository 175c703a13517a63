// Which rule set's disclosures a request asks for (?ruleSet=, the default when absent or empty),
// each set's disclosures read through one source kept for the router's life.

import type { CompiledRuleSet } from '../../analytics/rules/index.js';
import type { Store } from '../../store/index.js';
import { type DisclosureSource, disclosureSource } from './data.js';

export interface ChosenRuleSet {
  source: DisclosureSource;
  name: string;
  /** the ?ruleSet= value of its links: null for the default */
  param: string | null;
}

export interface RuleSetChoiceDeps {
  store: Store;
  zone: string;
  /** the default rule set; none: only a set asked for by name is found */
  ruleSet?: CompiledRuleSet | undefined;
  /** every rule set whose disclosures can be chosen */
  sets: readonly CompiledRuleSet[];
}

/** The chooser: from the ?ruleSet= parameter to the chosen set, undefined when there is none such. */
export function ruleSetChooser(deps: RuleSetChoiceDeps): (asked: unknown) => ChosenRuleSet | undefined {
  const sources = new Map<string, DisclosureSource>();
  return (asked) => {
    const name = typeof asked === 'string' ? asked : '';
    const set = name === '' ? deps.ruleSet : deps.sets.find((r) => r.name === name);
    if (!set) return undefined;
    let source = sources.get(set.name);
    if (!source) {
      source = disclosureSource({ store: deps.store, ruleSet: set, zone: deps.zone });
      sources.set(set.name, source);
    }
    return { source, name: set.name, param: set === deps.ruleSet ? null : set.name };
  };
}
