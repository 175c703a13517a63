// How much the demo looks like a real province: generates the demo in memory (the seed the
// server loads) and prints, as markdown, the share of feeders and areas the national rules flag,
// breaches per county and city, the spread of the top hotspots, SAIDI by area class and the
// storm at `now` (demo/realism.ts does the measuring).
//
//   npx tsx scripts/demo-realism.ts --size small|medium [--now 2025-07-20T15:00:00+08:00]
//       [--seed 20250601] [--zone Asia/Shanghai] [--top 25]

import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadRuleFile } from '../analytics/rules/index.js';
import { parseTime } from '../core/index.js';
import { DEMO_SIZE_NAMES, DEMO_SIZES, type DemoSize, generateDemo } from '../demo/index.js';
import type { FlagShares, RegionTally } from '../demo/realism-stats.js';
import { demoRecords, measureRealism, type Realism } from '../demo/realism.js';
import { projectRoot } from '../server/config.js';
import { DEMO_SEED } from '../server/demo.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'small' },
    now: { type: 'string' },
    seed: { type: 'string', default: String(DEMO_SEED) },
    zone: { type: 'string', default: 'Asia/Shanghai' },
    top: { type: 'string', default: '25' },
    'rule-set': { type: 'string', default: 'national-2025' },
  },
});
const size = values.size as DemoSize;
if (!DEMO_SIZE_NAMES.includes(size))
  throw new Error(`unknown size: ${values.size} (${DEMO_SIZE_NAMES.join(', ')})`);
const zone = values.zone;
let now = Date.now();
if (values.now !== undefined) {
  const parsed = parseTime(values.now, zone);
  if (!parsed.ok) throw new Error(`invalid --now: ${values.now}`);
  now = parsed.value;
}
const seed = /^\d+$/.test(values.seed) ? Number(values.seed) : values.seed;
const loaded = await loadRuleFile(join(projectRoot(), 'rules', `${values['rule-set']}.json`));
if (!loaded.ok) throw new Error(loaded.issues.map((i) => `${i.file}: ${i.path} ${i.message}`).join('\n'));

const started = Date.now();
const demo = generateDemo({ seed, size, now, zone });
const records = demoRecords(demo);
const { breachYear, breach60, hotspotAreas } = demo.summary.scenarios;
const r = measureRealism(records, {
  asOf: now,
  zone,
  ruleSet: loaded.value,
  top: Number(values.top),
  scripted: { feeders: [...breachYear, ...breach60], areas: hotspotAreas },
});
print(r, (Date.now() - started) / 1000);

function print(r: Realism, seconds: number): void {
  const pct = (n: number, of: number) => (of > 0 ? `${((100 * n) / of).toFixed(1)} %` : '–');
  const h = (v: number | null) => (v === null ? '–' : v.toFixed(2));
  const { min, max } = DEMO_SIZES[size].outagesPerYear;
  const out: string[] = [];
  out.push(`## Demo realism: ${size}, seed ${String(seed)}, now ${new Date(now).toISOString()} (${zone})`);
  out.push('');
  out.push(`rule set ${r.ruleSet}; ${records.events.length} events in the history, ${seconds.toFixed(0)} s`);
  out.push('');
  const shares = (label: string, s: FlagShares) => {
    const rules = Object.entries(s.byRule)
      .map(([id, v]) => `${pct(v.breach, s.assets)} / ${pct(v.atRisk, s.assets)} (${id})`)
      .join(' | ');
    return `| ${label} | ${s.assets} | ${s.breach} | ${pct(s.breach, s.assets)} | ${pct(s.atRisk, s.assets)} | ${rules} |`;
  };
  out.push('| kind | assets | breaching | share | at risk | breach / at risk per rule |');
  out.push('|---|---:|---:|---:|---:|---|');
  out.push(shares('feeders', r.feeders));
  out.push(shares('areas', r.areas));
  out.push('');
  out.push(
    `of the breaching, scripted by the scenarios: ${r.scripted.feeders} feeders, ${r.scripted.areas} areas ` +
      '(breachYear and breach60 feeders, the areas on them, hotspot areas)',
  );
  out.push('');
  const spread = (label: string, s: Realism['hotspotsCounted']) =>
    `| ${label} | ${s.cutoff} | ${s.counties} | ${s.cities} | ${s.leadingCounty} ${pct(s.leadingShare * s.top, s.top)} |`;
  out.push(`| top ${r.hotspotsCounted.top} areas by | lowest count | counties | cities | leading county |`);
  out.push('|---|---:|---:|---:|---|');
  out.push(spread('counted outages, 365 d', r.hotspotsCounted));
  out.push(spread('all outages, 365 d (hotspot view)', r.hotspotsAll));
  out.push('');
  out.push(`outages in the trailing year: ${r.outagesInYear} (DEMO_SIZES: ${min}–${max})`);
  out.push('');
  out.push('| SAIDI h/customer, trailing year | all | urban_core | urban | town | rural |');
  out.push('|---|---:|---:|---:|---:|---:|');
  out.push(
    `| all outages | ${h(r.saidi.all)} | ${h(r.saidi.urban_core)} | ${h(r.saidi.urban)} | ${h(r.saidi.town)} | ${h(r.saidi.rural)} |`,
  );
  out.push('');
  const table = (title: string, rows: RegionTally[]) => {
    out.push(`| ${title} | breaching feeders | breaching areas | share of its areas |`);
    out.push('|---|---:|---:|---:|');
    for (const t of rows.slice(0, 15))
      out.push(
        `| ${t.county ? `${t.city} ${t.county}` : t.city} | ${t.breachFeeders}/${t.feeders} | ${t.breachAreas}/${t.areas} | ${pct(t.breachAreas, t.areas)} |`,
      );
    out.push('');
  };
  table('county (top 15)', r.byCounty);
  table('city', r.byCity);
  const s = r.storm;
  out.push(
    s.warnings.length === 0
      ? 'storm at now: no county or city warning in force'
      : `storm at now: ${s.warnings.map((w) => `${w.warningId} ${w.level ?? ''} (${w.counties.join('、')})`).join('; ')}; ` +
          `${s.ongoing} weather outages ongoing under it (${s.estimatePassed} past their estimate), ` +
          `${s.restoredRecently} restored that started in the last 12 h`,
  );
  console.log(out.join('\n'));
}
