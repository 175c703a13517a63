import type { Request } from 'express';
import { HttpError } from '../../core/index.js';

/**
 * The request body as a byte stream, refused with 413 past `limit` bytes: up front when
 * Content-Length says so, otherwise as soon as the stream passes it (records already
 * accepted stay accepted; resending them is harmless, since writes are idempotent).
 */
export async function* limitedBody(req: Request, limit: number): AsyncGenerator<Uint8Array> {
  const declared = Number(req.get('content-length') ?? Number.NaN);
  if (declared > limit) throw tooLarge(limit);
  let seen = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    seen += chunk.length;
    if (seen > limit) throw tooLarge(limit);
    yield chunk;
  }
}

const tooLarge = (limit: number): HttpError =>
  new HttpError(
    413,
    `request body larger than ${Math.round(limit / 1024 / 1024)} MiB; split it or use the import command`,
  );
