// Remediation priorities for planners, under /api/v1:
//   GET  /priorities?ruleSet&asOf&region&unit&kind&cause&top&format=csv|xlsx&lang=zh|en
//        the work list: the top N assets by priority score, filtered, each with the breakdown
//        of its score (JSON: `parts` per row); JSON, CSV or Arrow by Accept, or a CSV/XLSX
//        file with `format` (operator)
//   POST /priorities/what-it-buys   body {assetIds, ruleSet?, asOf?}: region SAIDI/SAIFI, target
//        status and the frequent-outage list as if the chosen assets' remediable outages of the
//        trailing year had not happened (operator)
// Every answer names the weights used and where they came from.

import { type RequestHandler, Router } from 'express';
import { z } from 'zod';
import {
  loadPriorityWeights,
  PARTS,
  type PriorityWeights,
  priorityList,
  type Scored,
  WORK_LIST_COLUMNS,
  whatItBuys,
  workList,
  workListRow,
  workListTable,
} from '../../analytics/priorities/index.js';
import {
  ASSET_CODE_LABEL,
  asciiFileName,
  documentFileName,
  documentTitle,
  insertColumn,
  readAssetCodes,
} from '../../analytics/export/index.js';
import { toXlsx } from '../../analytics/remediation/index.js';
import type { CompiledRuleSet } from '../../analytics/rules/index.js';
import {
  ASSET_KINDS,
  type AssetKind,
  CAUSES,
  type Cause,
  formatInZone,
  HttpError,
  type Issue,
  parseTime,
  pathToString,
  type Role,
} from '../../core/index.js';
import type { Store } from '../../store/index.js';
import { intParam, textParam, timeParam } from './query-params.js';
import { Recent } from './recent.js';
import { jsonBody } from './json-body.js';
import { csvEncoding, csvType, encodeCsv, sendFile, sendRows, toCsv } from './respond.js';

export interface PrioritiesRouterDeps {
  store: Store;
  zone: string;
  ruleSets: ReadonlyMap<string, CompiledRuleSet>;
  defaultRuleSet: string;
  requireRole: (role: Role) => RequestHandler;
  now?: () => number;
  /** Where `<ruleSet>.priority.json` weight files are looked for; without it the defaults apply. */
  rulesDir?: string;
}

