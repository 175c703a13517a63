// `import <assets|outages|warnings> FILE [--mapping FILE] [--derive-assets] [--id-prefix P]
// [--rejects FILE]`: streams a file (constant memory) through the same ingestor as the HTTP
// endpoints, shows progress on a terminal, and ends with a summary (JSON on stdout, the only
// thing written there: every row read accounted for, see summary.ts) and a rejects file
// (NDJSON, one line per rejected record). With --derive-assets a first pass derives the
// assets from the rows (the mapping's "derive" section) and stores them before the records.

import { accessSync, constants, createReadStream, createWriteStream, mkdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseOrUsage } from './usage.js';
import { type Config, commandStoreOptions } from '../server/config.js';
import type { Logger } from '../server/log.js';
import { openWriter } from '../server/open-writer.js';
import { connectForCommand } from '../store/index.js';
import { detectFormat } from '../ingest/formats/index.js';
import { loadMapping } from '../ingest/mapping/index.js';
import { RECORD_KINDS, type RecordKind } from '../ingest/schemas/index.js';
import { ImportError, importFile } from '../ingest/import/run.js';

export const IMPORT_USAGE = `usage: import <assets|outages|warnings> FILE [options]
  FILE                    a CSV, NDJSON (.ndjson, .jsonl), JSON array (.json) or Arrow IPC (.arrow) file
  --mapping FILE          a mapping file (mappings/*.json): the source's columns, spellings, time formats, zone
  --derive-assets         derive the assets from the rows first (the mapping's "derive" section)
  --id-prefix PREFIX      put PREFIX before every id (needs --mapping)
  --rejects FILE          where rejected records go (default: FILE.rejects.ndjson)
  --format FORMAT         csv, ndjson, json or arrow, when the file's name does not say
Prints a JSON summary on stdout; progress (on a terminal) and logs go to stderr.
Exit codes: 0 every record imported, 1 some rejected (see the rejects file), 2 usage or file errors.`;
const USAGE = `${IMPORT_USAGE.split('\n')[0]}   (import --help lists the options)`;

export async function runImport(argv: string[], config: Config, log: Logger): Promise<number> {
  const parsed = parseOrUsage(() => parseOptions(argv), USAGE);
  if (!parsed) return 2;
  const { values, positionals } = parsed;
  const [kind, file] = positionals;
  if (!kind || !file || positionals.length > 2) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (!(RECORD_KINDS as readonly string[]).includes(kind)) {
    process.stderr.write(
      `error: unknown record kind ${JSON.stringify(kind)}; expected ${RECORD_KINDS.join(', ')}\n`,
    );
    return 2;
  }
  try {
    accessSync(file, constants.R_OK);
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(err);
    process.stderr.write(`error: cannot read ${file} (${why})\n`);
    return 2;
  }
  const format = detectFormat(values.format ?? file);
  if (!format.ok) {
    process.stderr.write(`error: ${format.issues.map((i) => i.message).join('; ')}\n`);
    return 2;
  }
  const idPrefix = values['id-prefix'];
  if (idPrefix !== undefined && !values.mapping) {
    process.stderr.write('error: --id-prefix needs --mapping (the mapping puts the prefix on the ids)\n');
    return 2;
  }
  const mapping = values.mapping
    ? loadMapping(values.mapping, kind as RecordKind, config.zone, idPrefix ? { idPrefix } : {})
    : undefined;
  if (mapping && !mapping.ok) {
    process.stderr.write(`error: ${mapping.issues.map((i) => `${i.path}: ${i.message}`).join('\n  ')}\n`);
    return 2;
  }
  if (values['derive-assets'] && !(mapping?.ok && mapping.value.derive.length > 0)) {
    process.stderr.write('error: --derive-assets needs a mapping file with a "derive" section\n');
    return 2;
  }

  const db = await connectForCommand(commandStoreOptions(config));
  const { assets, writer } = await openWriter(config, db.store, log);
  const rejectsPath = values.rejects ?? defaultRejectsPath(file, config.dataDir);
  mkdirSync(dirname(rejectsPath), { recursive: true });
  const rejectsOut = createWriteStream(rejectsPath);
  const tty = process.stderr.isTTY;
  const started = Date.now();
  log.info({ kind, file, format: format.value, mapping: values.mapping ?? null }, 'import started');
  try {
    const summary = await importFile(
      { writer, assets, zone: config.zone, customersFactor: config.customersFactor },
      {
        kind: kind as RecordKind,
        file: file.split('/').at(-1) ?? file,
        open: () => createReadStream(file),
        format: format.value,
        ...(mapping?.ok ? { mapping: mapping.value } : {}),
        deriveAssets: values['derive-assets'] === true,
        onReject: (r) => rejectsOut.write(`${JSON.stringify(r)}\n`),
        onProgress: ({ kind: k, read, accepted, rejected }) => {
          if (!tty) return;
          const rate = Math.round(read / Math.max(0.001, (Date.now() - started) / 1000));
          process.stderr.write(
            `\r${k}: ${read.toLocaleString('en')} records · ${rate.toLocaleString('en')}/s · ${accepted.toLocaleString('en')} accepted · ${rejected.toLocaleString('en')} rejected`,
          );
        },
      },
    );
    await writer.drain();
    const seconds = (Date.now() - started) / 1000;
    if (tty) process.stderr.write('\n');
    const anyRejected = summary.rejected + (summary.assets?.rejected ?? 0) > 0;
    const { accepted, rejected, skipped, spooled } = summary;
    log.info(
      { kind, file, rowsRead: summary.rowsRead, accepted, rejected, skipped, spooled, seconds },
      'import finished',
    );
    process.stdout.write(
      `${JSON.stringify({
        ...summary,
        file,
        seconds: Math.round(seconds * 10) / 10,
        rejectsFile: anyRejected ? rejectsPath : null,
      })}\n`,
    );
    return anyRejected ? 1 : 0;
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
    process.stderr.write(`error: ${err.message}\n`);
    return 2;
  } finally {
    await new Promise((r) => rejectsOut.end(r));
    await writer.close();
    await db.close();
  }
}

/**
 * Beside the file, or in the data folder when the file's folder is read-only (a shared data
 * set; its mode bits are asked too, since root may write anywhere).
 */
function defaultRejectsPath(file: string, dataDir: string): string {
  try {
    accessSync(dirname(file), constants.W_OK);
    if ((statSync(dirname(file)).mode & 0o200) !== 0) return `${file}.rejects.ndjson`;
  } catch {
    // not writable
  }
  return join(dataDir, `${basename(file)}.rejects.ndjson`);
}

function parseOptions(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      mapping: { type: 'string' },
      rejects: { type: 'string' },
      format: { type: 'string' },
      'derive-assets': { type: 'boolean' },
      'id-prefix': { type: 'string' },
    },
  });
}
