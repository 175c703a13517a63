import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../core/issues.js';
import { compileMapping, loadMapping, type Mapping, parseMapping } from '../../../ingest/mapping/index.js';

const compiled = (json: unknown): Mapping => {
  const r = compileMapping(json, { source: 'test.json' });
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return r.value;
};
const errors = <T>(r: Result<T>) => (r.ok ? 'compiled' : r.issues.map((i) => `${i.path}: ${i.message}`));
const problems = (json: unknown) => errors(compileMapping(json, { source: 'mappings/x.json' }));

describe('shipped mapping files', () => {
  it.each(['mappings/cn-oms-outages.json', 'mappings/cn-oms-assets.json'])('%s compiles', (path) => {
    const r = parseMapping(readFileSync(path, 'utf8'), { source: path });
    expect(errors(r)).toBe('compiled');
  });

  it('cn-oms-assets reads a ledger export', () => {
    const m = loadMapping('mappings/cn-oms-assets.json', 'assets', 'Asia/Shanghai');
    if (!m.ok) throw new Error('does not compile');
    const row = {
      设备编号: 'BS-T10452',
      设备类型: '台区',
      设备名称: '城东1号公变',
      所属线路: 'BS-F0231',
      所属变电站: '',
      省: '云南省',
      市: '保山市',
      县区: '隆阳区',
      所属园区: '',
      供电区域类型: '城镇',
      用户数: '87',
      公变台数: '',
      纬度: '25.112',
      经度: '99.167',
      生效时间: '2025/1/1',
      供电单位: '隆阳供电局',
      电压等级: '0.4kV',
    };
    expect(m.value.apply(row)).toEqual({
      record: {
        assetId: 'BS-T10452',
        kind: 'area',
        name: '城东1号公变',
        feederId: 'BS-F0231',
        substation: '',
        province: '云南省',
        city: '保山市',
        county: '隆阳区',
        park: '',
        areaClass: 'town',
        customers: '87',
        transformers: '',
        lat: '25.112',
        lon: '99.167',
        validFrom: '2025/1/1',
      },
    });
  });
});

