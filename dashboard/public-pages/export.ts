// The static export of one frozen disclosure: its pages and downloads in a folder that any web
// server (or a file share) can host, every link relative to the folder:
//   index.html, en.html                      the page in Chinese and English
//   <period>.csv, <period>.en.csv, <period>.json   the list (CSV cells as in the page's table)
//   region-01.html, region-01.en.html, region-01.csv, region-01.en.csv, region-01.json, …
//                                            the same for each city, in the order of the list

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Lang } from '../../analytics/remediation/index.js';
import type { CompiledRuleSet } from '../../analytics/rules/index.js';
import { formatInZone } from '../../core/index.js';
import type { Store } from '../../store/index.js';
import { citiesOf, disclosureSource } from './data.js';
import { disclosureCsv, disclosureJson, type PageLinks, renderDisclosure } from './disclosure.js';
import { periodLabel } from './i18n.js';

export class ExportError extends Error {
  override readonly name = 'ExportError';
}

export interface ExportDeps {
  store: Store;
  zone: string;
  ruleSet: CompiledRuleSet;
}

export interface ExportOutcome {
  period: string;
  outDir: string;
  /** file names written, relative to outDir */
  files: string[];
  rows: number;
  publishedAt: string;
}

/** Writes the pages and downloads of the frozen disclosure of `period` into `outDir`. */
export async function exportDisclosure(
  deps: ExportDeps,
  period: string,
  outDir: string,
): Promise<ExportOutcome> {
  const source = disclosureSource({ store: deps.store, ruleSet: deps.ruleSet, zone: deps.zone });
  const found = await source.find(period);
  if (!found.ok) {
    throw new ExportError(
      found.reason === 'invalid'
        ? `invalid period "${period}": expected e.g. ${found.example}`
        : `the disclosure of ${periodLabel(found.period, 'en')} (${found.period}) is not published: it is frozen in the night after the period ends (${found.publishesOn})`,
    );
  }
  const d = found.disclosure;
  const key = d.run.period;
  const cities = citiesOf(d.rows);
  const stem = (region: string | null): string => {
    const i = region === null ? -1 : cities.indexOf(region);
    return i < 0 ? key : `region-${String(i + 1).padStart(2, '0')}`;
  };
  const suffix = (lang: Lang): string => (lang === 'en' ? '.en' : '');
  const links: PageLinks = {
    page: (lang, region) =>
      region === null ? (lang === 'en' ? 'en.html' : 'index.html') : `${stem(region)}${suffix(lang)}.html`,
    csv: (lang, region) => `${stem(region)}${suffix(lang)}.csv`,
    json: (region) => `${stem(region)}.json`,
  };

  await mkdir(outDir, { recursive: true });
  const files: string[] = [];
  const write = async (name: string, content: string) => {
    await writeFile(join(outDir, name), content, 'utf8');
    files.push(name);
  };
  for (const region of [null, ...cities]) {
    for (const lang of ['zh', 'en'] as const) {
      await write(links.page(lang, region), renderDisclosure(d, { lang, region, zone: deps.zone, links }));
      await write(links.csv(lang, region), disclosureCsv(d, region, lang, deps.zone));
    }
    await write(links.json(region), `${JSON.stringify(disclosureJson(d, region, deps.zone), null, 2)}\n`);
  }
  return {
    period: key,
    outDir,
    files,
    rows: d.rows.length,
    publishedAt: formatInZone(d.run.frozenAt, deps.zone),
  };
}
