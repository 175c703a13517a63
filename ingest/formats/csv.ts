// CSV with a header row, via csv-parse: BOM, CRLF or LF, quoted fields with commas, quotes
// and line breaks. Values stay text (the schemas read them); `line` is the line a record
// starts on. Quotes that do not delimit a field (12"寸) are read as text; a quote never
// closed ends the read, since what follows cannot be split reliably.

import { type CsvError, type InfoRecord, type Options, parse } from 'csv-parse';
import { quote } from '../schemas/fields.js';
import { nulMessage, type ParsedRow, rowError, type Source, textOf } from './source.js';

export const DEFAULT_MAX_RECORD_CHARS = 1_000_000;

export interface CsvOptions {
  /** Field separator (default ","). */
  delimiter?: string;
  /** Text encoding of the bytes (default UTF-8; Chinese exports are often "gb18030"). */
  encoding?: string;
  /** Longest record, in characters (default 1,000,000): guards against an unclosed quote. */
  maxRecordChars?: number;
}

type Piece = { fields: string[]; emptyLines: number } | { failure: CsvError };

export async function* parseCsv(source: Source, options: CsvOptions = {}): AsyncGenerator<ParsedRow> {
  const maxRecord = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  // The parser's records are collected as it reads each chunk, rather than read one by one
  // from its stream: a promise per record cost more than the parsing itself.
  let pieces: Piece[] = [];
  const settings: Options<Piece, string[]> = {
    bom: true,
    delimiter: options.delimiter ?? ',',
    record_delimiter: ['\r\n', '\n'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: maxRecord,
    // Errors travel with the records, so the records before them are not lost.
    skip_records_with_error: true,
    on_record: (fields: string[], info: InfoRecord): undefined => {
      pieces.push({ fields, emptyLines: info.empty_lines });
    },
    on_skip: (failure: CsvError | undefined) => {
      if (failure) pieces.push({ failure });
      return undefined;
    },
  };
  // The typings tie on_record's output to `columns`; nothing is pushed to the stream here.
  const parser = parse(settings as unknown as Options);
  // A failure also reaches the write's callback, which throws it from here.
  parser.on('error', () => undefined);
  const feed = (chunk: string | undefined) =>
    new Promise<void>((resolve, reject) => {
      const done = (err?: Error | null) => (err ? reject(err) : resolve());
      if (chunk === undefined) parser.end(done);
      else parser.write(chunk, done);
    });

  let header: string[] | undefined;
  let lastLine = 0; // the last line of the previous record
  let emptyLines = 0;
  /** The rows of the pieces read so far; false once reading must stop. */
  function* rows(): Generator<ParsedRow, boolean> {
    const batch = pieces;
    pieces = [];
    for (const piece of batch) {
      if ('failure' in piece) {
        yield rowError(lastLine + 1, describeFailure(piece.failure, maxRecord));
        return false;
      }
      const line = lastLine + 1 + (piece.emptyLines - emptyLines);
      emptyLines = piece.emptyLines;
      lastLine = line + piece.fields.reduce((n, f) => n + lineBreaks(f), 0);
      if (header === undefined) {
        const problem = headerProblem(piece.fields);
        if (problem) {
          yield rowError(line, problem);
          return false;
        }
        header = piece.fields.map((h) => h.trim());
        continue;
      }
      if (piece.fields.every((f) => f.trim() === '')) continue;
      yield toRow(line, header, piece.fields, options.encoding ?? 'UTF-8');
    }
    return true;
  }

  try {
    for await (const chunk of textOf(source, options.encoding)) {
      await feed(chunk);
      if (!(yield* rows())) return;
    }
    await feed(undefined);
    yield* rows();
  } finally {
    parser.destroy();
  }
}

const lineBreaks = (s: string): number =>
  s.includes('\n') || s.includes('\r') ? (s.match(/\r\n|\r|\n/g)?.length ?? 0) : 0;

function headerProblem(fields: string[]): string | undefined {
  const names = fields.map((f) => f.trim());
  // UTF-16 read as UTF-8: every other byte of a Latin letter is 0.
  if (names.some((n) => n.includes('\u0000')))
    return 'the header looks like UTF-16 text; save the file as UTF-8';
  if (names.some((n) => n.includes('\uFFFD'))) {
    return 'the header is not UTF-8 text; if the file is GBK or GB18030, say so ("encoding": "gb18030" in the mapping file)';
  }
  const twice = names.find((n, i) => n !== '' && names.indexOf(n) !== i);
  if (twice !== undefined) return `the header names column ${quote(twice)} twice`;
  return undefined;
}

/**
 * The record keyed by header. Cells under a blank header must be blank and may be missing. A
 * cell the decoder could not read (U+FFFD) rejects the row rather than store altered text.
 */
function toRow(line: number, header: string[], fields: string[], encoding: string): ParsedRow {
  const needed = header.findLastIndex((h) => h !== '') + 1;
  const extra = fields.slice(header.length).some((f) => f.trim() !== '');
  if (fields.length < needed || extra) {
    return rowError(line, `has ${fields.length} fields, but the header has ${header.length}`);
  }
  const entries: [string, string][] = [];
  for (const [i, name] of header.entries()) {
    const value = fields[i] ?? '';
    if (value.includes('\uFFFD'))
      return rowError(
        line,
        `has bytes that are not ${encoding} text in column ${quote(name || String(i + 1))}; if the file is in another encoding (GBK, GB18030, Latin-1), say so ("encoding" in the mapping file)`,
      );
    if (value.includes('\u0000')) return rowError(line, nulMessage(name || String(i + 1)));
    if (name !== '') entries.push([name, value]);
    else if (value.trim() !== '')
      return rowError(line, `has ${quote(value)} in column ${i + 1}, which has no header`);
  }
  return { line, record: Object.fromEntries(entries) };
}

function describeFailure(e: CsvError, maxRecord: number): string {
  const rest = '; the rest of the file was not read';
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return `a quoted field starting here is never closed${rest}`;
    case 'CSV_INVALID_CLOSING_QUOTE':
      return `a quoted field is followed by more text before the next separator; quote the whole field and double the quotes inside it ("")${rest}`;
    case 'CSV_MAX_RECORD_SIZE':
      return `a record is longer than ${maxRecord.toLocaleString('en')} characters (an unclosed quote?)${rest}`;
    default:
      return `is not valid CSV (${e.message})${rest}`;
  }
}
