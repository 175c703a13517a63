// The network as it stood at any time, in memory: every asset version, and for each feeder the
// areas that were ever on it. Attribution at write (derive.ts) asks "what was this asset at the
// outage's start" and "which areas were on this feeder then" once per outage, so both answers
// must be a lookup, not a scan: versions are kept sorted per asset (binary search), and a
// feeder's candidate areas are the few ever placed on it.

import type { Asset, AssetKind } from '../../core/index.js';

/** What an outage's attribution carries of the asset it reaches (as it stood at the start). */
export interface Placement {
  kind: AssetKind;
  feederId: string | undefined;
  province: string | undefined;
  city: string | undefined;
  county: string | undefined;
  park: string | undefined;
  areaClass: string | undefined;
}

export interface PlacedVersion extends Placement {
  validFrom: number;
}

/** A version that changed what some outages reach: outages starting in [from, to) are touched. */
export interface PlacementChange {
  assetId: string;
  from: number;
  to: number;
  before: Placement | undefined;
  after: Placement;
}

/** A placement as it stood at some instant (each part unknown for an unknown asset). */
export type PlacementAtStart = { [K in keyof Placement]: Placement[K] | undefined };

/** Every part of a placement (`satisfies`: a part added to Placement must be listed here). */
const PLACEMENT_PARTS = Object.keys({
  kind: 0,
  feederId: 0,
  province: 0,
  city: 0,
  county: 0,
  park: 0,
  areaClass: 0,
} satisfies Record<keyof Placement, 0>) as (keyof Placement)[];

export const samePlacement = (a: PlacementAtStart, b: PlacementAtStart): boolean =>
  PLACEMENT_PARTS.every((part) => a[part] === b[part]);

export function placementOf(a: Asset): PlacedVersion {
  return {
    kind: a.kind,
    feederId: a.feederId,
    province: a.province,
    city: a.city,
    county: a.county,
    park: a.park,
    areaClass: a.areaClass,
    validFrom: a.validFrom,
  };
}

export class Topology {
  private readonly versions = new Map<string, PlacedVersion[]>();
  private readonly onFeeder = new Map<string, Set<string>>();
  private count = 0;

  /** Number of asset versions held. */
  get size(): number {
    return this.count;
  }

  /**
   * Adds (or replaces, at the same validFrom) one version. Returns what it changed for the
   * outages, or null when every outage reaches the same assets with the same attributes as before.
   */
  add(asset: Asset): PlacementChange | null {
    const v = placementOf(asset);
    let list = this.versions.get(asset.assetId);
    if (!list) {
      list = [];
      this.versions.set(asset.assetId, list);
    }
    const before = this.at(asset.assetId, v.validFrom);
    // Index of the first version with validFrom ≥ v.validFrom.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.validFrom < v.validFrom) lo = mid + 1;
      else hi = mid;
    }
    const replaces = list[lo]?.validFrom === v.validFrom;
    if (replaces) list[lo] = v;
    else {
      list.splice(lo, 0, v);
      this.count += 1;
    }
    if (v.kind === 'area' && v.feederId !== undefined) {
      let areas = this.onFeeder.get(v.feederId);
      if (!areas) {
        areas = new Set();
        this.onFeeder.set(v.feederId, areas);
      }
      areas.add(asset.assetId);
    }
    if (before !== undefined && samePlacement(before, v)) return null;
    // Before an asset's first version that version applies, so a new first version reaches back.
    const from = lo === 0 ? Number.NEGATIVE_INFINITY : v.validFrom;
    const next = list[lo + 1];
    return {
      assetId: asset.assetId,
      from,
      to: next ? next.validFrom : Number.POSITIVE_INFINITY,
      before,
      after: v,
    };
  }

  /**
   * The version valid at instant t: the latest with validFrom ≤ t; before the first version the
   * first (records often take effect after the outages they describe); undefined when unknown.
   */
  at(assetId: string, t: number): PlacedVersion | undefined {
    const list = this.versions.get(assetId);
    if (!list || list.length === 0) return undefined;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.validFrom <= t) lo = mid + 1;
      else hi = mid;
    }
    return list[Math.max(0, lo - 1)];
  }

  /** The areas on feeder `feederId` at instant t with their versions then, in no particular order. */
  areaVersionsOn(feederId: string, t: number): [string, PlacedVersion][] {
    const out: [string, PlacedVersion][] = [];
    for (const id of this.onFeeder.get(feederId) ?? []) {
      const v = this.at(id, t);
      if (v?.kind === 'area' && v.feederId === feederId) out.push([id, v]);
    }
    return out;
  }

  /** The areas on feeder `feederId` at instant t, in no particular order. */
  areasOn(feederId: string, t: number): string[] {
    return this.areaVersionsOn(feederId, t).map(([id]) => id);
  }

  /** A function that puts these assets' versions back as they are now. */
  checkpoint(assetIds: readonly string[]): () => void {
    const saved = new Map<string, PlacedVersion[] | undefined>();
    for (const id of assetIds) if (!saved.has(id)) saved.set(id, this.versions.get(id)?.slice());
    const count = this.count;
    return () => {
      for (const [id, list] of saved) {
        if (list) this.versions.set(id, list.slice());
        else this.versions.delete(id);
      }
      // A feeder's candidate areas may keep an extra id: areasOn checks each version anyway.
      this.count = count;
    };
  }

  has(assetId: string): boolean {
    return this.versions.has(assetId);
  }
}
