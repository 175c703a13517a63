// npm run bench [-- NAME…] [-- --sizes 100000,1000000] [-- --demo small,medium,large] [-- --repeats 3]
//   [-- --reuse] [-- --keep]
// NAME: ingest, rules, load (their own databases), reliability, payloads, dashboard, freshness (one demo
// database per size, loaded once and shared; --keep leaves it in .local/bench/demo-SIZE, --reuse
// starts from a kept one instead of loading again). QDB_* variables reach the bundled QuestDB
// (its QDB_QUERY_TIMEOUT defaults to 10m, which `large` needs for the product's flag evaluation).
// Writes .local/bench/results.json and bench/RESULTS.md (the tables the README shows): a run
// replaces, per benchmark, the rows and notes of the sizes it ran and keeps the others.

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { DemoSize } from '../demo/index.js';
import { projectRoot } from '../server/config.js';
import {
  createStore,
  type LocalQuestDB,
  migrate,
  parseClientConf,
  type Store,
  startLocalQuestDB,
} from '../store/index.js';
import { dashboardGroup } from './dashboard.js';
import { freshnessGroup } from './freshness.js';
import { type DemoDatabase, withDemoDatabase } from './demo-db.js';
import { type BenchCase, type GroupContext, type Measurement, markdownTable, measure } from './harness.js';
import { ingestCases } from './ingest.js';
import { loadCases } from './load.js';
import { payloadsGroup } from './payloads.js';
import { reliabilityCases } from './reliability.js';
import { rulesCases } from './rules.js';

const GROUPS = ['ingest', 'rules', 'load', 'reliability', 'payloads', 'dashboard', 'freshness'];
const USAGE = `usage: npm run bench [-- GROUP...] [options]

groups: ${GROUPS.join(', ')} (default: ingest rules)
options:
  --sizes N,N          outages per ingest case (default 100000,1000000)
  --demo small,medium  demo data sets for rules and the demo groups (small, medium, large)
  --repeats N          runs per case; the median is reported (default 3)
  --keep               keep the demo database after the run
  --reuse              use a kept demo database instead of loading it again
  -h, --help           this text
`;

function args() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        sizes: { type: 'string' },
        repeats: { type: 'string' },
        demo: { type: 'string' },
        reuse: { type: 'boolean' },
        keep: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
    process.exit(2);
  }
}

const { values, positionals } = args();
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const unknown = positionals.filter((g) => !GROUPS.includes(g));
if (unknown.length > 0) {
  process.stderr.write(`unknown group: ${unknown.join(', ')}\n\n${USAGE}`);
  process.exit(2);
}
const wanted = new Set(positionals.length > 0 ? positionals : ['ingest', 'rules']);
const sizes = (values.sizes ?? '100000,1000000').split(',').map(Number);
const repeats = Number(values.repeats ?? 3);
const demoSizes = (values.demo ?? 'small,medium').split(',') as DemoSize[];

const root = projectRoot();
/** Measurements by section of bench/RESULTS.md; `notes` are lines printed under a section's table. */
const sections = new Map<string, { results: Measurement[]; notes: string[] }>();
const section = (name: string) => {
  const s = sections.get(name) ?? { results: [], notes: [] };
  sections.set(name, s);
  return s;
};

async function record(group: string, c: BenchCase): Promise<Measurement> {
  const m = await measure(c, repeats);
  section(group).results.push(m);
  process.stdout.write(`${m.name} [${m.size}]: ${m.medianMs} ms, ${m.rate ?? '-'} /s, ${m.peakRssMb} MB\n`);
  return m;
}

