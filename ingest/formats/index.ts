export { parseArrow } from './arrow.js';
export { type CsvOptions, DEFAULT_MAX_RECORD_CHARS, parseCsv } from './csv.js';
export { charsetOf, detectFormat, FORMATS, type Format } from './detect.js';
export {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_RECORD_BYTES,
  type JsonOptions,
  parseJsonArray,
} from './json.js';
export { DEFAULT_MAX_LINE_BYTES, type NdjsonOptions, parseNdjson } from './ndjson.js';
export { type ParseOptions, parseRecords } from './parse.js';
export type { Chunk, ParsedRow, Source } from './source.js';
