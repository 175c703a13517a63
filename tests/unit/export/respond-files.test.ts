// Files as the API sends them: Chinese names with an ASCII one beside (RFC 6266/5987), and CSV
// in UTF-8 with its byte-order mark or in GB18030 without.

import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { contentDisposition, encodeCsv, toCsv } from '../../../dashboard/api/respond.js';

describe('Content-Disposition', () => {
  it('gives the name in UTF-8 (RFC 5987) and an ASCII fallback', () => {
    expect(contentDisposition('台账 (1).csv', 'ledger-1.csv')).toBe(
      `attachment; filename="ledger-1.csv"; filename*=UTF-8''%E5%8F%B0%E8%B4%A6%20%281%29.csv`,
    );
  });

  it('gives an ASCII name alone, and keeps quotes out of the plain one', () => {
    expect(contentDisposition('a.csv', 'a.csv')).toBe('attachment; filename="a.csv"');
    expect(contentDisposition('b.csv', 'x"y.csv')).toBe(
      `attachment; filename="x_y.csv"; filename*=UTF-8''b.csv`,
    );
  });
});

describe('CSV encodings', () => {
  const csv = toCsv([{ 名称: '台账', n: -1 }], ['名称', 'n']);

  it('keeps the byte-order mark in UTF-8', () => {
    const bytes = encodeCsv(csv, 'utf-8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe('\uFEFF名称,n\r\n台账,-1\r\n');
  });

  it('writes GB18030 without one: 台 is CC A8, 账 D5 CB', () => {
    const bytes = encodeCsv(csv, 'gb18030');
    expect([...bytes.subarray(0, 2)]).not.toEqual([0xef, 0xbb]);
    const line = bytes.subarray(bytes.indexOf(0x0a) + 1);
    expect([...line]).toEqual([0xcc, 0xa8, 0xd5, 0xcb, 0x2c, 0x2d, 0x31, 0x0d, 0x0a]);
    expect(iconv.decode(bytes, 'gb18030')).toBe('名称,n\r\n台账,-1\r\n');
  });
});
