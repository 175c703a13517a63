#!/usr/bin/env node
// Command line: `start` runs the product; `questdb` runs only the bundled QuestDB;
// `import` loads a file (see ingest/import). Settings come from the environment (README).

import { join } from 'node:path';
import { ConfigError, loadConfig } from '../server/config.js';
import { createLogger } from '../server/log.js';
import { startProduct } from '../server/runtime.js';
import { startLocalQuestDB } from '../store/index.js';
import { loadDemoIfEmpty } from '../server/demo.js';
import { productRouters } from '../server/routes.js';

const USAGE = `usage: outage <command>
  start                                   run the product (API and dashboard) on the bundled or configured QuestDB
  questdb                                 run only the bundled QuestDB (prints its client configuration string)
  import <assets|outages|warnings> FILE [--mapping FILE]   load a file into a running product's database
  export-disclosure PERIOD --out DIR [--rule-set NAME]     write a published disclosure's pages and downloads to DIR
  reach <check|rebuild>                   compare the attribution kept at write with a fresh derivation; rebuild it`;

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

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  switch (command) {
    case 'start': {
      const product = await startProduct(config, log, {
        routers: productRouters,
        ...(config.demo ? { beforeListen: loadDemoIfEmpty } : {}),
      });
      log.info({ url: product.url }, 'ready');
      process.stdout.write(`\nOutage analytics is running at ${product.url}\n`);
      if (!config.adminToken)
        process.stdout.write(`Admin token (generated for this run): ${product.adminToken}\n\n`);
      onSignals(product.stop);
      return;
    }
    case 'questdb': {
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
      return;
    }
    case 'export-disclosure': {
      const { runExportDisclosure } = await import('../dashboard/public-pages/export-cli.js');
      process.exitCode = await runExportDisclosure(rest, config, log);
      return;
    }
    case 'import': {
      const { runImport } = await import('../ingest/import/cli.js');
      process.exitCode = await runImport(rest, config, log);
      return;
    }
    case 'reach': {
      const { runReach } = await import('./reach.js');
      process.exitCode = await runReach(rest, config, log);
      return;
    }
    default:
      process.stderr.write(`${USAGE}\n`);
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
