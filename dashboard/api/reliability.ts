// Reliability over HTTP, computed by QuestDB (analytics/reliability-sql):
//   GET /reliability          SAIFI, SAIDI (hours), CAIDI, ASAI, MAIFI… per group of a period
//   GET /reliability/daily    daily SAIDI (minutes) per local day, with the IEEE 1366 2.5β
//                             threshold and major event days when there is enough history
//   GET /reliability/ranking  regions of a year ordered by SAIDI then SAIFI, with the change on
//                             the year before
//   GET /reliability/causes   per region, outages by cause or by whose responsibility, in
//                             Pareto order, with the outages a rule set's count rule counts
// Every list answers JSON (rows in an envelope that says how the figures were taken), CSV or
// an Arrow IPC stream. Parameters are checked together; every problem is a {path, message}.
// The handlers are in reliability/.

import type { Router } from 'express';
import { operatorRoutes } from './deps.js';
import { showCauses } from './reliability/causes.js';
import { type ReliabilityRouterDeps, reliabilityContext } from './reliability/context.js';
import { showDailySaidi } from './reliability/daily.js';
import { showReliability } from './reliability/measures.js';
import { showRanking } from './reliability/ranking.js';

export type { ReliabilityRouterDeps };

export function reliabilityRouter(deps: ReliabilityRouterDeps): Router {
  const { router, read, on } = operatorRoutes(deps, reliabilityContext(deps));
  router.get('/reliability', read, on(showReliability));
  router.get('/reliability/daily', read, on(showDailySaidi));
  router.get('/reliability/ranking', read, on(showRanking));
  router.get('/reliability/causes', read, on(showCauses));
  return router;
}
