// The image as the Dockerfile builds it, without Docker (not on the development machines): the
// build context (the working tree's files, tracked or not, less what .dockerignore and
// .gitignore leave out) goes to a build folder where the build stage's steps run in order
// (COPY, RUN: `npm ci`, the build, the prune); the runtime stage's COPY lines then assemble the
// runtime folder, and the server starts there with the environment docker-compose.yml gives the
// app, against the test QuestDB. The dashboard page, /livez and /readyz must answer.
//
// Differences from a real image, each unavoidable here: `npm ci` reads the local npm cache
// first (--prefer-offline) and skips the audit; HOST is 127.0.0.1 and PORT a free one; the
// QuestDB address is the test QuestDB's; OUTAGE_DATA_DIR and OUTAGE_SPOOL_DIR are in the
// temporary folder, and RUN steps touching absolute paths (the image's /var/lib/outage) are left
// out. Node is the one running this test, not the image's Node 24.

import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../../server/config.js';
import { testRoot } from '../support/questdb.js';

const root = projectRoot();
const MINUTE = 60_000;

interface Instruction {
  keyword: string;
  args: string;
}
interface Stage {
  name: string | undefined;
  workdir: string;
  instructions: Instruction[];
}

/** The Dockerfile's stages and their instructions (continuation lines joined, comments left out). */
function parseDockerfile(text: string): Stage[] {
  const lines = text.replace(/\\\n/g, ' ').split('\n');
  const stages: Stage[] = [];
  for (const line of lines.map((l) => l.trim())) {
    if (line === '' || line.startsWith('#')) continue;
    const [, keyword = '', args = ''] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    const upper = keyword.toUpperCase();
    if (upper === 'FROM') {
      stages.push({ name: /\bAS\s+(\S+)$/i.exec(args)?.[1], workdir: '/', instructions: [] });
      continue;
    }
    const stage = stages[stages.length - 1];
    if (!stage) throw new Error(`${keyword} before FROM`);
    if (upper === 'WORKDIR') stage.workdir = args;
    stage.instructions.push({ keyword: upper, args });
  }
  return stages;
}

/** COPY's sources and destination, and the stage it copies from. */
function parseCopy(args: string): { from: string | undefined; sources: string[]; dest: string } {
  const words = args.split(/\s+/);
  const from = words.find((w) => w.startsWith('--from='))?.slice('--from='.length);
  const paths = words.filter((w) => !w.startsWith('--'));
  const dest = paths.pop();
  if (dest === undefined || paths.length === 0) throw new Error(`COPY without a source: ${args}`);
  return { from, sources: paths, dest };
}

/** .dockerignore's rules as matchers of context paths ('!' lines bring paths back). */
function dockerignore(text: string): (path: string) => boolean {
  const rules = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const keep = l.startsWith('!');
      const pattern = (keep ? l.slice(1) : l).replace(/^\/+|\/+$/g, '');
      const body = pattern
        .split('/')
        .map((part) =>
          part === '**'
            ? '.*'
            : part
                .replace(/[.+^${}()|[\]\\]/g, '\\$&')
                .replace(/\*/g, '[^/]*')
                .replace(/\?/g, '[^/]'),
        )
        .join('/');
      // A pattern naming a folder leaves out everything in it.
      return { keep, re: new RegExp(`^${body}(?:/.*)?$`) };
    });
  return (path) => {
    let ignored = false;
    for (const r of rules) if (r.re.test(path)) ignored = !r.keep;
    return ignored;
  };
}

/** `${VAR}`, `${VAR:-default}` and `${VAR:?message}` as Compose interpolates them. */
function interpolate(value: string, env: Record<string, string | undefined>): string {
  return value.replace(/\$\{(\w+)(?:(:-|:\?)([^}]*))?\}/g, (_m, name: string, op?: string, arg?: string) => {
    const v = env[name];
    if (op === ':-') return v === undefined || v === '' ? (arg ?? '') : v;
    if (op === ':?' && (v === undefined || v === '')) throw new Error(`required variable ${name}: ${arg}`);
    return v ?? '';
  });
}

/** The environment block of one compose service, interpolated. */
function composeEnvironment(
  compose: string,
  serviceName: string,
  env: Record<string, string | undefined>,
): Record<string, string> {
  const start = compose.indexOf(`\n  ${serviceName}:\n`);
  if (start < 0) throw new Error(`no service ${serviceName}`);
  const block = compose.slice(start + 1);
  const at = block.indexOf('\n    environment:\n');
  if (at < 0) throw new Error(`service ${serviceName} has no environment`);
  const out: Record<string, string> = {};
  for (const line of block.slice(at + '\n    environment:\n'.length).split('\n')) {
    if (/^ {6}#/.test(line)) continue;
    const m = /^ {6}(\w+): (.*)$/.exec(line);
    if (!m) break;
    const raw = m[2]!.trim();
    const unquoted = /^"(.*)"$/.exec(raw)?.[1] ?? raw;
    out[m[1]!] = interpolate(unquoted, env);
  }
  return out;
}

/** The build context: the working tree's files less .gitignore's and .dockerignore's. */
function contextFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
    .split('\0')
    .filter((f) => f !== '');
  const ignored = dockerignore(readFileSync(join(root, '.dockerignore'), 'utf8'));
  // A tracked file deleted in the working tree is not in the context either.
  return [...new Set(listed)].filter((f) => !ignored(f) && existsSync(join(root, f)));
}

