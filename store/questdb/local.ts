// Runs the QuestDB server jar as a child process on loopback, with telemetry off and its data
// in a folder of ours. Settings go through QDB_* environment variables (QuestDB reads every
// server.conf key that way), so the data folder's conf/server.conf stays QuestDB's default.

import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  basicAuthorization,
  credentialConf,
  credentialSettings,
  credentialsFor,
  readCredentials,
} from './credentials.js';
import { checkJava, ensureJar } from './jar.js';
import { freePort } from './ports.js';

export interface LocalQuestDBOptions {
  dataDir: string;
  cacheDir: string;
  /** 0 or absent: a free port */
  httpPort?: number;
  pgPort?: number;
  /** Java heap limit, e.g. '1g' */
  heap?: string;
  /** The web console is off unless asked for. */
  console?: boolean;
  readyTimeoutMs?: number;
}

export interface LocalQuestDB {
  readonly httpPort: number;
  readonly pgPort: number;
  readonly dataDir: string;
  /** Node client configuration string for this server. */
  readonly clientConf: string;
  readonly httpUrl: string;
  /** Authorization header value for QuestDB's HTTP API (its login, see credentials.ts) */
  readonly authorization: string;
  stop(): Promise<void>;
  /** Kill without a clean shutdown (fault tests). */
  kill(): Promise<void>;
  readonly running: boolean;
  /** Resolves when the process has exited, for whatever reason. */
  readonly exited: Promise<QuestDBExit>;
}

export interface QuestDBExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** QuestDB's server.conf settings, as the QDB_* variables it reads. */
function serverSettings(opts: LocalQuestDBOptions, httpPort: number, pgPort: number): Record<string, string> {
  return {
    QDB_HTTP_BIND_TO: `127.0.0.1:${httpPort}`,
    QDB_PG_NET_BIND_TO: `127.0.0.1:${pgPort}`,
    QDB_HTTP_MIN_ENABLED: 'false',
    QDB_LINE_TCP_ENABLED: 'false',
    QDB_LINE_UDP_ENABLED: 'false',
    QDB_TELEMETRY_ENABLED: 'false',
    QDB_HTTP_FRONTEND_ENABLED: opts.console ? 'true' : 'false',
    // Two cores here: keep QuestDB's pools small so the app and tests keep a core.
    QDB_SHARED_WORKER_COUNT: '2',
    QDB_WAL_APPLY_WORKER_COUNT: '1',
    // The full flag evaluation of a province-sized network runs queries of more than a minute
    // (QuestDB's default timeout); the API's own requests give up after 120 s on the client side.
    QDB_QUERY_TIMEOUT: process.env['QDB_QUERY_TIMEOUT'] ?? '10m',
  };
}

/** The JVM's arguments: heap, collector, and the server module on its data folder. */
function javaArgs(opts: LocalQuestDBOptions, jar: string): string[] {
  const heap = opts.heap ?? '1g';
  return [
    `-Xmx${heap}`,
    '-Xms128m',
    '-XX:+UseParallelGC',
    // A JVM crash report goes beside its data, not into whatever folder the product started in.
    `-XX:ErrorFile=${join(opts.dataDir, 'hs_err_pid%p.log')}`,
    '--add-exports',
    'java.base/jdk.internal.math=io.questdb',
    '-p',
    jar,
    '-m',
    'io.questdb/io.questdb.ServerMain',
    '-d',
    opts.dataDir,
  ];
}

export async function startLocalQuestDB(opts: LocalQuestDBOptions): Promise<LocalQuestDB> {
  await checkJava();
  const jar = await ensureJar(opts.cacheDir);
  mkdirSync(opts.dataDir, { recursive: true });
  const httpPort = opts.httpPort || (await freePort());
  const pgPort = opts.pgPort || (await freePort());
  const login = credentialsFor(opts.dataDir);
  const authorization = basicAuthorization(login);
  const env = { ...process.env, ...credentialSettings(login), ...serverSettings(opts, httpPort, pgPort) };
  const log = createWriteStream(join(opts.dataDir, 'questdb.log'), { flags: 'a' });
  const child: ChildProcess = spawn('java', javaArgs(opts, jar), { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  let exited = false;
  const exit = new Promise<QuestDBExit>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = true;
      resolve({ code, signal });
    }),
  );
  const httpUrl = `http://127.0.0.1:${httpPort}`;
  try {
    await waitReady({ httpUrl, authorization }, opts.readyTimeoutMs ?? 60_000, () => exited);
  } catch (err) {
    child.kill('SIGKILL');
    await exit;
    throw new Error(`${(err as Error).message}; see ${join(opts.dataDir, 'questdb.log')}`);
  }

  // Other commands on the same data folder (import) find the running server through this file.
  const endpointFile = join(opts.dataDir, 'endpoint.json');
  writeFileSync(endpointFile, JSON.stringify({ httpUrl, pgPort, pid: child.pid }));
  const stopWith = async (signal: NodeJS.Signals, graceMs: number): Promise<void> => {
    if (exited) return;
    rmSync(endpointFile, { force: true });
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exit;
    clearTimeout(timer);
    log.end();
  };
  return {
    httpPort,
    pgPort,
    dataDir: opts.dataDir,
    httpUrl,
    authorization,
    clientConf: `http::addr=127.0.0.1:${httpPort};${credentialConf(login)}`,
    stop: () => stopWith('SIGTERM', 20_000),
    kill: () => stopWith('SIGKILL', 5_000),
    get running() {
      return !exited;
    },
    exited: exit,
  };
}

/** Polls a trivial query until QuestDB answers it (with the login, when it has one). */
export async function waitReady(
  target: { httpUrl: string; authorization?: string },
  timeoutMs: number,
  gaveUp: () => boolean = () => false,
) {
  const { httpUrl, authorization } = target;
  const deadline = Date.now() + timeoutMs;
  let refused = false;
  while (Date.now() < deadline) {
    if (gaveUp()) throw new Error('QuestDB exited during start-up');
    try {
      const res = await fetch(`${httpUrl}/exec?query=${encodeURIComponent('SELECT 1')}`, {
        signal: AbortSignal.timeout(2_000),
        ...(authorization ? { headers: { authorization } } : {}),
      });
      if (res.ok) return;
      refused = res.status === 401 || res.status === 403;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(
    refused
      ? `QuestDB at ${httpUrl} refused the login (check the username and password in QDB_CLIENT_CONF)`
      : `QuestDB did not answer at ${httpUrl} within ${timeoutMs} ms`,
  );
}

/**
 * The client configuration of a local QuestDB already running on `dataDir`, if any (another
 * command on the same data folder: the address from its endpoint file, the folder's login).
 */
export async function findRunning(dataDir: string): Promise<string | undefined> {
  try {
    const { httpUrl } = JSON.parse(readFileSync(join(dataDir, 'endpoint.json'), 'utf8')) as {
      httpUrl: string;
    };
    const login = readCredentials(dataDir);
    await waitReady({ httpUrl, ...(login ? { authorization: basicAuthorization(login) } : {}) }, 1_500);
    return `http::addr=${httpUrl.replace(/^http:\/\//, '')};${login ? credentialConf(login) : ''}`;
  } catch {
    return undefined;
  }
}
