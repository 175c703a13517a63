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
import { detectFormat, type Format } from '../ingest/formats/index.js';
import { loadMapping, type Mapping } from '../ingest/mapping/index.js';
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

/** An import as asked for on the command line, its arguments checked. */
interface Asked {
  kind: RecordKind;
  file: string;
  format: Format;
  /** the mapping file's path, and the mapping read from it */
  mappingFile: string | undefined;
  mapping: Mapping | undefined;
  deriveAssets: boolean;
  rejectsFile: string | undefined;
}

export async function runImport(argv: string[], config: Config, log: Logger): Promise<number> {
  const asked = readArguments(argv, config);
  return asked ? importAsked(asked, config, log) : 2;
}

/** Writes a usage or file error to stderr; nothing is imported. */
function refuse(message: string): undefined {
  process.stderr.write(`${message}\n`);
  return undefined;
}

/** The arguments checked (the mapping read), or undefined once the first problem is written. */
function readArguments(argv: string[], config: Config): Asked | undefined {
  const parsed = parseOrUsage(() => parseOptions(argv), USAGE);
  if (!parsed) return undefined;
  const { values, positionals } = parsed;
  const [kind, file] = positionals;
  if (!kind || !file || positionals.length > 2) return refuse(USAGE);
  if (!isRecordKind(kind))
    return refuse(`error: unknown record kind ${JSON.stringify(kind)}; expected ${RECORD_KINDS.join(', ')}`);
  try {
    accessSync(file, constants.R_OK);
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(err);
    return refuse(`error: cannot read ${file} (${why})`);
  }
  const format = detectFormat(values.format ?? file);
  if (!format.ok) return refuse(`error: ${format.issues.map((i) => i.message).join('; ')}`);
  const idPrefix = values['id-prefix'];
  if (idPrefix !== undefined && !values.mapping)
    return refuse('error: --id-prefix needs --mapping (the mapping puts the prefix on the ids)');
  const mapping = values.mapping
    ? loadMapping(values.mapping, kind, config.zone, idPrefix ? { idPrefix } : {})
    : undefined;
  if (mapping && !mapping.ok)
    return refuse(`error: ${mapping.issues.map((i) => `${i.path}: ${i.message}`).join('\n  ')}`);
  if (values['derive-assets'] && !(mapping?.ok && mapping.value.derive.length > 0))
    return refuse('error: --derive-assets needs a mapping file with a "derive" section');
  return {
    kind,
    file,
    format: format.value,
    mappingFile: values.mapping,
    mapping: mapping?.ok ? mapping.value : undefined,
    deriveAssets: values['derive-assets'] === true,
    rejectsFile: values.rejects,
  };
}

const isRecordKind = (kind: string): kind is RecordKind => (RECORD_KINDS as readonly string[]).includes(kind);

/** The import itself, on the configured database: 0 all imported, 1 some rejected, 2 an import error. */
async function importAsked(asked: Asked, config: Config, log: Logger): Promise<number> {
  const { kind, file } = asked;
  const db = await connectForCommand(commandStoreOptions(config));
  const { assets, writer } = await openWriter(config, db.store, log);
  const rejectsPath = asked.rejectsFile ?? defaultRejectsPath(file, config.dataDir);
  mkdirSync(dirname(rejectsPath), { recursive: true });
  const rejectsOut = createWriteStream(rejectsPath);
  const tty = process.stderr.isTTY;
  const started = Date.now();
  log.info({ kind, file, format: asked.format, mapping: asked.mappingFile ?? null }, 'import started');
  try {
    const summary = await importFile(
      { writer, assets, zone: config.zone, customersFactor: config.customersFactor },
      {
        kind,
        file: file.split('/').at(-1) ?? file,
        open: () => createReadStream(file),
        format: asked.format,
        ...(asked.mapping ? { mapping: asked.mapping } : {}),
        deriveAssets: asked.deriveAssets,
        onReject: (r) => rejectsOut.write(`${JSON.stringify(r)}\n`),
        onProgress: (progress) => {
          if (tty) process.stderr.write(progressLine(progress, started));
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

/** The progress on a terminal, rewritten in place: records read, the rate, accepted and rejected. */
function progressLine(
  p: { kind: RecordKind; read: number; accepted: number; rejected: number },
  started: number,
): string {
  const rate = Math.round(p.read / Math.max(0.001, (Date.now() - started) / 1000));
  return `\r${p.kind}: ${p.read.toLocaleString('en')} records · ${rate.toLocaleString('en')}/s · ${p.accepted.toLocaleString('en')} accepted · ${p.rejected.toLocaleString('en')} rejected`;
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
