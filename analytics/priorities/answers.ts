// The answer of POST /priorities/what-it-buys as the browser reads it: what the analytics return
// (sql/what-it-buys.ts) with the period's instants as text in the operating zone and the count of
// events left out. The router builds it (with its envelope: rule set, asOf, weights, notes); the
// browser imports the type only.

import type { WhatItBuys } from './sql/what-it-buys.js';

export type WhatItBuysAnswer = Omit<WhatItBuys, 'period'> & {
  /** the trailing year, ISO-8601 with the zone's offset */
  period: { from: string; to: string };
  /** how many events were left out (their ids in excludedEventIds) */
  excludedEvents: number;
};
