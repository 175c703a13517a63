// A map that pans and zooms (d3-zoom: wheel, drag, pinch, double-click, and +/−/reset
// buttons), in three layers: the counties (scaled with the zoom, strokes kept thin), an
// optional canvas repainted for each view (the hotspot density), and on top the county names
// and the symbols in screen pixels, so they keep their size. Symbols closer than 20 px merge
// into clusters that split as the zoom grows; pressing a cluster zooms to it (or lists its
// members when they sit at one place); pressing a symbol opens its pop-up. The symbols are one
// tab stop: arrow keys move between them (west to east), Enter or Space opens one.

import { type D3ZoomEvent, select, type ZoomTransform, zoom, zoomIdentity } from 'd3';
import { announce, h, svgNode } from '../dom.js';
import { tm } from '../i18n-map.js';
import type { Feature, MapFrame } from './map.js';
import { clusterBounds } from './map-cluster.js';
import { labelCandidates, placeLabels, viewCandidates } from './map-labels.js';
import {
  type BasePoint,
  type ClusterLook,
  canSplit,
  fitTransform,
  keyboardOrder,
  MAX_ZOOM,
  type MapPoint,
  type Mark,
  marksAt,
  marksSvg,
} from './map-marks.js';
import { mapPopup, type PopupContent } from './map-popup.js';
import { el, esc, r } from './svg.js';