/** Each group of cases gets a fresh QuestDB, so data sets never mix. */
async function withQuestDB(name: string, make: (qdb: LocalQuestDB, store: Store) => Promise<BenchCase[]>) {
  const dataDir = join(root, '.local', 'bench', name);
  rmSync(dataDir, { recursive: true, force: true });
  const heap = name.endsWith('-large') ? '4g' : '2g';
  const qdb = await startLocalQuestDB({ dataDir, cacheDir: join(root, '.local', 'questdb-jar'), heap });
  let failed = false;
  try {
    const store = createStore(parseClientConf(qdb.clientConf));
    await migrate(store);
    for (const c of await make(qdb, store)) await record(name.replace(/-.*/, ''), c);
  } catch (err) {
    failed = true;
    process.stderr.write(`${name} failed; its QuestDB data and log are kept in ${dataDir}\n`);
    throw err;
  } finally {
    await qdb.stop();
    if (!failed) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Benchmarks over the shared demo database of each size. */
const DEMO_GROUPS: Record<string, (db: DemoDatabase, ctx: GroupContext) => Promise<void>> = {
  reliability: async (db, ctx) => {
    const { cases, close } = await reliabilityCases(db);
    try {
      for (const c of cases) await ctx.run(c);
    } finally {
      close();
    }
  },
  payloads: payloadsGroup,
  dashboard: dashboardGroup,
  freshness: freshnessGroup,
};

if (wanted.has('ingest')) await withQuestDB('ingest', (qdb, store) => ingestCases(qdb, store, sizes));
if (wanted.has('load')) await withQuestDB('load', (qdb, store) => loadCases(qdb, store));
if (wanted.has('rules')) {
  for (const size of demoSizes) {
    await withQuestDB(`rules-${size}`, (qdb, store) =>
      rulesCases(qdb, store, [size], ['small'], section('rules').results),
    );
  }
}
const demoGroups = Object.keys(DEMO_GROUPS).filter((g) => wanted.has(g));
for (const size of demoGroups.length > 0 ? demoSizes : []) {
  const options = { reuse: values.reuse ?? false, keep: values.keep ?? false };
  await withDemoDatabase(root, size, options, section('demo').results, async (db) => {
    for (const g of demoGroups) {
      try {
        await DEMO_GROUPS[g]!(db, {
          run: (c) => record(g, c),
          push: (m) => section(g).results.push(m),
          notes: section(g).notes,
          repeats,
        });
      } catch (err) {
        // One group failing (e.g. out of memory at `large`) does not lose the others' figures.
        const message = `${g} [${size}] failed: ${err instanceof Error ? err.message : String(err)}`;
        process.stderr.write(`${message}\n`);
        section(g).notes.push(message);
      }
    }
  });
}

const cpu = cpus();
const machine = `${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, QuestDB 9.3.4`;
const date = new Date().toISOString().slice(0, 10);
const load = `load average ${loadavg()[0]?.toFixed(1)} at the end of the run`;
writeResults();
for (const [name, s] of sections) process.stdout.write(`\n## ${name}\n${markdownTable(s.results)}\n`);

interface StoredGroup {
  results: (Measurement & { date?: string })[];
  notes: { size: string; text: string }[];
  /** per size: when it last ran and how loaded the machine was */
  runs: Record<string, string>;
}

/**
 * Merges this run into .local/bench/results.json (a measurement replaces the one of the same
 * name and size; a group's notes are replaced per size) and rewrites bench/RESULTS.md from it,
 * keeping sections of RESULTS.md that results.json does not know.
 */
function writeResults(): void {
  const dir = join(root, '.local', 'bench');
  mkdirSync(dir, { recursive: true });
  const jsonFile = join(dir, 'results.json');
  const previous = existsSync(jsonFile) ? JSON.parse(readFileSync(jsonFile, 'utf8')) : {};
  const groups: Record<string, StoredGroup> =
    previous && typeof previous.groups === 'object' ? previous.groups : {};
  const sizesRun = new Set(demoSizes as string[]);
  for (const [name, s] of sections) {
    if (s.results.length === 0 && s.notes.length === 0) continue;
    const g = groups[name] ?? { results: [], notes: [], runs: {} };
    const fresh = s.results.map((m) => ({ ...m, date }));
    // The latest run of a group at a size replaces all its earlier rows at that size.
    const rerun = new Set(fresh.map((m) => m.size));
    g.results = [...g.results.filter((m) => !rerun.has(m.size)), ...fresh];
    g.notes = [
      ...g.notes.filter((n) => !sizesRun.has(n.size)),
      ...s.notes.map((text) => ({ size: /\[(\w+)\]/.exec(text)?.[1] ?? '', text })),
    ];
    for (const size of rerun) g.runs[size] = `${size}: ${date}, ${load}`;
    groups[name] = g;
  }
  writeFileSync(jsonFile, JSON.stringify({ machine, groups }, null, 2));

  const mdFile = join(root, 'bench', 'RESULTS.md');
  const text = existsSync(mdFile) ? readFileSync(mdFile, 'utf8') : '';
  const kept = new Map<string, string>();
  for (const m of text.matchAll(/<!-- bench:(\w+) -->\n[\s\S]*?<!-- \/bench:\1 -->\n/g))
    kept.set(m[1]!, m[0]);
  for (const [name, g] of Object.entries(groups)) {
    const sizeOrder = ['small', 'medium', 'large'];
    const rows = [...g.results].sort((a, b) => sizeOrder.indexOf(a.size) - sizeOrder.indexOf(b.size));
    const notes = g.notes.length > 0 ? `\n${g.notes.map((n) => `- ${n.text}`).join('\n')}\n` : '';
    const runs = sizeOrder
      .filter((z) => g.runs[z])
      .map((z) => `- ${g.runs[z]}`)
      .join('\n');
    kept.set(
      name,
      `<!-- bench:${name} -->\n### ${name}\n\n${machine}; medians of the runs listed in each row (loads: one run). Runs (the cores are shared with other jobs, so timings are noisy):\n${runs}\n\n${markdownTable(rows)}\n${notes}<!-- /bench:${name} -->\n`,
    );
  }
  // Hand-written notes after the last section (measurements not yet a bench case) are kept.
  const ends = [...text.matchAll(/<!-- \/bench:\w+ -->\n/g)];
  const last = ends.at(-1);
  const trailing = last?.index === undefined ? '' : text.slice(last.index + last[0].length);
  const order = ['ingest', 'demo', 'rules', 'freshness', 'reliability', 'payloads', 'dashboard'];
  const names = [...kept.keys()].sort(
    (a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b),
  );
  writeFileSync(
    mdFile,
    `# Benchmark results\n\nWritten by \`npm run bench\` (bench/main.ts): each section holds the latest measurement of each case and size. "× baseline" is a case's median over the median of the case it is a peer of (same size, same run). "peak RSS" is the bench's own Node process (which also runs the product's server for payloads and dashboard, and DuckDB); QuestDB's JVM and Chromium are other processes, not counted.\n\n${names.map((n) => kept.get(n)).join('\n')}${trailing}`,
  );
}
