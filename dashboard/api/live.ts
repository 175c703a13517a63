// Server-sent events for the live operations view: every accepted ingest batch is announced
// within the same tick, and each client refetches what it shows. A heartbeat keeps proxies
// from closing idle streams.

import type { Request, Response } from 'express';
import { HttpError } from '../../core/index.js';

export interface LiveMessage {
  type: 'ingest';
  kind: string;
  count: number;
  at: string;
}

export interface LiveLimits {
  /** open streams per client (its token): a dashboard needs one per open tab */
  perClient: number;
  /** open streams in all */
  total: number;
}

export class LiveHub {
  private readonly clients = new Set<Response>();
  private readonly perClient = new Map<string, number>();
  private readonly heartbeat: NodeJS.Timeout;
  lastMessage: LiveMessage | undefined;

  constructor(
    heartbeatMs = 15_000,
    private readonly limits: LiveLimits = { perClient: 16, total: 1_000 },
  ) {
    this.heartbeat = setInterval(() => {
      for (const res of this.clients) res.write(': heartbeat\n\n');
    }, heartbeatMs);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  publish(kind: string, count: number): void {
    const message: LiveMessage = { type: 'ingest', kind, count, at: new Date().toISOString() };
    this.lastMessage = message;
    const frame = `event: ingest\ndata: ${JSON.stringify(message)}\n\n`;
    for (const res of this.clients) res.write(frame);
  }

  /**
   * Handler for GET /live: keeps the response open as an event stream. Past the limits (per
   * client, `clientKey`, and in all) the stream is refused with 429 and Retry-After.
   */
  subscribe(req: Request, res: Response, clientKey: string): void {
    const mine = this.perClient.get(clientKey) ?? 0;
    if (mine >= this.limits.perClient || this.clients.size >= this.limits.total) {
      const why =
        mine >= this.limits.perClient
          ? `at most ${this.limits.perClient} live streams per client; close another view first`
          : 'too many live streams open; try again shortly';
      throw new HttpError(429, why, { headers: { 'Retry-After': '30' } });
    }
    this.perClient.set(clientKey, mine + 1);
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    this.clients.add(res);
    req.on('close', () => {
      if (!this.clients.delete(res)) return;
      const left = (this.perClient.get(clientKey) ?? 1) - 1;
      if (left > 0) this.perClient.set(clientKey, left);
      else this.perClient.delete(clientKey);
    });
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const res of this.clients) res.end();
    this.clients.clear();
    this.perClient.clear();
  }
}
