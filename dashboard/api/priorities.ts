// Remediation priorities for planners, under /api/v1:
//   GET  /priorities?ruleSet&asOf&region&unit&kind&cause&top&format=csv|xlsx&lang=zh|en
//        the work list: the top N assets by priority score, filtered, each with the breakdown
//        of its score (JSON: `parts` per row); JSON, CSV or Arrow by Accept, or a CSV/XLSX
//        file with `format` (operator)
//   POST /priorities/what-it-buys   body {assetIds, ruleSet?, asOf?}: region SAIDI/SAIFI, target
//        status and the frequent-outage list as if the chosen assets' remediable outages of the
//        trailing year had not happened (operator)
// Every answer names the weights used and where they came from. The handlers are in priorities/.

import type { Router } from 'express';
import { jsonBody } from './json-body.js';
import { operatorRoutes } from './deps.js';
import { type PrioritiesRouterDeps, prioritiesContext } from './priorities/context.js';
import { showWhatItBuys } from './priorities/what-it-buys.js';
import { showWorkList } from './priorities/work-list.js';

export type { PrioritiesRouterDeps };
/** The body of POST /priorities/what-it-buys (the API description shows it). */
export { whatItBuysRequest } from './priorities/what-it-buys.js';

export function prioritiesRouter(deps: PrioritiesRouterDeps): Router {
  const { router, read, on } = operatorRoutes(deps, prioritiesContext(deps));
  router.get('/priorities', read, on(showWorkList));
  router.post('/priorities/what-it-buys', read, ...jsonBody('256kb'), on(showWhatItBuys));
  return router;
}
