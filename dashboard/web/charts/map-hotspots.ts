// What the hotspot map shows: a symbol per asset in breach (▲) or at risk (■), clusters that
// count assets and take the colour of their worst status, the pop-up with the outages each rule
// counted against its limit, and the density of all outages of the last year repainted for
// each view of the zoomable map.

import { h } from '../dom.js';
import type { Format } from '../format.js';
import { statusLabel, t } from '../i18n.js';
import { tm } from '../i18n-map.js';
import { href } from '../router.js';
import { densityGrid, paintDensity } from './density.js';
import type { MapFrame } from './map.js';
import { type PopupContent, type PopupEntry, type PopupField, placeContent } from './map-popup.js';
import type { ClusterLook, MapPoint } from './map-marks.js';
import type { MapView } from './map-zoom.js';
import { COLORS } from './palette.js';

export type HotspotStatus = 'breach' | 'at_risk' | 'fine';

/** The fields of a GET /hotspots row the map reads. */
export interface MappedAsset {
  assetId: string;
  kind: string;
  name: string | null;
  lon: number;
  lat: number;
  outages365: number;
}

/** A rule's flag on an asset (GET /flags), with the rule's title in the current language. */
export interface MappedFlag {
  rule: string;
  ruleTitle: string;
  status: 'breach' | 'at_risk';
  count: number;
  limit: number;
}

export interface HotspotLookup {
  asset(id: string): MappedAsset | undefined;
  status(id: string): HotspotStatus;
  /** the flags shown (those of the chosen rule, or all) */
  flags(id: string): readonly MappedFlag[];
}

const SHAPE: Record<HotspotStatus, string> = { breach: '▲', at_risk: '■', fine: '●' };

export function hotspotPoints(rows: readonly MappedAsset[], look: HotspotLookup): MapPoint[] {
  return rows.flatMap((r): MapPoint[] => {
    const status = look.status(r.assetId);
    if (status === 'fine' || !Number.isFinite(r.lon) || !Number.isFinite(r.lat)) return [];
    return [
      {
        key: r.assetId,
        asset: r.assetId,
        lon: r.lon,
        lat: r.lat,
        shape: status === 'breach' ? 'triangle' : 'square',
        size: r.kind === 'feeder' ? 5.5 : 3.5,
        fill: status === 'breach' ? COLORS.breach : COLORS.atRisk,
        weight: 1,
        title: tm('hotspotAt', { name: r.name ?? r.assetId, status: statusLabel(status) }),
      },
    ];
  });
}

export const hotspotCluster =
  (look: HotspotLookup, fmt: Format) =>
  (members: readonly MapPoint[]): ClusterLook => {
    const breach = members.filter((p) => look.status(p.key) === 'breach').length;
    return {
      text: fmt.int(members.length),
      name: tm('clusterHotspot', {
        n: fmt.int(members.length),
        breach: fmt.int(breach),
        atRisk: fmt.int(members.length - breach),
      }),
      ring: breach > 0 ? COLORS.breach : COLORS.atRisk,
    };
  };

const statusNode = (status: HotspotStatus): HTMLElement =>
  h(
    'span',
    { class: `status ${status}`, 'data-status': status },
    h('span', { class: 'shape', 'aria-hidden': 'true' }, SHAPE[status]),
    ` ${statusLabel(status)}`,
  );

export function hotspotEntry(a: MappedAsset, look: HotspotLookup, fmt: Format): PopupEntry {
  const ruleFields = look.flags(a.assetId).map(
    (f): PopupField => ({
      name: `rule-${f.rule}`,
      label: tm('countedOutages', { rule: f.ruleTitle }),
      value: h(
        'span',
        {},
        tm('countedOf', { count: fmt.int(f.count), limit: fmt.int(f.limit) }),
        ' · ',
        statusNode(f.status),
      ),
    }),
  );
  return {
    title: a.name ?? a.assetId,
    fields: [
      { name: 'status', label: t('flagStatus'), value: statusNode(look.status(a.assetId)) },
      ...ruleFields,
      { name: 'outages365', label: t('outages365'), value: fmt.int(a.outages365) },
    ],
    link: { href: href('asset', a.assetId), text: tm('openAsset') },
  };
}

/** One asset, or the list of those at one place (breaches first). */
export const hotspotPopup =
  (look: HotspotLookup, fmt: Format) =>
  (members: readonly MapPoint[]): PopupContent => {
    const rank = (s: HotspotStatus) => (s === 'breach' ? 0 : s === 'at_risk' ? 1 : 2);
    const found = members
      .map((p) => look.asset(p.key))
      .filter((a): a is MappedAsset => a !== undefined)
      .sort(
        (a, b) =>
          rank(look.status(a.assetId)) - rank(look.status(b.assetId)) ||
          b.outages365 - a.outages365 ||
          a.assetId.localeCompare(b.assetId),
      );
    return placeContent(
      found,
      (a) => hotspotEntry(a, look, fmt),
      (a) => a.name ?? a.assetId,
      tm('sameSpotHotspot', { n: found.length }),
    );
  };

/**
 * Paints the density of outages of the last year (every asset shown, flagged or not) for a
 * view: the points are projected once, then placed by the view's scale and shift.
 */
export function densityUnderlay(
  rows: readonly MappedAsset[],
  frame: MapFrame,
): (g: CanvasRenderingContext2D, view: MapView) => void {
  const base = new Float64Array(rows.length * 3);
  rows.forEach((r, i) => {
    const p = frame.project(r.lon, r.lat);
    base[i * 3] = p ? p[0] : Number.NaN;
    base[i * 3 + 1] = p ? p[1] : Number.NaN;
    base[i * 3 + 2] = r.outages365;
  });
  const placed = new Float64Array(base.length);
  return (g, view) => {
    for (let i = 0; i < base.length; i += 3) {
      placed[i] = (base[i] as number) * view.k + view.x;
      placed[i + 1] = (base[i + 1] as number) * view.k + view.y;
      placed[i + 2] = base[i + 2] as number;
    }
    // Zoomed far in, the shading breaks into a patch per asset: fainter, so the symbols lead.
    g.globalAlpha = Math.min(1, Math.max(0.35, 4 / view.k));
    paintDensity(g, densityGrid(placed, view.width, view.height, 6));
    g.globalAlpha = 1;
  };
}
