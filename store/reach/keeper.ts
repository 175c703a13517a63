// Keeps the attribution table (outage_reach) equal to a fresh derivation from the stored
// outages, asset versions and warnings. The writer asks it for the rows of each outage it
// writes and, when asset versions or warnings arrive, for the outages they touch: the rows
// those outages had (derived with the network and warnings as they were) are compared with
// the rows they have now, so only what changed is written, and what vanished is tombstoned.

import {
  type Asset,
  type OutageEvent,
  type Warning,
  WEATHER_CAUSES,
  type WarningLookup,
} from '../../core/index.js';
import { pushTo } from '../../core/collections.js';
import type { Store } from '../client.js';
import { type OutageRow, OUTAGE_COLUMNS, outageOfRow, presentFields, readWarnings } from '../records.js';
import { type Sql, sql, ts } from '../sql.js';
import { deriveReach, type ReachRow, reachKey, sameReach, WarningBook } from './derive.js';
import { type PlacementChange, Topology } from './topology.js';

/** An outage version with the time it was received. */
export interface KeptEvent {
  event: OutageEvent;
  receivedAt: number;
}

/** Reach rows to write: rows to upsert and keys to tombstone. */
export interface ReachDiff {
  rows: ReachRow[];
  tombstones: Pick<ReachRow, 'assetId' | 'eventId' | 'sourceId' | 'start'>[];
}

const PAGE = 100_000;
const CHUNK = 200;
const RECENT_LIMIT = 200_000;
const TOP_UP_MS = 5_000;
const OVERLAP_MS = 65_000;

/** Differences between the rows an outage had and the rows it has now. */
export function diffReach(before: readonly ReachRow[], after: readonly ReachRow[], diff: ReachDiff): void {
  const had = new Map(before.map((r) => [reachKey(r), r]));
  for (const r of after) {
    const old = had.get(reachKey(r));
    had.delete(reachKey(r));
    if (!old || !sameReach(old, r)) diff.rows.push(r);
  }
  for (const gone of had.values()) diff.tombstones.push(gone);
}

interface AssetVersionRow {
  asset_id: string;
  kind: Asset['kind'];
  feeder_id: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  park: string | null;
  area_class: Asset['areaClass'];
  valid_from: number;
  received_at: number | null;
}

/** The placement's optional fields (field → column). */
const PLACEMENT_FIELDS = {
  feederId: 'feeder_id',
  province: 'province',
  city: 'city',
  county: 'county',
  park: 'park',
} as const;

const asAsset = (r: AssetVersionRow): Asset => ({
  assetId: r.asset_id,
  kind: r.kind,
  areaClass: r.area_class,
  customers: 0,
  validFrom: r.valid_from,
  ...presentFields(r, PLACEMENT_FIELDS),
});

const VERSION_COLUMNS = sql`asset_id, kind, feeder_id, province, city, county, park, area_class, valid_from, received_at`;

export class ReachKeeper {
  readonly topology = new Topology();
  readonly warnings = new WarningBook();
  /** What this process wrote most recently: the WAL may not show it to a query yet. */
  private readonly recent = new Map<string, KeptEvent>();
  private assetsReceivedUpTo = 0;
  private lastTopUp = 0;

  private constructor(
    private readonly store: Store,
    /** the writer this keeper serves: its own asset versions are never read back */
    private readonly writer: string,
  ) {}

  /** Every asset version and warning stored, read in pages. */
  static async load(store: Store, writer = ''): Promise<ReachKeeper> {
    const k = new ReachKeeper(store, writer);
    for (let offset = 0; ; offset += PAGE) {
      const rows = await store.rows<AssetVersionRow>(
        sql`SELECT ${VERSION_COLUMNS} FROM assets LIMIT ${offset}, ${offset + PAGE}`,
      );
      k.addVersions(rows);
      if (rows.length < PAGE) break;
    }
    for (const w of await readWarnings(store)) k.warnings.set(w);
    k.lastTopUp = Date.now();
    return k;
  }

