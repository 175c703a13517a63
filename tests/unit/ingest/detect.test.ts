import { describe, expect, it } from 'vitest';
import { charsetOf, detectFormat } from '../../../ingest/formats/index.js';

const format = (hint: string) => {
  const r = detectFormat(hint);
  return r.ok ? r.value : r.issues[0]?.message;
};

describe('detectFormat', () => {
  it('reads Content-Type, parameters and letter case aside', () => {
    expect(format('application/json')).toBe('json');
    expect(format('application/json; charset=utf-8')).toBe('json');
    expect(format('application/x-ndjson')).toBe('ndjson');
    expect(format('application/jsonl')).toBe('ndjson');
    expect(format('Text/CSV; charset=UTF-8')).toBe('csv');
    expect(format('application/vnd.apache.arrow.stream')).toBe('arrow');
    expect(format('application/vnd.apache.arrow.file')).toBe('arrow');
  });

  it('reads file names and paths', () => {
    expect(format('outages.json')).toBe('json');
    expect(format('exports/2025-06/outages.ndjson')).toBe('ndjson');
    expect(format('outages.JSONL')).toBe('ndjson');
    expect(format('C:\\exports\\停电事件.csv')).toBe('csv');
    expect(format('/data/outages.arrow')).toBe('arrow');
    expect(format('outages.feather')).toBe('arrow');
  });

  it('reads a bare format name, as a command-line option gives it', () => {
    expect(['json', 'ndjson', 'jsonl', 'CSV', 'arrow'].map(format)).toEqual([
      'json',
      'ndjson',
      'ndjson',
      'csv',
      'arrow',
    ]);
  });

  it('says what it accepts when it cannot tell', () => {
    expect(format('text/plain')).toMatchInlineSnapshot(
      `"unsupported content type "text/plain"; send application/json, application/x-ndjson, text/csv or application/vnd.apache.arrow.stream"`,
    );
    expect(format('停电事件.xlsx')).toMatchInlineSnapshot(
      `"cannot tell the format of "停电事件.xlsx" from its name; use .json, .ndjson, .jsonl, .csv or .arrow"`,
    );
    expect(format('outages')).toMatchInlineSnapshot(
      `"cannot tell the format of "outages" from its name; use .json, .ndjson, .jsonl, .csv or .arrow"`,
    );
  });
});

describe('charsetOf', () => {
  const charset = (contentType: string, f: 'json' | 'ndjson' | 'csv' | 'arrow') => {
    const r = charsetOf(contentType, f);
    return r.ok ? (r.value ?? 'utf-8 (default)') : r.issues[0]?.message;
  };

  it('reads the charset a CSV body declares, by any of its labels', () => {
    expect(charset('text/csv', 'csv')).toBe('utf-8 (default)');
    expect(charset('text/csv; charset=UTF-8', 'csv')).toBe('utf-8 (default)');
    expect(charset('text/csv; charset=GB18030', 'csv')).toBe('gb18030');
    expect(charset('text/csv;charset="gbk"', 'csv')).toBe('gbk');
    expect(charset('text/csv; header=present; charset=latin1', 'csv')).toBe('windows-1252');
    expect(charset('application/vnd.apache.arrow.stream; charset=gbk', 'arrow')).toBe('utf-8 (default)');
  });

  it('refuses an unknown charset, and JSON that is not UTF-8', () => {
    expect(charset('text/csv; charset=klingon', 'csv')).toMatchInlineSnapshot(
      `"unknown charset "klingon"; send UTF-8, or CSV in GB18030"`,
    );
    expect(charset('application/json; charset=gbk', 'json')).toMatchInlineSnapshot(
      `"JSON must be UTF-8 text, not gbk"`,
    );
    expect(charset('application/x-ndjson; charset=utf8', 'ndjson')).toBe('utf-8 (default)');
  });
});
