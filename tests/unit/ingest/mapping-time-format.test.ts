import { describe, expect, it } from 'vitest';
import type { Result } from '../../../core/issues.js';
import { importFile } from '../../../ingest/import/run.js';
import {
  AssetDeriver,
  applyMapping,
  compileMapping,
  type Mapping,
  parseMapping,
} from '../../../ingest/mapping/index.js';
import { validateRecord } from '../../../ingest/schemas/index.js';
import { memoryStore } from './memory-store.js';

const compiled = (json: unknown, zone?: string): Mapping => {
  const r = compileMapping(json, { source: 'x.json', ...(zone ? { zone } : {}) });
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return r.value;
};
const problems = <T>(r: Result<T>) => (r.ok ? 'compiled' : r.issues.map((i) => `${i.path}: ${i.message}`));

const OMS = {
  record: 'outages',
  zone: 'Asia/Shanghai',
  columns: {
    编号: 'eventId',
    设备: 'assetId',
    开始: { field: 'start', format: 'yyyy年M月d日' },
    结束: { field: 'end', format: 'excel' },
    户数: 'customersAffected',
  },
  values: { end: { 未恢复: '' } },
  defaults: { cause: 'unknown' },
};

describe('a time column with a declared format', () => {
  it('is written as local ISO text, which the schemas read in the mapping zone', () => {
    const m = compiled(OMS);
    const row = { 编号: 'E1', 设备: 'F1', 开始: '2025年6月3日 14:05', 结束: '45811.6805555556', 户数: '12' };
    const mapped = m.apply(row);
    expect(mapped).toEqual({
      record: {
        eventId: 'E1',
        assetId: 'F1',
        start: '2025-06-03T14:05:00',
        end: '2025-06-03T16:20:00',
        customersAffected: '12',
        cause: 'unknown',
      },
    });
    if (!('record' in mapped)) throw new Error('not mapped');
    const read = validateRecord('outages', mapped.record, {
      zone: 'UTC',
      now: Date.UTC(2025, 6, 1),
      sourceZone: 'Asia/Shanghai',
    });
    expect(read.ok && [read.value.start, read.value.end]).toEqual([
      Date.UTC(2025, 5, 3, 6, 5),
      Date.UTC(2025, 5, 3, 8, 20),
    ]);
  });

  it('leaves blank cells blank and a spelling the values map replaced alone', () => {
    const m = compiled(OMS);
    const row = { 编号: 'E1', 设备: 'F1', 开始: '2025年6月3日', 结束: '未恢复', 户数: '12' };
    expect(m.apply(row)).toMatchObject({ record: { start: '2025-06-03T00:00:00', end: '' } });
    expect(m.apply({ ...row, 结束: '  ' })).toMatchObject({ record: { end: '  ' } });
  });

  it('makes a cell that does not read an issue at its field, naming the format, the value and the column', () => {
    const m = compiled(OMS);
    const row = { 编号: 'E1', 设备: 'F1', 开始: '2025-06-03 14:05', 结束: '45811,68', 户数: '12' };
    expect(m.apply(row)).toEqual({
      invalid: [
        {
          path: 'start',
          message:
            'must be a time in format yyyy年M月d日 (e.g. 2025年6月3日 14:05), got "2025-06-03 14:05" (column 开始)',
        },
        {
          path: 'end',
          message: 'must be a time in format excel (e.g. 45811.5868055556), got "45811,68" (column 结束)',
        },
      ],
      record: {
        eventId: 'E1',
        assetId: 'F1',
        start: '2025-06-03 14:05',
        end: '45811,68',
        customersAffected: '12',
        cause: 'unknown',
      },
    });
  });

  it("applies in a route's columns, for that route's rows", () => {
    const m = compiled({
      record: 'outages',
      columns: { id: 'eventId', asset: 'assetId', n: 'customersAffected' },
      defaults: { cause: 'unknown' },
      routes: {
        column: 'src',
        to: {
          oms: { when: ['OMS'], columns: { t: { field: 'start', format: 'yyyyMMddHHmmss' } } },
          xls: { when: ['XLS'], columns: { t2: { field: 'start', format: 'excel' } } },
        },
      },
    });
    const base = { id: 'E1', asset: 'F1', n: '1' };
    expect(m.apply({ ...base, src: 'OMS', t: '20250603140500' })).toMatchObject({
      record: { start: '2025-06-03T14:05:00' },
      route: 'oms',
    });
    expect(m.apply({ ...base, src: 'XLS', t2: 45811.5 })).toMatchObject({
      record: { start: '2025-06-03T12:00:00' },
      route: 'xls',
    });
    expect(m.apply({ ...base, src: 'XLS', t2: '20250603140500' })).toMatchObject({
      invalid: [{ path: 'start', message: expect.stringContaining('format excel') }],
      route: 'xls',
    });
    expect([...m.timeColumns('oms')]).toEqual([['t', 'yyyyMMddHHmmss']]);
    expect([...m.timeColumns()]).toEqual([]);
  });
});