describe('a compiled mapping', () => {
  const m = compiled({
    record: 'outages',
    zone: 'America/Los_Angeles',
    columns: {
      OUTAGE_ID: 'eventId',
      CIRCUIT: 'assetId',
      OUT_TIME: 'start',
      CAUSE_CODE: 'cause',
      停电户数: 'customersAffected',
    },
    ignore: ['DIVISION'],
    values: {
      cause: { '01': 'equipment_fault', '17': 'weather_fault', constructor: 'unknown' },
      planned: { Y: true },
    },
    constants: { notes: 'imported from the PG&E export' },
    defaults: { planned: false, cause: 'unknown' },
    skip: [
      { column: 'OUTAGE_TYPE', in: ['MOMENTARY'] },
      { column: 'VOLTAGE', notIn: ['12kV', '21kV'] },
      { column: 'COMMENTS', matches: '^(TEST|测试)', reason: 'a test record' },
    ],
  });
  const row = {
    OUTAGE_ID: 'PGE-1',
    CIRCUIT: 'CIRC-1101',
    OUT_TIME: '2025-06-03 14:05',
    CAUSE_CODE: ' 17 ',
    停电户数: '120',
    DIVISION: 'Sierra',
    OUTAGE_TYPE: 'SUSTAINED',
    VOLTAGE: '12kV',
    COMMENTS: 'tree contact',
  };

  it('renames columns, maps spellings, sets constants and defaults, drops ignored and rule columns', () => {
    expect(m.apply(row)).toEqual({
      record: {
        eventId: 'PGE-1',
        assetId: 'CIRC-1101',
        start: '2025-06-03 14:05',
        cause: 'weather_fault',
        customersAffected: '120',
        notes: 'imported from the PG&E export',
        planned: false,
      },
    });
    expect(m.zone).toBe('America/Los_Angeles');
  });

  it('leaves spellings it does not know for validation to refuse, fills blanks with defaults', () => {
    expect(m.apply({ ...row, CAUSE_CODE: '99' })).toMatchObject({ record: { cause: '99' } });
    expect(m.apply({ ...row, CAUSE_CODE: '  ' })).toMatchObject({ record: { cause: 'unknown' } });
    expect(m.apply({ ...row, CAUSE_CODE: 'toString' })).toMatchObject({ record: { cause: 'toString' } });
    expect(m.apply({ ...row, CAUSE_CODE: 'constructor' })).toMatchObject({ record: { cause: 'unknown' } });
  });

  it('keeps columns it does not name, so validation names them', () => {
    expect(m.apply({ ...row, EXTRA: 'x' })).toMatchObject({ record: { EXTRA: 'x' } });
  });

  it('skips rows by rule, saying why', () => {
    expect(m.apply({ ...row, OUTAGE_TYPE: 'MOMENTARY' })).toMatchInlineSnapshot(`
      {
        "skip": "OUTAGE_TYPE is "MOMENTARY"",
      }
    `);
    expect(m.apply({ ...row, VOLTAGE: '0.4kV' })).toMatchInlineSnapshot(`
      {
        "skip": "VOLTAGE is "0.4kV", not one of 12kV, 21kV",
      }
    `);
    expect(m.apply({ ...row, VOLTAGE: undefined })).toMatchInlineSnapshot(`
      {
        "skip": "VOLTAGE is "", not one of 12kV, 21kV",
      }
    `);
    expect(m.apply({ ...row, COMMENTS: '测试数据' })).toMatchInlineSnapshot(`
      {
        "skip": "a test record",
      }
    `);
  });

  it('lets a mapped column win over a column spelled like its field', () => {
    const n = compiled({ record: 'outages', columns: { 停电原因: 'cause' } });
    expect(n.apply({ cause: 'unknown', 停电原因: 'arrears' })).toEqual({ record: { cause: 'arrears' } });
    expect(n.apply({ 停电原因: 'arrears', cause: 'unknown' })).toEqual({ record: { cause: 'arrears' } });
  });

  it('drops every unnamed column with unmapped: drop', () => {
    const n = compiled({ record: 'warnings', columns: { 预警编号: 'warningId' }, unmapped: 'drop' });
    expect(n.apply({ 预警编号: 'W1', 发布单位: '保山市气象台' })).toEqual({ record: { warningId: 'W1' } });
  });

  it('carries CSV reading options', () => {
    expect(compiled({ record: 'assets', encoding: 'gb18030', delimiter: '\t' }).csv).toEqual({
      encoding: 'gb18030',
      delimiter: '\t',
    });
  });
});

