// Which subscriptions a notice goes to. Outage and planned-outage notices go to those following
// one of the areas, feeders or counties they concern; rule notices (flags, overdue cases) to
// those following flags with that status (and rule set), limited to the assets, feeders or
// counties they also name, if any.

import { type Notice, RULE_NOTICES, type Subscription } from './types.js';

const meets = (wanted: readonly string[] | undefined, have: readonly string[]): boolean =>
  wanted?.some((w) => have.includes(w)) ?? false;

function inPlace(s: Subscription, n: Notice): boolean {
  const f = s.follow;
  return (
    meets(f.areas, n.assets) ||
    meets(f.feeders, n.feeders) ||
    meets(f.feeders, n.assets) ||
    meets(f.counties, n.counties)
  );
}

const namesPlaces = (s: Subscription): boolean =>
  (s.follow.areas?.length ?? 0) + (s.follow.feeders?.length ?? 0) + (s.follow.counties?.length ?? 0) > 0;

export function matches(s: Subscription, n: Notice): boolean {
  if (!s.active) return false;
  if (s.events && !s.events.includes(n.type)) return false;
  if (RULE_NOTICES.has(n.type)) {
    const flags = s.follow.flags;
    if (!flags || n.status === undefined || !flags.statuses.includes(n.status)) return false;
    if (flags.ruleSets && flags.ruleSets.length > 0 && !flags.ruleSets.includes(n.ruleSet ?? ''))
      return false;
    return !namesPlaces(s) || inPlace(s, n);
  }
  return inPlace(s, n);
}