export interface MapView {
  k: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Underlay = (g: CanvasRenderingContext2D, view: MapView) => void;

export interface ZoomMapOptions {
  id: string;
  title: string;
  desc: string;
  frame: MapFrame;
  points: readonly MapPoint[];
  cluster: (members: readonly MapPoint[]) => ClusterLook;
  popup: (members: readonly MapPoint[]) => PopupContent;
  /** Paints a layer under the symbols for the view (the canvas is cleared first). */
  underlay?: Underlay;
  /** The accessible name of that layer (a canvas image); without it the layer is hidden from assistive technology. */
  underlayLabel?: string;
  /** The name drawn in a region (default: its county). */
  labelOf?: (f: Feature) => string | null;
}

export interface ZoomMap {
  element: HTMLElement;
  /** New data for the same map (and a new underlay): the zoom, the focus and an open pop-up stay. */
  setPoints(points: readonly MapPoint[], underlay?: Underlay): void;
}

const STEP = 2;
const LABEL_FONT = 12;

const countyName = (f: Feature): string | null => {
  const v = f.properties?.['county'] ?? f.properties?.['name'];
  return typeof v === 'string' && v !== '' ? v : null;
};

export function zoomMap(o: ZoomMapOptions): ZoomMap {
  const { width, height } = o.frame;
  let points: readonly MapPoint[] = o.points;
  let base: BasePoint[] = [];
  const project = () => {
    base = points.map((p) => {
      const xy = o.frame.project(p.lon, p.lat);
      return { x: xy ? xy[0] : Number.NaN, y: xy ? xy[1] : Number.NaN, weight: p.weight };
    });
  };
  project();
  const labels = labelCandidates(o.frame.features, o.frame.projection, o.labelOf ?? countyName);

  const viewBox = `0 0 ${width} ${height}`;
  const regions = svgNode(
    `<svg xmlns="http://www.w3.org/2000/svg" class="map-base" aria-hidden="true" width="${width}" height="${height}" viewBox="${viewBox}"><g class="regions">${o.frame.regions}</g></svg>`,
  );
  const regionsG = regions.firstElementChild as SVGGElement;
  const top = svgNode(
    `<svg xmlns="http://www.w3.org/2000/svg" id="${o.id}" class="chart map map-top" role="group" width="${width}" height="${height}" viewBox="${viewBox}" aria-labelledby="${o.id}-title" aria-describedby="${o.id}-desc ${o.id}-help">` +
      `${el('title', { id: `${o.id}-title` }, esc(o.title))}${el('desc', { id: `${o.id}-desc` }, esc(o.desc))}` +
      `<g class="labels" aria-hidden="true"></g><g class="marks" role="group" aria-label="${esc(tm('mapSymbols'))}"></g></svg>`,
  ) as SVGSVGElement;
  const labelsG = top.querySelector('g.labels') as SVGGElement;
  const marksG = top.querySelector('g.marks') as SVGGElement;
  const dpr = Math.min(globalThis.devicePixelRatio || 1, 2);
  let underlay = o.underlay;
  const canvas = underlay
    ? h('canvas', {
        width: Math.round(width * dpr),
        height: Math.round(height * dpr),
        class: 'density',
        ...(o.underlayLabel ? { role: 'img', 'aria-label': o.underlayLabel } : { 'aria-hidden': 'true' }),
        style: `width:${width}px;height:${height}px`,
      })
    : null;
  const stack = h(
    'div',
    { class: 'map-stack zoomable', style: `width:${width}px;height:${height}px` },
    regions,
  );
  if (canvas) stack.append(canvas);
  stack.append(top);
  const popup = mapPopup(o.id, () => [width, height]);
  const button = (name: 'zoomIn' | 'zoomOut' | 'zoomReset', glyph: string, act: () => void) =>
    h(
      'button',
      { type: 'button', class: `map-${name}`, title: tm(name), 'data-zoom-button': name, onclick: act },
      h('span', { 'aria-hidden': 'true' }, glyph),
      h('span', { class: 'sr-only' }, tm(name)),
    );
  const controls = h(
    'div',
    { class: 'map-controls', role: 'group', 'aria-label': tm('mapControls') },
    button('zoomIn', '+', () => zoomBy(STEP)),
    button('zoomOut', '−', () => zoomBy(1 / STEP)),
    button('zoomReset', '⟲', () => behaviour.transform(select(stack), zoomIdentity)),
  );
  const help = h('p', { class: 'map-help', id: `${o.id}-help` }, tm('mapHelp'));
  const element = h(
    'div',
    { class: 'map-zoom', 'data-map': o.id, style: `max-width:${width}px` },
    h('div', { class: 'map-frame', style: `width:${width}px;height:${height}px` }, stack, controls),
    popup.element,
    help,
  );

  let view: ZoomTransform = zoomIdentity;
  let marks: Mark[] = [];
  let current: string | undefined;
  let openKeys: Set<string> | undefined;
  let openAnchor: string | undefined;
  const screen = (x: number, y: number): [number, number] => [x * view.k + view.x, y * view.k + view.y];
  const markOf = (key: string | undefined): Mark | undefined => {
    if (key === undefined) return undefined;
    const i = points.findIndex((p) => p.key === key);
    return marks.find((m) => m.members.includes(i));
  };
  const markNode = (m: Mark | undefined) =>
    m ? (marksG.querySelector(`[data-key="${CSS.escape(m.anchor)}"]`) as SVGElement | null) : null;

  const drawLabels = () => {
    const k = view.k;
    const inView = [-view.x / k, -view.y / k, (width - view.x) / k, (height - view.y) / k] as const;
    const placed = placeLabels(viewCandidates(labels, inView, k), k, LABEL_FONT);
    labelsG.innerHTML = placed
      .map((l) =>
        el(
          'text',
          {
            x: l.x * view.k,
            y: l.y * view.k,
            class: 'halo region-label',
            'text-anchor': 'middle',
            dy: '0.35em',
          },
          esc(l.name),
        ),
      )
      .join('');
    top.dataset['labels'] = String(placed.length);
  };

  const drawMarks = () => {
    const focused = marksG.contains(document.activeElement)
      ? (document.activeElement?.getAttribute('data-key') ?? undefined)
      : undefined;
    marks = marksAt(points, base, view.k);
    current = markOf(current)?.anchor ?? keyboardOrder(marks)[0]?.anchor;
    marksG.innerHTML = marksSvg(marks, points, {
      k: view.k,
      tabStop: current,
      look: o.cluster,
      hint: (m) => (canSplit(base, m, view.k) ? tm('clusterZoom') : tm('clusterList')),
    });
    top.dataset['marks'] = String(marks.length);
    top.dataset['clusters'] = String(marks.filter((m) => m.members.length > 1).length);
    if (focused !== undefined) markNode(markOf(focused))?.focus({ preventScroll: true });
  };

  const apply = (t: ZoomTransform, force = false) => {
    const rescaled = t.k !== view.k || force;
    view = t;
    regionsG.setAttribute('transform', `translate(${r(t.x)},${r(t.y)}) scale(${t.k})`);
    const shift = `translate(${r(t.x)},${r(t.y)})`;
    labelsG.setAttribute('transform', shift);
    marksG.setAttribute('transform', shift);
    if (rescaled) {
      drawLabels();
      drawMarks();
    }
    top.dataset['zoom'] = String(Math.round(t.k * 1000) / 1000);
    const g = underlay ? canvas?.getContext('2d') : null;
    if (g && underlay) {
      g.setTransform(dpr, 0, 0, dpr, 0, 0);
      g.clearRect(0, 0, width, height);
      underlay(g, { k: t.k, x: t.x, y: t.y, width, height });
    }
    const open = markOf(openAnchor);
    if (popup.isOpen() && open) popup.move(screen(open.x, open.y));
  };

  const behaviour = zoom<HTMLDivElement, unknown>()
    .scaleExtent([1, MAX_ZOOM])
    .extent([
      [0, 0],
      [width, height],
    ])
    .translateExtent([
      [0, 0],
      [width, height],
    ])
    .on('zoom', (e: D3ZoomEvent<HTMLDivElement, unknown>) => apply(e.transform))
    // Names follow the part of each county in view once a pan ends.
    .on('end', () => drawLabels());
  select(stack).call(behaviour);
  const zoomBy = (factor: number) => {
    behaviour.scaleBy(select(stack), factor);
    announce(tm('zoomLevel', { k: Math.round(view.k * 10) / 10 }));
  };

  const openPopup = (m: Mark) => {
    const members = m.members.map((i) => points[i]!);
    openKeys = new Set(members.map((p) => p.key));
    openAnchor = m.anchor;
    const anchor = m.anchor;
    popup.open(o.popup(members), screen(m.x, m.y), () => {
      markNode(markOf(anchor))?.focus();
    });
  };

  const activate = (m: Mark) => {
    if (!canSplit(base, m, view.k)) {
      openPopup(m);
      return;
    }
    const t = fitTransform(clusterBounds(base, m.members), width, height, view.k);
    const refocus = marksG.contains(document.activeElement);
    const anchor = m.anchor;
    behaviour.transform(select(stack), zoomIdentity.translate(t.x, t.y).scale(t.k));
    current = markOf(anchor)?.anchor ?? current;
    if (refocus) markNode(markOf(anchor))?.focus();
  };

  const markAt = (target: EventTarget | null): Mark | undefined => {
    const key = (target as Element | null)?.closest?.('[data-mark]')?.getAttribute('data-key');
    return key ? marks.find((m) => m.anchor === key) : undefined;
  };

  top.addEventListener('click', (e) => {
    const m = markAt(e.target);
    if (m) activate(m);
  });
  top.addEventListener('focusin', (e) => {
    const m = markAt(e.target);
    if (!m || m.anchor === current) return;
    markNode(markOf(current))?.setAttribute('tabindex', '-1');
    current = m.anchor;
    markNode(m)?.setAttribute('tabindex', '0');
    const [sx, sy] = screen(m.x, m.y);
    if (sx < 8 || sy < 8 || sx > width - 8 || sy > height - 8) behaviour.translateTo(select(stack), m.x, m.y);
  });
  element.addEventListener('keydown', (e) => {
    if ((e.target as Element).closest('.map-popup')) return;
    const m = markAt(e.target);
    const order = keyboardOrder(marks);
    const at = m ? order.indexOf(m) : -1;
    const go = (i: number) => {
      const next = order[Math.max(0, Math.min(order.length - 1, i))];
      if (next) markNode(next)?.focus();
    };
    const pan = (dx: number, dy: number) => behaviour.translateBy(select(stack), dx / view.k, dy / view.k);
    const keys: Record<string, () => void> = {
      '+': () => zoomBy(STEP),
      '=': () => zoomBy(STEP),
      '-': () => zoomBy(1 / STEP),
      '0': () => behaviour.transform(select(stack), zoomIdentity),
      Escape: () => popup.close(true),
    };
    if (m) {
      Object.assign(keys, {
        Enter: () => activate(m),
        ' ': () => activate(m),
        Home: () => go(0),
        End: () => go(order.length - 1),
      });
      const step: Record<string, [number, number]> = {
        ArrowRight: [1, 0],
        ArrowDown: [0, 1],
        ArrowLeft: [-1, 0],
        ArrowUp: [0, -1],
      };
      const s = step[e.key];
      if (s) keys[e.key] = e.shiftKey ? () => pan(-60 * s[0], -60 * s[1]) : () => go(at + (s[0] + s[1]));
    }
    const act = keys[e.key];
    if (!act) return;
    e.preventDefault();
    act();
  });

  apply(zoomIdentity, true);

  return {
    element,
    setPoints(next, nextUnderlay) {
      points = next;
      if (nextUnderlay) underlay = nextUnderlay;
      project();
      apply(view, true);
      if (!popup.isOpen() || !openKeys) return;
      const keys = openKeys;
      const members = points.filter((p) => keys.has(p.key));
      if (members.length === 0) popup.close(false);
      else popup.update(o.popup(members));
    },
  };
}
