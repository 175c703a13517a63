#!/usr/bin/env node
// Command line: `start` runs the product; `questdb` runs only the bundled QuestDB;
// `import` loads a file (see ingest/import). Settings come from the environment (README).
// Help and the version go to stdout with exit 0 and need no settings. The one-off commands
// (import, export-disclosure, reach) print their result on stdout and log to stderr, so that
// `npm run -s import -- … | jq` reads the summary alone; the services log to stdout.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { type Config, ConfigError, loadConfig, projectRoot } from '../server/config.js';
import type { Logger } from '../server/log.js';

const USAGE = `usage: outage <command>
  start                                   run the product (API and dashboard) on the bundled or configured QuestDB
  questdb                                 run only the bundled QuestDB (prints its client configuration string)
  import <assets|outages|warnings> FILE [--mapping FILE]   load a file into a running product's database
                                          (outage import --help for its options)
  export-disclosure PERIOD --out DIR [--rule-set NAME]     write a published disclosure's pages and downloads to DIR
  reach <check|rebuild>                   compare the attribution kept at write with a fresh derivation; rebuild it
  help, --help, -h                        print this help
  --version                               print the version
Settings are environment variables (OUTAGE_*, QDB_CLIENT_CONF; see the README).`;

const HELP = ['help', '--help', '-h'];

/** The product's version, from its package.json. */
function version(): string {
  const pkg = JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version?: unknown };
  return String(pkg.version);
}

/**
 * Logs of a one-off command, on stderr (written at once, so none is lost when it exits). The
 * same settings as server/log.ts's createLogger, which writes to stdout.
 */
function commandLogger(level: string): Logger {
  return pino(
    { level, base: { service: 'outage-analytics' }, redact: ['req.headers.authorization'] },
    pino.destination({ dest: 2, sync: true }),
  );
}

function onSignals(stop: () => Promise<void>): void {
  let count = 0;
  const handler = (signal: string) => {
    count += 1;
    if (count > 1) process.exit(1);
    process.stderr.write(`\n${signal}: shutting down\n`);
    stop().then(
      () => process.exit(0),
      (err) => {
        process.stderr.write(`shutdown failed: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

/** `start`: the product, until a signal stops it. */
async function start(): Promise<void> {
  const config = loadConfig();
  const { createLogger } = await import('../server/log.js');
  const log = createLogger(config.logLevel);
  const { startProduct } = await import('../server/runtime.js');
  const { loadDemoIfEmpty } = await import('../server/demo.js');
  const { productRouters } = await import('../server/routes.js');
  const product = await startProduct(config, log, {
    routers: productRouters,
    ...(config.demo ? { beforeListen: loadDemoIfEmpty } : {}),
  });
  log.info({ url: product.url }, 'ready');
  process.stdout.write(`\nOutage analytics is running at ${product.url}\n`);
  if (!config.adminToken)
    process.stdout.write(`Admin token (generated for this run): ${product.adminToken}\n\n`);
  onSignals(product.stop);
}

/** `questdb`: the bundled QuestDB alone, until a signal stops it. */
async function questdb(): Promise<void> {
  const config = loadConfig();
  const { startLocalQuestDB } = await import('../store/index.js');
  const q = await startLocalQuestDB({
    dataDir: join(config.dataDir, 'questdb'),
    cacheDir: config.qdbCacheDir,
    httpPort: config.qdbHttpPort,
    pgPort: config.qdbPgPort,
    heap: config.qdbHeap,
    console: true,
  });
  process.stdout.write(
    `QuestDB ${q.httpUrl} (PG wire port ${q.pgPort}; its login is in ${join(q.dataDir, 'credentials.json')})\nQDB_CLIENT_CONF="${q.clientConf}"\n`,
  );
  onSignals(q.stop);
}

/** A one-off command's run: its arguments, the settings, a logger on stderr; its exit code. */
type OneOff = (argv: string[], config: Config, log: Logger) => Promise<number>;

/**
 * A one-off command (import, export-disclosure, reach): the settings, then its module, then its
 * run, whose answer is the exit code.
 */
async function oneOff(argv: string[], load: () => Promise<OneOff>): Promise<void> {
  const config = loadConfig();
  const run = await load();
  process.exitCode = await run(argv, config, commandLogger(config.logLevel));
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command !== undefined && HELP.includes(command)) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (command === '--version') {
    process.stdout.write(`${version()}\n`);
    return;
  }
  switch (command) {
    case 'start':
      return start();
    case 'questdb':
      return questdb();
    case 'export-disclosure':
      return oneOff(rest, async () => (await import('./export-disclosure.js')).runExportDisclosure);
    case 'import': {
      const { IMPORT_USAGE, runImport } = await import('./import.js');
      if (rest[0] === 'help' || rest.includes('--help') || rest.includes('-h')) {
        process.stdout.write(`${IMPORT_USAGE}\n`);
        return;
      }
      return oneOff(rest, async () => runImport);
    }
    case 'reach':
      return oneOff(rest, async () => (await import('./reach.js')).runReach);
    default:
      process.stderr.write(`${command ? `unknown command ${JSON.stringify(command)}\n` : ''}${USAGE}\n`);
      process.exitCode = command ? 2 : 0;
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof ConfigError || (err as Error).name === 'MissingToolError') {
    process.stderr.write(`error: ${(err as Error).message}\n`);
  } else {
    process.stderr.write(`error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
});
