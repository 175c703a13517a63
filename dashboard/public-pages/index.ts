// The anonymous public pages (mounted at /public): the only routes without a token.
//   GET /outages[.json]                     live outages: map, county totals, each outage (live.ts)
//   GET /planned[.json]                     planned outages announced ahead, by county (live.ts)
//   GET /lookup?q&lang                      a transformer area's outages now, ahead, last year (lookup.ts)
//   GET /live.js                            the live pages' refresh every 60 s (optional)
//   GET /disclosures?lang                   published disclosure periods
//   GET /disclosures/:period?lang&region&county&q&page   a frozen disclosure (e.g. 2025-Q3) as
//                                           HTML, 50 entries a page, filtered by county and name
//   GET /disclosures/:period.csv?lang&region   its list as CSV, cells as in the HTML table
//   GET /disclosures/:period.json?region       its frozen rows as JSON
// Every disclosure route takes ?ruleSet= (a rule set's name; the product's default when absent):
// each jurisdiction publishes its own disclosure, and the list page offers the choice.
// Cache policy: the live page is built at most once a minute (live.ts). A frozen disclosure
// never changes: its rows are read once per run and each rendering (format, language, region)
// is kept in memory; it is sent with Cache-Control: public, max-age=3600 and an ETag. The list
// of published periods is read at most once a minute and sent with max-age=300; a period not
// yet published answers 404 with max-age=60, as it is published in the night after it ends.
// Here: the routes. The live pages: live.ts; the lookup: lookup.ts; the disclosure routes:
// disclosure-routes.ts (their links served-links.ts, the rule set asked rule-set-choice.ts).

import { Router } from 'express';
import type { CompiledRuleSet } from '../../analytics/rules/index.js';
import type { Store } from '../../store/index.js';
import { disclosureRoutes } from './disclosure-routes.js';
import { livePage } from './live.js';
import type { ReportSetting } from './page-parts.js';
import { LIVE_SCRIPT } from './live-script.js';
import { lookupPage } from './lookup.js';

export { LIST_PAGE_SIZE } from './disclosure-routes.js';

export interface PublicPagesDeps {
  store: Store;
  zone: string;
  /** the rule set whose disclosures are shown without ?ruleSet= (the product's default); none: 404 */
  ruleSet?: CompiledRuleSet | undefined;
  /** every rule set whose disclosures can be chosen (default: the one above) */
  ruleSets?: readonly CompiledRuleSet[] | undefined;
  /** the county boundaries the live map is drawn from (`<OUTAGE_DATA_DIR>/boundaries.geojson`) */
  boundariesFile?: string | undefined;
  /** the "report an outage" hotline and link (settings OUTAGE_PUBLIC_HOTLINE, OUTAGE_PUBLIC_REPORT_URL) */
  report?: ReportSetting | undefined;
  now?: () => number;
}

export function publicPages(deps: PublicPagesDeps): Router {
  const router = Router();
  const clock = deps.now ? { now: deps.now } : {};
  const live = livePage({
    store: deps.store,
    zone: deps.zone,
    boundariesFile: deps.boundariesFile,
    report: deps.report,
    plannedNoticeDays: deps.ruleSet?.reporting.plannedNoticeDays,
    ...clock,
  });
  router.get('/outages', live.html);
  router.get('/outages.json', live.json);
  router.get('/planned', live.plannedHtml);
  router.get('/planned.json', live.plannedJson);
  router.get('/lookup', lookupPage({ store: deps.store, zone: deps.zone, report: deps.report, ...clock }));
  router.get('/live.js', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.type('text/javascript; charset=utf-8').send(LIVE_SCRIPT);
  });
  const disclosures = disclosureRoutes(deps);
  router.get('/disclosures', disclosures.list);
  router.get('/disclosures/:file', disclosures.document);
  return router;
}
