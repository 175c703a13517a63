// Server-sent events for the live operations view: every accepted ingest batch is announced
// within the same tick, and each client refetches what it shows. A heartbeat keeps proxies
// from closing idle streams.

import type { Request, Response } from 'express';

export interface LiveMessage {
  type: 'ingest';
  kind: string;
  count: number;
  at: string;
}

export class LiveHub {
  private readonly clients = new Set<Response>();
  private readonly heartbeat: NodeJS.Timeout;
  lastMessage: LiveMessage | undefined;

  constructor(heartbeatMs = 15_000) {
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

  /** Handler for GET /live: keeps the response open as an event stream. */
  subscribe(req: Request, res: Response): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    this.clients.add(res);
    req.on('close', () => this.clients.delete(res));
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }
}