  private addVersions(rows: readonly AssetVersionRow[]): void {
    for (const r of rows) {
      this.topology.add(asAsset(r));
      if (r.received_at !== null && r.received_at > this.assetsReceivedUpTo)
        this.assetsReceivedUpTo = r.received_at;
    }
  }

  /**
   * Asset versions and warnings other writers stored since the last look (at most every few
   * seconds); this writer's own are already in the network, and never read back.
   */
  async topUp(): Promise<void> {
    if (Date.now() - this.lastTopUp < TOP_UP_MS) return;
    this.lastTopUp = Date.now();
    const since = ts(this.assetsReceivedUpTo - OVERLAP_MS);
    this.addVersions(
      await this.store.rows<AssetVersionRow>(
        sql`SELECT ${VERSION_COLUMNS} FROM assets
            WHERE received_at > ${since} AND (writer IS NULL OR writer != ${this.writer})`,
      ),
    );
    for (const w of await readWarnings(this.store)) {
      if (!this.warnings.get(w.warningId)) this.warnings.set(w);
    }
  }

  rowsOf(k: KeptEvent, warnings: WarningLookup = this.warnings.lookup): ReachRow[] {
    return deriveReach(k.event, k.receivedAt, this.topology, warnings);
  }

  /** Notes outage versions written by this process. */
  remember(events: readonly OutageEvent[], receivedAt: number): void {
    for (const event of events) {
      this.recent.delete(event.eventId);
      this.recent.set(event.eventId, { event, receivedAt });
    }
    for (const key of this.recent.keys()) {
      if (this.recent.size <= RECENT_LIMIT) break;
      this.recent.delete(key);
    }
  }

  recentVersion(eventId: string): KeptEvent | undefined {
    return this.recent.get(eventId);
  }

  /**
   * Applies asset versions to the network and returns the reach rows they change, or null when
   * they change none. `undo` puts the network back (the write failed and will be retried).
   */
  async applyAssets(assets: readonly Asset[]): Promise<{ diff: ReachDiff; undo: () => void }> {
    const undo = this.topology.checkpoint(assets.map((a) => a.assetId));
    const changes: PlacementChange[] = [];
    for (const a of assets) {
      const c = this.topology.add(a);
      if (c) changes.push(c);
    }
    const diff: ReachDiff = { rows: [], tombstones: [] };
    if (changes.length === 0) return { diff, undo };
    let touched: KeptEvent[];
    try {
      touched = await this.touchedByPlacements(changes);
    } catch (err) {
      undo();
      throw err;
    }
    if (touched.length === 0) return { diff, undo };
    // The rows they had: derived with the network as it was before these versions.
    const redo = this.topology.checkpoint(assets.map((a) => a.assetId));
    undo();
    const before = touched.map((k) => this.rowsOf(k));
    redo();
    for (const [i, k] of touched.entries()) diffReach(before[i]!, this.rowsOf(k), diff);
    return { diff, undo };
  }