/** COPY into `target` (the stage's WORKDIR): a folder's contents, or files into a folder. */
function copyInto(sources: readonly string[], dest: string, target: string): void {
  const into = join(target, dest);
  for (const source of sources) {
    if (statSync(source).isDirectory()) {
      mkdirSync(into, { recursive: true });
      cpSync(source, into, { recursive: true });
    } else {
      const file = dest.endsWith('/') || sources.length > 1 ? join(into, source.split('/').pop()!) : into;
      mkdirSync(dirname(file), { recursive: true });
      copyFileSync(source, file);
    }
  }
}

/** The context's files under `source` ('.' for all), copied as COPY copies them. */
function copyFromContext(files: readonly string[], source: string, dest: string, target: string): void {
  const prefix = source === '.' ? '' : `${source.replace(/\/+$/, '')}/`;
  const chosen = files.filter((f) => f === source || f.startsWith(prefix));
  if (chosen.length === 0) throw new Error(`COPY ${source}: nothing in the build context`);
  for (const f of chosen) {
    const relative = f === source ? f.split('/').pop()! : f.slice(prefix.length);
    const to =
      f === source && !dest.endsWith('/') && dest !== '.' ? join(target, dest) : join(target, dest, relative);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(join(root, f), to);
  }
}

function run(command: string, cwd: string): void {
  // The Dockerfile's `npm ci`, reading the local npm cache first and skipping the audit.
  const line = command.replace(/\bnpm ci\b/g, 'npm ci --prefer-offline --no-audit --no-fund');
  try {
    execFileSync('sh', ['-c', line], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_ENV: 'development', CI: '1' },
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch (err) {
    const e = err as { stdout?: Buffer; stderr?: Buffer };
    const output = `${e.stdout?.toString('utf8') ?? ''}${e.stderr?.toString('utf8') ?? ''}`;
    throw new Error(`RUN ${command} failed:\n${output.slice(-6_000)}`);
  }
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });

const dockerfile = parseDockerfile(readFileSync(join(root, 'Dockerfile'), 'utf8'));
const composeText = readFileSync(join(root, 'docker-compose.yml'), 'utf8');

describe('the parsing this test relies on', () => {
  it('reads the stages, COPY lines, ignore rules and compose interpolation', () => {
    expect(dockerfile.map((s) => [s.name, s.workdir])).toEqual([
      ['build', '/app'],
      [undefined, '/app'],
    ]);
    expect(parseCopy('--from=build /app/dist ./dist')).toEqual({
      from: 'build',
      sources: ['/app/dist'],
      dest: './dist',
    });
    const ignored = dockerignore(
      'node_modules\n*.env\n# note\ndashboard/public/build\n!dashboard/public/build/keep',
    );
    expect(['node_modules/x/y.js', 'prod.env', 'dashboard/public/build/app.js'].map(ignored)).toEqual([
      true,
      true,
      true,
    ]);
    expect(
      ['ops/prod.env', 'dashboard/public/index.html', 'dashboard/public/build/keep'].map(ignored),
    ).toEqual([false, false, false]);
    expect(interpolate(`a=\${A};b=\${B:-x};c=\${C}`, { A: '1', B: '' })).toBe('a=1;b=x;c=');
    expect(() => interpolate(`\${D:?set D}`, {})).toThrow('required variable D: set D');
  });
});

