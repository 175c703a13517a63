// POST /api/v1/assets | outages | warnings: a JSON array, NDJSON or CSV body, streamed
// through the ingestor. 200 when every accepted record is in QuestDB, 202 when some wait in
// the spool (durable, written once QuestDB is back), 400 when the body cannot be read at all,
// 503 with Retry-After past the spool limit. Accepted records their sender should look at again
// (a planned outage announced later than its notice period) are listed in `warnings`, in the
// style of `rejected`: {line, id, issues: [{path, message}]}, with `warningCount`. With
// ?wait=visible the answer waits (30 s at most) until queries see the records, and says whether
// they do (`visible`).

import { type RequestHandler, Router } from 'express';
import { HttpError, type Role } from '../../core/index.js';
import { charsetOf, detectFormat, parseRecords } from '../formats/index.js';
import type { Ingestor, Rejected } from '../pipeline/index.js';
import { RECORD_KINDS, type RecordKind } from '../schemas/index.js';
import { limitedBody } from './body.js';

export interface IngestRouterDeps {
  ingestor: Ingestor;
  bodyLimitBytes: number;
  requireRole: (role: Role) => RequestHandler;
  /**
   * Waits until what was stored so far is visible to queries (QuestDB applies WAL writes a
   * moment after acknowledging them); false when that took longer than `timeoutMs`.
   */
  waitVisible?: (timeoutMs: number) => Promise<boolean>;
}

/** The longest `?wait=visible` waits before answering anyway (with `visible: false`). */
const VISIBLE_WITHIN_MS = 30_000;

/** Issues listed per rejected record in the answer: a record of 50,000 unknown fields has 50,000. */
const ISSUES_LISTED = 20;

const listed = (r: Rejected): Rejected =>
  r.errors.length <= ISSUES_LISTED
    ? r
    : {
        ...r,
        errors: [
          ...r.errors.slice(0, ISSUES_LISTED),
          { path: '', message: `and ${r.errors.length - ISSUES_LISTED} more problems` },
        ],
      };

export function ingestRouter(deps: IngestRouterDeps): Router {
  const router = Router();
  for (const kind of RECORD_KINDS) {
    router.post(`/${kind}`, deps.requireRole('ingest'), async (req, res) => {
      const wait = req.query['wait'];
      if (wait !== undefined && wait !== 'visible') {
        throw new HttpError(400, 'invalid wait', {
          issues: [{ path: 'wait', message: `expected "visible", got "${String(wait)}"` }],
        });
      }
      const contentType = req.get('content-type') ?? 'application/json';
      const format = detectFormat(contentType);
      if (!format.ok) throw new HttpError(415, format.issues.map((i) => i.message).join('; '));
      const charset = charsetOf(contentType, format.value);
      if (!charset.ok) throw new HttpError(415, charset.issues.map((i) => i.message).join('; '));
      const rows = parseRecords(limitedBody(req, deps.bodyLimitBytes), format.value, {
        maxBodyBytes: deps.bodyLimitBytes,
        ...(charset.value ? { encoding: charset.value } : {}),
      });
      const summary = await deps.ingestor.ingest(kind as RecordKind, rows, { source: 'http' });
      // A body that could not be read at all (empty, cut off, not the format it says) is the
      // request's fault, not one record's: 400 with the reason (it is kept in rejects too).
      const unreadable = summary.rejected.find((r) => r.line === 0);
      if (unreadable && summary.accepted === 0 && summary.spooled === 0) {
        throw new HttpError(400, 'the body could not be read', {
          issues: unreadable.errors.map((e) => ({ path: 'body', message: e.message })),
        });
      }
      // Read-after-write on request: spooled records are not in QuestDB yet, so not visible.
      const visible =
        wait === 'visible' && deps.waitVisible
          ? summary.spooled === 0 && (await deps.waitVisible(VISIBLE_WITHIN_MS))
          : undefined;
      res.status(summary.spooled > 0 ? 202 : 200).json({
        accepted: summary.accepted,
        rejected: summary.rejected.map(listed),
        rejectedCount: summary.rejectedCount,
        warnings: summary.warnings,
        warningCount: summary.warningCount,
        spooled: summary.spooled,
        batchId: summary.batchId,
        ...(visible === undefined ? {} : { visible }),
      });
    });
  }
  return router;
}
