// Remediation cases, the month-end ledger (台账), the periodic public disclosure and "dynamic
// clearing to zero", under /api/v1:
//   GET  /cases?ruleSet&status&region&overdue&assetId&family&unit   cases as they stand (operator)
//   GET  /cases/:id                     one case with its full history (operator)
//   GET  /cases/:id/history             the history as a list (operator)
//   POST /cases/:id/transitions         a planner's change: 200, or 404/409/422 with issues
//                                       [{path, message, code, params}]
//   GET  /ledger?ruleSet                frozen months with their filing deadlines (operator)
//   GET  /ledger/:period?ruleSet&lang&format=csv|xlsx   a frozen month (operator)
//   GET  /disclosures?ruleSet           frozen disclosure periods (public)
//   GET  /disclosures/:period?ruleSet&lang&format       a frozen disclosure (public, no personal data)
//   GET  /remediation/clearing?ruleSet&from&to&step&groupBy   open/overdue/closed over time (operator)
//   GET  /remediation/vocabulary        statuses, actions, required fields, measures, labels (operator)
// Lists answer JSON, CSV or Arrow by Accept; `lang=zh|en` turns headers and codes into words.
// The handlers are in remediation/.

import type { Router } from 'express';
import { operatorRoutes } from './deps.js';
import { jsonBody } from './json-body.js';
import { changeCase, listCaseHistory, listCases, showCase } from './remediation/cases.js';
import { showClearing, showVocabulary } from './remediation/clearing.js';
import { type RemediationRouterDeps, remediationContext } from './remediation/context.js';
import { listDisclosures, listLedgers, showDisclosure, showLedger } from './remediation/documents.js';

export type { RemediationRouterDeps };

export function remediationRouter(deps: RemediationRouterDeps): Router {
  const { router, read, on } = operatorRoutes(deps, remediationContext(deps));
  const plan = deps.requireRole('planner');
  router.get('/cases', read, on(listCases));
  router.get('/cases/:id', read, on(showCase));
  router.get('/cases/:id/history', read, on(listCaseHistory));
  router.post('/cases/:id/transitions', plan, ...jsonBody('64kb'), on(changeCase));
  router.get('/ledger', read, on(listLedgers));
  router.get('/ledger/:period', read, on(showLedger));
  // Public: the disclosure holds no personal data and needs no token.
  router.get('/disclosures', on(listDisclosures));
  router.get('/disclosures/:period', on(showDisclosure));
  router.get('/remediation/clearing', read, on(showClearing));
  router.get('/remediation/vocabulary', read, on(showVocabulary));
  return router;
}
