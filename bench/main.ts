// npm run bench [-- NAME…] [-- --sizes 100000,1000000] [-- --repeats 3]
// Writes .local/bench/results.json and bench/RESULTS.md (the table the README shows).

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../server/config.js';
import {
  createStore,
  type LocalQuestDB,
  migrate,
  parseClientConf,
  type Store,
  startLocalQuestDB,
} from '../store/index.js';
import type { DemoSize } from '../demo/index.js';
import { type BenchCase, type Measurement, markdownTable, measure } from './harness.js';
import { ingestCases } from './ingest.js';
import { rulesCases } from './rules.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { sizes: { type: 'string' }, repeats: { type: 'string' }, demo: { type: 'string' } },
});
const wanted = new Set(positionals.length > 0 ? positionals : ['ingest', 'rules']);
const sizes = (values.sizes ?? '100000,1000000').split(',').map(Number);
const repeats = Number(values.repeats ?? 3);
const demoSizes = (values.demo ?? 'small,medium').split(',') as DemoSize[];

const root = projectRoot();
const results: Measurement[] = [];

/** Each group of cases gets a fresh QuestDB, so data sets never mix. */
async function withQuestDB(name: string, make: (qdb: LocalQuestDB, store: Store) => Promise<BenchCase[]>) {
  const dataDir = join(root, '.local', 'bench', name);
  rmSync(dataDir, { recursive: true, force: true });
  const qdb = await startLocalQuestDB({ dataDir, cacheDir: join(root, '.local', 'questdb-jar'), heap: '2g' });
  try {
    const store = createStore(parseClientConf(qdb.clientConf));
    await migrate(store);
    for (const c of await make(qdb, store)) {
      const m = await measure(c, repeats);
      results.push(m);
      process.stdout.write(
        `${m.name} [${m.size}]: ${m.medianMs} ms, ${m.rate ?? '-'} /s, ${m.peakRssMb} MB\n`,
      );
    }
  } finally {
    await qdb.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (wanted.has('ingest')) await withQuestDB('ingest', (qdb, store) => ingestCases(qdb, store, sizes));
if (wanted.has('rules')) {
  for (const size of demoSizes) {
    await withQuestDB(`rules-${size}`, (qdb, store) => rulesCases(qdb, store, [size], ['small'], results));
  }
}
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, QuestDB 9.3.4`;
mkdirSync(join(root, '.local', 'bench'), { recursive: true });
writeFileSync(
  join(root, '.local', 'bench', 'results.json'),
  JSON.stringify({ machine, date: new Date().toISOString(), results }, null, 2),
);
writeFileSync(
  join(root, 'bench', 'RESULTS.md'),
  `Machine: ${machine}; ${new Date().toISOString().slice(0, 10)}; median of ${repeats} runs.\n\n${markdownTable(results)}\n`,
);
process.stdout.write(`\n${markdownTable(results)}\n`);