const PARAMS = ['ruleSet', 'asOf', 'region', 'unit', 'kind', 'cause', 'top', 'format', 'lang', 'encoding'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const WORK_LIST_NAME = { zh: '整治优先级清单', en: 'Remediation priorities' } as const;
const MAX_TOP = 10_000;
const MAX_CHOSEN = 1_000;
const RANKING_TTL_MS = 60_000;
const FORMULA =
  'score = 100 × Σ weight × value / Σ weight over the parts; each value is from 0 to 1 (see each part’s basis)';
const ONGOING_NOTE = 'includes ongoing outages with their duration so far, up to asOf';

const bad = (path: string, message: string): HttpError =>
  new HttpError(400, `invalid ${path}`, { issues: [{ path, message }] });

function oneOf<T extends string>(value: unknown, name: string, allowed: readonly T[]): T | undefined {
  const v = textParam(value, name);
  if (v === undefined) return undefined;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw bad(name, `expected one of ${allowed.join(', ')}, got "${v}"`);
}

const bodySchema = z.strictObject({
  assetIds: z.array(z.string().trim().min(1).max(200)).min(1).max(MAX_CHOSEN),
  ruleSet: z.string().min(1).max(200).optional(),
  asOf: z.string().min(1).max(100).optional(),
});
/** The body of POST /priorities/what-it-buys (the API description shows it). */
export { bodySchema as whatItBuysRequest };

/** What the answer says about the weights. */
const describeWeights = (w: PriorityWeights) => ({
  source: w.source,
  weights: w.weights,
  statusValues: w.statusValues,
  scales: w.scales,
  region: w.region,
  remediableCauses: w.remediableCauses,
  formula: FORMULA,
});

export function prioritiesRouter(deps: PrioritiesRouterDeps): Router {
  const router = Router();
  const now = deps.now ?? Date.now;
  const read = deps.requireRole('operator');
  const zone = deps.zone;
  const iso = (ms: number): string => formatInZone(ms, zone);

  const ruleSetOf = (value: unknown): CompiledRuleSet => {
    const name = textParam(value, 'ruleSet') ?? deps.defaultRuleSet;
    const set = deps.ruleSets.get(name);
    if (!set) throw bad('ruleSet', `no rule set "${name}" (known: ${[...deps.ruleSets.keys()].join(', ')})`);
    return set;
  };

  // Each rule set's weights are read and checked once; a bad file is reported on every request.
  const weights = new Map<string, Promise<PriorityWeights>>();
  const weightsOf = (ruleSet: string): Promise<PriorityWeights> => {
    let w = weights.get(ruleSet);
    if (!w) {
      w = loadPriorityWeights(deps.rulesDir, ruleSet).then((r) => {
        if (r.ok) return r.value;
        const message = r.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
        throw new HttpError(500, `invalid priority weights: ${message}`, { issues: r.issues });
      });
      weights.set(ruleSet, w);
    }
    return w;
  };

  const refused = (issues: readonly Issue[]): HttpError =>
    new HttpError(500, 'the reliability query refused its options', { issues });

  type Ranking = Extract<Awaited<ReturnType<typeof priorityList>>, { ok: true }>['value'];
  // The ranking of "now" takes seconds (every flag, the region figures, the cases): it is
  // computed once a minute per rule set and shared by the requests (filters, exports) of that
  // minute, whose answers carry the asOf it was computed for. An explicit asOf is computed afresh.
  const recent = new Recent<Ranking>(
    async (name, asOf) => {
      const ruleSet = ruleSetOf(name);
      const r = await priorityList(deps.store, { ruleSet, asOf, zone, weights: await weightsOf(name) });
      if (!r.ok) throw refused(r.issues);
      return r.value;
    },
    { freshMs: RANKING_TTL_MS, staleMs: RANKING_TTL_MS, now },
  );
  const rankingOf = async (ruleSet: CompiledRuleSet, w: PriorityWeights, asOf: number | undefined) => {
    if (asOf === undefined) return recent.get(ruleSet.name);
    const r = await priorityList(deps.store, { ruleSet, asOf, zone, weights: w });
    if (!r.ok) throw refused(r.issues);
    return { at: asOf, value: r.value };
  };

  router.get('/priorities', read, async (req, res) => {
    for (const key of Object.keys(req.query)) {
      if (!PARAMS.includes(key)) throw bad(key, `unknown parameter (allowed: ${PARAMS.join(', ')})`);
    }
    const ruleSet = ruleSetOf(req.query['ruleSet']);
    const asked =
      req.query['asOf'] === undefined ? undefined : timeParam(req.query['asOf'], 'asOf', zone, now());
    const filter = {
      region: textParam(req.query['region'], 'region'),
      unit: textParam(req.query['unit'], 'unit'),
      kind: oneOf<AssetKind>(req.query['kind'], 'kind', ASSET_KINDS),
      cause: oneOf<Cause>(req.query['cause'], 'cause', CAUSES),
      top: intParam(req.query['top'], 'top', 1, MAX_TOP, 50),
    };
    const format = oneOf(req.query['format'], 'format', ['json', 'csv', 'xlsx'] as const);
    const lang =
      oneOf(req.query['lang'], 'lang', ['zh', 'en'] as const) ?? (format === 'xlsx' ? 'zh' : undefined);

    const w = await weightsOf(ruleSet.name);
    const { at: asOf, value: ranking } = await rankingOf(ruleSet, w, asked);
    const chosen = workList(ranking.ranked, filter);
    const rows = chosen.map((s, i) => workListRow(s, i + 1));
    const columns = WORK_LIST_COLUMNS.map((c) => c.key);
    const stem = `priorities-${ruleSet.name}-${ranking.today}${lang ? `-${lang}` : ''}`;

    if (format === 'csv' || format === 'xlsx') {
      let table = workListTable(rows, lang);
      if (lang) {
        const codes = await readAssetCodes(
          deps.store,
          chosen.map((s) => s.facts.assetId),
          asOf,
        );
        const at = WORK_LIST_COLUMNS.findIndex((c) => c.key === 'assetId') + 1;
        const cells = chosen.map((s) => codes.get(s.facts.assetId) ?? null);
        table = insertColumn(table, at, { header: ASSET_CODE_LABEL[lang] }, cells);
      }
      const unit = lang ? ruleSet.jurisdiction[lang] : '';
      const name = lang ? WORK_LIST_NAME[lang] : '';
      const names = (ext: string) => ({
        name: lang ? documentFileName([name, unit, ranking.today], ext) : asciiFileName(stem, ext),
        asciiName: asciiFileName(stem, ext),
      });
      if (format === 'csv') {
        const encoding = csvEncoding(req);
        sendFile(res, encodeCsv(toCsv(table.rows, table.headers), encoding), {
          type: csvType(encoding),
          ...names('csv'),
        });
        return;
      }
      const zh = lang === 'zh';
      const filters = Object.entries(filter)
        .filter(([k, v]) => v !== undefined && k !== 'top')
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(', ');
      const lines: [string, string | number | null][] = [
        [zh ? '名称' : 'Document', name],
        [zh ? '规则' : 'Rule set', `${ruleSet.title[zh ? 'zh' : 'en']} (${ruleSet.name})`],
        [zh ? '统计截至' : 'As of', iso(asOf)],
        [zh ? '统计期' : 'Trailing year', `${iso(ranking.period.from)} / ${iso(ranking.period.to)}`],
        [zh ? '筛选' : 'Filters', filters || null],
        [zh ? '行数' : 'Rows', rows.length],
        [zh ? '权重来源' : 'Weights from', w.source],
        [zh ? '公式' : 'Formula', FORMULA],
        ...PARTS.map((p): [string, number] => [`weight ${p}`, w.weights[p]]),
      ];
      const buffer = await toXlsx(table, {
        lang: zh ? 'zh' : 'en',
        sheet: zh ? '优先级' : 'Priorities',
        title: documentTitle(unit, name, ranking.today, zh ? 'zh' : 'en'),
        about: { name: zh ? '说明' : 'About', lines },
      });
      sendFile(res, buffer, { type: XLSX, ...names('xlsx') });
      return;
    }

    const detailed = chosen.map((s: Scored, i) => ({
      ...rows[i],
      parts: s.parts,
      standings: s.facts.standings,
      targets: s.facts.targets,
      causes: s.facts.causes,
    }));
    sendRows(req, res, detailed, columns, {
      ruleSet: ruleSet.name,
      asOf: iso(asOf),
      zone,
      period: { from: iso(ranking.period.from), to: iso(ranking.period.to) },
      weights: describeWeights(w),
      filters: filter,
      ranked: ranking.ranked.length,
      population:
        'assets flagged by the rule set (breach, at risk, or watch: at risk or in breach were the limit one lower) and assets with a case that is not closed',
      figures:
        'customer figures are the outages recorded on the asset in the trailing year (sustained interruptions, end customers); region figures all outages of the region',
      includesOngoing: ranking.includesOngoing,
      ...(ranking.includesOngoing ? { ongoing: ONGOING_NOTE } : {}),
    });
  });

  router.post('/priorities/what-it-buys', read, ...jsonBody('256kb'), async (req, res) => {
    const parsed = bodySchema.safeParse(req.body ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: pathToString(i.path), message: i.message }));
      throw new HttpError(400, 'invalid body', { issues });
    }
    const body = parsed.data;
    const ruleSet = ruleSetOf(body.ruleSet);
    let asOf = now();
    if (body.asOf !== undefined) {
      const t = parseTime(body.asOf, zone);
      if (!t.ok) throw bad('asOf', t.issues.map((i) => i.message).join('; '));
      asOf = t.value;
    }
    const w = await weightsOf(ruleSet.name);
    const r = await whatItBuys(deps.store, { ruleSet, asOf, zone, weights: w, assetIds: body.assetIds });
    if (!r.ok) {
      const unknown = r.issues.some((i) => i.path.startsWith('assetIds'));
      if (unknown) throw new HttpError(400, r.issues.map((i) => i.message).join('; '), { issues: r.issues });
      throw refused(r.issues);
    }
    const v = r.value;
    res.json({
      ruleSet: ruleSet.name,
      asOf: iso(asOf),
      zone,
      period: { from: iso(v.period.from), to: iso(v.period.to) },
      weights: describeWeights(w),
      remediableCauses: v.remediableCauses,
      excludedEvents: v.excludedEventIds.length,
      excludedEventIds: v.excludedEventIds,
      assets: v.assets,
      regions: v.regions,
      targets: v.targets,
      frequentOutageList: v.frequentOutageList,
      units: { saidi: 'hours', customerHours: 'hours' },
      includesOngoing: v.includesOngoing,
      ...(v.includesOngoing ? { ongoing: ONGOING_NOTE } : {}),
      notes: [
        'an asset’s outages are the events recorded on it; a transformer area’s outages from its feeder go with the feeder',
        'targets: the calendar year of asOf so far against the previous year as recorded',
      ],
    });
  });

  return router;
}
