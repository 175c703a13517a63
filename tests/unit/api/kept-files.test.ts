// Built files of frozen documents are kept (the latest few), shared while built, and not kept
// when building failed; a file is named in words, with an ASCII name beside it.

import { describe, expect, it } from 'vitest';
import { Kept } from '../../../dashboard/api/frozen-document.js';
import { fileNames } from '../../../dashboard/api/respond.js';

describe('Kept', () => {
  it('builds a key once, also for requests that arrive while it is built', async () => {
    const kept = new Kept<string>(2);
    let builds = 0;
    const make = async () => `file ${++builds}`;
    const [a, b] = await Promise.all([kept.get('k', make), kept.get('k', make)]);
    expect([a, b, await kept.get('k', make), builds]).toEqual(['file 1', 'file 1', 'file 1', 1]);
  });

  it('forgets a failed build, and the oldest key past its size', async () => {
    const kept = new Kept<string>(2);
    await expect(kept.get('bad', () => Promise.reject(new Error('QuestDB timed out')))).rejects.toThrow(
      'QuestDB timed out',
    );
    expect(await kept.get('bad', async () => 'second try')).toBe('second try');
    await kept.get('b', async () => 'b1');
    await kept.get('c', async () => 'c1');
    expect(await kept.get('bad', async () => 'built again')).toBe('built again');
    expect(await kept.get('c', async () => 'c2')).toBe('c1');
  });
});

describe('fileNames', () => {
  it('names a file in words when there are any, in ASCII always', () => {
    const names = fileNames('ledger-yunnan-2025-06-zh', ['频繁停电台账', '云南省', '2025-06']);
    expect(names('xlsx')).toEqual({
      name: '频繁停电台账_云南省_2025-06.xlsx',
      asciiName: 'ledger-yunnan-2025-06-zh.xlsx',
    });
    expect(fileNames('ledger-yunnan-2025-06', undefined)('csv')).toEqual({
      name: 'ledger-yunnan-2025-06.csv',
      asciiName: 'ledger-yunnan-2025-06.csv',
    });
  });
});
