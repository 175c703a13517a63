// Which parser a body or file needs, from its Content-Type or its file name.

import { fail, ok, type Result } from '../../core/issues.js';

export const FORMATS = ['json', 'ndjson', 'csv', 'arrow'] as const;
export type Format = (typeof FORMATS)[number];

const MEDIA_TYPES: Record<string, Format> = {
  'application/json': 'json',
  'text/json': 'json',
  'application/x-ndjson': 'ndjson',
  'application/ndjson': 'ndjson',
  'application/jsonl': 'ndjson',
  'application/x-jsonlines': 'ndjson',
  'text/csv': 'csv',
  'application/csv': 'csv',
  'application/vnd.apache.arrow.stream': 'arrow',
  'application/vnd.apache.arrow.file': 'arrow',
};

const EXTENSIONS: Record<string, Format> = {
  json: 'json',
  ndjson: 'ndjson',
  jsonl: 'ndjson',
  csv: 'csv',
  arrow: 'arrow',
  arrows: 'arrow',
  ipc: 'arrow',
  feather: 'arrow',
};

const MEDIA_TYPE = /^[a-z]+\/[a-z0-9.+-]+$/;

/**
 * The format named by a Content-Type (`text/csv; charset=utf-8`), a file name
 * (`outages-2025-06.csv`) or itself (`csv`, as a command-line option gives it).
 */
export function detectFormat(contentTypeOrFileName: string): Result<Format> {
  const hint = contentTypeOrFileName.trim();
  const media = hint.split(';')[0]!.trim().toLowerCase();
  if (Object.hasOwn(MEDIA_TYPES, media)) return ok(MEDIA_TYPES[media]!);
  const ext = (/\.([a-z0-9]+)$/i.exec(hint)?.[1] ?? hint).toLowerCase();
  if (Object.hasOwn(EXTENSIONS, ext)) return ok(EXTENSIONS[ext]!);
  if (MEDIA_TYPE.test(media)) {
    const known = 'application/json, application/x-ndjson, text/csv or application/vnd.apache.arrow.stream';
    return fail([{ path: '', message: `unsupported content type ${JSON.stringify(hint)}; send ${known}` }]);
  }
  const message = `cannot tell the format of ${JSON.stringify(hint)} from its name; use .json, .ndjson, .jsonl, .csv or .arrow`;
  return fail([{ path: '', message }]);
}

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)"?/i;

/**
 * The text encoding a Content-Type declares for a body of `format`: undefined when it declares
 * none (UTF-8 is read). CSV may be in any encoding the runtime decodes (GB18030, GBK, Big5,
 * Latin-1…); JSON and NDJSON must be UTF-8 (RFC 8259); Arrow is binary and any charset is ignored.
 */
export function charsetOf(contentType: string, format: Format): Result<string | undefined> {
  const label = CHARSET.exec(contentType)?.[1]?.toLowerCase();
  if (label === undefined || format === 'arrow') return ok(undefined);
  let encoding: string;
  try {
    encoding = new TextDecoder(label).encoding;
  } catch {
    return fail([
      { path: '', message: `unknown charset ${JSON.stringify(label)}; send UTF-8, or CSV in GB18030` },
    ]);
  }
  if (format !== 'csv' && encoding !== 'utf-8') {
    return fail([
      { path: '', message: `${format === 'json' ? 'JSON' : 'NDJSON'} must be UTF-8 text, not ${label}` },
    ]);
  }
  return ok(encoding === 'utf-8' ? undefined : encoding);
}