  /** Applies warning versions and returns the reach rows whose covering warning changed. */
  async applyWarnings(warnings: readonly Warning[]): Promise<{ diff: ReachDiff; undo: () => void }> {
    const beforeLookup = this.warnings.lookup;
    const previous = warnings.map((w) => this.warnings.get(w.warningId));
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const [i, w] of warnings.entries()) {
      const old = previous[i];
      lo = Math.min(lo, w.start, old?.start ?? w.start);
      hi = Math.max(hi, w.end, old?.end ?? w.end);
      this.warnings.set(w);
    }
    const undo = () => {
      for (const [i, w] of warnings.entries()) {
        const old = previous[i];
        if (old) this.warnings.set(old);
        else this.warnings.delete(w.warningId);
      }
    };
    const diff: ReachDiff = { rows: [], tombstones: [] };
    if (warnings.length === 0) return { diff, undo };
    let touched: KeptEvent[];
    try {
      const inRange = (e: OutageEvent) => WEATHER_CAUSES.has(e.cause) && e.start >= lo && e.start <= hi;
      const found = new Map<string, KeptEvent>();
      const stored = await this.read(
        sql`cause IN ('weather_fault', 'natural_disaster') AND start >= ${ts(lo)} AND start <= ${ts(hi)}`,
      );
      for (const k of stored) if (!this.recent.has(k.event.eventId)) found.set(k.event.eventId, k);
      for (const k of this.recent.values()) if (inRange(k.event)) found.set(k.event.eventId, k);
      touched = [...found.values()];
    } catch (err) {
      undo();
      throw err;
    }
    const afterLookup = this.warnings.lookup;
    for (const k of touched) diffReach(this.rowsOf(k, beforeLookup), this.rowsOf(k, afterLookup), diff);
    return { diff, undo };
  }

  /** Current outages an asset version change can re-attribute. */
  private async touchedByPlacements(changes: readonly PlacementChange[]): Promise<KeptEvent[]> {
    // own: the asset's own outages; feeder: the unlisted outages of a feeder it was or is on;
    // listed: outages that name it as an affected area.
    const own = new Map<string, PlacementChange[]>();
    const feeder = new Map<string, PlacementChange[]>();
    for (const c of changes) {
      pushTo(own, c.assetId, c);
      for (const p of [c.before, c.after]) {
        if (p?.kind === 'area' && p.feederId !== undefined) pushTo(feeder, p.feederId, c);
      }
    }
    const within = (list: readonly PlacementChange[] | undefined, t: number) =>
      list?.some((c) => c.from <= t && t < c.to) ?? false;
    const found = new Map<string, KeptEvent>();
    const take = (k: KeptEvent) => {
      const e = k.event;
      if (
        within(own.get(e.assetId), e.start) ||
        (e.affectedAreas === undefined && within(feeder.get(e.assetId), e.start)) ||
        e.affectedAreas?.some((a) => within(own.get(a), e.start))
      )
        found.set(e.eventId, k);
    };
    if (await this.anyOutages()) {
      const sources = [...new Set([...own.keys(), ...feeder.keys()])];
      for (let i = 0; i < sources.length; i += CHUNK) {
        for (const k of await this.read(sql`asset_id IN (${sources.slice(i, i + CHUNK)})`)) take(k);
      }
      const areas = [...own.keys()];
      for (let i = 0; i < areas.length; i += CHUNK) {
        const links = await this.store.rows<{ event_id: string }>(
          sql`SELECT DISTINCT event_id FROM outage_areas WHERE area_id IN (${areas.slice(i, i + CHUNK)}) AND NOT deleted`,
        );
        const ids = links.map((l) => l.event_id);
        for (let j = 0; j < ids.length; j += CHUNK) {
          for (const k of await this.read(sql`event_id IN (${ids.slice(j, j + CHUNK)})`)) take(k);
        }
      }
    }
    // Our own latest versions replace what the database showed (it may lag behind them).
    for (const id of found.keys()) if (this.recent.has(id)) found.delete(id);
    for (const k of this.recent.values()) take(k);
    return [...found.values()];
  }

  /** Whether any outage is stored: a network loaded before its outages needs no re-attribution. */
  private async anyOutages(): Promise<boolean> {
    const [row] = await this.store.rows<{ n: number }>(sql`SELECT count() n FROM outages`);
    return Number(row?.n ?? 0) > 0;
  }

  /** Current stored outages matching `where` (may lag behind this process's own writes). */
  private async read(where: Sql): Promise<KeptEvent[]> {
    const rows = await this.store.rows<OutageRow>(
      sql`SELECT ${OUTAGE_COLUMNS} FROM outages WHERE NOT deleted AND (${where})`,
    );
    return rows.map((r) => ({ event: outageOfRow(r), receivedAt: r.received_at }));
  }
}
