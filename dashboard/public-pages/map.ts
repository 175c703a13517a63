// The public outage map as server-rendered SVG: counties drawn with d3-geo from the boundaries
// file the product keeps (no map tiles), each coloured by the share of its customers out, and a
// dot where each outage's asset is. Pure: the caller reads the file and the figures.

import { geoArea, geoMercator, geoPath } from 'd3';
import { esc } from './html.js';

type Ring = number[][];
export interface Geometry {
  type: string;
  coordinates: unknown;
}
export interface Feature {
  type: 'Feature';
  properties: Record<string, unknown> | null;
  geometry: Geometry | null;
}
export interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}

/** Upper bounds of the share classes (fractions); a share of 0 is a class of its own. */
export const SHARE_STEPS = [0.01, 0.05, 0.2] as const;
/** Fills of: no outage, below 1 %, 1–5 %, 5–20 %, 20 % and more (light to dark). */
export const SHARE_COLORS = ['#eef1f4', '#fdd49e', '#fc8d59', '#d7301f', '#7f0000'] as const;

/** The class of a share of customers out: 0 none, 1 below 1 %, 2 below 5 %, 3 below 20 %, 4 more. */
export function shareClass(out: number, served: number): number {
  if (out <= 0) return 0;
  if (served <= 0) return SHARE_STEPS.length + 1;
  const share = out / served;
  const i = SHARE_STEPS.findIndex((s) => share < s);
  return i === -1 ? SHARE_STEPS.length + 1 : i + 1;
}

/** The share as a percentage with one decimal (at least 0.1 when any customer is out). */
export function sharePercent(out: number, served: number): number {
  if (out <= 0) return 0;
  if (served <= 0) return 100;
  return Math.min(100, Math.max(0.1, Math.round((out / served) * 1000) / 10));
}

/** A feature's county and city, read from `county`/`city` or `name` properties. */
export function featureRegion(f: Feature): { city: string | null; county: string | null } {
  const p = f.properties ?? {};
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return { city: str(p['city']), county: str(p['county']) ?? str(p['name']) };
}

const reverse = (rings: Ring[]): Ring[] => rings.map((r) => [...r].reverse());

/** Polygons wound the way d3-geo's sphere wants (RFC 7946 files wind the other way). */
function rewound(g: Geometry | null): Geometry | null {
  if (!g) return g;
  const fix = (rings: Ring[]) =>
    geoArea({ type: 'Polygon', coordinates: rings } as never) > 2 * Math.PI ? reverse(rings) : rings;
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: fix(g.coordinates as Ring[]) };
  if (g.type === 'MultiPolygon')
    return { type: 'MultiPolygon', coordinates: (g.coordinates as Ring[][]).map(fix) };
  return g;
}

const round = (d: string): string => d.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10));

export interface MapCounty {
  city: string | null;
  county: string | null;
  out: number;
  served: number;
  /** the words of its <title>: name, customers out, share */
  label: string;
}

export interface MapDot {
  lon: number;
  lat: number;
  customers: number;
}

export interface MapInput {
  /** unique in the page */
  id: string;
  title: string;
  desc: string;
  boundaries: FeatureCollection | null;
  counties: readonly MapCounty[];
  dots: readonly MapDot[];
  width?: number;
  height?: number;
}

const key = (city: string | null, county: string | null) => `${city ?? ''}/${county ?? ''}`;

/** The map's SVG, or '' when there is nothing to draw it from (no boundaries and no dots). */
export function mapSvg(o: MapInput): string {
  const width = o.width ?? 600;
  const height = o.height ?? 420;
  const features = (o.boundaries?.features ?? []).filter((f) => f.geometry);
  const dots = o.dots.filter((d) => Number.isFinite(d.lon) && Number.isFinite(d.lat));
  if (features.length === 0 && dots.length === 0) return '';
  const fc = {
    type: 'FeatureCollection',
    features: features.map((f) => ({ ...f, geometry: rewound(f.geometry) })),
  };
  const target =
    features.length > 0 ? fc : { type: 'MultiPoint', coordinates: dots.map((d) => [d.lon, d.lat]) };
  const projection = geoMercator().fitExtent(
    [
      [6, 6],
      [width - 6, height - 6],
    ],
    target as never,
  );
  const path = geoPath(projection);
  const byKey = new Map(o.counties.map((c) => [key(c.city, c.county), c]));
  const byCounty = new Map(o.counties.map((c) => [c.county ?? '', c]));
  let svg = `<svg class="map" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${esc(o.id)}-t ${esc(o.id)}-d">`;
  svg += `<title id="${esc(o.id)}-t">${esc(o.title)}</title><desc id="${esc(o.id)}-d">${esc(o.desc)}</desc>`;
  svg += '<g aria-hidden="true">';
  for (const f of fc.features) {
    const d = path(f as never);
    if (!d) continue;
    const r = featureRegion(f);
    const c =
      byKey.get(key(r.city, r.county)) ?? (r.city === null ? byCounty.get(r.county ?? '') : undefined);
    const cls = c ? shareClass(c.out, c.served) : 0;
    svg += `<path d="${round(d)}" fill="${SHARE_COLORS[cls]}" stroke="#5a6570" stroke-width="0.8" data-county="${esc(r.county ?? '')}" data-class="${cls}"><title>${esc(c?.label ?? [r.city, r.county].filter(Boolean).join(' '))}</title></path>`;
  }
  const biggest = Math.max(1, ...dots.map((d) => d.customers));
  for (const d of [...dots].sort((a, b) => b.customers - a.customers)) {
    const p = projection([d.lon, d.lat]);
    if (!p) continue;
    const radius = 3 + 7 * Math.sqrt(Math.max(0, d.customers) / biggest);
    svg += `<circle cx="${p[0].toFixed(1)}" cy="${p[1].toFixed(1)}" r="${radius.toFixed(1)}" fill="#0b4f8a" fill-opacity="0.75" stroke="#fff" stroke-width="1"/>`;
  }
  svg += '</g></svg>';
  return svg;
}

/** The legend of the share classes, with their words. */
export function shareLegend(labels: readonly string[]): string {
  return `<ul class="legend">${labels
    .map(
      (l, i) =>
        `<li><svg width="14" height="14" aria-hidden="true"><rect width="14" height="14" fill="${SHARE_COLORS[i] ?? '#000'}" stroke="#5a6570"/></svg>${esc(l)}</li>`,
    )
    .join('')}</ul>`;
}

/** The words of each class, from the steps: "无停电", "低于 1%", "1%–5%", "5%–20%", "20% 及以上". */
export function shareClassLabels(none: string, lang: 'zh' | 'en'): string[] {
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  const [a, b, c] = SHARE_STEPS;
  return lang === 'zh'
    ? [none, `低于 ${pct(a)}`, `${pct(a)}–${pct(b)}`, `${pct(b)}–${pct(c)}`, `${pct(c)} 及以上`]
    : [none, `below ${pct(a)}`, `${pct(a)}–${pct(b)}`, `${pct(b)}–${pct(c)}`, `${pct(c)} or more`];
}
