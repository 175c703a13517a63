// A writer and asset directory in memory for import tests: what an import stores, and nothing else.

import type { AssetDirectory, Writer, WriteUnit } from '../../../store/index.js';

export function memoryStore(assetIds: Iterable<[string, number]> = []) {
  const units: WriteUnit[] = [];
  const known = new Map<string, number>(assetIds); // asset id → customers
  const writer = {
    write: async (unit: WriteUnit) => {
      units.push(unit);
      return 'written' as const;
    },
  } as unknown as Writer;
  const assets = {
    add: (list: Iterable<{ assetId: string; customers: number }>) => {
      for (const a of list) known.set(a.assetId, a.customers);
    },
    served: async (ids: Iterable<string>) =>
      new Map([...ids].flatMap((id): [string, number][] => (known.has(id) ? [[id, known.get(id)!]] : []))),
  } as unknown as AssetDirectory;
  const stored = (kind: WriteUnit['kind']) =>
    units.filter((u) => u.kind === kind).flatMap((u): unknown[] => [...u.records]);
  return { writer, assets, stored };
}
