// The planner's work list on real data: PG&E's outage-map history (../shared/data/pge-outage-map)
// imported through mappings/pge-outage-map.json into a fresh local QuestDB, then the top 20
// circuits by priority score (national-2025, America/Los_Angeles, as of the file's last day) and
// what fixing them would buy their regions. Prints the markdown shown in docs/real-data.md.
//
//   npx tsx scripts/pge-priorities.ts [--as-of 2026-08-15T00:00:00-07:00]

import { createReadStream, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_PRIORITY, priorityList, type Scored, whatItBuys } from '../analytics/priorities/index.js';
import { loadRuleFile } from '../analytics/rules/index.js';
import { parseTime } from '../core/index.js';
import { importFile } from '../ingest/import/run.js';
import { loadMapping } from '../ingest/mapping/index.js';
import { projectRoot } from '../server/config.js';
import { createLogger } from '../server/log.js';
import {
  AssetDirectory,
  createStore,
  migrate,
  parseClientConf,
  sql,
  startLocalQuestDB,
  Writer,
} from '../store/index.js';

const ZONE = 'America/Los_Angeles';
const TOP = 20;
const root = projectRoot();
const DATA = join(root, '..', 'shared', 'data', 'pge-outage-map', 'events.csv');

const { values } = parseArgs({ options: { 'as-of': { type: 'string' } } });
if (!existsSync(DATA)) throw new Error(`${DATA} is absent`);

const dataDir = join(root, '.local', 'pge-priorities');
rmSync(dataDir, { recursive: true, force: true });
const qdb = await startLocalQuestDB({ dataDir, cacheDir: join(root, '.local', 'questdb-jar'), heap: '1g' });
try {
  const store = createStore(parseClientConf(qdb.clientConf));
  await migrate(store);
  const writer = await Writer.open({
    connection: store.connection,
    store,
    spoolDir: join(dataDir, 'spool'),
    spoolLimitBytes: 5e8,
    log: createLogger('warn'),
  });
  const mapping = loadMapping(join(root, 'mappings/pge-outage-map.json'), 'outages', ZONE);
  if (!mapping.ok) throw new Error(JSON.stringify(mapping.issues));
  const summary = await importFile(
    { writer, assets: new AssetDirectory(store), zone: ZONE },
    {
      kind: 'outages',
      file: 'events.csv',
      open: () => createReadStream(DATA),
      format: 'csv',
      mapping: mapping.value,
      deriveAssets: true,
    },
  );
  await writer.close();
  // Every accepted event visible before anything is computed (WAL tables apply asynchronously).
  for (;;) {
    const [r] = await store.rows<{ n: number }>(sql`SELECT count() n FROM outages WHERE NOT deleted`);
    if ((r?.n ?? 0) >= summary.accepted) break;
    await new Promise((res) => setTimeout(res, 200));
  }
  const [last] = await store.rows<{ t: number }>(sql`SELECT max(start) t FROM outages`);
  const asOfText = values['as-of'];
  let asOf = last?.t ?? Date.now();
  if (asOfText) {
    const t = parseTime(asOfText, ZONE);
    if (!t.ok) throw new Error(t.issues[0]?.message);
    asOf = t.value;
  }
  const rules = await loadRuleFile(join(root, 'rules/national-2025.json'));
  if (!rules.ok) throw new Error(JSON.stringify(rules.issues));
  const q = { ruleSet: rules.value, asOf, zone: ZONE, weights: DEFAULT_PRIORITY };
  const list = await priorityList(store, q);
  if (!list.ok) throw new Error(JSON.stringify(list.issues));
  const circuits = list.value.ranked.filter((s) => s.facts.kind === 'feeder').slice(0, TOP);
  const gain = await whatItBuys(store, { ...q, assetIds: circuits.map((s) => s.facts.assetId) });
  if (!gain.ok) throw new Error(JSON.stringify(gain.issues));

  const num = (x: number | null, digits: number) =>
    x === null
      ? '–'
      : x.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const standing = (s: Scored) =>
    s.facts.standings.map((r) => `${r.rule} ${r.status} ${r.count}/${r.limit}`).join('; ');
  const top = (s: Scored) =>
    [...s.parts]
      .sort((a, b) => b.points - a.points)
      .slice(0, 3)
      .map((p) => `${p.part} ${num(p.points, 1)}`)
      .join(', ');
  const out: string[] = [];
  out.push(
    `Imported ${summary.accepted.toLocaleString('en')} outages; as of ${new Date(asOf).toISOString()} ` +
      `(${ZONE}), trailing year ${new Date(list.value.period.from).toISOString().slice(0, 10)} … ` +
      `${new Date(list.value.period.to).toISOString().slice(0, 10)}; ${list.value.ranked.length} assets ranked ` +
      `(${list.value.ranked.filter((s) => s.facts.kind === 'feeder').length} circuits); default weights.`,
    '',
    '| # | circuit | city | score | standing (national-2025) | customers interrupted | customer-hours | largest parts (points) |',
    '|---|---|---|---|---|---|---|---|',
  );
  circuits.forEach((s, i) => {
    const f = s.facts;
    out.push(
      `| ${i + 1} | ${f.assetId} | ${f.city ?? ''} | ${num(s.score, 1)} | ${standing(s)} | ` +
        `${f.customersAffected.toLocaleString('en')} | ${num(f.customerHours, 0)} | ${top(s)} |`,
    );
  });
  const g = gain.value;
  out.push(
    '',
    `What fixing them buys (their remediable outages of the trailing year left out: ` +
      `${g.excludedEventIds.length.toLocaleString('en')} outages, causes ${g.remediableCauses.join(', ')}):`,
    '',
    '| region (city) | customers (lower bound) | SAIDI before (h) | after | change | SAIFI before | after | change |',
    '|---|---|---|---|---|---|---|---|',
  );
  const change = (before: number | null, after: number | null) =>
    before === null || after === null || before === 0
      ? '–'
      : `${((100 * (after - before)) / before).toLocaleString('en', { maximumFractionDigits: 0 })} %`;
  for (const r of [...g.regions].sort((a, b) => b.before.customers - a.before.customers)) {
    out.push(
      `| ${r.region} | ${r.before.customers.toLocaleString('en')} | ${num(r.before.saidi, 2)} | ${num(r.after.saidi, 2)} | ` +
        `${change(r.before.saidi, r.after.saidi)} | ${num(r.before.saifi, 3)} | ${num(r.after.saifi, 3)} | ` +
        `${change(r.before.saifi, r.after.saifi)} |`,
    );
  }
  const l = g.frequentOutageList;
  out.push(
    '',
    `Frequent-outage list among the ${l.evaluated} assets re-evaluated: ${l.before.length} in breach before, ` +
      `${l.after.length} after (${l.leaving.length} leave the list; ${l.clearedAtRisk.length} no longer at risk ` +
      `or in breach); the reference and SQL evaluators agree on the flags before: ${l.agreesWithSql}.`,
  );
  console.log(out.join('\n'));
} finally {
  await qdb.stop();
}
