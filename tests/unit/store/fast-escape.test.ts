import { createBuffer, SenderOptions } from '@questdb/nodejs-client';
import { describe, expect, it } from 'vitest';
import { symbolSegment, withFastEscape, writeSymbolSegment } from '../../../store/writer/fast-escape.js';

const options = new SenderOptions('http::addr=127.0.0.1:9000;protocol_version=2;');

/** One row with `s` as a symbol value and as a string value (names are validated, not escaped). */
function row(buffer: ReturnType<typeof createBuffer>, s: string): Buffer {
  buffer.table('t').symbol('sym', s).stringColumn('str', s).intColumn('n', 1).at(1_700_000_000_000, 'ms');
  const bytes = buffer.toBufferNew();
  if (bytes === null) throw new Error('empty buffer');
  return bytes;
}

describe('the fast escape path', () => {
  const hostile = [
    'plain-id_123',
    '停电 原因',
    'a,b=c',
    'quote"and\\backslash',
    'new\nline\rreturn',
    ' leading and trailing ',
    '',
    '🙂 emoji and ä',
    `long ${'x'.repeat(5_000)} ,=" end`,
    '\uD800 lone surrogate',
  ];

  it.each(hostile)('writes the same bytes as the client for %j', (s) => {
    expect(row(withFastEscape(createBuffer(options)), s)).toEqual(row(createBuffer(options), s));
  });

  it('escapes what the line protocol needs escaped (checked against hand-written bytes)', () => {
    const bytes = row(withFastEscape(createBuffer(options)), 'a b,"c\\');
    expect(bytes.toString('utf8')).toBe(
      't,sym=a\\ b\\,"c\\\\ str="a b,\\"c\\\\",n=1i 1700000000000000t\n', // microseconds, 't' in protocol 2,
    );
  });

  it.each(hostile)('writes a symbol segment as the client writes the symbols, for %j', (s) => {
    const symbols = { a: s, b: 'x', c: undefined, d: `${s}2` };
    const client = createBuffer(options).table('t');
    for (const [k, v] of Object.entries(symbols)) if (v !== undefined && v !== '') client.symbol(k, v);
    const raw = createBuffer(options).table('t');
    writeSymbolSegment(raw, symbolSegment(symbols), () => {
      throw new Error('the segment path was not taken');
    });
    for (const b of [client, raw]) b.intColumn('n', 1).at(1_700_000_000_000, 'ms');
    expect(raw.toBufferNew()).toEqual(client.toBufferNew());
  });
});
