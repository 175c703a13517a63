// The supervisor restarts the bundled QuestDB after an exit nobody asked for, retrying failed
// starts, and never after stop().

import { describe, expect, it } from 'vitest';
import type { LocalQuestDB, QuestDBExit } from '../../../store/index.js';
import { superviseQuestDB } from '../../../store/index.js';

/** A QuestDB stand-in whose exit the test triggers. */
function fake(port: number) {
  let exit!: (e: QuestDBExit) => void;
  const exited = new Promise<QuestDBExit>((resolve) => {
    exit = resolve;
  });
  let running = true;
  const q: LocalQuestDB & { crash(): void } = {
    httpPort: port,
    pgPort: port + 1,
    dataDir: '/data',
    clientConf: `http::addr=127.0.0.1:${port};`,
    httpUrl: `http://127.0.0.1:${port}`,
    authorization: 'Basic b3V0YWdlOnNlY3JldA==',
    get running() {
      return running;
    },
    exited,
    stop: async () => {
      running = false;
      exit({ code: 0, signal: null });
    },
    kill: async () => {
      running = false;
      exit({ code: null, signal: 'SIGKILL' });
    },
    crash() {
      running = false;
      exit({ code: 137, signal: null });
    },
  };
  return q;
}

const log = {
  entries: [] as string[],
  info: (_o: object, m: string) => log.entries.push(m),
  error: (_o: object, m: string) => log.entries.push(m),
};
const tick = () => new Promise((r) => setTimeout(r, 5));
const until = async (check: () => boolean) => {
  for (let i = 0; i < 2000 && !check(); i++) await tick();
};

describe('superviseQuestDB', () => {
  it('restarts after a crash, retrying a failed start, and keeps watching the new process', async () => {
    const first = fake(9000);
    const started: ReturnType<typeof fake>[] = [];
    let failures = 1;
    const q = superviseQuestDB(
      first,
      async () => {
        if (failures-- > 0) throw new Error('port still taken');
        const next = fake(9000);
        started.push(next);
        return next;
      },
      log,
      [1, 1],
    );
    first.crash();
    await until(() => q.restarts === 1);
    expect(q.restarts).toBe(1);
    expect(q.lastExit).toMatchObject({ code: 137, signal: null });
    expect(q.running).toBe(true);
    expect(log.entries).toEqual([
      'the bundled QuestDB exited; restarting it',
      'restarting the bundled QuestDB failed; retrying',
      'the bundled QuestDB restarted',
    ]);
    await q.kill(); // as a crash: restarted again
    await until(() => q.restarts === 2);
    expect(started).toHaveLength(2);
    await q.stop();
    expect(q.running).toBe(false);
    await tick();
    expect(started).toHaveLength(2); // stop() is not a crash
  });

  it('does not restart once stopped, even while waiting to retry', async () => {
    const first = fake(9100);
    let attempts = 0;
    const q = superviseQuestDB(
      first,
      async () => {
        attempts += 1;
        throw new Error('no');
      },
      log,
      [1, 50],
    );
    first.crash();
    await until(() => attempts === 1);
    await q.stop();
    await new Promise((r) => setTimeout(r, 100));
    expect(attempts).toBe(1);
    expect(q.restarts).toBe(0);
  });
});