describe('a mapping file is refused, naming the file and the field', () => {
  it('when it is not JSON', () => {
    expect(
      errors(parseMapping('{"record": "outages",}', { source: 'mappings/x.json' })),
    ).toMatchInlineSnapshot(`
      [
        "mappings/x.json: is not valid JSON at character 22: {"record": "outages",}",
      ]
    `);
  });

  it('when its structure is wrong', () => {
    expect(problems([])).toMatchInlineSnapshot(`
      [
        "mappings/x.json: must be an object, got []",
      ]
    `);
    expect(problems({ columns: { a: 'eventId' } })).toMatchInlineSnapshot(`
      [
        "mappings/x.json: record: is required: one of assets, outages, warnings",
      ]
    `);
    expect(
      problems({
        record: 'events',
        columns: ['eventId'],
        unmapped: 'ignore',
        skip: [{ column: '停电类型', in: [], note: 'x' }],
        comment: 'x',
      }),
    ).toMatchInlineSnapshot(`
      [
        "mappings/x.json: record: must be one of assets, outages, warnings, got "events"",
        "mappings/x.json: columns: must be an object, got ["eventId"]",
        "mappings/x.json: unmapped: must be one of keep, drop, got "ignore"",
        "mappings/x.json: skip[0].in: must not be empty",
        "mappings/x.json: skip[0]: unknown key "note"; expected column, in, notIn, matches, reason",
        "mappings/x.json: unknown key "comment"; expected name, description, record, zone, encoding, delimiter, columns, unmapped, ignore, values, constants, defaults, skip, otherwise, routes, derive",
      ]
    `);
  });

  it('when it names what is not there', () => {
    expect(
      problems({
        record: 'outages',
        zone: 'Asia/Beijing',
        encoding: 'gbk2',
        delimiter: '||',
        columns: {
          停电事件编号: 'eventId',
          停电原因: 'cause_code',
          开始时间: 'start',
          停电开始时间: 'start',
        },
        ignore: ['停电事件编号'],
        values: { 停电原因: { 设备故障: 'equipment_fault' }, reason: {} },
        constants: { province: '云南省', eventId: 'x' },
        defaults: { customersAffected: 'some' },
        skip: [
          { column: '停电类型', in: ['作废'], matches: 'x' },
          { column: '备注', matches: '(' },
        ],
      }),
    ).toMatchInlineSnapshot(`
      [
        "mappings/x.json: zone: unknown time zone "Asia/Beijing"; use an IANA name such as Asia/Shanghai",
        "mappings/x.json: encoding: unknown text encoding "gbk2"; use e.g. utf-8 or gb18030",
        "mappings/x.json: delimiter: must be one character other than a quote or line break, got "||"",
        "mappings/x.json: columns.停电原因: "cause_code" is not an outage field; expected one of eventId, assetId, start, end, customersAffected, affectedAreas, restorations, cause, planned, warningId, forceMajeure, cancelled, estimatedRestoration, notes",
        "mappings/x.json: columns.停电开始时间: maps to "start" like "开始时间"; a field is read from one column",
        "mappings/x.json: ignore[0]: "停电事件编号" is also mapped in columns (to "eventId")",
        "mappings/x.json: values.停电原因: "停电原因" is a source column; name the field it maps to ("cause_code")",
        "mappings/x.json: values.reason: "reason" is not an outage field; expected one of eventId, assetId, start, end, customersAffected, affectedAreas, restorations, cause, planned, warningId, forceMajeure, cancelled, estimatedRestoration, notes",
        "mappings/x.json: constants.province: "province" is not an outage field; expected one of eventId, assetId, start, end, customersAffected, affectedAreas, restorations, cause, planned, warningId, forceMajeure, cancelled, estimatedRestoration, notes",
        "mappings/x.json: constants.eventId: is also read from column "停电事件编号"; use defaults to fill blanks only",
        "mappings/x.json: defaults.customersAffected: must be a whole number ≥ 0, got "some"",
        "mappings/x.json: skip[0]: must have exactly one of in, notIn or matches",
        "mappings/x.json: skip[1].matches: is not a valid regular expression: "("",
      ]
    `);
  });

  it('when values it supplies would not validate', () => {
    expect(
      problems({
        record: 'outages',
        values: { cause: { 鸟害: 'bird' }, planned: { 是: 'yes' } },
        defaults: { start: '2025-02-30' },
      }),
    ).toMatchInlineSnapshot(`
      [
        "mappings/x.json: values.cause.鸟害: unknown cause "bird"; expected one of equipment_fault, weather_fault, natural_disaster, external_damage, planned_maintenance, planned_construction, protective_supply_switching, mode_adjustment, supply_shortage, customer_side, arrears, unknown",
        "mappings/x.json: values.planned.是: must be true or false (or 1/0, 是/否), got "yes"",
        "mappings/x.json: defaults.start: not a valid time: "2025-02-30" (no such date)",
      ]
    `);
  });

  it('when it is for another kind of record', () => {
    expect(
      errors(compileMapping({ record: 'assets' }, { source: 'm.json', kind: 'outages' })),
    ).toMatchInlineSnapshot(`
      [
        "m.json: record: is "assets", but this import reads outages",
      ]
    `);
  });

  it('when the file cannot be read', () => {
    expect(errors(loadMapping('mappings/no-such-file.json'))).toMatchInlineSnapshot(`
      [
        "mappings/no-such-file.json: cannot be read (no such file)",
      ]
    `);
  });
});
