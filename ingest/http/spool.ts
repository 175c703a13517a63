// The spool's refused units, for operators: GET /api/v1/spool/refused lists the write units
// QuestDB refused as a whole on replay (each already answered "accepted" to its sender, so never
// dropped), and POST /api/v1/spool/refused/:file/replay puts one back in the queue once the
// cause is fixed. Admin only: the records are shown as sent.

import { type RequestHandler, Router } from 'express';
import { HttpError, type Role } from '../../core/index.js';
import { SPOOL_FILE, type Writer } from '../../store/index.js';

export interface SpoolRouterDeps {
  writer: Pick<Writer, 'refusedUnits' | 'requeueRefused'>;
  requireRole: (role: Role) => RequestHandler;
}

export function spoolRouter(deps: SpoolRouterDeps): Router {
  const router = Router();
  const admin = deps.requireRole('admin');
  router.get('/spool/refused', admin, (_req, res) => {
    res.json({
      rows: deps.writer.refusedUnits().map((r) => ({
        file: r.file,
        kind: r.unit.kind,
        records: r.unit.records.length,
        receivedAt: new Date(r.unit.receivedAt).toISOString(),
        refusedAt: new Date(r.at).toISOString(),
        reason: r.reason,
        unit: r.unit,
      })),
    });
  });
  router.post('/spool/refused/:file/replay', admin, (req, res) => {
    const file = String(req.params['file']);
    if (!SPOOL_FILE.test(file)) throw new HttpError(400, 'file: a spool file name such as 000000000012.json');
    if (!deps.writer.requeueRefused(file)) throw new HttpError(404, `no refused unit ${file}`);
    res.status(202).json({ requeued: file });
  });
  return router;
}