describe('applyMapping', () => {
  it('turns a row whose time cells do not read into an error row carrying every issue', async () => {
    const rows = [
      { line: 2, record: { 编号: 'E1', 设备: 'F1', 开始: '2025年6月3日 14:05', 结束: '', 户数: '1' } },
      { line: 3, record: { 编号: 'E2', 设备: 'F1', 开始: '6月3日', 结束: 'x', 户数: '1' } },
    ];
    const out = [];
    for await (const row of applyMapping(rows, compiled(OMS))) out.push(row);
    expect(out).toEqual([
      {
        line: 2,
        record: {
          eventId: 'E1',
          assetId: 'F1',
          start: '2025-06-03T14:05:00',
          end: '',
          customersAffected: '1',
          cause: 'unknown',
        },
      },
      {
        line: 3,
        error: {
          path: 'start',
          message:
            'must be a time in format yyyy年M月d日 (e.g. 2025年6月3日 14:05), got "6月3日" (column 开始); end: must be a time in format excel (e.g. 45811.5868055556), got "x" (column 结束)',
        },
      },
    ]);
  });
});

describe('the mapping file', () => {
  it('accepts a top-level $schema', () => {
    const file = { $schema: '../schemas/mapping.schema.json', ...OMS };
    expect(problems(compileMapping(file))).toBe('compiled');
    expect(problems(parseMapping(JSON.stringify(file)))).toBe('compiled');
  });

  it('words a time column it cannot read', () => {
    const at = (column: unknown, record = 'outages') =>
      problems(compileMapping({ record, columns: { c: column } }, { source: 'x.json' }));
    expect(at({ field: 'start', format: 'yyyy-MM-dd' })).toEqual([
      'x.json: columns.c: format: must be one of yyyy年M月d日, yyyy/M/d, yyyyMMddHHmmss, excel, got "yyyy-MM-dd"',
    ]);
    expect(at({ field: 'start' })).toEqual([
      'x.json: columns.c: format: is required: one of yyyy年M月d日, yyyy/M/d, yyyyMMddHHmmss, excel',
    ]);
    expect(at({ field: 'start', format: 'excel', zone: 'UTC' })).toEqual([
      'x.json: columns.c: unknown key "zone"; expected field, format',
    ]);
    expect(at(42)).toEqual([
      'x.json: columns.c: must be a field name, or {"field", "format"} for a time column, got 42',
    ]);
    expect(at({ field: 'cause', format: 'excel' })).toEqual([
      'x.json: columns.c.format: is for time fields (start, end, estimatedRestoration); "cause" is not one',
    ]);
    expect(at({ field: 'validFrom', format: 'yyyy/M/d' }, 'assets')).toBe('compiled');
    expect(at({ field: 'validFrom', format: 'yyyy/M/d' })).toEqual([
      'x.json: columns.c: "validFrom" is not an outage field; expected one of eventId, assetId, start, end, customersAffected, affectedAreas, restorations, cause, planned, warningId, forceMajeure, cancelled, estimatedRestoration, notes',
    ]);
    const routed = compileMapping(
      {
        record: 'warnings',
        routes: {
          column: 'k',
          to: { a: { when: ['A'], columns: { t: { field: 'level', format: 'excel' } } } },
        },
      },
      { source: 'x.json' },
    );
    expect(problems(routed)).toContain(
      'x.json: routes.to.a.columns.t.format: is for time fields (start, end); "level" is not one',
    );
  });
});

