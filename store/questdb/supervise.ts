// The bundled QuestDB, kept running: when its process exits without being asked to (a crash,
// an OOM kill, `kill -9`), the exit is logged and it is started again on the same ports and
// data folder, after a pause that grows while restarts fail. Meanwhile the writer spools and
// replays once QuestDB answers again; /readyz and /metrics say how often it was restarted.

import type { LocalQuestDB, QuestDBExit } from './local.js';

export interface SupervisorLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SupervisedQuestDB extends LocalQuestDB {
  /** restarts after an unexpected exit */
  readonly restarts: number;
  /** the last unexpected exit */
  readonly lastExit: (QuestDBExit & { at: number }) | undefined;
}

/** Pauses before each restart attempt (the last one repeats). */
const BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/** What a supervised QuestDB forwards to the process now running. */
const FORWARDED = [
  'httpPort',
  'pgPort',
  'dataDir',
  'clientConf',
  'httpUrl',
  'authorization',
  'running',
  'exited',
] as const;

type Forwarded = Pick<LocalQuestDB, (typeof FORWARDED)[number]>;

/** `own`'s properties after FORWARDED ones that read those of `current()` at each access. */
function forwarding<T extends object>(current: () => LocalQuestDB, own: T): Forwarded & T {
  const view = {};
  for (const key of FORWARDED) {
    Object.defineProperty(view, key, { get: () => current()[key], enumerable: true, configurable: true });
  }
  return Object.defineProperties(view, Object.getOwnPropertyDescriptors(own)) as Forwarded & T;
}

/**
 * Watches `first`; after an exit nobody asked for, calls `restart` (which must start QuestDB on
 * the same ports and folder) until it succeeds. stop() ends the supervision, then QuestDB.
 */
export function superviseQuestDB(
  first: LocalQuestDB,
  restart: () => Promise<LocalQuestDB>,
  log: SupervisorLog,
  backoffMs: readonly number[] = BACKOFF_MS,
): SupervisedQuestDB {
  let current = first;
  let stopping = false;
  let restarts = 0;
  let lastExit: (QuestDBExit & { at: number }) | undefined;
  let wake: (() => void) | undefined;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  /** Restarts QuestDB after an unexpected exit, pausing before each attempt, until one succeeds. */
  const restartAfter = async (exit: QuestDBExit): Promise<void> => {
    lastExit = { ...exit, at: Date.now() };
    log.error({ ...exit }, 'the bundled QuestDB exited; restarting it');
    for (let attempt = 0; !stopping; attempt++) {
      await pause(backoffMs[Math.min(attempt, backoffMs.length - 1)] ?? 1_000);
      if (stopping) return;
      try {
        const next = await restart();
        if (stopping) {
          await next.stop();
          return;
        }
        current = next;
        restarts += 1;
        log.info({ restarts, attempt: attempt + 1 }, 'the bundled QuestDB restarted');
        watch(next);
        return;
      } catch (err) {
        log.error(
          { err: String(err), attempt: attempt + 1 },
          'restarting the bundled QuestDB failed; retrying',
        );
      }
    }
  };
  const watch = (q: LocalQuestDB): void => {
    void q.exited.then(async (exit) => {
      if (stopping || q !== current) return;
      await restartAfter(exit);
    });
  };
  watch(first);

  const own = {
    get restarts() {
      return restarts;
    },
    get lastExit() {
      return lastExit;
    },
    async stop() {
      stopping = true;
      wake?.();
      await current.stop();
    },
    // As a crash would: the supervisor restarts it.
    kill: () => current.kill(),
  };
  return forwarding(() => current, own);
}