describe('the image built from the Dockerfile', () => {
  let work: string | undefined;
  let server: ChildProcess | undefined;
  let stderr = '';

  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGKILL');
    }
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it(
    'builds in a clean folder and serves the dashboard, /livez and /readyz with compose’s environment',
    async () => {
      mkdirSync(testRoot(), { recursive: true });
      work = mkdtempSync(join(testRoot(), 'image-build-'));
      const files = contextFiles();
      const [build, runtime] = dockerfile;
      if (!build || !runtime) throw new Error('the Dockerfile has fewer than two stages');
      const stageDir = (stage: Stage) => join(work!, stage === build ? 'build' : 'runtime');
      // Absolute paths of the build stage (`/app/dist`) are its folder's.
      const inStage = (stage: Stage, path: string) =>
        join(stageDir(stage), path.startsWith(stage.workdir) ? path.slice(stage.workdir.length) : path);

      for (const stage of [build, runtime]) {
        const dir = stageDir(stage);
        mkdirSync(dir, { recursive: true });
        for (const { keyword, args } of stage.instructions) {
          if (keyword === 'COPY') {
            const copy = parseCopy(args);
            if (copy.from === undefined) {
              for (const source of copy.sources) copyFromContext(files, source, copy.dest, dir);
            } else {
              const from = dockerfile.find((s) => s.name === copy.from);
              if (!from) throw new Error(`COPY --from=${copy.from}: no such stage`);
              copyInto(
                copy.sources.map((s) => inStage(from, s)),
                copy.dest,
                dir,
              );
            }
          } else if (keyword === 'RUN') {
            const steps = args.split('&&').map((s) => s.trim());
            // The image's own folders (/var/lib/outage) are the temporary folder's here.
            for (const step of steps.filter((s) => !/(^|\s)\//.test(s))) run(step, dir);
          }
        }
      }

      const runDir = stageDir(runtime);
      expect(existsSync(join(runDir, 'dist', 'cli', 'main.js'))).toBe(true);
      expect(existsSync(join(runDir, 'dashboard', 'public', 'build', 'app.js'))).toBe(true);
      // Only production dependencies are shipped, and no source maps of the bundle.
      expect(existsSync(join(runDir, 'node_modules', 'express'))).toBe(true);
      expect(existsSync(join(runDir, 'node_modules', 'vitest'))).toBe(false);
      expect(existsSync(join(runDir, 'dashboard', 'public', 'build', 'app.js.map'))).toBe(false);

      // The image's ENV, then compose's environment for the app over it.
      const imageEnv = Object.fromEntries(
        runtime.instructions
          .filter((i) => i.keyword === 'ENV')
          .flatMap((i) => i.args.split(/\s+/).map((kv) => kv.split('=', 2) as [string, string])),
      );
      const conf = inject('qdbClientConf');
      const addr = /addr=([^;]+);/.exec(conf)?.[1];
      const user = /username=([^;]+);/.exec(conf)?.[1];
      const password = /password=([^;]+);/.exec(conf)?.[1];
      expect([addr, user, password].every((v) => v !== undefined)).toBe(true);
      // What .env holds in production: the QuestDB login and the admin token.
      const dotEnv = {
        QDB_USER: user,
        QDB_PASSWORD: password,
        QDB_READONLY_PASSWORD: 'image-build-reader',
        OUTAGE_ADMIN_TOKEN: 'image-build-admin-token-0123456789',
      };
      const appEnv = composeEnvironment(composeText, 'app', dotEnv);
      expect(appEnv['QDB_CLIENT_CONF']).toBe(
        `http::addr=questdb:9000;username=${user};password=${password};`,
      );
      const port = await freePort();
      const dataDir = join(work, 'data');
      const env: Record<string, string> = {
        PATH: process.env['PATH'] ?? '/usr/bin:/bin',
        HOME: work,
        ...imageEnv,
        ...appEnv,
        QDB_CLIENT_CONF: appEnv['QDB_CLIENT_CONF']!.replace('questdb:9000', addr!),
        HOST: '127.0.0.1',
        PORT: String(port),
        OUTAGE_DATA_DIR: dataDir,
        OUTAGE_SPOOL_DIR: join(dataDir, 'spool'),
      };
      const cmd = runtime.instructions.find((i) => i.keyword === 'CMD');
      const argv = JSON.parse(cmd?.args ?? '[]') as string[];
      expect(argv).toEqual(['node', 'dist/cli/main.js', 'start']);
      server = spawn(process.execPath, argv.slice(1), {
        cwd: runDir,
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      server.stderr?.on('data', (chunk: Buffer) => {
        stderr = (stderr + chunk.toString('utf8')).slice(-20_000);
      });
      const exited = new Promise<number | null>((resolve) => server!.once('exit', (code) => resolve(code)));

      const base = `http://127.0.0.1:${port}`;
      const deadline = Date.now() + 3 * MINUTE;
      for (;;) {
        if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}):\n${stderr}`);
        const live = await fetch(`${base}/livez`).catch(() => undefined);
        if (live?.status === 200) break;
        if (Date.now() > deadline) throw new Error(`no answer on /livez in time:\n${stderr}`);
        await new Promise((r) => setTimeout(r, 500));
      }

      const page = await fetch(`${base}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await page.text()).toContain('<script type="module" src="build/app.js"></script>');
      const bundle = await fetch(`${base}/build/app.js`);
      expect(bundle.status).toBe(200);
      expect(bundle.headers.get('content-type')).toMatch(/javascript/);
      expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
      expect((await fetch(`${base}/livez`)).status).toBe(200);
      expect((await fetch(`${base}/readyz`)).status).toBe(200);

      // Stopped as an orchestrator stops it: SIGTERM, then an orderly exit.
      server.kill('SIGTERM');
      expect(await exited).toBe(0);
    },
    20 * MINUTE,
  );
});
