// The import command as an operator runs it, `npm run -s import -- … | jq`: stdout carries the
// JSON summary alone (logs on stderr), over the shared QuestDB, with a mapping file that
// declares Chinese time formats and a JSON array read as a stream.

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { type Store, sql } from '../../store/index.js';
import { eventually, testRoot } from '../support/questdb.js';
import { sharedStore } from '../support/store.js';

const P = `CLI${Date.now().toString(36)}-`;
let dir = '';
let store: Store;

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[]): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: process.env['HOME'] ?? dir,
        QDB_CLIENT_CONF: inject('qdbClientConf'),
        OUTAGE_DATA_DIR: join(dir, 'data'),
        OUTAGE_TZ: 'Asia/Shanghai',
        OUTAGE_LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Log lines on stderr (pino's JSON), by message. */
const logged = (stderr: string): string[] =>
  stderr
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => (JSON.parse(l) as { msg: string }).msg);

beforeAll(async () => {
  mkdirSync(testRoot(), { recursive: true });
  dir = mkdtempSync(join(testRoot(), 'import-cli-'));
  store = await sharedStore();
});

describe('npm run -s import', () => {
  it('prints only the JSON summary on stdout, logs on stderr, for assets, a mapped CSV and a JSON array', async () => {
    const assets = join(dir, 'assets.ndjson');
    writeFileSync(
      assets,
      `${JSON.stringify({
        assetId: `${P}F1`,
        kind: 'feeder',
        name: '10kV 城东线',
        province: '云南省',
        city: '保山市',
        county: '隆阳区',
        areaClass: 'urban',
        customers: 800,
        validFrom: '2024-01-01T00:00:00+08:00',
      })}\n`,
    );
    const a = await run('npm', ['run', '-s', 'import', '--', 'assets', assets]);
    expect(a.code, a.stderr).toBe(0);
    expect(JSON.parse(a.stdout)).toMatchObject({ kind: 'assets', rowsRead: 1, accepted: 1, rejected: 0 });
    expect(a.stdout.trim().split('\n')).toHaveLength(1);
    expect(logged(a.stderr)).toEqual(['import started', 'import finished']);

    const mapping = join(dir, 'oms.json');
    writeFileSync(
      mapping,
      JSON.stringify({
        $schema: '../schemas/mapping.schema.json',
        record: 'outages',
        columns: {
          停电事件编号: 'eventId',
          设备编号: 'assetId',
          停电开始时间: { field: 'start', format: 'yyyy年M月d日' },
          停电结束时间: { field: 'end', format: 'excel' },
          停电户数: 'customersAffected',
        },
        defaults: { cause: 'unknown' },
      }),
    );
    const csv = join(dir, 'oms.csv');
    writeFileSync(
      csv,
      [
        '停电事件编号,设备编号,停电开始时间,停电结束时间,停电户数',
        `${P}E1,${P}F1,2025年6月3日 14:05,45811.6805555556,120`,
        `${P}E2,${P}F1,2025/6/3 14:05,45811.6805555556,120`,
      ].join('\r\n'),
    );
    const c = await run('npm', ['run', '-s', 'import', '--', 'outages', csv, '--mapping', mapping]);
    expect(c.code, c.stderr).toBe(1); // one rejected
    const summary = JSON.parse(c.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({
      rowsRead: 2,
      accepted: 1,
      rejected: 1,
      rejectedByReason: {
        'start: must be a time in format yyyy年M月d日 (e.g. 2025年6月3日 14:05), got "…" (column 停电开始时间)': 1,
      },
    });
    const rejects = readFileSync(summary['rejectsFile'] as string, 'utf8')
      .trim()
      .split('\n');
    expect(rejects.map((l) => JSON.parse(l))).toMatchObject([
      { line: 3, id: `${P}E2`, errors: [{ path: 'start' }], record: { start: '2025/6/3 14:05' } },
    ]);

    const json = join(dir, 'outages.json');
    const items = [
      {
        eventId: `${P}E3`,
        assetId: `${P}F1`,
        start: '2025-06-04 09:00',
        customersAffected: 5,
        cause: 'unknown',
      },
      42,
      {
        eventId: `${P}E4`,
        assetId: `${P}F1`,
        start: '2025-06-05 09:00',
        customersAffected: 5,
        cause: 'unknown',
      },
    ];
    writeFileSync(json, JSON.stringify(items, null, 2));
    const j = await run('npx', ['tsx', 'cli/main.ts', 'import', 'outages', json]);
    expect(j.code, j.stderr).toBe(1);
    expect(JSON.parse(j.stdout)).toMatchObject({
      rowsRead: 3,
      accepted: 2,
      rejectedByReason: { 'must be a JSON object (one record), got 42': 1 },
    });

    let rows: { event_id: string; start: number; end_at: number | null }[] = [];
    await eventually(async () => {
      rows = await store.rows(
        sql`SELECT event_id, start, end_at FROM outages WHERE event_id LIKE ${`${P}%`} AND NOT deleted ORDER BY event_id`,
      );
      return rows.length === 3;
    });
    expect(rows).toEqual([
      { event_id: `${P}E1`, start: Date.UTC(2025, 5, 3, 6, 5), end_at: Date.UTC(2025, 5, 3, 8, 20) },
      { event_id: `${P}E3`, start: Date.UTC(2025, 5, 4, 1, 0), end_at: null },
      { event_id: `${P}E4`, start: Date.UTC(2025, 5, 5, 1, 0), end_at: null },
    ]);
  }, 240_000);
});
