import { describe, expect, it } from 'vitest';
import { importFile } from '../../../ingest/import/run.js';
import { reasonOf } from '../../../ingest/import/summary.js';
import { compileMapping } from '../../../ingest/mapping/index.js';
import type { AssetDirectory, Writer, WriteUnit } from '../../../store/index.js';

/** A writer and asset directory in memory: what the import stores, and nothing else. */
function memory() {
  const units: WriteUnit[] = [];
  const known = new Map<string, number>(); // asset id → customers
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

const mapping = compileMapping(
  {
    record: 'outages',
    zone: 'America/Los_Angeles',
    columns: { id: 'eventId', start: 'start', n: 'customersAffected', cause: 'cause' },
    unmapped: 'drop',
    values: { cause: { STORM: 'weather_fault' } },
    otherwise: { cause: 'equipment_fault' },
    defaults: { cause: 'unknown' },
    skip: [{ column: 'cause', in: ['NOT OUTAGE'], reason: 'not an outage' }],
    routes: {
      column: 'extent',
      to: {
        feeder: { when: ['DEVICE'], columns: { circuit: 'assetId' } },
        area: { when: ['SERVICE TRANSFORMER'], columns: { device: 'assetId' } },
        customer: { when: ['CUSTOMER'], import: false },
      },
    },
    derive: [
      {
        kind: 'feeder',
        assetId: 'circuit',
        routes: ['feeder', 'area'],
        fields: { customers: { column: 'n', pick: 'max' }, validFrom: { column: 'start', pick: 'min' } },
        constants: { areaClass: 'urban' },
      },
      {
        kind: 'area',
        assetId: 'device',
        routes: ['area'],
        fields: { feederId: { column: 'circuit' }, customers: { column: 'n', pick: 'max' } },
        constants: { areaClass: 'urban' },
      },
    ],
  },
  { idPrefix: 'U-' },
);

const CSV = `id,circuit,device,extent,cause,n,start
1,C1,d1,DEVICE,STORM,120,2025-01-01 08:00
2,C1,D7,SERVICE TRANSFORMER,,9,2025-01-02 08:00
3,C1,x,CUSTOMER,STORM,1,2025-01-03 08:00
4,C2,y,DEVICE,NOT OUTAGE,5,2025-01-04 08:00
5,C2,y,DEVICE,TREE,80,2025-02-30 08:00
6,,D8,SERVICE TRANSFORMER,STORM,4,2025-01-05 08:00
7,C2,y,FEEDER,STORM,4,2025-01-06 08:00
8,C2,z,DEVICE,TREE,70,2025-01-06 08:00
9,C1,D7,SERVICE TRANSFORMER,STORM,11,2025-01-07 08:00
10,C3,w,CUSTOMER,,1,2025-01-08 08:00
`;

describe('importFile with --derive-assets', () => {
  it('stores the derived assets first, then the records, and accounts for every row', async () => {
    if (!mapping.ok) throw new Error('does not compile');
    const { writer, assets, stored } = memory();
    const rejects: { kind: string; line: number; id?: string }[] = [];
    const summary = await importFile(
      { writer, assets, zone: 'America/Los_Angeles', now: () => Date.UTC(2025, 5, 1) },
      {
        kind: 'outages',
        file: 'sample.csv',
        open: () => CSV,
        format: 'csv',
        mapping: mapping.value,
        deriveAssets: true,
        onReject: ({ kind, line, id }) => rejects.push({ kind, line, ...(id ? { id } : {}) }),
      },
    );
    expect({ ...summary, batchId: typeof summary.batchId }).toEqual({
      file: 'sample.csv',
      kind: 'outages',
      rowsRead: 10,
      accepted: 4,
      spooled: 0,
      importedByRoute: { feeder: 2, area: 2 },
      notImported: { customer: 2 },
      skipped: 2,
      skippedByReason: {
        'not an outage': 1,
        'extent is "FEEDER", not one of "DEVICE", "SERVICE TRANSFORMER", "CUSTOMER"': 1,
      },
      rejected: 2,
      rejectedByReason: {
        'start: not a valid time: "…" (no such date)': 1,
        'assetId: unknown asset "…": send its asset record first': 1,
      },
      assets: {
        derived: 4,
        accepted: 3,
        spooled: 0,
        rejected: 1,
        rejectedByReason: { 'feederId: is required for a transformer area (kind "…")': 1 },
      },
      batchId: 'string',
    });
    // Row 5 (no such date) does not shape C2's customers: 70 from row 8, not 80.
    expect(stored('assets')).toEqual([
      expect.objectContaining({
        assetId: 'U-C1',
        kind: 'feeder',
        customers: 120,
        validFrom: Date.UTC(2025, 0, 1, 16),
      }),
      expect.objectContaining({ assetId: 'U-C2', kind: 'feeder', customers: 70 }),
      expect.objectContaining({ assetId: 'U-D7', kind: 'area', feederId: 'U-C1', customers: 11 }),
    ]);
    expect(
      stored('outages').map((e) => {
        const o = e as { eventId: string; assetId: string; cause: string };
        return [o.eventId, o.assetId, o.cause];
      }),
    ).toEqual([
      ['U-1', 'U-C1', 'weather_fault'],
      ['U-2', 'U-D7', 'unknown'],
      ['U-8', 'U-C2', 'equipment_fault'],
      ['U-9', 'U-D7', 'weather_fault'],
    ]);
    expect(rejects).toEqual([
      { kind: 'assets', line: 4, id: 'U-D8' },
      { kind: 'outages', line: 6, id: 'U-5' },
      { kind: 'outages', line: 7, id: 'U-6' },
    ]);
  });
});

describe('reasonOf', () => {
  it('takes quoted values and times out of the wording, so one kind of problem is one line', () => {
    expect(
      reasonOf([
        { path: 'estimatedRestoration', message: 'must not be before start (2024-08-23T05:40:00-07:00)' },
        { path: 'cause', message: 'unknown cause "storm"; expected one of equipment_fault, unknown' },
        { path: '', message: 'has 2 fields, but the header has 3' },
      ]),
    ).toBe(
      'estimatedRestoration: must not be before start (…); cause: unknown cause "…"; expected one of equipment_fault, unknown; has 2 fields, but the header has 3',
    );
  });
});
