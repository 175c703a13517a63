// CSV downloads open in spreadsheets: text that would run as a formula stays text.

import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../dashboard/api/respond.js';

const body = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .slice(1, -1);

describe('CSV cells', () => {
  it('neutralises text starting with =, +, -, @, a tab or a carriage return; numbers stay numbers', () => {
    const rows = [
      { name: '=HYPERLINK("http://x.example","click")', note: "=cmd|' /C calc'!A0", n: -5 },
      { name: '+1+1', note: '-2+3', n: 0 },
      { name: '@SUM(A1)', note: '\tlead', n: 1.5 },
      { name: '10kV松华线', note: 'a = b', n: null },
    ];
    expect(body(toCsv(rows, ['name', 'note', 'n']))).toEqual([
      `"'=HYPERLINK(""http://x.example"",""click"")",'=cmd|' /C calc'!A0,-5`,
      `'+1+1,'-2+3,0`,
      `'@SUM(A1),'\tlead,1.5`,
      '10kV松华线,a = b,',
    ]);
  });
});
