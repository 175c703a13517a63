import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../ingest/formats/index.js';

const collect = async <T>(it: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};
const chunked = (bytes: Buffer, size: number): Buffer[] => {
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
};

// BOM, CRLF, Chinese headers and text, a quoted comma, doubled quotes, a line break inside a
// field, a blank line and a row of empty cells.
const CSV = [
  '\uFEFF停电事件编号,设备编号,停电户数,备注',
  'TD001,BS-F0231,326,熔断器熔断',
  'TD002,BS-T10452,87,"施工挖断电缆, 已报警"',
  '',
  'TD003,BS-F0107,412,"保供电""高考""线路切换',
  '负荷转供至城西线"',
  ',,,',
  'TD004,BS-F0315,189,',
].join('\r\n');

describe('parseCsv', () => {
  it('reads header-keyed text records with the line each starts on', async () => {
    expect(await collect(parseCsv(CSV))).toMatchInlineSnapshot(`
      [
        {
          "line": 2,
          "record": {
            "停电事件编号": "TD001",
            "停电户数": "326",
            "备注": "熔断器熔断",
            "设备编号": "BS-F0231",
          },
        },
        {
          "line": 3,
          "record": {
            "停电事件编号": "TD002",
            "停电户数": "87",
            "备注": "施工挖断电缆, 已报警",
            "设备编号": "BS-T10452",
          },
        },
        {
          "line": 5,
          "record": {
            "停电事件编号": "TD003",
            "停电户数": "412",
            "备注": "保供电"高考"线路切换
      负荷转供至城西线",
            "设备编号": "BS-F0107",
          },
        },
        {
          "line": 8,
          "record": {
            "停电事件编号": "TD004",
            "停电户数": "189",
            "备注": "",
            "设备编号": "BS-F0315",
          },
        },
      ]
    `);
  });

  it('reads the same from any chunking of the bytes', async () => {
    const whole = await collect(parseCsv(CSV));
    for (const size of [1, 2, 5, 13, 4096]) {
      expect(await collect(parseCsv(Readable.from(chunked(Buffer.from(CSV), size))))).toEqual(whole);
    }
  });

  it('reads LF files, a last line without a newline, and another delimiter', async () => {
    expect(await collect(parseCsv('a;b\n1;"x;y"\n2;3', { delimiter: ';' }))).toEqual([
      { line: 2, record: { a: '1', b: 'x;y' } },
      { line: 3, record: { a: '2', b: '3' } },
    ]);
  });

  it('reads GB18030 bytes when told, and says so when not told', async () => {
    const gbk = Buffer.from([
      // 设备编号,备注\r\nBS-F1,故障\r\n in GB18030
      0xc9, 0xe8, 0xb1, 0xb8, 0xb1, 0xe0, 0xba, 0xc5, 0x2c, 0xb1, 0xb8, 0xd7, 0xa2, 0x0d, 0x0a, 0x42, 0x53,
      0x2d, 0x46, 0x31, 0x2c, 0xb9, 0xca, 0xd5, 0xcf, 0x0d, 0x0a,
    ]);
    expect(await collect(parseCsv([gbk], { encoding: 'gb18030' }))).toEqual([
      { line: 2, record: { 设备编号: 'BS-F1', 备注: '故障' } },
    ]);
    expect(await collect(parseCsv([gbk]))).toMatchInlineSnapshot(`
      [
        {
          "error": {
            "message": "the header is not UTF-8 text; if the file is GBK or GB18030, say so ("encoding": "gb18030" in the mapping file)",
            "path": "",
          },
          "line": 1,
        },
      ]
    `);
  });

  it('reports rows with the wrong number of fields and goes on', async () => {
    const text = 'a,b,c\r\n1,2\r\n1,2,3,4\r\n1,2,3,,\r\n5,6,7\r\n';
    expect(await collect(parseCsv(text))).toMatchInlineSnapshot(`
      [
        {
          "error": {
            "message": "has 2 fields, but the header has 3",
            "path": "",
          },
          "line": 2,
        },
        {
          "error": {
            "message": "has 4 fields, but the header has 3",
            "path": "",
          },
          "line": 3,
        },
        {
          "line": 4,
          "record": {
            "a": "1",
            "b": "2",
            "c": "3",
          },
        },
        {
          "line": 5,
          "record": {
            "a": "5",
            "b": "6",
            "c": "7",
          },
        },
      ]
    `);
  });

  it('tolerates blank trailing headers with blank cells, not values under them', async () => {
    const text = 'a,b,,\r\n1,2\r\n1,2,x,\r\n';
    expect(await collect(parseCsv(text))).toMatchInlineSnapshot(`
      [
        {
          "line": 2,
          "record": {
            "a": "1",
            "b": "2",
          },
        },
        {
          "error": {
            "message": "has "x" in column 3, which has no header",
            "path": "",
          },
          "line": 3,
        },
      ]
    `);
  });

  it('refuses a header naming a column twice', async () => {
    expect(await collect(parseCsv('\r\n备注,a,备注\r\n1,2,3\r\n'))).toMatchInlineSnapshot(`
      [
        {
          "error": {
            "message": "the header names column "备注" twice",
            "path": "",
          },
          "line": 2,
        },
      ]
    `);
  });

  it('keeps the rows before an unclosed quote, then stops with its line', async () => {
    const text = 'a,b\r\n1,"x\r\ny"\r\n2,"unclosed\r\n3,4\r\n';
    expect(await collect(parseCsv(text))).toMatchInlineSnapshot(`
      [
        {
          "line": 2,
          "record": {
            "a": "1",
            "b": "x
      y",
          },
        },
        {
          "error": {
            "message": "a quoted field starting here is never closed; the rest of the file was not read",
            "path": "",
          },
          "line": 4,
        },
      ]
    `);
  });

  it('takes quotes that do not delimit a field as text', async () => {
    expect(await collect(parseCsv('a,b\n1,12"寸\n2,"x"y\n'))).toEqual([
      { line: 2, record: { a: '1', b: '12"寸' } },
      { line: 3, record: { a: '2', b: '"x"y' } },
    ]);
  });

  it('stops at a record over the size limit', async () => {
    const text = `a,b\n1,"${'x'.repeat(200)}"\n`;
    expect(await collect(parseCsv(text, { maxRecordChars: 100 }))).toMatchInlineSnapshot(`
      [
        {
          "error": {
            "message": "a record is longer than 100 characters (an unclosed quote?); the rest of the file was not read",
            "path": "",
          },
          "line": 2,
        },
      ]
    `);
  });

  it('passes a failing source on as an exception', async () => {
    async function* broken() {
      yield 'a,b\n1,2\n';
      throw new Error('connection reset');
    }
    await expect(collect(parseCsv(broken()))).rejects.toThrow('connection reset');
  });
});
