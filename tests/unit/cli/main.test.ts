import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const scratch = mkdtempSync(join(tmpdir(), 'cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npx tsx cli/main.ts …args` with only PATH and HOME from this environment (plus `env`). */
function cli(args: string[], env: Record<string, string> = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'cli/main.ts', ...args], {
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: process.env['HOME'] ?? scratch,
        OUTAGE_DATA_DIR: join(scratch, 'data'),
        ...env,
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

describe('the command line', () => {
  it('prints its usage on stdout with exit 0 for --help, -h and help, whatever the settings', async () => {
    const runs = await Promise.all([
      // help needs no settings: an unknown one would stop any command
      cli(['--help'], { OUTAGE_NO_SUCH_SETTING: '1' }),
      cli(['-h']),
      cli(['help']),
    ]);
    for (const r of runs) {
      expect(r).toEqual({ code: 0, stdout: runs[0]!.stdout, stderr: '' });
    }
    expect(runs[0]!.stdout).toMatchInlineSnapshot(`
      "usage: outage <command>
        start                                   run the product (API and dashboard) on the bundled or configured QuestDB
        questdb                                 run only the bundled QuestDB (prints its client configuration string)
        import <assets|outages|warnings> FILE [--mapping FILE]   load a file into a running product's database
                                                (outage import --help for its options)
        export-disclosure PERIOD --out DIR [--rule-set NAME]     write a published disclosure's pages and downloads to DIR
        reach <check|rebuild>                   compare the attribution kept at write with a fresh derivation; rebuild it
        help, --help, -h                        print this help
        --version                               print the version
      Settings are environment variables (OUTAGE_*, QDB_CLIENT_CONF; see the README).
      "
    `);
  }, 120_000);

  it('prints the package version on stdout with exit 0 for --version', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/);
  }, 60_000);

  it('prints the import options on stdout with exit 0 for import --help', async () => {
    const long = await cli(['import', '--help']);
    expect(long).toEqual({ code: 0, stdout: expect.any(String), stderr: '' });
    expect(long!.stdout.split('\n')[0]).toBe('usage: import <assets|outages|warnings> FILE [options]');
    expect(long!.stdout).toContain('--mapping FILE');
    expect(long!.stdout).toContain(
      'Prints a JSON summary on stdout; progress (on a terminal) and logs go to stderr.',
    );
  }, 60_000);

  it('answers a wrong command or a bad import on stderr with exit 2, stdout left empty', async () => {
    const mapping = join(scratch, 'bad-mapping.json');
    writeFileSync(
      mapping,
      JSON.stringify({ record: 'outages', columns: { t: { field: 'start', format: 'iso' } } }),
    );
    const data = join(scratch, 'outages.csv');
    writeFileSync(data, 'eventId\nE1\n');
    const [unknown, noFile, badKind, badMapping] = await Promise.all([
      cli(['bogus']),
      cli(['import', 'outages', join(scratch, 'missing.csv')]),
      cli(['import', 'feeders', data]),
      cli(['import', 'outages', data, '--mapping', mapping]),
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr.split('\n')[0]).toBe('unknown command "bogus"');
    expect(noFile).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: cannot read ${join(scratch, 'missing.csv')} (no such file)\n`,
    });
    expect(badKind).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: unknown record kind "feeders"; expected assets, outages, warnings\n',
    });
    expect(badMapping).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: ${mapping}: columns.t: format: must be one of yyyy年M月d日, yyyy/M/d, yyyyMMddHHmmss, excel, got "iso"\n`,
    });
  }, 120_000);
});