describe('assets derived from a time column with a format', () => {
  it('read its cells in the format before picking (min of validFrom)', () => {
    const m = compiled({
      record: 'outages',
      columns: { id: 'eventId', feeder: 'assetId', t: { field: 'start', format: 'excel' } },
      derive: [{ kind: 'feeder', assetId: 'feeder', fields: { validFrom: { column: 't', pick: 'min' } } }],
    });
    const deriver = new AssetDeriver(m.derive, { zone: 'Asia/Shanghai', timeColumns: m.timeColumns });
    // 45700 is 111 days before 45811 (2025-06-03): 2025-02-12; the cell that does not read is passed over
    for (const t of ['45811.5', '45700.25', 'not a serial', '45800'])
      deriver.add({ feeder: 'F1', t }, undefined);
    expect(deriver.finish().records).toEqual([
      { assetId: 'F1', kind: 'feeder', validFrom: '2025-02-12T06:00:00' },
    ]);
  });
});

describe('an import with time formats', () => {
  it('stores the times read in the mapping zone and rejects the rows whose cells do not read', async () => {
    const mapping = compiled(OMS, 'UTC');
    const { writer, assets, stored } = memoryStore([['F1', 100]]);
    const csv = [
      '编号,设备,开始,结束,户数',
      'E1,F1,2025年6月3日 14:05,45811.6805555556,12',
      'E2,F1,2025/6/3 14:05,45811.6805555556,12',
      'E3,F1,2025年6月3日 15:00,45811.7,7',
      'E4,F1,2025年6月31日 15:00,x,7',
    ].join('\n');
    const rejects: unknown[] = [];
    const summary = await importFile(
      { writer, assets, zone: 'UTC', now: () => Date.UTC(2025, 6, 1) },
      {
        kind: 'outages',
        file: 'oms.csv',
        open: () => csv,
        format: 'csv',
        mapping,
        onReject: ({ line, id, errors, record }) => rejects.push({ line, id, errors, record }),
      },
    );
    expect(summary).toMatchObject({
      rowsRead: 4,
      accepted: 2,
      rejected: 2,
      rejectedByReason: {
        'start: must be a time in format yyyy年M月d日 (e.g. 2025年6月3日 14:05), got "…" (column 开始)': 1,
        'start: must be a time in format yyyy年M月d日 (e.g. 2025年6月3日 14:05), got "…": no such date (column 开始); end: must be a time in format excel (e.g. 45811.5868055556), got "…" (column 结束)': 1,
      },
    });
    expect(
      stored('outages').map((o) => [
        (o as { eventId: string }).eventId,
        (o as { start: number }).start,
        (o as { end: number }).end,
      ]),
    ).toEqual([
      ['E1', Date.UTC(2025, 5, 3, 6, 5), Date.UTC(2025, 5, 3, 8, 20)],
      ['E3', Date.UTC(2025, 5, 3, 7, 0), Date.UTC(2025, 5, 3, 8, 48)],
    ]);
    expect(rejects).toEqual([
      {
        line: 3,
        id: 'E2',
        errors: [
          {
            path: 'start',
            message:
              'must be a time in format yyyy年M月d日 (e.g. 2025年6月3日 14:05), got "2025/6/3 14:05" (column 开始)',
          },
        ],
        record: expect.objectContaining({
          eventId: 'E2',
          start: '2025/6/3 14:05',
          end: '2025-06-03T16:20:00',
        }),
      },
      {
        line: 5,
        id: 'E4',
        errors: [
          {
            path: 'start',
            message:
              'must be a time in format yyyy年M月d日 (e.g. 2025年6月3日 14:05), got "2025年6月31日 15:00": no such date (column 开始)',
          },
          {
            path: 'end',
            message: 'must be a time in format excel (e.g. 45811.5868055556), got "x" (column 结束)',
          },
        ],
        record: expect.objectContaining({ eventId: 'E4' }),
      },
    ]);
    // The rejects table keeps one issue per row, the others in its message.
    const kept = stored('rejects') as { line: number; recordId?: string; errors: string }[];
    expect(kept.map((r) => [r.line, JSON.parse(r.errors)])).toEqual([
      [
        3,
        [
          {
            path: 'start',
            message:
              'must be a time in format yyyy年M月d日 (e.g. 2025年6月3日 14:05), got "2025/6/3 14:05" (column 开始)',
          },
        ],
      ],
      [
        5,
        [
          {
            path: 'start',
            message:
              'must be a time in format yyyy年M月d日 (e.g. 2025年6月3日 14:05), got "2025年6月31日 15:00": no such date (column 开始); end: must be a time in format excel (e.g. 45811.5868055556), got "x" (column 结束)',
          },
        ],
      ],
    ]);
  });
});
