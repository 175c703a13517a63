// What the live map shows of each ongoing outage: a circle at its asset (area ∝ customers out,
// colour and legend for planned or not), clusters that sum the customers out, and the pop-up
// with the figures a dispatcher asks for first: customers out, since when (in the operating
// zone), the restoration estimate (评估中 when there is none, marked when already passed) and
// the cause.

import { h } from '../dom.js';
import type { Format } from '../format.js';
import { causeLabel, t } from '../i18n.js';
import { tm } from '../i18n-map.js';
import { href } from '../router.js';
import { type PopupContent, type PopupEntry, placeContent } from './map-popup.js';
import type { ClusterLook, MapPoint } from './map-marks.js';
import { COLORS } from './palette.js';

/** The fields of GET /outages/active the map reads. */
export interface MappedOutage {
  eventId: string;
  assetId: string;
  assetName: string | null;
  start: string;
  customersOut: number;
  cause: string;
  planned: boolean;
  estimatedRestoration: string | null;
}

export function outagePoints(
  rows: readonly MappedOutage[],
  places: ReadonlyMap<string, readonly [number, number]>,
  fmt: Format,
): MapPoint[] {
  const maxOut = Math.max(1, ...rows.map((r) => r.customersOut));
  return rows.flatMap((r): MapPoint[] => {
    const place = places.get(r.assetId);
    if (!place) return [];
    const name = r.assetName ?? r.assetId;
    return [
      {
        key: r.eventId,
        asset: r.assetId,
        lon: place[0],
        lat: place[1],
        shape: 'circle',
        size: 4 + 14 * Math.sqrt(Math.max(0, r.customersOut) / maxOut),
        fill: r.planned ? COLORS.planned : COLORS.unplanned,
        opacity: 0.75,
        weight: r.customersOut,
        title: `${tm('outageAt', { name, customers: fmt.int(r.customersOut) })} · ${causeLabel(r.cause)}`,
      },
    ];
  });
}

/** A cluster reads the customers out of its outages; its ring is vermillion when any is unplanned. */
export const outageCluster =
  (rows: ReadonlyMap<string, MappedOutage>, fmt: Format) =>
  (members: readonly MapPoint[]): ClusterLook => {
    const customers = members.reduce((s, p) => s + p.weight, 0);
    const unplanned = members.some((p) => rows.get(p.key)?.planned === false);
    return {
      text: fmt.int(customers),
      name: tm('clusterLive', { n: members.length, customers: fmt.int(customers) }),
      ring: unplanned ? COLORS.unplanned : COLORS.planned,
    };
  };

/** Whether the restoration estimate lies before `asOf` (the time of the data shown). */
export const estimatePassed = (r: MappedOutage, asOf: number): boolean =>
  r.estimatedRestoration !== null && Date.parse(r.estimatedRestoration) < asOf;

/**
 * A restoration estimate as shown: "pending" in words when there is none (not a dash that reads
 * as "none coming"), the time, and when it has passed a warning in words, not by colour alone.
 */
export function estimateShown(
  r: MappedOutage,
  asOf: number,
  fmt: Format,
  words: { pending: string; passed: string; pendingMark: string },
): Node | string {
  if (r.estimatedRestoration === null) return h('span', { 'data-etr': words.pendingMark }, words.pending);
  if (!estimatePassed(r, asOf)) return fmt.dateTime(r.estimatedRestoration);
  return h(
    'span',
    { class: 'overdue-badge', 'data-etr-passed': 'true' },
    fmt.dateTime(r.estimatedRestoration),
    ' ',
    h('span', { 'aria-hidden': 'true' }, '⚠ '),
    words.passed,
  );
}

export function outageEntry(r: MappedOutage, asOf: number, fmt: Format): PopupEntry {
  const estimate = estimateShown(r, asOf, fmt, {
    pending: tm('estimatePending'),
    passed: tm('estimatePassed'),
    pendingMark: 'pending',
  });
  return {
    title: r.assetName ?? r.assetId,
    fields: [
      { name: 'customersOut', label: t('customersOut'), value: fmt.int(r.customersOut) },
      { name: 'since', label: tm('since'), value: fmt.dateTime(r.start) },
      { name: 'estimate', label: tm('estimate'), value: estimate },
      { name: 'cause', label: t('cause'), value: causeLabel(r.cause) },
    ],
    link: { href: href('asset', r.assetId), text: tm('openAsset') },
  };
}

/** One outage, or the list of those at one place (the most customers out first). */
export const outagePopup =
  (rows: ReadonlyMap<string, MappedOutage>, asOf: () => number, fmt: Format) =>
  (members: readonly MapPoint[]): PopupContent => {
    const found = members
      .map((p) => rows.get(p.key))
      .filter((r): r is MappedOutage => r !== undefined)
      .sort((a, b) => b.customersOut - a.customersOut || a.eventId.localeCompare(b.eventId));
    return placeContent(
      found,
      (r) => outageEntry(r, asOf(), fmt),
      (r) => r.assetName ?? r.assetId,
      tm('sameSpotLive', { n: found.length }),
    );
  };
