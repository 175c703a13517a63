// The header search: assets by id, name, equipment code, a place they serve or substation, and remediation cases by number, read
// from QuestDB. Each asset as it stands now (its latest version), with the region path that tells
// namesakes apart ("10kV松华线" in two counties). QuestDB narrows by a case-insensitive substring
// test; rank.ts orders what it finds.

import { type AssetRow as StoredAssetRow, type Store, sql } from '../../store/index.js';
import { normalize, rankHits, type SearchHit } from './rank.js';

/** Candidates read before ranking: enough for the exact and prefix matches to be among them. */
const CANDIDATES = 500;
export const MAX_QUERY_CHARS = 100;

/** The columns of COLUMNS (places: a JSON list). */
type AssetRow = Pick<
  StoredAssetRow,
  | 'asset_id'
  | 'kind'
  | 'name'
  | 'feeder_id'
  | 'substation'
  | 'code'
  | 'places'
  | 'province'
  | 'city'
  | 'county'
>;

const COLUMNS = sql`asset_id, kind, name, feeder_id, substation, code, places, province, city, county`;
const LATEST = sql`SELECT ${COLUMNS} FROM assets LATEST ON valid_from PARTITION BY asset_id`;
/** The latest version of the named assets (the asset index answers it). */
const latestOf = (ids: readonly string[]) =>
  sql`SELECT ${COLUMNS} FROM assets WHERE asset_id IN (${ids}) LATEST ON valid_from PARTITION BY asset_id`;

const assetHit = (r: AssetRow): SearchHit => ({
  type: 'asset',
  id: r.asset_id,
  name: r.name,
  kind: r.kind,
  ...(r.feeder_id ? { feederId: r.feeder_id } : {}),
  substation: r.substation,
  ...(r.code ? { code: r.code } : {}),
  ...(r.places ? { places: JSON.parse(r.places) as string[] } : {}),
  province: r.province,
  city: r.city,
  county: r.county,
});

export async function searchAll(store: Store, q: { text: string; limit: number }): Promise<SearchHit[]> {
  const text = normalize(q.text).slice(0, MAX_QUERY_CHARS);
  if (text === '') return [];
  // An exact id first (the index answers it), so a long list of substring matches cannot crowd it out.
  const exact = await store.rows<AssetRow>(latestOf([q.text.trim()]));
  const found = await store.rows<AssetRow>(
    sql`SELECT * FROM (${LATEST}) WHERE strpos(lower(asset_id::varchar), ${text}) > 0
          OR strpos(lower(name), ${text}) > 0 OR strpos(lower(code), ${text}) > 0
          OR strpos(lower(places), ${text}) > 0
          OR strpos(lower(substation::varchar), ${text}) > 0
        LIMIT ${CANDIDATES}`,
  );
  const cases = await store.rows<{ case_id: string; rule_set: string; asset_id: string; status: string }>(
    sql`SELECT case_id, rule_set, asset_id, status FROM case_events
        WHERE strpos(lower(case_id::varchar), ${text}) > 0 LATEST ON at PARTITION BY case_id LIMIT ${CANDIDATES}`,
  );
  const seen = new Set<string>();
  const assets = [...exact, ...found].filter((r) => !seen.has(r.asset_id) && seen.add(r.asset_id));
  const byId = new Map(assets.map((r) => [r.asset_id, r]));
  const missing = [...new Set(cases.map((c) => c.asset_id))].filter((id) => !byId.has(id));
  if (missing.length > 0) {
    for (const r of await store.rows<AssetRow>(latestOf(missing))) byId.set(r.asset_id, r);
  }
  const caseHits = cases.flatMap((c): SearchHit[] => {
    const a = byId.get(c.asset_id);
    if (!a) return [];
    return [
      {
        ...assetHit(a),
        type: 'case',
        id: c.case_id,
        assetId: c.asset_id,
        ruleSet: c.rule_set,
        status: c.status,
      },
    ];
  });
  return rankHits([...assets.map(assetHit), ...caseHits], text, q.limit);
}
