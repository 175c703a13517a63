// `import <assets|outages|warnings> FILE [--mapping FILE] [--rejects FILE]`: streams a file
// (constant memory) through the same ingestor as the HTTP endpoints, shows progress on a
// terminal, and ends with a summary and a rejects file (NDJSON, one line per rejected record).

import { createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../../server/config.js';
import type { Logger } from '../../server/log.js';
import {
  AssetDirectory,
  createStore,
  findRunning,
  type LocalQuestDB,
  migrate,
  parseClientConf,
  startLocalQuestDB,
  Writer,
} from '../../store/index.js';
import { detectFormat, parseRecords } from '../formats/index.js';
import { applyMapping, loadMapping } from '../mapping/index.js';
import { Ingestor } from '../pipeline/index.js';
import { RECORD_KINDS, type RecordKind } from '../schemas/index.js';

const USAGE =
  'usage: import <assets|outages|warnings> FILE [--mapping FILE] [--rejects FILE] [--format csv|ndjson|json|arrow]';

export async function runImport(argv: string[], config: Config, log: Logger): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { mapping: { type: 'string' }, rejects: { type: 'string' }, format: { type: 'string' } },
  });
  const [kind, file] = positionals;
  if (!kind || !file || !(RECORD_KINDS as readonly string[]).includes(kind)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const format = detectFormat(values.format ?? file);
  if (!format.ok) {
    process.stderr.write(`error: ${format.issues.map((i) => i.message).join('; ')}\n`);
    return 2;
  }
  const mapping = values.mapping ? loadMapping(values.mapping, kind as RecordKind, config.zone) : undefined;
  if (mapping && !mapping.ok) {
    process.stderr.write(`error: ${mapping.issues.map((i) => `${i.path}: ${i.message}`).join('\n  ')}\n`);
    return 2;
  }

  // Which QuestDB: the configured one, the local one a running product uses, or our own.
  let questdb: LocalQuestDB | undefined;
  let conf = config.qdbClientConf;
  const qdbDir = join(config.dataDir, 'questdb');
  if (!conf) {
    const running = await findRunning(qdbDir);
    if (running) conf = `http::addr=${running.replace(/^http:\/\//, '')};`;
    else {
      questdb = await startLocalQuestDB({
        dataDir: qdbDir,
        cacheDir: config.qdbCacheDir,
        heap: config.qdbHeap,
      });
      conf = questdb.clientConf;
    }
  }
  const connection = parseClientConf(conf);
  const store = createStore(connection);
  await migrate(store);
  const assets = new AssetDirectory(store);
  const writer = await Writer.open({
    connection,
    store,
    assets,
    spoolDir: config.spoolDir,
    spoolLimitBytes: config.spoolLimitBytes,
    log,
  });
  const rejectsPath = values.rejects ?? `${file}.rejects.ndjson`;
  const rejectsOut = createWriteStream(rejectsPath);
  const tty = process.stderr.isTTY;
  const started = Date.now();
  try {
    let rows = parseRecords(createReadStream(file), format.value, {
      maxBodyBytes: 4 * 1024 ** 3,
      ...(mapping?.ok ? mapping.value.csv : {}),
    });
    const skipped = new Map<string, number>();
    if (mapping?.ok) {
      rows = applyMapping(rows, mapping.value, ({ reason }) =>
        skipped.set(reason, (skipped.get(reason) ?? 0) + 1),
      );
    }
    const ingestor = new Ingestor({
      writer,
      assets,
      zone: config.zone,
      ...(mapping?.ok && mapping.value.zone ? { sourceZone: mapping.value.zone } : {}),
    });
    const summary = await ingestor.ingest(kind as RecordKind, rows, {
      source: `import:${file.split('/').at(-1)}`,
      maxListed: 0,
      onReject: (r) => rejectsOut.write(`${JSON.stringify(r)}\n`),
      onBatch: ({ read, accepted, rejected }) => {
        if (!tty) return;
        const rate = Math.round(read / Math.max(0.001, (Date.now() - started) / 1000));
        process.stderr.write(
          `\r${read.toLocaleString('en')} records · ${rate.toLocaleString('en')}/s · ${accepted.toLocaleString('en')} accepted · ${rejected.toLocaleString('en')} rejected`,
        );
      },
    });
    await writer.drain();
    const seconds = (Date.now() - started) / 1000;
    if (tty) process.stderr.write('\n');
    process.stdout.write(
      `${JSON.stringify({
        file,
        kind,
        accepted: summary.accepted,
        spooled: summary.spooled,
        rejected: summary.rejectedCount,
        skipped: Object.fromEntries(skipped),
        seconds: Math.round(seconds * 10) / 10,
        rejectsFile: summary.rejectedCount > 0 ? rejectsPath : null,
        batchId: summary.batchId,
      })}\n`,
    );
    return summary.rejectedCount > 0 ? 1 : 0;
  } finally {
    await new Promise((r) => rejectsOut.end(r));
    await writer.close();
    await questdb?.stop();
  }
}
