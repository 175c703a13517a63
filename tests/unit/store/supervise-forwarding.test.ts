// A supervised QuestDB reads its ports, addresses and state from the process running now: after
// a restart on other ports, the new ones (the product's clients read them at each use).

import { describe, expect, it } from 'vitest';
import type { LocalQuestDB, QuestDBExit } from '../../../store/index.js';
import { superviseQuestDB } from '../../../store/index.js';

/** A QuestDB stand-in on `port`; `crash()` ends it as a crash would. */
function fake(port: number) {
  let end!: (e: QuestDBExit) => void;
  const q = {
    ...{ httpPort: port, pgPort: port + 1, dataDir: `/data/${port}` },
    ...{ clientConf: `http::addr=127.0.0.1:${port};`, httpUrl: `http://127.0.0.1:${port}` },
    authorization: `Basic ${port}`,
    running: true,
    exited: new Promise<QuestDBExit>((resolve) => {
      end = resolve;
    }),
    crash: (exit: QuestDBExit = { code: 137, signal: null }) => {
      q.running = false;
      end(exit);
    },
    stop: async () => q.crash({ code: 0, signal: null }),
    kill: async () => q.crash({ code: null, signal: 'SIGKILL' }),
  };
  return q satisfies LocalQuestDB;
}

const silent = { info: () => undefined, error: () => undefined };

describe('a supervised QuestDB', () => {
  it('has the properties of a local one and its own, in that order', async () => {
    const q = superviseQuestDB(fake(9200), async () => fake(9300), silent, [1]);
    const keys = 'httpPort pgPort dataDir clientConf httpUrl authorization running exited';
    expect(Object.keys(q)).toEqual([...keys.split(' '), 'restarts', 'lastExit', 'stop', 'kill']);
    await q.stop();
  });

  it('forwards to the process running now', async () => {
    const first = fake(9400);
    const q = superviseQuestDB(first, async () => fake(9500), silent, [1]);
    expect([q.httpPort, q.pgPort, q.dataDir, q.httpUrl, q.authorization]).toEqual([
      9400,
      9401,
      '/data/9400',
      'http://127.0.0.1:9400',
      'Basic 9400',
    ]);
    expect(q.exited).toBe(first.exited);
    first.crash();
    for (let i = 0; i < 400 && q.restarts === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(q.restarts).toBe(1);
    expect([q.httpPort, q.pgPort, q.clientConf, q.running]).toEqual([
      9500,
      9501,
      'http::addr=127.0.0.1:9500;',
      true,
    ]);
    expect(q.exited).not.toBe(first.exited);
    await q.stop();
    expect(q.running).toBe(false);
  });
});
