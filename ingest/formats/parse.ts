// One entry point over the four parsers.

import { parseArrow } from './arrow.js';
import { type CsvOptions, parseCsv } from './csv.js';
import type { Format } from './detect.js';
import { type JsonOptions, parseJsonArray } from './json.js';
import { type NdjsonOptions, parseNdjson } from './ndjson.js';
import type { ParsedRow, Source } from './source.js';

export type ParseOptions = CsvOptions & JsonOptions & NdjsonOptions;

export function parseRecords(
  source: Source,
  format: Format,
  options: ParseOptions = {},
): AsyncGenerator<ParsedRow> {
  switch (format) {
    case 'json':
      return parseJsonArray(source, options);
    case 'ndjson':
      return parseNdjson(source, options);
    case 'csv':
      return parseCsv(source, options);
    case 'arrow':
      return parseArrow(source);
  }
}
