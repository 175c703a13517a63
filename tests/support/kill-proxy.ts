// A TCP relay on 127.0.0.1 between the product and QuestDB's HTTP port, so a fault test can kill
// QuestDB at an exact moment: when a request whose head matches a pattern passes (a query of the
// API, the month-end job's INSERT), the relay stops passing answers on that connection and tells
// the test, which then kills QuestDB. Nothing is mocked: every byte goes to the real server.

import { connect, createServer, type Socket } from 'node:net';

export interface Trap {
  /** Matched against each chunk the product sends, read as Latin-1 (URLs are percent-encoded). */
  pattern: RegExp;
  /** false: the matching request is dropped (never reaches QuestDB); true: QuestDB gets it. */
  forward: boolean;
}

export interface KillProxy {
  readonly port: number;
  /** The Node client configuration string that goes through the relay. */
  readonly clientConf: string;
  /** Where the relay connects (a restarted QuestDB may listen elsewhere). */
  target(port: number): void;
  /** Resolves when a request matching the trap passes; its answer never reaches the product. */
  trap(t: Trap): Promise<void>;
  close(): Promise<void>;
}

/** `login`: the Node client configuration entries of QuestDB's login, passed on unchanged. */
export async function startKillProxy(targetPort: number, login = ''): Promise<KillProxy> {
  let upstreamPort = targetPort;
  let armed: (Trap & { sprung: () => void }) | undefined;
  const sockets = new Set<Socket>();

  const server = createServer((client) => {
    const upstream = connect(upstreamPort, '127.0.0.1');
    let frozen = false;
    sockets.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('data', (chunk: Buffer) => {
      if (frozen) return;
      const t = armed;
      if (t?.pattern.test(chunk.toString('latin1'))) {
        armed = undefined;
        frozen = true;
        if (t.forward) upstream.write(chunk);
        t.sprung();
        return;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!frozen) client.write(chunk);
    });
    for (const s of [client, upstream]) {
      s.on('error', drop);
      s.on('close', drop);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    clientConf: `http::addr=127.0.0.1:${port};${login}`,
    target(p) {
      upstreamPort = p;
    },
    trap(t) {
      return new Promise<void>((resolve) => {
        armed = { ...t, sprung: resolve };
      });
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
