import type { ErrorRequestHandler, RequestHandler } from 'express';
import { HttpError } from '../../../../core/index.js';
import { SpoolFullError, StoreError } from '../../../../store/index.js';
import type { Logger } from '../../../../core/index.js';

/**
 * The one error handler. HttpErrors become their status and message; an unreachable database
 * or a full spool become 503 with Retry-After; anything else is logged in full and answered
 * as a bare 500, so stack traces and SQL never reach a client.
 */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    let e: HttpError;
    if (err instanceof HttpError) e = err;
    else if (err instanceof SpoolFullError || (err instanceof StoreError && err.kind === 'unreachable')) {
      log.warn({ reqId: req.id, err: String(err) }, 'service unavailable');
      e = new HttpError(503, 'the database is unavailable; try again shortly', {
        headers: { 'Retry-After': '30' },
      });
    } else if ((err as { type?: string }).type === 'entity.too.large') {
      e = new HttpError(413, 'request body too large');
    } else if ((err as { type?: string }).type === 'entity.parse.failed') {
      e = new HttpError(400, 'request body is not valid JSON');
    } else {
      log.error({ reqId: req.id, err }, 'unhandled error');
      e = new HttpError(500, 'internal error');
    }
    if (res.headersSent) return;
    for (const [k, v] of Object.entries(e.headers)) res.setHeader(k, v);
    res.status(e.status).json({ ...e.toJSON(), requestId: req.id });
  };
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, `no such route: ${req.method} ${req.path}`));
};
